"""The storage contract. Holds no I/O: a backend stores a finished local file under its content address and
reads ranges back. A backend must never overwrite an existing key, and never offer a way to delete."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Protocol

CHUNK = 1024 * 1024


def key_for(sha256: str) -> str:
    """The content address: ``sha256/ab/cd/abcd…`` (fan-out keeps directories small)."""
    if len(sha256) != 64 or any(c not in "0123456789abcdef" for c in sha256):
        raise ValueError("key_for needs a lower-case hex SHA-256")
    return f"sha256/{sha256[:2]}/{sha256[2:4]}/{sha256}"


class Storage(Protocol):
    def store(self, source: Path, *, sha256: str, size: int) -> str:
        """Store ``source`` (whose digest the caller computed) under its content address; return the key.
        Storing content that is already there is a no-op."""
        ...

    def size(self, key: str) -> int: ...

    def read(self, key: str, start: int = 0, end: int | None = None) -> Iterator[bytes]:
        """Bytes ``[start, end)`` of the object, in chunks of at most CHUNK."""
        ...
