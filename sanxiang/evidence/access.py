"""Access copies: for a video, a browser-playable MP4 (H.264/AAC, faststart) and a poster JPEG; for an audio
recording (e.g. a recorder's AMR, WAV or MP3), an AAC M4A; derived from an original by ffmpeg, each stored
under its own content address and linked to the original (the playable copy in the ``video_*`` columns).

Owns running ffmpeg and the AccessCopy rows. ffmpeg gets a fixed argument list (no shell, no user text but the
paths we chose), a time limit, and only ever reads the original: the filesystem backend hands it the read-only
file itself, any other backend a private temporary copy. Never writes, moves or re-keys an original. A failure
is kept on the AccessCopy row and recorded (``evidence.access_copy_failed``), never raised to the uploader.
"""

from __future__ import annotations

import hashlib
import logging
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from django.db import transaction
from django.db.models import Q

from sanxiang.core import clock
from sanxiang.core.errors import ConfigurationError
from sanxiang.evidence import conf
from sanxiang.evidence.enums import AccessCopyStatus
from sanxiang.evidence.models import AccessCopy, EvidenceFile
from sanxiang.evidence.storage import get_storage
from sanxiang.evidence.storage.filesystem import FilesystemStorage
from sanxiang.records import writer

logger = logging.getLogger(__name__)

VIDEO_MEDIA_TYPE = "video/mp4"
AUDIO_MEDIA_TYPE = "audio/mp4"  # AAC in an MP4 (M4A) container: plays in every current browser
POSTER_MEDIA_TYPE = "image/jpeg"
ERROR_CHARS = 2000


class FfmpegFailed(Exception):
    """ffmpeg exited non-zero or ran past its time limit."""


@dataclass(frozen=True)
class Derived:
    sha256: str
    size: int
    key: str


def wants_copy(evidence: EvidenceFile) -> bool:
    return evidence.media_type.startswith(("video/", "audio/"))


def is_audio(evidence: EvidenceFile) -> bool:
    return evidence.media_type.startswith("audio/")


def copy_media_type(evidence: EvidenceFile) -> str:
    return AUDIO_MEDIA_TYPE if is_audio(evidence) else VIDEO_MEDIA_TYPE


def audio_arguments(ffmpeg: str, source: Path, target: Path) -> list[str]:
    """AAC (96 kbit/s) in M4A with the index up front; the first audio stream only, no picture."""
    return [
        ffmpeg, "-nostdin", "-hide_banner", "-loglevel", "error", "-y",
        "-i", str(source),
        "-map", "0:a:0", "-vn",
        "-c:a", "aac", "-b:a", "96k",
        "-movflags", "+faststart",
        "-f", "mp4", str(target),
    ]  # fmt: skip


def video_arguments(ffmpeg: str, source: Path, target: Path) -> list[str]:
    """H.264 (yuv420p, even dimensions) and AAC in MP4 with the index up front, so playback starts at once."""
    return [
        ffmpeg, "-nostdin", "-hide_banner", "-loglevel", "error", "-y",
        "-i", str(source),
        "-map", "0:v:0", "-map", "0:a:0?",
        "-c:v", "libx264", "-preset", "veryfast", "-crf", "26", "-pix_fmt", "yuv420p",
        "-vf", "scale=trunc(iw/2)*2:trunc(ih/2)*2",
        "-c:a", "aac", "-b:a", "96k",
        "-movflags", "+faststart",
        "-f", "mp4", str(target),
    ]  # fmt: skip


def poster_arguments(ffmpeg: str, source: Path, target: Path) -> list[str]:
    return [
        ffmpeg, "-nostdin", "-hide_banner", "-loglevel", "error", "-y",
        "-i", str(source),
        "-frames:v", "1", "-vf", "scale='min(640,iw)':-2", "-q:v", "4",
        "-f", "image2", str(target),
    ]  # fmt: skip


def _run(arguments: list[str]) -> None:
    try:
        done = subprocess.run(  # noqa: S603 - fixed argument list, no shell, paths chosen by us
            arguments, capture_output=True, timeout=conf.ffmpeg_timeout(), check=False
        )
    except subprocess.TimeoutExpired:
        raise FfmpegFailed(f"ffmpeg ran longer than {conf.ffmpeg_timeout():.0f} s and was stopped") from None
    if done.returncode != 0:
        message = done.stderr.decode(errors="replace").strip()[-ERROR_CHARS:]
        raise FfmpegFailed(f"ffmpeg exited with {done.returncode}: {message}")


def _store(path: Path) -> Derived:
    with path.open("rb") as handle:
        sha256 = hashlib.file_digest(handle, "sha256").hexdigest()
    size = path.stat().st_size
    return Derived(sha256=sha256, size=size, key=get_storage().store(path, sha256=sha256, size=size))


