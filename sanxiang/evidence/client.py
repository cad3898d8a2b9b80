"""The upload client for docks and scripts (tuspy): resumes interrupted uploads and verifies that the server's
digest equals its own. Owns the client side only; never imports server modules beyond the wire constants."""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from tusclient import client as tus_client
from tusclient.storage.interface import Storage

from sanxiang.evidence import tus

CHUNK_SIZE = 8 * 1024 * 1024


class JsonUrlStorage(Storage):
    """Remembers upload URLs by file fingerprint in a small JSON file (opened and closed per call, unlike
    tuspy's TinyDB storage, which leaves its file open)."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def _load(self) -> dict[str, str]:
        if not self.path.exists():
            return {}
        loaded: dict[str, str] = json.loads(self.path.read_text())
        return loaded

    def get_item(self, key: str) -> str | None:
        return self._load().get(key)

    def set_item(self, key: str, url: str) -> None:
        self.path.write_text(json.dumps({**self._load(), key: url}))

    def remove_item(self, key: str) -> None:
        items = self._load()
        items.pop(key, None)
        self.path.write_text(json.dumps(items))


class _KeepOpen(io.FileIO):
    """tuspy closes the stream it is given after fingerprinting it; this one stays open until we close it."""

    def close(self) -> None:
        pass

    def release(self) -> None:
        super().close()


@contextlib.contextmanager
def open_for_tus(path: Path) -> Iterator[io.FileIO]:
    stream = _KeepOpen(path, "rb")
    try:
        yield stream
    finally:
        stream.release()


class DigestMismatch(Exception):
    """The server's digest for the finished upload differs from the client's."""


@dataclass(frozen=True)
class Result:
    url: str
    sha256: str
    evidence_id: str


def file_sha256(path: Path) -> str:
    with path.open("rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def upload(
    path: Path,
    *,
    endpoint: str,
    headers: dict[str, str],
    metadata: dict[str, str],
    state: Path,
    chunk_size: int = CHUNK_SIZE,
) -> Result:
    """Upload ``path``, resuming from the URL remembered in ``state`` if there is one. The whole-file
    digest goes in the metadata, so the server refuses the file if what it received differs."""
    digest = file_sha256(path)
    with open_for_tus(path) as stream:
        uploader = tus_client.TusClient(endpoint, headers=headers).uploader(
            file_stream=stream,
            chunk_size=chunk_size,
            metadata={**metadata, "filename": path.name, "sha256": digest},
            store_url=True,
            url_storage=JsonUrlStorage(state),
            upload_checksum=True,
        )
        uploader.upload()
        url = str(uploader.url)
    server_digest, evidence_id = _server_digest(url, headers)
    if server_digest != digest:
        raise DigestMismatch(f"server digest {server_digest} differs from local {digest}")
    return Result(url=url, sha256=digest, evidence_id=evidence_id)


def _server_digest(url: str, headers: dict[str, str]) -> tuple[str, str]:
    request = urllib.request.Request(  # noqa: S310 - the URL is the tus endpoint the operator gave
        url, method="HEAD", headers={**headers, "Tus-Resumable": tus.VERSION}
    )
    with urllib.request.urlopen(request) as response:  # noqa: S310
        return response.headers.get(tus.DIGEST_HEADER, ""), response.headers.get(tus.EVIDENCE_HEADER, "")
