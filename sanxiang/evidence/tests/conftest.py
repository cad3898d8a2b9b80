"""Fixtures for evidence tests: isolated storage and upload directories, a registered device, sample media."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from pytest_django.fixtures import Settings

from conftest import World
from sanxiang.evidence import actions
from sanxiang.evidence.enums import DeviceCheck
from sanxiang.evidence.models import Device, EvidenceFile
from sanxiang.evidence.storage import get_storage
from sanxiang.matters.enums import ListKind, VersionStatus
from sanxiang.matters.models import AVEntry, ListVersion
from sanxiang.records import writer
from sanxiang.records.models import PendingEntry

FFMPEG = shutil.which("ffmpeg") or "/usr/bin/ffmpeg"
FFPROBE = shutil.which("ffprobe") or "/usr/bin/ffprobe"
MP4_HEAD = b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom"


def mp4_bytes(size: int, seed: int = 1) -> bytes:
    """Bytes that sniff as MP4 (an ftyp box) followed by deterministic filler."""
    body = (bytes(range(256)) * (size // 256 + 1))[: max(0, size - len(MP4_HEAD))]
    return (MP4_HEAD + bytes((b + seed) % 256 for b in body))[:size]


def records(event_type: str) -> list[dict[str, Any]]:
    return [
        json.loads(bytes(entry.body))
        for entry in PendingEntry.objects.filter(event_type=event_type).order_by("pk")
    ]


@dataclass
class Store:
    root: Path
    uploads: Path


@pytest.fixture
def store(settings: Settings, tmp_path: Path) -> Store:
    root, uploads = tmp_path / "originals", tmp_path / "uploads"
    settings.SANXIANG_EVIDENCE_STORAGE = root.as_uri()
    settings.SANXIANG_EVIDENCE_UPLOAD_DIR = str(uploads)
    return Store(root=root, uploads=uploads)


@dataclass
class Registered:
    device: Device
    token: str


@pytest.fixture
def camera(world: World) -> Registered:
    device, token = actions.check_register_device(
        actor=writer.SYSTEM, agency=world.taiyuan, number="TY-CAM-001", model="DSJ-V9", officer=world.officer
    )
    return Registered(device=device, token=token)


def files_under(path: Path) -> list[Path]:
    return sorted(p for p in path.rglob("*") if p.is_file()) if path.exists() else []


def make_video(path: Path, *, seconds: int = 2) -> Path:
    """A short test-pattern video with a tone, made by ffmpeg (fixed arguments, no shell)."""
    source = f"testsrc=duration={seconds}:size=320x240:rate=15"
    arguments = [FFMPEG, "-nostdin", "-hide_banner", "-loglevel", "error", "-y", "-f", "lavfi", "-i", source]
    arguments += ["-f", "lavfi", "-i", f"sine=duration={seconds}", "-c:v", "libx264", "-preset", "ultrafast"]
    arguments += ["-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest", str(path)]
    subprocess.run(arguments, check=True, timeout=60)  # noqa: S603 - fixed arguments, no shell
    return path


@pytest.fixture(scope="session")
def video(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    return make_video(tmp_path_factory.mktemp("video") / "clip.mp4").read_bytes()


T0 = dt.datetime(2026, 5, 1, 9, 0, tzinfo=dt.UTC)


def add_file(
    world: World,
    *,
    data: bytes,
    start: dt.datetime | None = T0,
    seconds: int = 60,
    step: str = "inspection",
    subject: tuple[str, str] = ("case", "42"),
    media_type: str = "video/mp4",
) -> EvidenceFile:
    """A stored original registered through the action, as an upload would (no HTTP, no access copy)."""
    source = Path(tempfile.mkdtemp()) / "original"
    source.write_bytes(data)
    sha256 = hashlib.sha256(data).hexdigest()
    key = get_storage().store(source, sha256=sha256, size=len(data))
    arrival = actions.Arrival(
        agency=world.taiyuan,
        sha256=sha256,
        size=len(data),
        storage_key=key,
        media_type=media_type,
        metadata={"filename": f"segment-{sha256[:6]}.mp4"},
        subject=subject,
        step=step,
        device=None,
        device_check=DeviceCheck.NONE,
        officer=world.officer,
        certificate_number="",
        capture_start=start,
        capture_end=start + dt.timedelta(seconds=seconds) if start else None,
        uploaded_by_id=world.officer_user.pk,
    )
    return actions.do_add_evidence_file(actor=writer.SYSTEM, arrival=arrival)


def av_list(world: World, *rows: tuple[str, str, str, str]) -> None:
    """Publish the AV-recording list of Taiyuan with rows (matter, step, requirement, retention)."""
    version = ListVersion.objects.create(
        kind=ListKind.AV_RECORDING,
        agency=world.taiyuan,
        number=1,
        status=VersionStatus.PUBLISHED,
        effective_from=dt.date(2026, 1, 1),
        approving_body="太原市司法局",
        approved_on=dt.date(2025, 12, 1),
        published_at=dt.datetime(2025, 12, 2, tzinfo=dt.UTC),
    )
    for matter, step, requirement, retention in rows:
        AVEntry.objects.create(
            version=version,
            matter_code=matter,
            step=step,
            step_name=step,
            requirement=requirement,
            retention=retention,
        )