def _source(evidence: EvidenceFile, workdir: Path) -> Path:
    """The original as a path ffmpeg can read: the read-only stored file, or a private copy of its bytes."""
    storage = get_storage()
    if isinstance(storage, FilesystemStorage):
        return storage.path(evidence.storage_key)
    copy = workdir / "original"
    with copy.open("wb") as handle:
        for block in storage.read(evidence.storage_key):
            handle.write(block)
    return copy


def derive(evidence: EvidenceFile) -> tuple[Derived, Derived | None]:
    """Run ffmpeg and store the results. Raises ConfigurationError without ffmpeg, FfmpegFailed on failure."""
    ffmpeg = conf.ffmpeg()
    with tempfile.TemporaryDirectory(dir=conf.upload_dir(), prefix="access-") as work:
        workdir = Path(work)
        source = _source(evidence, workdir)
        if is_audio(evidence):
            audio = workdir / "copy.m4a"
            _run(audio_arguments(ffmpeg, source, audio))
            return _store(audio), None
        video, poster = workdir / "copy.mp4", workdir / "poster.jpg"
        _run(video_arguments(ffmpeg, source, video))
        made = _store(video)
        try:
            _run(poster_arguments(ffmpeg, source, poster))
        except FfmpegFailed:
            logger.warning("no poster for evidence file %s", evidence.pk, exc_info=True)
            return made, None
        return made, _store(poster)


def build(evidence_id: int) -> AccessCopy | None:
    """Make (or remake) the access copy of one original. None if it is neither video nor audio. Records the
    outcome."""
    evidence = EvidenceFile.objects.filter(pk=evidence_id).first()
    if evidence is None or not wants_copy(evidence):
        return None
    try:
        video, poster = derive(evidence)
    except (ConfigurationError, FfmpegFailed, OSError) as error:
        message = error.message if isinstance(error, ConfigurationError) else str(error)
        return _failed(evidence, message[:ERROR_CHARS])
    return _ready(evidence, video, poster)


@transaction.atomic
def _ready(evidence: EvidenceFile, video: Derived, poster: Derived | None) -> AccessCopy:
    copy = _locked(evidence)
    copy.status = AccessCopyStatus.READY
    copy.video_sha256, copy.video_key, copy.video_size = video.sha256, video.key, video.size
    if poster is not None:
        copy.poster_sha256, copy.poster_key, copy.poster_size = poster.sha256, poster.key, poster.size
    copy.error = ""
    copy.save()
    writer.append(
        "evidence.access_copy_made",
        agency_id=evidence.agency_id,
        actor=writer.SYSTEM,
        subject=writer.Subject("evidence_file", str(evidence.pk)),
        data={
            "file": evidence.pk,
            "digest": f"sha256:{evidence.sha256}",
            "video": f"sha256:{video.sha256}",
            "video_size": video.size,
            "poster": f"sha256:{poster.sha256}" if poster else None,
        },
    )
    return copy


@transaction.atomic
def _failed(evidence: EvidenceFile, message: str) -> AccessCopy:
    logger.error("access copy of evidence file %s failed: %s", evidence.pk, message)
    copy = _locked(evidence)
    if copy.status != AccessCopyStatus.READY:  # a failed rebuild never hides a copy that works
        copy.status = AccessCopyStatus.FAILED
    copy.error = message
    copy.save()
    writer.append(
        "evidence.access_copy_failed",
        agency_id=evidence.agency_id,
        actor=writer.SYSTEM,
        subject=writer.Subject("evidence_file", str(evidence.pk)),
        data={"file": evidence.pk, "digest": f"sha256:{evidence.sha256}", "error": message},
    )
    return copy


def _locked(evidence: EvidenceFile) -> AccessCopy:
    copy, _created = AccessCopy.objects.select_for_update().get_or_create(
        original=evidence, defaults={"status": AccessCopyStatus.FAILED}
    )
    copy.attempts += 1
    copy.updated_at = clock.now()
    return copy


def missing() -> list[int]:
    """Videos and audio recordings with no working access copy (never made, or failed): what ``evidence
    access-copies`` builds."""
    playable = Q(media_type__startswith="video/") | Q(media_type__startswith="audio/")
    return list(
        EvidenceFile.objects.filter(playable, deletion__approved_at__isnull=True)
        .exclude(access_copy__status=AccessCopyStatus.READY)
        .order_by("pk")
        .values_list("pk", flat=True)
    )


def schedule(evidence: EvidenceFile) -> None:
    """After the current transaction commits, queue the access copy of a newly stored video or audio file."""
    if not wants_copy(evidence):
        return
    from sanxiang.evidence import tasks

    evidence_id = evidence.pk
    # robust: a broker or ffmpeg problem is logged and never turns a stored upload into an error response
    transaction.on_commit(lambda: tasks.make_access_copy.delay(evidence_id), robust=True)
