"""Storage backends for evidence originals, chosen by ``SANXIANG_EVIDENCE_STORAGE``.

Owns the choice of backend. Backends store bytes once under a key derived from their SHA-256 and never
overwrite or delete; callers never build storage keys or paths themselves.
"""

from __future__ import annotations

from functools import cache
from urllib.parse import unquote, urlsplit

from sanxiang.evidence import conf
from sanxiang.evidence.storage.base import Storage, key_for

__all__ = ["Storage", "get_storage", "key_for", "storage_from_url"]


def storage_from_url(url: str) -> Storage:
    parts = urlsplit(url)
    if parts.scheme == "file":
        from sanxiang.evidence.storage.filesystem import FilesystemStorage

        return FilesystemStorage(unquote(parts.path))
    if parts.scheme == "s3":
        from sanxiang.evidence.storage.s3 import S3Storage

        return S3Storage.from_url(url)
    raise ValueError(f"unsupported evidence storage {url!r}: use file:///dir or s3://bucket?...")


@cache
def _cached(url: str) -> Storage:
    return storage_from_url(url)


def get_storage() -> Storage:
    """The configured backend (one per distinct setting value, so tests may switch it)."""
    return _cached(conf.storage_url())
