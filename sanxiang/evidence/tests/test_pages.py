"""The evidence pages over HTTP with the personas: the file page with its player, the access copy and poster
with Range (each read recorded), the subject's list with its gaps, the gap form and the upload page."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from django.test import Client

from conftest import PASSWORD, World
from sanxiang.core import clock
from sanxiang.evidence import access, retention
from sanxiang.evidence.models import Deletion, EvidenceFile, Exemption, GapReason
from sanxiang.evidence.tests.conftest import T0, Store, add_file, av_list, mp4_bytes, records
from sanxiang.organizations.enums import Role
from sanxiang.organizations.tests import factories
from sanxiang.records import writer

READERS = ["officer", "colleague", "supervisor", "admin"]


@pytest.fixture
def played(world: World, store: Store, video: bytes) -> EvidenceFile:
    evidence = add_file(world, data=video, seconds=2)
    access.build(evidence.pk)
    return evidence


def as_(username: str | None) -> Client:
    client = Client()
    if username:
        assert client.login(username=username, password=PASSWORD)
    return client


def _page(response: Any) -> str:
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", response.content.decode())


def body(response: Any) -> bytes:
    return b"".join(response.streaming_content)


@pytest.mark.parametrize("username", READERS)
def test_the_file_page_plays_the_access_copy_with_its_metadata(played: EvidenceFile, username: str) -> None:
    page = as_(username).get(f"/evidence/files/{played.pk}/")
    assert page.status_code == 200
    html = page.content.decode()
    assert f'src="/evidence/files/{played.pk}/copy"' in html
    assert f'poster="/evidence/files/{played.pk}/poster"' in html
    assert played.sha256 in html
    assert "inspection" in html
    assert records("evidence.read") == []  # the page itself streams nothing


@pytest.mark.parametrize("username", READERS)
def test_the_copy_and_poster_stream_with_range_and_every_read_is_recorded(
    played: EvidenceFile, username: str
) -> None:
    client = as_(username)
    copy = played.access_copy
    ranged = client.get(f"/evidence/files/{played.pk}/copy", headers={"Range": "bytes=0-99"})
    assert ranged.status_code == 206
    assert ranged["Content-Type"] == "video/mp4"
    assert ranged["Content-Range"] == f"bytes 0-99/{copy.video_size}"
    assert len(body(ranged)) == 100
    poster = client.get(f"/evidence/files/{played.pk}/poster")
    assert body(poster)[:3] == b"\xff\xd8\xff"
    reads = records("evidence.read")
    assert [(r["data"]["mode"], r["data"]["range"]) for r in reads] == [("copy", "0-99"), ("poster", None)]
    assert reads[0]["data"]["copy"] == f"sha256:{copy.video_sha256}"
    assert reads[0]["data"]["digest"] == f"sha256:{played.sha256}"


@pytest.mark.parametrize("view", ["", "copy", "poster"])
def test_an_outsider_gets_the_404_of_a_missing_file(played: EvidenceFile, view: str) -> None:
    client = as_("outsider")
    refused = client.get(f"/evidence/files/{played.pk}/{view}")
    missing = client.get(f"/evidence/files/{played.pk + 1000}/{view}")
    assert refused.status_code == missing.status_code == 404
    assert _page(refused).replace(f"/{played.pk}/", "/") == _page(missing).replace(
        f"/{played.pk + 1000}/", "/"
    )
    assert records("evidence.read") == []


@pytest.mark.parametrize(
    "path",
    [
        "/evidence/files/{pk}/",
        "/evidence/files/{pk}/copy",
        "/evidence/subjects/case/42/",
        "/evidence/upload/",
    ],
)
def test_the_public_is_sent_to_sign_in(played: EvidenceFile, path: str) -> None:
    response = as_(None).get(path.format(pk=played.pk))
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
    assert records("evidence.read") == []


def test_a_file_without_a_working_copy_says_so(world: World, store: Store) -> None:
    broken = add_file(world, data=mp4_bytes(3000))
    access.build(broken.pk)
    page = as_("officer").get(f"/evidence/files/{broken.pk}/")
    assert 'data-state="failed"' in page.content.decode()
    assert as_("officer").get(f"/evidence/files/{broken.pk}/copy").status_code == 404


def gapped(world: World) -> tuple[EvidenceFile, EvidenceFile]:
    first = add_file(world, data=mp4_bytes(1000, seed=1), seconds=60)
    second = add_file(world, data=mp4_bytes(1000, seed=2), start=T0 + dt.timedelta(minutes=10), seconds=60)
    return first, second


@pytest.mark.parametrize("username", READERS)
def test_the_subject_list_shows_files_and_gaps_in_jurisdiction(
    world: World, store: Store, username: str, django_assert_max_num_queries: Any
) -> None:
    first, second = gapped(world)
    client = as_(username)
    with django_assert_max_num_queries(16):
        page = client.get("/evidence/subjects/case/42/")
    html = page.content.decode()
    assert f'data-file="{first.pk}"' in html
    assert f'data-after="{second.pk}"' in html


def test_the_subject_list_of_an_outsider_is_empty(world: World, store: Store) -> None:
    gapped(world)
    page = as_("outsider").get("/evidence/subjects/case/42/")
    assert page.status_code == 200
    assert "data-file" not in page.content.decode()
    assert "data-after" not in page.content.decode()


def test_an_officer_records_a_gap_reason_and_an_empty_one_is_refused(world: World, store: Store) -> None:
    _first, second = gapped(world)
    client = as_("colleague")
    refused = client.post(f"/evidence/files/{second.pk}/gap", {"reason": "  "}, follow=True)
    assert refused.status_code == 200
    assert not GapReason.objects.exists()
    client.post(f"/evidence/files/{second.pk}/gap", {"reason": "更换电池"})
    assert GapReason.objects.get().reason == "更换电池"
    assert len(records("evidence.gap_explained")) == 1
    assert "更换电池" in client.get("/evidence/subjects/case/42/").content.decode()


def test_an_outsider_cannot_explain_a_gap(world: World, store: Store) -> None:
    _first, second = gapped(world)
    assert as_("outsider").post(f"/evidence/files/{second.pk}/gap", {"reason": "x"}).status_code == 404
    assert not GapReason.objects.exists()


def test_the_upload_page_is_for_officers(world: World) -> None:
    page = as_("officer").get("/evidence/upload/?subject_kind=case&subject_id=42&step=inspection")
    html = page.content.decode()
    assert page.status_code == 200
    assert 'data-endpoint="/evidence/uploads/"' in html
    assert 'value="42"' in html
    assert "evidence/tus-upload.js" in html
    assert as_("supervisor").get("/evidence/upload/").status_code == 404


def test_exemptions_are_requested_and_approved_from_the_subject_page(world: World, store: Store) -> None:
    factories.grant(world.colleague_user, world.taiyuan, Role.DEPARTMENT_HEAD)
    url = "/evidence/subjects/case/42/exemptions"
    as_("officer").post(url, {"matter_code": "M-001", "step": "seizure", "reason": " "})
    assert not Exemption.objects.exists()
    as_("officer").post(url, {"matter_code": "M-001", "step": "seizure", "reason": "设备故障"})
    exemption = Exemption.objects.get()
    assert as_("outsider").post(f"/evidence/exemptions/{exemption.pk}/approve").status_code == 404
    as_("officer").post(f"/evidence/exemptions/{exemption.pk}/approve")  # the requester: refused
    assert Exemption.objects.get().approved_at is None
    as_("colleague").post(f"/evidence/exemptions/{exemption.pk}/approve")
    assert Exemption.objects.get().approved_by_id == world.colleague_user.pk
    page = as_("supervisor").get("/evidence/subjects/case/42/").content.decode()
    assert f'data-exemption="{exemption.pk}"' in page
    assert (
        as_("supervisor").post(url, {"matter_code": "M-001", "step": "x", "reason": "y"}).status_code == 404
    )


def test_a_routine_recording_is_deleted_from_its_page_by_two_people(
    world: World, store: Store, django_capture_on_commit_callbacks: Any
) -> None:
    av_list(world, ("M-001", "inspection", "as_needed", "routine"))
    factories.grant(world.colleague_user, world.taiyuan, Role.AGENCY_HEAD)
    evidence = add_file(world, data=mp4_bytes(700))
    retention.check_classify_retention(actor=writer.SYSTEM, evidence=evidence, matter_code="M-001")
    assert 'id="deletion-form"' in as_("officer").get(f"/evidence/files/{evidence.pk}/").content.decode()
    with (
        clock.frozen_now(dt.datetime(2026, 12, 1, tzinfo=dt.UTC)),
        django_capture_on_commit_callbacks(execute=True),
    ):
        assert (
            as_("outsider").post(f"/evidence/files/{evidence.pk}/deletion", {"reason": "x"}).status_code
            == 404
        )
        as_("officer").post(f"/evidence/files/{evidence.pk}/deletion", {"reason": "保存期满"})
        as_("officer").post(f"/evidence/files/{evidence.pk}/deletion/approve")  # the requester: refused
        assert Deletion.objects.get().approved_at is None
        as_("colleague").post(f"/evidence/files/{evidence.pk}/deletion/approve")
    assert Deletion.objects.get().approved_by_id == world.colleague_user.pk
    assert len(records("evidence.deleted")) == 1
    assert as_("officer").get(f"/evidence/files/{evidence.pk}/play").status_code == 404
