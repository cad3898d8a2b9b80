"""Audio recordings (recorders, phones) get a browser-playable AAC/M4A access copy made by ffmpeg; the file
page plays it in an audio element; the copy streams as audio/mp4 with Range to readers and 404s to outsiders;
the original is never touched."""

from __future__ import annotations

import hashlib
import json
import subprocess
from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse

from conftest import PASSWORD, World
from sanxiang.evidence import access
from sanxiang.evidence.enums import AccessCopyStatus
from sanxiang.evidence.models import AccessCopy, EvidenceFile
from sanxiang.evidence.storage import get_storage
from sanxiang.evidence.tests.conftest import FFMPEG, Store, add_file, records


@pytest.fixture(scope="session")
def wav(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """Two seconds of a 440 Hz tone as 16-bit PCM WAV (ffmpeg, fixed arguments, no shell)."""
    path = tmp_path_factory.mktemp("audio") / "tone.wav"
    arguments = [FFMPEG, "-nostdin", "-hide_banner", "-loglevel", "error", "-y", "-f", "lavfi"]
    arguments += ["-i", "sine=frequency=440:duration=2", "-c:a", "pcm_s16le", str(path)]
    subprocess.run(arguments, check=True, timeout=60)  # noqa: S603 - fixed arguments, no shell
    return path.read_bytes()


@pytest.fixture
def recording(world: World, store: Store, wav: bytes) -> EvidenceFile:
    evidence = add_file(world, data=wav, seconds=2, media_type="audio/x-wav")
    access.build(evidence.pk)
    return evidence


def _streams(data: bytes, tmp_path: Path) -> list[dict[str, str]]:
    path = tmp_path / "copy.m4a"
    path.write_bytes(data)
    probe = [FFMPEG.replace("ffmpeg", "ffprobe"), "-v", "error", "-show_streams", "-of", "json", str(path)]
    done = subprocess.run(probe, capture_output=True, check=True, timeout=60)  # noqa: S603 - fixed arguments
    streams: list[dict[str, str]] = json.loads(done.stdout)["streams"]
    return streams


def _client(username: str | None) -> Client:
    client = Client()
    if username:
        assert client.login(username=username, password=PASSWORD)
    return client


def test_an_audio_original_gets_an_aac_m4a_copy_and_stays_untouched(
    recording: EvidenceFile, wav: bytes, tmp_path: Path
) -> None:
    copy = AccessCopy.objects.get(original=recording)
    assert copy.status == AccessCopyStatus.READY
    assert copy.poster_key == ""
    data = b"".join(get_storage().read(copy.video_key))
    assert hashlib.sha256(data).hexdigest() == copy.video_sha256
    streams = _streams(data, tmp_path)
    assert [(s["codec_type"], s["codec_name"]) for s in streams] == [("audio", "aac")]
    assert b"".join(get_storage().read(recording.storage_key)) == wav
    assert records("evidence.access_copy_made")[-1]["data"]["video"] == f"sha256:{copy.video_sha256}"
    assert recording.pk not in access.missing()


@pytest.mark.parametrize("username", ["officer", "colleague", "supervisor"])
def test_the_file_page_plays_the_audio_copy_with_range(recording: EvidenceFile, username: str) -> None:
    client = _client(username)
    page = client.get(reverse("evidence:file_detail", args=[recording.pk])).content.decode()
    assert 'id="evidence-audio"' in page
    assert 'type="audio/mp4"' in page
    response = client.get(reverse("evidence:copy", args=[recording.pk]), headers={"Range": "bytes=0-99"})
    assert response.status_code == 206
    assert response["Content-Type"] == "audio/mp4"
    assert ".m4a" in response["Content-Disposition"]


@pytest.mark.parametrize("username", ["outsider", None])
def test_outsiders_and_the_public_cannot_play_it(recording: EvidenceFile, username: str | None) -> None:
    response = _client(username).get(reverse("evidence:copy", args=[recording.pk]))
    assert response.status_code == (404 if username else 302)


def test_a_broken_audio_file_records_the_failure(world: World, store: Store) -> None:
    """Bytes that are not audio give a failed copy with ffmpeg's message, recorded; nothing is raised."""
    broken = add_file(world, data=b"RIFF\x00\x00\x00\x00WAVEnot really audio", media_type="audio/x-wav")
    copy = access.build(broken.pk)
    assert copy is not None
    assert copy.status == AccessCopyStatus.FAILED
    assert records("evidence.access_copy_failed")[-1]["data"]["file"] == broken.pk
