"""The demo holds legal reviews in every state, including a returned and a failed one, and a major penalty
decided only after its review passed (行政处罚法 第58条)."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command

from sanxiang.cases.models import Case, CaseAct
from sanxiang.core import clock
from sanxiang.review import selectors
from sanxiang.review.enums import ReviewStatus
from sanxiang.review.models import Consultation, ReviewRequest
from sanxiang.review.opinion_documents import opinion_document

pytestmark = pytest.mark.django_db


def test_demo_has_reviews_in_every_state_and_an_overdue_one() -> None:
    call_command("demo", stdout=StringIO())
    assert set(ReviewRequest.objects.values_list("status", flat=True)) == set(ReviewStatus.values)
    today = clock.today()
    states = {selectors.due_state(request, today=today) for request in ReviewRequest.objects.all()}
    assert selectors.RED in states
    assert Consultation.objects.exists()
    decided = Case.objects.filter(stage="served", legal_review_passed=True)
    assert decided.count() == 1
    approved = ReviewRequest.objects.filter(
        subject_id=str(decided.get().pk), status=ReviewStatus.APPROVED
    ).get()
    assert "FS-02" in [rule["code"] for rule in approved.package["rules"]]


def test_demo_decisions_are_the_agency_heads_and_answers_are_recorded() -> None:
    """行政处罚法 第57条: every demo decision was taken by the agency head; one case is major by the
    handler's answers alone, each review concluded has its issued opinion."""
    call_command("demo", stdout=StringIO())
    deciders = set(
        CaseAct.objects.filter(act__in=["decide", "grant", "refuse"]).values_list(
            "actor__username", flat=True
        )
    )
    assert deciders == {"agency_head"}
    [answered] = [case for case in Case.objects.all() if case.handler_flags == ["public_interest"]]
    assert (answered.stage, answered.legal_review_passed) == ("notified", False)
    concluded = ReviewRequest.objects.exclude(concluded_on=None)
    assert concluded.exists()
    assert all(opinion_document(request) is not None for request in concluded)
