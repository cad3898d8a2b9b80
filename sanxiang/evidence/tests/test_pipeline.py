"""pipeline.pour: the bytes written and hashed are exactly the bytes received, in order; a stage's failure or
the stream's reaches the caller after every thread has stopped."""

from __future__ import annotations

import hashlib
import io
import os
import threading
from pathlib import Path

import pytest

from sanxiang.evidence import pipeline

SIZE = 5 * pipeline.BLOCK + 12345  # several blocks and a short last one
THREADS = threading.active_count()


def _pour(tmp_path: Path, data: bytes, **kwargs: object) -> tuple[int, bytes, hashlib._Hash]:
    hasher = hashlib.sha256()
    target = tmp_path / "partial"
    with target.open("w+b") as handle:
        handle.write(b"head")
        received = pipeline.pour(
            stream=io.BytesIO(data), length=kwargs.get("length", len(data)),  # type: ignore[arg-type]
            handle=handle, hashers=[hasher],
        )  # fmt: skip
        handle.flush()
    return received, target.read_bytes(), hasher


def test_writes_and_hashes_every_byte_in_order_after_the_handles_position(tmp_path: Path) -> None:
    data = os.urandom(SIZE)
    received, stored, hasher = _pour(tmp_path, data)
    assert received == SIZE
    assert stored == b"head" + data
    assert hasher.hexdigest() == hashlib.sha256(data).hexdigest()
    assert threading.active_count() == THREADS  # no stage or flusher thread outlives the call


def test_a_stream_that_ends_early_returns_what_arrived(tmp_path: Path) -> None:
    data = os.urandom(pipeline.BLOCK + 7)
    received, stored, hasher = _pour(tmp_path, data, length=SIZE)
    assert received == len(data)
    assert stored == b"head" + data
    assert hasher.hexdigest() == hashlib.sha256(data).hexdigest()


def test_it_never_reads_past_the_length(tmp_path: Path) -> None:
    data = os.urandom(SIZE)
    received, stored, _ = _pour(tmp_path, data, length=pipeline.BLOCK + 1)
    assert received == pipeline.BLOCK + 1
    assert stored == b"head" + data[: pipeline.BLOCK + 1]


class _Broken:
    def update(self, block: bytes) -> None:
        raise OSError("hasher broke")


def test_a_failing_stage_is_raised_and_no_thread_is_left(tmp_path: Path) -> None:
    with (tmp_path / "partial").open("w+b") as handle, pytest.raises(OSError, match="hasher broke"):
        pipeline.pour(stream=io.BytesIO(os.urandom(SIZE)), length=SIZE, handle=handle, hashers=[_Broken()])
    assert threading.active_count() == THREADS


class _CutStream(io.RawIOBase):
    def __init__(self) -> None:
        self.calls = 0

    def read(self, size: int = -1) -> bytes:
        self.calls += 1
        if self.calls > 2:
            raise ConnectionResetError("cut")
        return b"x" * min(size, pipeline.BLOCK)


def test_a_stream_error_is_raised_and_no_thread_is_left(tmp_path: Path) -> None:
    with (tmp_path / "partial").open("w+b") as handle, pytest.raises(ConnectionResetError):
        pipeline.pour(stream=_CutStream(), length=SIZE, handle=handle, hashers=[hashlib.sha256()])  # type: ignore[arg-type]
    assert threading.active_count() == THREADS
