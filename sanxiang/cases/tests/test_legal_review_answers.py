"""The handler's answers recorded on the case before the decision (行政处罚法 第58条 第1款 第一、三项;
第57条 第2款): a decision that is major only because of them is caught without any review submitted; bad
answers, dates or a decision already taken are refused and write nothing; the answers are recorded in the
log; over HTTP only the handling officers record them (outsider, supervisor and anonymous refused)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from django.test import Client

from conftest import PASSWORD, World
from sanxiang.cases.legal_review.answers import check_record_handler_answers
from sanxiang.cases.legal_review.discussion import discussion_required
from sanxiang.cases.models import Case
from sanxiang.cases.tests.case_factories import (
    NOTIFIED,
    YUAN,
    Desk,
    act,
    frozen_in_english,
    make_desk,
    notified_case,
)
from sanxiang.cases.tests.review_factories import pass_review, ready_for_review
from sanxiang.core.errors import InvalidInput, RuleViolation
from sanxiang.records.selectors import timeline

DECIDE = dt.date(2026, 8, 24)
MINOR = 20_000 * YUAN  # below the organisations' threshold (FS-02, 50,000 yuan): not major by amount
Counts = Callable[[], tuple[int, ...]]


_frozen = frozen_in_english(dt.datetime(2027, 1, 15, 9, tzinfo=dt.UTC))


@pytest.fixture
def desk(world: World) -> Desk:
    return ready_for_review(make_desk(world))


def _notified(desk: Desk) -> Case:
    return notified_case(desk, proposed_fen=MINOR)


def _answer(desk: Desk, case: Case, *flags: str, on: dt.date = NOTIFIED) -> Case:
    return check_record_handler_answers(case, actor_user=desk.world.officer_user, flags=flags, on=on)


def test_article_58_a_decision_major_only_by_the_answers_is_refused_without_a_submission(
    desk: Desk, counts: Counts
) -> None:
    """第58条 第1款 第一项 (重大公共利益) answered on the case, nothing submitted: refused, writes nothing."""
    case = _answer(desk, _notified(desk), "public_interest")
    before = counts()
    with pytest.raises(RuleViolation, match="FS-10"):
        act(desk, case, "decide", DECIDE, amount_fen=MINOR)
    assert counts() == before
    case = pass_review(desk, case, DECIDE)
    assert act(desk, case, "decide", DECIDE, amount_fen=MINOR).stage == "decided"


@pytest.mark.parametrize(("flag", "rule"), [("social_impact", "FS-12"), ("complex", "FS-11")])
def test_each_answer_fires_its_rule(desk: Desk, flag: str, rule: str) -> None:
    """118号: 可能造成重大社会影响 (FS-12); 第58条 第1款 第三项: 案情疑难复杂 (FS-11)."""
    case = _answer(desk, _notified(desk), flag)
    with pytest.raises(RuleViolation, match=rule):
        act(desk, case, "decide", DECIDE, amount_fen=MINOR)


def test_without_answers_the_same_decision_is_not_major(desk: Desk) -> None:
    assert act(desk, _notified(desk), "decide", DECIDE, amount_fen=MINOR).stage == "decided"


def test_article_57_a_complex_answer_calls_for_the_collective_discussion(desk: Desk) -> None:
    """第57条 第2款: 情节复杂 answered on the case requires the heads' collective discussion."""
    case = _notified(desk)
    assert not discussion_required(case)
    assert discussion_required(_answer(desk, case, "complex"))


def test_the_answers_are_recorded_with_the_previous_ones(desk: Desk) -> None:
    case = _answer(desk, _notified(desk), "public_interest", "complex")
    case = _answer(desk, case, "complex")
    assert Case.objects.get(pk=case.pk).handler_flags == ["complex"]
    entries = [
        item.data for item in timeline("case", case.pk) if item.event_type == "case.handler_answers_recorded"
    ]
    assert entries[-1] == {
        "flags": ["complex"],
        "previous": ["complex", "public_interest"],
        "answered_on": "2026-08-10",
    }


@pytest.mark.parametrize(
    ("flags", "on", "error"),
    [
        (["public_interest", "made_up"], NOTIFIED, InvalidInput),
        (["public_interest"], dt.date(2027, 2, 1), InvalidInput),  # after today
        (["public_interest"], dt.date(2026, 7, 1), InvalidInput),  # before the registration
    ],
)
def test_bad_answers_are_refused_and_write_nothing(
    desk: Desk, counts: Counts, flags: list[str], on: dt.date, error: type[Exception]
) -> None:
    case = _notified(desk)
    before = counts()
    with pytest.raises(error):
        _answer(desk, case, *flags, on=on)
    assert counts() == before
    assert Case.objects.get(pk=case.pk).handler_flags == []


def test_answers_after_the_decision_are_refused(desk: Desk, counts: Counts) -> None:
    case = act(desk, _notified(desk), "decide", DECIDE, amount_fen=MINOR)
    before = counts()
    with pytest.raises(RuleViolation, match="Article 58"):
        _answer(desk, case, "public_interest", on=DECIDE)
    assert counts() == before


# --- over HTTP ---


def _client(username: str | None) -> Client:
    client = Client()
    if username:
        client.login(username=username, password=PASSWORD)
    return client


ANSWERS = {"answers-flags": ["public_interest"], "answers-on": "2026-08-20"}


@pytest.mark.parametrize("username", ["officer", "colleague"])
def test_a_handler_records_the_answers_on_the_case_page(desk: Desk, username: str) -> None:
    case = _notified(desk)
    client = _client(username)
    assert 'id="answers-form"' in client.get(f"/cases/{case.pk}/").content.decode()
    response = client.post(f"/cases/{case.pk}/legal-review/answers/", ANSWERS)
    assert (response.status_code, response["Location"]) == (302, f"/cases/{case.pk}/")
    assert Case.objects.get(pk=case.pk).handler_flags == ["public_interest"]
    page = client.get(f"/cases/{case.pk}/").content.decode()
    assert 'data-flags="public_interest"' in page
    assert 'data-rule="FS-10"' in page


@pytest.mark.parametrize(("username", "status"), [("outsider", 404), ("supervisor", 404), (None, 302)])
def test_others_cannot_record_answers(desk: Desk, counts: Counts, username: str | None, status: int) -> None:
    case = _notified(desk)
    before = counts()
    response = _client(username).post(f"/cases/{case.pk}/legal-review/answers/", ANSWERS)
    assert response.status_code == status
    if username is None:
        assert response["Location"].startswith("/accounts/login/")
    assert counts() == before
    assert Case.objects.get(pk=case.pk).handler_flags == []


def test_the_supervisor_sees_the_answers_but_no_form(desk: Desk) -> None:
    case = _answer(desk, _notified(desk), "public_interest")
    page = _client("supervisor").get(f"/cases/{case.pk}/").content.decode()
    assert 'data-flags="public_interest"' in page
    assert 'id="answers-form"' not in page


def test_a_bad_answer_over_http_is_shown_and_writes_nothing(desk: Desk, counts: Counts) -> None:
    case = _notified(desk)
    before = counts()
    response = _client("officer").post(
        f"/cases/{case.pk}/legal-review/answers/", {"answers-flags": ["made_up"], "answers-on": "2026-08-20"}
    )
    assert response.status_code == 400
    assert 'id="answers-form"' in response.content.decode()
    assert counts() == before
