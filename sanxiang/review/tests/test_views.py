"""Review pages over HTTP with every persona: the officer and colleague of 太原 read, the reviewer and the
agency head act, the supervisor above reads only, the outsider of 大同 gets 404 as for a missing id, the
anonymous public is sent to log in."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client

from conftest import PASSWORD
from sanxiang.records.models import PendingEntry
from sanxiang.review import actions
from sanxiang.review.enums import ChecklistItem, ReviewStatus
from sanxiang.review.models import ReviewRequest
from sanxiang.review.tests.conftest import SUBMITTED, Office, submit

READERS = ["officer", "colleague", "supervisor"]


def _client(username: str | None) -> Client:
    client = Client()
    if username:
        client.login(username=username, password=PASSWORD)
    return client


def _assigned(office: Office) -> ReviewRequest:
    return actions.check_assign_reviewer(
        submit(office), actor_user=office.head_user, reviewer=office.reviewer, on=SUBMITTED
    )


def _verdicts(**changes: str) -> dict[str, str]:
    data = {f"{item.value}_verdict": "pass" for item in ChecklistItem}
    data.update(changes)
    return {"outcome": "approved", "opinion": "同意", "on": "2026-08-26", **data}


@pytest.mark.parametrize("username", [*READERS, "reviewer", "head"])
def test_the_list_and_page_are_read_within_jurisdiction(office: Office, username: str) -> None:
    request = submit(office)
    client = _client(username)
    assert request.subject_label in client.get("/review/").content.decode()
    assert client.get(f"/review/{request.pk}/").status_code == 200


def test_the_outsider_gets_404_and_sees_nothing(office: Office) -> None:
    request = _assigned(office)
    client = _client("outsider")
    assert request.subject_label not in client.get("/review/").content.decode()
    for path in ("", "opinion/"):
        assert client.get(f"/review/{request.pk}/{path}").status_code == 404
    for path in ("assign/", "extend/", "conclude/", "consult/"):
        assert client.post(f"/review/{request.pk}/{path}", {}).status_code == 404
    assert client.get("/review/999999/").status_code == 404


def test_the_anonymous_public_is_sent_to_log_in(office: Office) -> None:
    request = submit(office)
    client = _client(None)
    for path in ("/review/", f"/review/{request.pk}/", f"/review/{request.pk}/opinion/"):
        assert client.get(path).status_code == 302
    assert client.post(f"/review/{request.pk}/assign/", {}).status_code == 302


@pytest.mark.parametrize("username", READERS)
def test_readers_cannot_assign_conclude_or_extend(office: Office, username: str) -> None:
    request = _assigned(office)
    client = _client(username)
    before = PendingEntry.objects.count()
    assert client.post(f"/review/{request.pk}/conclude/", _verdicts()).status_code == 404
    assert client.post(f"/review/{request.pk}/extend/").status_code == 404
    assert client.post(f"/review/{request.pk}/consult/", {}).status_code == 404
    assert PendingEntry.objects.count() == before


def test_the_head_assigns_and_the_reviewer_signs(office: Office) -> None:
    request = submit(office)
    response = _client("head").post(
        f"/review/{request.pk}/assign/", {"reviewer": office.reviewer.pk, "on": "2026-08-24"}
    )
    assert response.status_code == 302
    client = _client("reviewer")
    page = client.get(f"/review/{request.pk}/").content.decode()
    assert 'id="conclude-form"' in page
    assert client.post(f"/review/{request.pk}/conclude/", _verdicts()).status_code == 302
    request.refresh_from_db()
    assert request.status == ReviewStatus.APPROVED
    opinion = client.get(f"/review/{request.pk}/opinion/").content.decode()
    assert "法制审核意见书" in opinion
    assert "同意" in opinion
    assert _client("officer").get(f"/review/{request.pk}/opinion/").status_code == 200


def test_a_refused_conclusion_is_shown_and_writes_nothing(office: Office) -> None:
    request = _assigned(office)
    before = PendingEntry.objects.count()
    response = _client("reviewer").post(f"/review/{request.pk}/conclude/", _verdicts(law_verdict="fail"))
    assert response.status_code == 400
    assert PendingEntry.objects.count() == before
    assert ReviewRequest.objects.get(pk=request.pk).status == ReviewStatus.ASSIGNED


def test_an_open_review_has_no_opinion_page(office: Office) -> None:
    request = submit(office)
    assert _client("officer").get(f"/review/{request.pk}/opinion/").status_code == 404


def test_the_head_extends_once(office: Office) -> None:
    world = office.world
    actions.check_set_review_setting(
        actor_user=world.admin_user,
        agency=world.taiyuan,
        effective_from=dt.date(2026, 1, 1),
        working_days=7,
        extension_days=3,
    )
    request = submit(office)
    client = _client("head")
    assert client.post(f"/review/{request.pk}/extend/").status_code == 302
    assert client.post(f"/review/{request.pk}/extend/").status_code == 400


def test_the_reviewer_attaches_an_advisers_opinion(office: Office) -> None:
    request = _assigned(office)
    fields = {
        "kind": "public_lawyer",
        "adviser_name": "钱律师",
        "asked_on": "2026-08-24",
        "answered_on": "2026-08-25",
        "opinion": "程序合法。",
    }
    data = {f"consult-{key}": value for key, value in fields.items()}
    assert _client("reviewer").post(f"/review/{request.pk}/consult/", data).status_code == 302
    assert "钱律师" in _client("officer").get(f"/review/{request.pk}/").content.decode()


def test_the_list_shows_amber_and_red_due_states(office: Office) -> None:
    """R-LR-05 escalation: an overdue review is red on the list and a work item for the head."""
    world = office.world
    actions.check_set_review_setting(
        actor_user=world.admin_user,
        agency=world.taiyuan,
        effective_from=dt.date(2026, 1, 1),
        working_days=7,
        extension_days=3,
    )
    request = submit(office)
    page = _client("head").get("/review/").content.decode()
    assert f'data-review="{request.pk}" data-state="red"' in page
    home = _client("head").get("/").content.decode()
    assert request.subject_label in home


def test_the_list_costs_the_same_queries_for_more_reviews(office: Office) -> None:
    """The calendar is read once per page; an open row costs at most its agency's time-limit setting."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = _client("supervisor")
    submit(office, "a")
    with CaptureQueriesContext(connection) as one:
        client.get("/review/")
    for name in ("b", "c", "d"):
        submit(office, name)
    with CaptureQueriesContext(connection) as four:
        client.get("/review/")
    assert len(four) - len(one) <= 3  # at most the setting look-up of each open row
