"""Streaming one request body into a partial file with receiving, hashing and writing overlapped.

Receiving (socket reads), hashing (SHA-256, SM3, a tus chunk checksum) and writing each release the GIL, so
each runs in its own thread and they overlap on a multi-core server instead of taking turns. The threads pass
the same immutable blocks through bounded queues: memory stays at a few blocks whatever the file size. While
the bytes arrive, a flusher thread keeps asking the kernel to write the file's dirty pages out (fdatasync), so
the disk works during the transfer rather than all at once at the end; the caller still fsyncs once the body
is complete, which is what makes the bytes durable. Owns no rows and no paths: only the threads it starts,
which have all ended when ``pour`` returns or raises.
"""

from __future__ import annotations

import os
import queue
import threading
from collections.abc import Callable
from typing import IO

BLOCK = 1024 * 1024
DEPTH = 4  # blocks queued per stage; the stages share the blocks, so about DEPTH + 2 MiB in flight
FLUSH_EVERY = 32 * BLOCK  # start writing dirty pages out every 32 MiB written

_DONE = object()  # the end of a stage's queue


class _Stage(threading.Thread):
    """Applies ``work`` to each block from its queue. After a failure it keeps draining the queue (so the
    receiving thread never blocks on a full queue) and keeps the error for ``pour`` to raise."""

    def __init__(self, work: Callable[[bytes], object]) -> None:
        super().__init__(daemon=True)
        self.work = work
        self.blocks: queue.Queue[object] = queue.Queue(maxsize=DEPTH)
        self.error: BaseException | None = None

    def run(self) -> None:
        while (block := self.blocks.get()) is not _DONE:
            if self.error is None:
                try:
                    self.work(block)  # type: ignore[arg-type]  # only bytes besides _DONE
                except BaseException as error:  # handed to the receiving thread, raised there
                    self.error = error


class _Flusher(threading.Thread):
    """Calls fdatasync whenever the writer has added FLUSH_EVERY bytes since the last call."""

    def __init__(self, fd: int) -> None:
        super().__init__(daemon=True)
        self.fd = fd
        self.kick = threading.Event()
        self.stopping = False
        self.error: OSError | None = None

    def run(self) -> None:
        while True:
            self.kick.wait()
            self.kick.clear()
            if self.stopping:
                return
            if self.error is None:
                try:
                    os.fdatasync(self.fd)
                except OSError as error:  # raised by pour once every thread has stopped
                    self.error = error

    def stop(self) -> None:
        self.stopping = True
        self.kick.set()
        self.join()


def pour(*, stream: IO[bytes], length: int, handle: IO[bytes], hashers: list[object]) -> int:
    """Read up to ``length`` bytes from ``stream``, write them at ``handle``'s position and feed every hasher
    (anything with ``update(bytes)``). Returns how many bytes arrived (fewer when the client stopped early).
    Raises the first error of any stage, or of the stream, after every thread has stopped. Does not fsync."""
    flusher = _Flusher(handle.fileno())
    written = 0

    def write(block: bytes) -> None:
        nonlocal written
        handle.write(block)
        before, written = written, written + len(block)
        if before // FLUSH_EVERY != written // FLUSH_EVERY:
            handle.flush()
            flusher.kick.set()

    stages = [_Stage(write)] + [_Stage(hasher.update) for hasher in hashers]  # type: ignore[attr-defined]
    flusher.start()
    for stage in stages:
        stage.start()
    received = 0
    try:
        while received < length and not any(stage.error for stage in stages):
            block = stream.read(min(BLOCK, length - received))
            if not block:
                break
            for stage in stages:
                stage.blocks.put(block)
            received += len(block)
    finally:
        for stage in stages:
            stage.blocks.put(_DONE)
        for stage in stages:
            stage.join()
        flusher.stop()
    for stage in stages:
        if stage.error is not None:
            raise stage.error
    if flusher.error is not None:
        raise flusher.error
    return received
