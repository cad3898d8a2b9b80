"""The demo holds legal reviews in every state, including a returned and a failed one, and a major penalty
decided only after its review passed (行政处罚法 第58条)."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command

from sanxiang.cases.models import Case
from sanxiang.core import clock
from sanxiang.review import selectors
from sanxiang.review.enums import ReviewStatus
from sanxiang.review.models import Consultation, ReviewRequest

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
