"""The legal-review gate (行政处罚法 第58条; STYLE 6): a major decision cannot be made or served without a
passed review of that very decision; performing the ``legal_review`` act directly marks nothing passed; the
database refuses a decided case marked as needing review without a pass; the admin cannot write review data.
Every refusal leaves nothing written (no act row, no record entry, no review row)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from django.db import IntegrityError, transaction
from django.test import Client

from conftest import PASSWORD, World
from sanxiang.cases.documents.actions import check_issue_case_document
from sanxiang.cases.models import Case, CaseAct
from sanxiang.cases.tests.case_factories import (
    NOTIFIED,
    YUAN,
    Desk,
    act,
    frozen_in_english,
    make_desk,
    notify,
    serve_decision,
)
from sanxiang.cases.tests.conftest import _counts
from sanxiang.cases.tests.document_helpers import examined_case
from sanxiang.cases.tests.review_factories import (
    conclude,
    make_reviewer,
    pass_review,
    ready_for_review,
    submit,
)
from sanxiang.core.errors import RuleViolation
from sanxiang.review.enums import Outcome, ReviewStatus
from sanxiang.review.models import Consultation, ReviewRequest

DECIDE = dt.date(2026, 8, 24)
MAJOR = 60_000 * YUAN  # at or above the organisations' threshold of the catalogue (50,000 yuan)

Counts = Callable[[], tuple[int, ...]]


_frozen = frozen_in_english(dt.datetime(2027, 1, 15, 9, tzinfo=dt.UTC))


@pytest.fixture
def desk(world: World) -> Desk:
    return ready_for_review(make_desk(world))


@pytest.fixture
def everything() -> Counts:
    """Rows of the case aggregate, record entries and review rows."""
    return lambda: (*_counts(), ReviewRequest.objects.count(), Consultation.objects.count())


def _notified(desk: Desk, **changes: object) -> Case:
    return notify(desk, examined_case(desk, proposed_fen=MAJOR, **changes), NOTIFIED)


def test_article_58_a_major_decision_without_review_is_refused_and_writes_nothing(
    desk: Desk, everything: Counts
) -> None:
    case = _notified(desk)
    before = everything()
    with pytest.raises(RuleViolation, match="Article 58"):
        act(desk, case, "decide", DECIDE, amount_fen=MAJOR)
    assert everything() == before
    assert Case.objects.get(pk=case.pk).decided_on is None


def test_a_decision_that_is_not_major_needs_no_review(desk: Desk) -> None:
    case = _notified(desk)
    assert act(desk, case, "decide", DECIDE, amount_fen=20_000 * YUAN).stage == "decided"


def test_performing_the_legal_review_act_directly_is_refused_and_writes_nothing(
    desk: Desk, everything: Counts
) -> None:
    """The bypass closed: the act alone never marks a review passed (行政处罚法 第58条)."""
    case = _notified(desk)
    before = everything()
    for data in ({}, {"review": 1}):
        with pytest.raises(RuleViolation, match="Article 58"):
            act(desk, case, "legal_review", DECIDE, **data)
    assert everything() == before
    assert not Case.objects.get(pk=case.pk).legal_review_passed


def test_naming_a_returned_review_does_not_open_the_gate(desk: Desk, everything: Counts) -> None:
    case = _notified(desk)
    reviewer = make_reviewer(desk, "周八", username="reviewer2")
    returned = conclude(submit(desk, case, DECIDE), reviewer, DECIDE, outcome=Outcome.RETURNED)
    assert returned.status == ReviewStatus.RETURNED
    before = everything()
    with pytest.raises(RuleViolation, match="Article 58"):
        act(desk, case, "legal_review", DECIDE, review=returned.pk)
    with pytest.raises(RuleViolation, match="Article 58"):
        act(desk, case, "decide", DECIDE, amount_fen=MAJOR)
    assert everything() == before


def test_an_approved_review_opens_the_gate_for_that_decision_only(desk: Desk, everything: Counts) -> None:
    """A changed amount after approval is another decision: it needs a new review."""
    case = pass_review(desk, _notified(desk), DECIDE)
    assert (case.stage, case.legal_review_passed) == ("reviewed", True)
    assert CaseAct.objects.filter(case=case, act="legal_review").count() == 1
    before = everything()
    with pytest.raises(RuleViolation, match="Article 58"):
        act(desk, case, "decide", DECIDE, amount_fen=MAJOR + 10_000 * YUAN)
    with pytest.raises(RuleViolation, match="Article 58"):
        act(desk, case, "decide", DECIDE, amount_fen=MAJOR, penalty_kinds=["fine", "business_suspension"])
    assert everything() == before
    assert act(desk, case, "decide", DECIDE, amount_fen=MAJOR).stage == "decided"


def test_a_second_approval_cannot_be_replayed(desk: Desk, everything: Counts) -> None:
    case = pass_review(desk, _notified(desk), DECIDE)
    approved = ReviewRequest.objects.get(status=ReviewStatus.APPROVED)
    before = everything()
    with pytest.raises(RuleViolation, match="Article 58"):
        act(desk, case, "legal_review", DECIDE, review=approved.pk)
    assert everything() == before


def test_a_changed_decision_is_reviewed_again_then_decided(desk: Desk) -> None:
    case = pass_review(desk, _notified(desk), DECIDE)
    higher = MAJOR + 10_000 * YUAN
    request = submit(desk, case, DECIDE, amount_fen=higher)
    assert not Case.objects.get(pk=case.pk).legal_review_passed  # the new decision has not passed
    with pytest.raises(RuleViolation, match="Article 58"):
        act(desk, case, "decide", DECIDE, amount_fen=MAJOR)
    conclude(request, request.agency.officers.get(name="孙七"), DECIDE)
    assert act(desk, case, "decide", DECIDE, amount_fen=higher).decided_fen == higher


def test_serving_re_checks_the_gate(desk: Desk, everything: Counts) -> None:
    """行政处罚法 第58条 with 第61条: the decision served is the one reviewed (checked again at service)."""
    case = pass_review(desk, _notified(desk), DECIDE)
    case = act(desk, case, "decide", DECIDE, amount_fen=MAJOR)
    check_issue_case_document(case, kind="penalty_decision", actor_user=desk.world.officer_user, on=DECIDE)
    Case.objects.filter(pk=case.pk).update(legal_review_passed=False, legal_review_required=False)
    before = everything()
    with pytest.raises(RuleViolation, match="Article 58"):
        serve_decision(desk, case, dt.date(2026, 8, 25))
    assert everything() == before


def test_the_database_refuses_a_decided_case_marked_for_review_without_a_pass(desk: Desk) -> None:
    case = _notified(desk, legal_review_required=True)
    with pytest.raises(IntegrityError), transaction.atomic():
        Case.objects.filter(pk=case.pk).update(decided_on=DECIDE, decided_fen=MAJOR)


def test_the_case_act_view_refuses_a_major_decision_without_review(desk: Desk, client: Client) -> None:
    case = _notified(desk)
    client.login(username="officer", password=PASSWORD)
    before = _counts()
    response = client.post(
        f"/cases/{case.pk}/act/", {"act": "decide", "on": DECIDE.isoformat(), "amount": "60,000"}
    )
    assert response.status_code == 400
    assert _counts() == before
    response = client.post(f"/cases/{case.pk}/act/", {"act": "legal_review", "on": DECIDE.isoformat()})
    assert response.status_code == 400
    assert _counts() == before


def test_the_admin_cannot_write_review_data(desk: Desk, client: Client) -> None:
    """STYLE 9: the admin is read-only for review data (no add, change or delete)."""
    from sanxiang.accounts.models import User

    User.objects.create_superuser(username="root", password=PASSWORD)
    client.login(username="root", password=PASSWORD)
    request = submit(desk, _notified(desk), DECIDE)
    before = _counts()
    assert client.get("/admin/review/reviewrequest/add/").status_code == 403
    response = client.post(f"/admin/review/reviewrequest/{request.pk}/change/", {"status": "approved"})
    assert response.status_code == 403
    assert (
        client.post(f"/admin/review/reviewrequest/{request.pk}/delete/", {"post": "yes"}).status_code == 403
    )
    assert ReviewRequest.objects.get(pk=request.pk).status == ReviewStatus.SUBMITTED
    assert _counts() == before
