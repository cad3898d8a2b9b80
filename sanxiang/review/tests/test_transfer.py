"""Transfer of a suspected crime flagged by a review (行政执法机关移送涉嫌犯罪案件的规定 第5条, 第12条;
DOMAIN.md R-LR-07): reported on conclusion, decided by the head within 3 days, transferred within 24 hours,
exhibits handed over within 3 days of acceptance; each step recorded, out-of-order steps refused."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from sanxiang.core.errors import InvalidInput, RuleViolation
from sanxiang.records.models import PendingEntry
from sanxiang.review import actions, transfer
from sanxiang.review.models import CrimeTransfer, TransferStep
from sanxiang.review.tests.conftest import SUBMITTED, Office, submit
from sanxiang.review.tests.factories import ALL_PASS

Snapshot = Callable[[], tuple[object, ...]]
CONCLUDED = SUBMITTED + dt.timedelta(days=2)


def _flagged(office: Office) -> CrimeTransfer:
    request = actions.check_assign_reviewer(
        submit(office), actor_user=office.head_user, reviewer=office.reviewer, on=SUBMITTED
    )
    answers = {**ALL_PASS, "crime_transfer": {"passed": False, "comment": "涉案金额巨大，涉嫌犯罪"}}
    actions.check_conclude_review(
        request,
        actor_user=office.reviewer_user,
        outcome="rejected",
        answers=answers,
        opinion="涉嫌犯罪，建议移送。",
        on=CONCLUDED,
    )
    return CrimeTransfer.objects.get(request=request)


def test_article_5_a_flagged_crime_is_reported_with_a_3_day_decision_timer(office: Office) -> None:
    row = _flagged(office)
    assert (row.step, row.reported_on, row.decide_due_on) == (
        TransferStep.REPORTED,
        CONCLUDED,
        CONCLUDED + dt.timedelta(days=3),
    )
    assert PendingEntry.objects.filter(event_type="review.crime_transfer_step").count() == 1
    assert transfer.timer_state(row, today=CONCLUDED + dt.timedelta(days=4)) == transfer.RED


def test_no_transfer_without_the_flag(office: Office) -> None:
    request = actions.check_assign_reviewer(
        submit(office), actor_user=office.head_user, reviewer=office.reviewer, on=SUBMITTED
    )
    actions.check_conclude_review(
        request,
        actor_user=office.reviewer_user,
        outcome="approved",
        answers=ALL_PASS,
        opinion="同意",
        on=CONCLUDED,
    )
    assert not CrimeTransfer.objects.exists()


def test_articles_5_and_12_the_whole_transfer(office: Office) -> None:
    row = _flagged(office)
    day = CONCLUDED + dt.timedelta(days=1)
    row = transfer.check_decide_transfer(row, actor_user=office.head_user, approve=True, reason="", on=day)
    assert (row.step, row.transfer_due_on) == (TransferStep.APPROVED, day + dt.timedelta(days=1))
    row = transfer.check_record_transfer(
        row, actor_user=office.world.officer_user, police_body="太原市公安局", on=day
    )
    row = transfer.check_record_acceptance(
        row, actor_user=office.world.officer_user, on=day + dt.timedelta(days=5)
    )
    assert row.handover_due_on == day + dt.timedelta(days=8)
    row = transfer.check_record_handover(
        row, actor_user=office.world.officer_user, on=day + dt.timedelta(days=6)
    )
    assert row.step == TransferStep.HANDED_OVER
    assert PendingEntry.objects.filter(event_type="review.crime_transfer_step").count() == 5


def test_article_5_only_the_head_decides_and_a_refusal_gives_its_reason(
    office: Office, snapshot: Snapshot
) -> None:
    row = _flagged(office)
    before = snapshot()
    with pytest.raises(RuleViolation, match="agency head"):
        transfer.check_decide_transfer(
            row, actor_user=office.reviewer_user, approve=True, reason="", on=CONCLUDED
        )
    with pytest.raises(InvalidInput):
        transfer.check_decide_transfer(
            row, actor_user=office.head_user, approve=False, reason="", on=CONCLUDED
        )
    with pytest.raises(RuleViolation, match="not due"):
        transfer.check_record_handover(row, actor_user=office.head_user, on=CONCLUDED)
    assert snapshot() == before
    assert CrimeTransfer.objects.get().step == TransferStep.REPORTED


def test_the_transfer_page_steps_with_personas(office: Office) -> None:
    """The head decides over HTTP; the outsider gets 404; the anonymous public logs in."""
    from django.test import Client

    from conftest import PASSWORD

    row = _flagged(office)
    data = {"transfer-approve": "yes", "transfer-reason": "", "transfer-on": CONCLUDED.isoformat()}
    for username, status in (("outsider", 404), ("supervisor", 404), (None, 302)):
        client = Client()
        if username:
            client.login(username=username, password=PASSWORD)
        assert client.post(f"/review/{row.request_id}/transfer/", data).status_code == status
    head = Client()
    head.login(username="head", password=PASSWORD)
    assert 'id="crime-transfer"' in head.get(f"/review/{row.request_id}/").content.decode()
    assert head.post(f"/review/{row.request_id}/transfer/", data).status_code == 302
    assert CrimeTransfer.objects.get().step == TransferStep.APPROVED
