"""Deployment settings the evidence app reads, each with its default. Reads settings and environment only.

SANXIANG_EVIDENCE_STORAGE          where originals go: ``file:///abs/dir`` (default MEDIA_ROOT/evidence) or
                                   ``s3://bucket?endpoint=https://host&region=r&retention_days=3650&mode=COMPLIANCE``
SANXIANG_EVIDENCE_UPLOAD_DIR       partial uploads (default VAR_DIR/evidence-uploads)
SANXIANG_EVIDENCE_MAX_BYTES        largest file accepted (default 16 GiB)
SANXIANG_EVIDENCE_UPLOAD_HOURS     hours an unfinished upload is kept after its last write (default 72)
SANXIANG_FFMPEG                    the ffmpeg executable for access copies (default: ``ffmpeg`` on PATH)
SANXIANG_FFMPEG_TIMEOUT            seconds one ffmpeg run may take before it is killed (default 1800)
SANXIANG_EVIDENCE_GAP_SECONDS      a pause between AV segments of one act longer than this asks for a reason
                                   (default 60)
SANXIANG_EVIDENCE_ROUTINE_DAYS     days a routine (non-evidence) recording is kept (default 183; never less)
SANXIANG_EVIDENCE_SM3              also compute the SM3 digest of every file while it streams in (default off;
                                   needs SM3 in the platform's OpenSSL)

Each is read from Django settings first, then from the environment of the same name.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
from pathlib import Path

from django.conf import settings
from django.utils.translation import gettext as _

from sanxiang.core.errors import ConfigurationError

MIN_ROUTINE_DAYS = 183  # R-REC-05: at least six months


def _read(name: str, default: str) -> str:
    value = getattr(settings, name, None) or os.environ.get(name)
    return str(value) if value else default


def storage_url() -> str:
    return _read("SANXIANG_EVIDENCE_STORAGE", (Path(settings.MEDIA_ROOT) / "evidence").as_uri())


def upload_dir() -> Path:
    path = Path(_read("SANXIANG_EVIDENCE_UPLOAD_DIR", str(Path(settings.VAR_DIR) / "evidence-uploads")))
    path.mkdir(parents=True, exist_ok=True)
    return path


def sm3_required() -> bool:
    return _read("SANXIANG_EVIDENCE_SM3", "").lower() in {"1", "true", "yes", "on"}


def max_bytes() -> int:
    return int(_read("SANXIANG_EVIDENCE_MAX_BYTES", str(16 * 1024**3)))


def upload_lifetime() -> dt.timedelta:
    return dt.timedelta(hours=float(_read("SANXIANG_EVIDENCE_UPLOAD_HOURS", "72")))


def ffmpeg() -> str:
    """The ffmpeg executable, or a ConfigurationError saying how to provide it."""
    configured = _read("SANXIANG_FFMPEG", "ffmpeg")
    found = shutil.which(configured)
    if found is None:
        raise ConfigurationError(
            _(
                "ffmpeg was not found (%(path)s): install the Debian package ffmpeg or set SANXIANG_FFMPEG "
                "to its path. Access copies of AV evidence cannot be made without it."
            )
            % {"path": configured}
        )
    return found


def ffmpeg_timeout() -> float:
    return float(_read("SANXIANG_FFMPEG_TIMEOUT", "1800"))


def gap_threshold() -> dt.timedelta:
    return dt.timedelta(seconds=float(_read("SANXIANG_EVIDENCE_GAP_SECONDS", "60")))


def routine_retention() -> dt.timedelta:
    days = int(_read("SANXIANG_EVIDENCE_ROUTINE_DAYS", str(MIN_ROUTINE_DAYS)))
    if days < MIN_ROUTINE_DAYS:
        raise ConfigurationError(
            _("Routine recordings must be kept at least %(days)d days (R-REC-05).")
            % {"days": MIN_ROUTINE_DAYS}
        )
    return dt.timedelta(days=days)
