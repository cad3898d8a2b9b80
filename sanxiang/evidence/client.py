"""The upload client for docks and scripts (tuspy): resumes interrupted uploads and verifies that the server's
digest equals its own. Owns the client side only; never imports server modules beyond the wire constants."""

from __future__ import annotations

import hashlib
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from tusclient import client as tus_client
from tusclient.storage.filestorage import FileStorage

from sanxiang.evidence import tus

CHUNK_SIZE = 8 * 1024 * 1024


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
    uploader = tus_client.TusClient(endpoint, headers=headers).uploader(
        str(path),
        chunk_size=chunk_size,
        metadata={**metadata, "filename": path.name, "sha256": digest},
        store_url=True,
        url_storage=FileStorage(str(state)),  # type: ignore[no-untyped-call]  # tuspy leaves it unannotated
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
