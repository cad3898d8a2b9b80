"""Browser journey in real Chromium (Debian's /usr/bin/chromium) against a live server: an officer uploads a
short ffmpeg-generated video to a subject step through the page's tus client, then plays the access copy back.
Run with ``pytest -m e2e -p no:xdist sanxiang/evidence``.

Debian's Chromium plays H.264/AAC in MP4 (checked: canPlayType answers "probably" and this test plays it), so
the access copy is MP4 only; no WebM copy is made."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from django.db import connections
from playwright.sync_api import Page, Route
from pytest_django.fixtures import Settings
from pytest_django.live_server_helper import LiveServer

from sanxiang.evidence.enums import AccessCopyStatus
from sanxiang.evidence.models import EvidenceFile
from sanxiang.evidence.tests.conftest import make_video, records
from sanxiang.organizations.enums import AgencyLevel, Role
from sanxiang.organizations.tests import factories
from sanxiang.records.models import Entry

pytestmark = pytest.mark.e2e

PASSWORD = "correct-horse-battery"


@pytest.fixture
def clip(transactional_db: None, settings: Settings, tmp_path: Path) -> Path:
    settings.SANXIANG_EVIDENCE_STORAGE = (tmp_path / "originals").as_uri()
    settings.SANXIANG_EVIDENCE_UPLOAD_DIR = str(tmp_path / "uploads")
    province = factories.make_agency("山西省人民防空办公室", level=AgencyLevel.PROVINCE)
    taiyuan = factories.make_agency("太原市人民防空办公室", level=AgencyLevel.CITY, parent=province)
    user = factories.make_user("officer", password=PASSWORD)
    factories.make_officer(taiyuan, "张三", user=user)
    factories.grant(user, taiyuan, Role.OFFICER)
    path = make_video(tmp_path / "现场检查.mp4", seconds=2)
    connections.close_all()  # see publicity's e2e test: no idle connection may outlive the live server
    return path


# ``clip`` (the database) comes before ``live_server``, as in publicity's e2e test.
def test_an_officer_uploads_a_video_and_plays_it_back(
    clip: Path, live_server: LiveServer, page: Page
) -> None:
    page.goto(
        f"{live_server.url}/accounts/login/?next=/evidence/upload/%3Fsubject_kind%3Dcase%26subject_id%3D42"
    )
    page.fill("#id_username", "officer")
    page.fill("#id_password", PASSWORD)
    page.click("form button[type=submit].primary")
    page.wait_for_selector("#evidence-upload")
    page.fill("#id_step", "inspection")
    page.fill("#id_capture_start", "2026-05-01T09:00")
    page.fill("#id_capture_end", "2026-05-01T09:02")
    page.set_input_files("#id_file", str(clip))
    page.click("#upload-button")
    page.wait_for_selector('#upload-status[data-state="done"]', timeout=60_000)
    assert page.locator("#upload-progress").get_attribute("value") == "100"

    evidence = EvidenceFile.objects.get()
    assert (evidence.subject_kind, evidence.subject_id, evidence.step) == ("case", "42", "inspection")
    assert evidence.access_copy.status == AccessCopyStatus.READY

    page.click("#evidence-link")
    page.wait_for_selector("#evidence-video")
    assert page.locator("#evidence-digest").inner_text() == evidence.sha256
    page.wait_for_function("document.querySelector('#evidence-video').readyState >= 2", timeout=20_000)
    page.evaluate("document.querySelector('#evidence-video').muted = true")
    page.evaluate("document.querySelector('#evidence-video').play()")
    page.wait_for_function("document.querySelector('#evidence-video').currentTime > 0.3", timeout=20_000)
    reads = [json.loads(bytes(e.body)) for e in Entry.objects.filter(event_type="evidence.read")]
    reads += records("evidence.read")  # integrated on commit, or still pending
    assert any(read["data"]["mode"] == "copy" for read in reads)
    connections.close_all()


def test_an_interrupted_upload_resumes_when_the_officer_presses_upload_again(
    clip: Path, live_server: LiveServer, page: Page
) -> None:
    page.goto(f"{live_server.url}/accounts/login/?next=/evidence/upload/")
    page.fill("#id_username", "officer")
    page.fill("#id_password", PASSWORD)
    page.click("form button[type=submit].primary")
    page.wait_for_selector("#evidence-upload")
    page.evaluate("document.getElementById('evidence-upload').dataset.chunk = '16384'")
    page.fill("#id_subject_id", "42")
    page.fill("#id_step", "inspection")
    page.set_input_files("#id_file", str(clip))
    patches: list[int] = []

    def cut_the_third_chunk(route: Route) -> None:
        if route.request.method == "PATCH":
            patches.append(int(route.request.headers["upload-offset"]))
            if len(patches) == 3:
                route.abort("connectionreset")
                return
        route.continue_()

    page.route("**/evidence/uploads/**", cut_the_third_chunk)
    page.click("#upload-button")
    page.wait_for_selector('#upload-status[data-state="interrupted"]', timeout=30_000)
    assert not EvidenceFile.objects.exists()
    page.click("#upload-button")  # HEAD asks the server for its offset, then the rest follows
    page.wait_for_selector('#upload-status[data-state="done"]', timeout=60_000)
    assert patches[3] == 2 * 16384  # resumed from the stored offset, not from zero
    evidence = EvidenceFile.objects.get()
    assert evidence.size == clip.stat().st_size
    assert evidence.sha256 == hashlib.sha256(clip.read_bytes()).hexdigest()
    connections.close_all()
