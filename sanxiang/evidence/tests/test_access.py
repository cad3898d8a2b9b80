"""Access copies: ffmpeg derives an MP4 and a poster after the upload commits; the original is untouched; a
missing ffmpeg or a failing run is recorded and visible, and the command rebuilds what is missing."""

from __future__ import annotations

import hashlib
import subprocess
from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import Any

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client
from pytest_django.fixtures import Settings

from conftest import PASSWORD, World
from sanxiang.core.errors import ConfigurationError
from sanxiang.evidence import access, conf
from sanxiang.evidence.enums import AccessCopyStatus
from sanxiang.evidence.models import AccessCopy, EvidenceFile
from sanxiang.evidence.storage import get_storage
from sanxiang.evidence.tests.conftest import FFPROBE, Store, mp4_bytes, records
from sanxiang.evidence.tests.helpers import create, metadata, patch

Capture = Callable[..., AbstractContextManager[list[Callable[[], Any]]]]


def upload(data: bytes, capture: Capture, **meta: str) -> EvidenceFile:
    client = Client()
    client.login(username="officer", password=PASSWORD)
    with capture(execute=True):
        location = create(client, len(data), metadata(**meta))["Location"]
        assert patch(client, location, 0, data).status_code == 204
    return EvidenceFile.objects.latest("pk")


def stored_digest(key: str) -> str:
    return hashlib.sha256(b"".join(get_storage().read(key))).hexdigest()


def probe(data: bytes, tmp: Any) -> str:
    path = tmp / "probe.mp4"
    path.write_bytes(data)
    return subprocess.run(  # noqa: S603
        [FFPROBE, "-v", "error", "-show_entries", "stream=codec_name", "-of", "csv=p=0", str(path)],
        capture_output=True,
        check=True,
        text=True,
    ).stdout


def test_an_uploaded_video_gets_an_mp4_and_a_poster_and_the_original_is_untouched(
    world: World, store: Store, video: bytes, django_capture_on_commit_callbacks: Capture, tmp_path: Any
) -> None:
    evidence = upload(video, django_capture_on_commit_callbacks)
    copy = AccessCopy.objects.get(original=evidence)
    assert copy.status == AccessCopyStatus.READY
    assert copy.video_key != evidence.storage_key
    copy_bytes = b"".join(get_storage().read(copy.video_key))
    assert hashlib.sha256(copy_bytes).hexdigest() == copy.video_sha256
    assert copy_bytes[4:8] == b"ftyp"
    assert copy_bytes.find(b"moov") < copy_bytes.find(b"mdat")  # faststart: the index comes first
    assert probe(copy_bytes, tmp_path).split() == ["h264", "aac"]
    assert b"".join(get_storage().read(copy.poster_key))[:3] == b"\xff\xd8\xff"  # JPEG
    assert stored_digest(evidence.storage_key) == evidence.sha256 == hashlib.sha256(video).hexdigest()
    [made] = records("evidence.access_copy_made")
    assert made["data"]["video"] == f"sha256:{copy.video_sha256}"
    assert made["data"]["digest"] == f"sha256:{evidence.sha256}"


def test_without_ffmpeg_the_error_is_clear_and_recorded(
    world: World, store: Store, settings: Settings, django_capture_on_commit_callbacks: Capture
) -> None:
    settings.SANXIANG_FFMPEG = "/nonexistent/ffmpeg"
    with pytest.raises(ConfigurationError, match="SANXIANG_FFMPEG"):
        conf.ffmpeg()
    evidence = upload(mp4_bytes(4000), django_capture_on_commit_callbacks)
    copy = AccessCopy.objects.get(original=evidence)
    assert copy.status == AccessCopyStatus.FAILED
    assert "/nonexistent/ffmpeg" in copy.error
    [failed] = records("evidence.access_copy_failed")
    assert "SANXIANG_FFMPEG" in failed["data"]["error"]
    assert stored_digest(evidence.storage_key) == evidence.sha256


def test_a_file_ffmpeg_cannot_read_fails_visibly_and_the_command_rebuilds_it(
    world: World, store: Store, video: bytes, django_capture_on_commit_callbacks: Capture
) -> None:
    broken = upload(mp4_bytes(4000), django_capture_on_commit_callbacks)
    assert AccessCopy.objects.get(original=broken).status == AccessCopyStatus.FAILED
    assert "ffmpeg exited" in AccessCopy.objects.get(original=broken).error
    with django_capture_on_commit_callbacks(execute=False):  # as if the worker was down
        client = Client()
        client.login(username="officer", password=PASSWORD)
        location = create(client, len(video))["Location"]
        patch(client, location, 0, video)
    good = EvidenceFile.objects.latest("pk")
    assert access.missing() == [broken.pk, good.pk]
    with pytest.raises(CommandError, match="1 access cop"):
        call_command("evidence", "access-copies")
    assert AccessCopy.objects.get(original=good).status == AccessCopyStatus.READY
    assert access.missing() == [broken.pk]


def test_ffmpeg_gets_a_fixed_argument_list_without_a_shell(tmp_path: Any) -> None:
    arguments = access.video_arguments("/usr/bin/ffmpeg", tmp_path / "in; rm -rf /", tmp_path / "out.mp4")
    assert arguments[0] == "/usr/bin/ffmpeg"
    assert str(tmp_path / "in; rm -rf /") in arguments  # one argument, never parsed by a shell
    assert "+faststart" in arguments


def test_ffmpeg_past_its_time_limit_is_stopped_and_recorded(
    world: World, store: Store, video: bytes, settings: Settings, django_capture_on_commit_callbacks: Capture
) -> None:
    settings.SANXIANG_FFMPEG_TIMEOUT = 0.001
    evidence = upload(video, django_capture_on_commit_callbacks)
    copy = AccessCopy.objects.get(original=evidence)
    assert copy.status == AccessCopyStatus.FAILED
    assert "stopped" in copy.error
    assert len(records("evidence.access_copy_failed")) == 1
