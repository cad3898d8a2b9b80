"""Late uploads accounted for (R-REC-04: recordings are uploaded promptly; a late one is kept and flagged):
the officer who uploaded it gives a reason, a supervisor (not the uploader) acknowledges it, both recorded in
the log; the work item clears once acknowledged and the reason shows on the file's page. Everyone else, and
bad input, is refused with nothing written."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from django.utils import translation

from conftest import PASSWORD, World
from sanxiang.core import clock
from sanxiang.evidence import lag
from sanxiang.evidence.lag_models import LateUploadReason
from sanxiang.evidence.models import EvidenceFile
from sanxiang.evidence.tests.conftest import T0, Store, add_file, mp4_bytes, records
from sanxiang.evidence.worklist_items import late_upload_items
from sanxiang.organizations.enums import Role
from sanxiang.organizations.tests import factories
from sanxiang.records import writer
from sanxiang.records.models import PendingEntry

REASON = "执法记录仪电池耗尽，次日返回单位后上传"
LATER = T0 + dt.timedelta(hours=30)


@pytest.fixture
def late_file(world: World, store: Store) -> Any:
    lag.check_set_upload_lag_limit(
        actor=writer.SYSTEM,
        agency=world.taiyuan,
        effective_from=dt.date(2026, 1, 1),
        hours=24,
        basis="市人防办音像记录规定 第8条",
    )
    with clock.frozen_now(LATER):
        evidence = add_file(world, data=mp4_bytes(3000))
    assert evidence.uploaded_late
    with clock.frozen_now(LATER + dt.timedelta(hours=1)), translation.override("en"):
        yield evidence


def as_(username: str | None) -> Client:
    client = Client()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"  # the messages are asserted in their English source
    if username:
        assert client.login(username=username, password=PASSWORD)
    return client


def _give(username: str | None, evidence: EvidenceFile, reason: str = REASON) -> Any:
    url = reverse("evidence:give_late_reason", args=[evidence.pk])
    return as_(username).post(url, {"reason": reason}, follow=bool(username))


def _ack(username: str | None, evidence: EvidenceFile) -> Any:
    url = reverse("evidence:acknowledge_late_reason", args=[evidence.pk])
    return as_(username).post(url, follow=bool(username))


def _written() -> tuple[int, int, int]:
    acknowledged = LateUploadReason.objects.filter(acknowledged_at__isnull=False).count()
    return LateUploadReason.objects.count(), acknowledged, PendingEntry.objects.count()


def test_reason_then_acknowledgement_clears_the_work_item(world: World, late_file: EvidenceFile) -> None:
    assert late_upload_items(world.supervisor_user)
    page = as_("officer").get(reverse("evidence:file_detail", args=[late_file.pk])).content.decode()
    assert 'id="late-reason-form"' in page
    response = _give("officer", late_file)
    assert "The reason for the late upload was recorded." in response.content.decode()
    assert REASON in response.content.decode()  # shown on the file's page
    given = records("evidence.late_reason_given")
    assert given[-1]["data"] == {"file": late_file.pk, "reason": REASON, "upload_lag_minutes": 30 * 60 - 1}
    assert late_upload_items(world.supervisor_user)  # given but not yet acknowledged
    supervisor_page = as_("supervisor").get(reverse("evidence:file_detail", args=[late_file.pk]))
    assert 'id="late-ack-form"' in supervisor_page.content.decode()
    response = _ack("supervisor", late_file)
    assert "The reason for the late upload was acknowledged." in response.content.decode()
    assert 'data-state="acknowledged"' in response.content.decode()
    assert records("evidence.late_reason_acknowledged")[-1]["data"] == {
        "file": late_file.pk,
        "given_by": world.officer_user.pk,
    }
    assert late_upload_items(world.supervisor_user) == []
    assert late_upload_items(world.officer_user) == []
    assert (
        REASON in as_("colleague").get(reverse("evidence:file_detail", args=[late_file.pk])).content.decode()
    )


@pytest.mark.parametrize(
    ("reason", "message"),
    [("", "Say why"), ("   ", "Say why"), ("很" * 2001, "too long")],
)
def test_bad_reasons_are_refused_with_a_message_and_nothing_is_written(
    world: World, late_file: EvidenceFile, reason: str, message: str
) -> None:
    before = _written()
    response = _give("officer", late_file, reason)
    assert message in response.content.decode()
    assert _written() == before


def test_a_second_reason_and_a_second_acknowledgement_are_refused(
    world: World, late_file: EvidenceFile
) -> None:
    _give("officer", late_file)
    before = _written()
    assert "already been given" in _give("officer", late_file, "另一个理由").content.decode()
    assert _written() == before
    _ack("supervisor", late_file)
    before = _written()
    assert "already been acknowledged" in _ack("supervisor", late_file).content.decode()
    assert _written() == before


def test_nothing_to_acknowledge_before_a_reason(world: World, late_file: EvidenceFile) -> None:
    before = _written()
    assert "No reason has been given" in _ack("supervisor", late_file).content.decode()
    assert _written() == before


def test_a_prompt_upload_needs_no_reason(world: World, store: Store) -> None:
    with clock.frozen_now(T0 + dt.timedelta(hours=1)), translation.override("en"):
        prompt = add_file(world, data=mp4_bytes(3000, seed=3))
        before = _written()
        assert "not uploaded late" in _give("officer", prompt).content.decode()
    assert _written() == before


@pytest.mark.parametrize("username", ["colleague", "supervisor", "admin"])
def test_only_the_uploader_gives_the_reason(world: World, late_file: EvidenceFile, username: str) -> None:
    before = _written()
    assert "Only the officer who uploaded" in _give(username, late_file).content.decode()
    assert _written() == before


@pytest.mark.parametrize("username", ["officer", "colleague", "admin"])
def test_the_uploader_and_plain_officers_do_not_acknowledge(
    world: World, late_file: EvidenceFile, username: str
) -> None:
    _give("officer", late_file)
    before = _written()
    assert "Only a supervisor" in _ack(username, late_file).content.decode()
    assert _written() == before
    assert late_upload_items(world.supervisor_user)


def test_an_outsider_agencys_supervisor_and_officer_get_not_found(
    world: World, late_file: EvidenceFile
) -> None:
    _give("officer", late_file)
    user = get_user_model().objects.create_user(username="datongsup", password=PASSWORD)
    factories.grant(user, world.datong, Role.SUPERVISOR)
    before = _written()
    for username in ("datongsup", "outsider"):
        for url in (
            reverse("evidence:give_late_reason", args=[late_file.pk]),
            reverse("evidence:acknowledge_late_reason", args=[late_file.pk]),
            reverse("evidence:file_detail", args=[late_file.pk]),
        ):
            client = as_(username)
            response = client.get(url) if url.endswith("/") else client.post(url, {"reason": REASON})
            assert response.status_code == 404
    assert _written() == before


def test_the_anonymous_public_is_sent_to_log_in(world: World, late_file: EvidenceFile) -> None:
    before = _written()
    for response in (_give(None, late_file), _ack(None, late_file)):
        assert response.status_code == 302
        assert "login" in response["Location"]
    assert _written() == before


def test_reading_the_reason_forms_is_post_only(world: World, late_file: EvidenceFile) -> None:
    assert as_("officer").get(reverse("evidence:give_late_reason", args=[late_file.pk])).status_code == 405


def test_the_page_speaks_chinese_by_default(world: World, late_file: EvidenceFile) -> None:
    _give("officer", late_file)
    client = Client()
    client.force_login(world.supervisor_user)
    page = client.get(reverse("evidence:file_detail", args=[late_file.pk])).content.decode()
    assert "超时上传原因" in page
    assert "确认该原因" in page
