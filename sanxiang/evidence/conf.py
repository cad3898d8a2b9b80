"""Deployment settings the evidence app reads, each with its default. Reads settings and environment only.

SANXIANG_EVIDENCE_STORAGE          where originals go: ``file:///abs/dir`` (default MEDIA_ROOT/evidence) or
                                   ``s3://bucket?endpoint=https://host&region=r&retention_days=3650&mode=COMPLIANCE``
SANXIANG_EVIDENCE_UPLOAD_DIR       partial uploads (default VAR_DIR/evidence-uploads)
SANXIANG_EVIDENCE_MAX_BYTES        largest file accepted (default 16 GiB)
SANXIANG_EVIDENCE_UPLOAD_HOURS     hours an unfinished upload is kept after its last write (default 72)

Each is read from Django settings first, then from the environment of the same name.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from django.conf import settings


def _read(name: str, default: str) -> str:
    value = getattr(settings, name, None) or os.environ.get(name)
    return str(value) if value else default


def storage_url() -> str:
    return _read("SANXIANG_EVIDENCE_STORAGE", (Path(settings.MEDIA_ROOT) / "evidence").as_uri())


def upload_dir() -> Path:
    path = Path(_read("SANXIANG_EVIDENCE_UPLOAD_DIR", str(Path(settings.VAR_DIR) / "evidence-uploads")))
    path.mkdir(parents=True, exist_ok=True)
    return path


def max_bytes() -> int:
    return int(_read("SANXIANG_EVIDENCE_MAX_BYTES", str(16 * 1024**3)))


def upload_lifetime() -> dt.timedelta:
    return dt.timedelta(hours=float(_read("SANXIANG_EVIDENCE_UPLOAD_HOURS", "72")))
