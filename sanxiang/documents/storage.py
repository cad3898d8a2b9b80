"""Write-once, content-addressed storage of document files (issued DOCX/PDF, uploaded templates and signed
scans), under ``SANXIANG_DOCUMENT_STORAGE`` (default MEDIA_ROOT/documents).

It follows the evidence store's rules (key ``sha256/ab/cd/<hex>``, atomic link that never replaces, files
made read-only) but is its own small store: ``evidence`` sits above ``documents`` in the layers, so this layer
cannot import it. Never overwrites and never deletes.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

READ_ONLY = 0o444


@dataclass(frozen=True)
class Stored:
    key: str
    sha256: str
    size: int


def root() -> Path:
    configured = getattr(settings, "SANXIANG_DOCUMENT_STORAGE", None) or os.environ.get(
        "SANXIANG_DOCUMENT_STORAGE"
    )
    return Path(configured) if configured else Path(settings.MEDIA_ROOT) / "documents"


def key_for(sha256: str) -> str:
    if len(sha256) != 64 or any(c not in "0123456789abcdef" for c in sha256):
        raise ValueError("key_for needs a lower-case hex SHA-256")
    return f"sha256/{sha256[:2]}/{sha256[2:4]}/{sha256}"


def _path(key: str) -> Path:
    base = root().resolve()
    path = (base / key).resolve()
    if base not in path.parents:
        raise ValueError("storage key escapes the root")
    return path


def store(content: bytes) -> Stored:
    """Store ``content`` under its digest; storing the same bytes again is a no-op."""
    sha256 = hashlib.sha256(content).hexdigest()
    key = key_for(sha256)
    final = _path(key)
    if not final.exists():
        final.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=final.parent, prefix=".", delete=False) as handle:
            handle.write(content)
            handle.flush()
            os.fsync(handle.fileno())
        staged = Path(handle.name)
        staged.chmod(READ_ONLY)
        try:
            os.link(staged, final)  # atomic; refuses to replace an existing file
        except FileExistsError:
            pass
        finally:
            staged.unlink()
    return Stored(key=key, sha256=sha256, size=len(content))


def read(key: str) -> bytes:
    return _path(key).read_bytes()
