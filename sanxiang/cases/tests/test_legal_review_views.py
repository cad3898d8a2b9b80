"""The case's legal-review page and submission over HTTP with every persona (officer, colleague, outsider,
supervisor, anonymous), and the fired rules shown to the officer."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from django.test import Client

from conftest import PASSWORD, World
from sanxiang.cases.models import Case
from sanxiang.cases.tests.case_factories import YUAN, Desk, make_desk, notified_case
from sanxiang.cases.tests.conftest import _counts
from sanxiang.cases.tests.review_factories import publish_catalogue
from sanxiang.core import clock
from sanxiang.review.models import ReviewRequest


@pytest.fixture(autouse=True)
def _frozen() -> Iterator[None]:
    with clock.frozen_now(dt.datetime(2027, 1, 15, 9, tzinfo=dt.UTC)):
        yield


@pytest.fixture
def case(world: World) -> Case:
    desk: Desk = make_desk(world)
    publish_catalogue(desk)
    return notified_case(desk, proposed_fen=60_000 * YUAN)


def _client(username: str | None) -> Client:
    client = Client()
    if username:
        client.login(username=username, password=PASSWORD)
    return client


SUBMISSION = {"amount": "60,000", "penalty_kinds": ["fine"], "draft": "拟处罚决定书", "on": "2026-08-20"}


@pytest.mark.parametrize("username", ["officer", "colleague", "supervisor"])
def test_the_page_shows_the_rules_that_fired(case: Case, username: str) -> None:
    for path in (f"/cases/{case.pk}/legal-review/", f"/cases/{case.pk}/"):
        page = _client(username).get(path).content.decode()
        assert 'data-required="yes"' in page
        assert 'data-rule="FS-02"' in page


def test_the_outsider_gets_404_and_the_anonymous_public_logs_in(case: Case) -> None:
    outsider, anonymous = _client("outsider"), _client(None)
    assert outsider.get(f"/cases/{case.pk}/legal-review/").status_code == 404
    assert outsider.post(f"/cases/{case.pk}/legal-review/submit/", SUBMISSION).status_code == 404
    assert anonymous.get(f"/cases/{case.pk}/legal-review/").status_code == 302
    assert anonymous.post(f"/cases/{case.pk}/legal-review/submit/", SUBMISSION).status_code == 302
    assert not ReviewRequest.objects.exists()


def test_the_supervisor_reads_but_cannot_submit(case: Case) -> None:
    client = _client("supervisor")
    assert 'id="submit-form"' not in client.get(f"/cases/{case.pk}/legal-review/").content.decode()
    assert client.post(f"/cases/{case.pk}/legal-review/submit/", SUBMISSION).status_code == 404
    assert not ReviewRequest.objects.exists()


@pytest.mark.parametrize("username", ["officer", "colleague"])
def test_a_handler_submits_the_decision(case: Case, username: str) -> None:
    response = _client(username).post(f"/cases/{case.pk}/legal-review/submit/", SUBMISSION)
    request = ReviewRequest.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/review/{request.pk}/"
    assert request.package["decision"]["amount_fen"] == 60_000 * YUAN
    assert [rule["code"] for rule in request.package["rules"]] == ["FS-02"]
    assert {check["code"] for check in request.package["prechecks"]} >= {
        "certificates",
        "limitation",
        "benchmark",
    }


def test_a_submission_without_a_draft_is_refused_and_writes_nothing(case: Case) -> None:
    before = _counts()
    response = _client("officer").post(f"/cases/{case.pk}/legal-review/submit/", {**SUBMISSION, "draft": ""})
    assert response.status_code == 400
    assert _counts() == before
    assert not ReviewRequest.objects.exists()
