"""The review engine's actions: one open request per decision, reviewer eligibility (行政处罚法 第43条
回避, 第58条 第2款 法律职业资格), the R-LR-03 checklist, the signed opinion's digest in the record log, the
time limit as data (R-LR-05) and legal advisers' opinions. Every refusal writes nothing."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from django.db import IntegrityError, transaction

from sanxiang.core.errors import InvalidInput, RuleViolation
from sanxiang.organizations.tests import factories
from sanxiang.records.models import PendingEntry
from sanxiang.review import actions
from sanxiang.review.digests import text_digest
from sanxiang.review.enums import ChecklistItem, Outcome, ReviewStatus
from sanxiang.review.models import ReviewRequest
from sanxiang.review.opinion import opinion_text
from sanxiang.review.tests.conftest import SUBMITTED, Office, submit
from sanxiang.review.tests.factories import ALL_PASS, legal_officer

Snapshot = Callable[[], tuple[object, ...]]


def _assigned(office: Office) -> ReviewRequest:
    return actions.check_assign_reviewer(
        submit(office), actor_user=office.head_user, reviewer=office.reviewer, on=SUBMITTED
    )


def _conclude(
    request: ReviewRequest, office: Office, outcome: str = Outcome.APPROVED, **changes: object
) -> ReviewRequest:
    arguments: dict[str, object] = {
        "actor_user": office.reviewer_user,
        "outcome": outcome,
        "answers": ALL_PASS,
        "opinion": "经审核，同意。",
        "on": SUBMITTED + dt.timedelta(days=2),
    }
    arguments.update(changes)
    return actions.check_conclude_review(request, **arguments)  # type: ignore[arg-type]


def test_no_second_open_request_for_the_same_decision(office: Office, snapshot: Snapshot) -> None:
    submit(office)
    before = snapshot()
    with pytest.raises(RuleViolation, match="already open"):
        submit(office)
    assert snapshot() == before
    assert submit(office, "2").subject_id == "2"  # another decision may be submitted


def test_the_database_holds_one_open_request_per_decision(office: Office) -> None:
    """Wagtail-style conditional UniqueConstraint: a racing second insert fails in the database."""
    first = submit(office)
    duplicate = ReviewRequest(
        **{
            f.attname: getattr(first, f.attname)
            for f in ReviewRequest._meta.concrete_fields
            if f.attname != "id"
        }
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        duplicate.save()


def test_after_a_return_the_decision_can_be_submitted_again(office: Office) -> None:
    """R-LR-05: a returned review is closed; the supplemented package is a new request with a new clock."""
    returned = _conclude(
        _assigned(office),
        office,
        Outcome.RETURNED,
        answers={**ALL_PASS, "evidence": {"passed": False, "comment": "缺少现场笔录"}},
    )
    assert returned.status == ReviewStatus.RETURNED
    assert submit(office).status == ReviewStatus.SUBMITTED


def test_article_43_a_handler_cannot_review_the_case(office: Office, snapshot: Snapshot) -> None:
    """行政处罚法 第43条 (回避) and DOMAIN.md R-LR-04: reviewer ≠ investigator."""
    world = office.world
    request = submit(office)
    factories.grant(world.officer_user, world.taiyuan, "legal_reviewer")  # type: ignore[arg-type]
    world.officer.legal_qualification_number = "A2015"
    world.officer.save()
    before = snapshot()
    with pytest.raises(RuleViolation, match="Article 43"):
        actions.check_assign_reviewer(
            request, actor_user=office.head_user, reviewer=world.officer, on=SUBMITTED
        )
    assert snapshot() == before


def test_article_58_2_a_first_time_penalty_reviewer_needs_the_qualification(
    office: Office, snapshot: Snapshot
) -> None:
    """行政处罚法 第58条 第2款: 初次从事行政处罚决定法制审核的人员 must hold 法律职业资格."""
    novice = legal_officer(office.world, "吴九", "novice", qualified=False)
    request = submit(office)
    before = snapshot()
    with pytest.raises(RuleViolation, match="Article 58, paragraph 2"):
        actions.check_assign_reviewer(request, actor_user=office.head_user, reviewer=novice, on=SUBMITTED)
    assert snapshot() == before


def test_article_58_2_applies_to_penalties_and_to_first_reviews_only(office: Office) -> None:
    novice = legal_officer(office.world, "吴九", "novice", qualified=False)
    licence = submit(office, "L1", matter_type="license")
    assert (
        actions.check_assign_reviewer(
            licence, actor_user=office.head_user, reviewer=novice, on=SUBMITTED
        ).reviewer
        == novice
    )
    # a reviewer who already concluded a penalty review is not a first-time reviewer
    penalty = actions.check_assign_reviewer(
        submit(office, "P0"), actor_user=office.head_user, reviewer=office.reviewer, on=SUBMITTED
    )
    _conclude(penalty, office)
    ReviewRequest.objects.filter(pk=penalty.pk).update(reviewer=novice)
    later = submit(office, "P1")
    assert (
        actions.check_assign_reviewer(
            later, actor_user=office.head_user, reviewer=novice, on=SUBMITTED
        ).reviewer
        == novice
    )


def test_a_reviewer_outside_the_legal_staff_is_refused(office: Office, snapshot: Snapshot) -> None:
    request = submit(office)
    before = snapshot()
    with pytest.raises(RuleViolation, match="legal staff"):
        actions.check_assign_reviewer(
            request, actor_user=office.head_user, reviewer=office.world.outsider, on=SUBMITTED
        )
    assert snapshot() == before


def test_r_lr_03_every_checklist_item_must_be_answered(office: Office, snapshot: Snapshot) -> None:
    """DOMAIN.md R-LR-03 (118号): the ten items, each passed or failed; a failure needs a comment."""
    request = _assigned(office)
    before = snapshot()
    partial = {k: v for k, v in ALL_PASS.items() if k != ChecklistItem.CRIME_TRANSFER}
    with pytest.raises(InvalidInput) as error:
        _conclude(request, office, answers=partial)
    assert set(error.value.errors) == {"crime_transfer"}
    with pytest.raises(InvalidInput):
        _conclude(
            request, office, Outcome.REJECTED, answers={**ALL_PASS, "facts": {"passed": False, "comment": ""}}
        )
    assert snapshot() == before


def test_r_lr_03_approval_needs_every_item_passed(office: Office, snapshot: Snapshot) -> None:
    request = _assigned(office)
    before = snapshot()
    with pytest.raises(InvalidInput, match="failed items"):
        _conclude(request, office, answers={**ALL_PASS, "law": {"passed": False, "comment": "适用条款错误"}})
    with pytest.raises(InvalidInput, match="Mark the items"):
        _conclude(request, office, Outcome.REJECTED)
    assert snapshot() == before


def test_only_the_assigned_reviewer_concludes(office: Office, snapshot: Snapshot) -> None:
    request = _assigned(office)
    before = snapshot()
    with pytest.raises(RuleViolation, match="assigned reviewer"):
        _conclude(request, office, actor_user=office.head_user)
    assert snapshot() == before


def test_the_signed_opinion_digest_is_recorded(office: Office) -> None:
    """The 法制审核意见书's SHA-256 goes into the record log when signed."""
    request = _conclude(_assigned(office), office)
    assert request.opinion_digest == text_digest(opinion_text(request))
    assert "审核结论：同意" in opinion_text(request)
    entry = PendingEntry.objects.filter(event_type="review.concluded").get()
    assert request.opinion_digest in bytes(entry.body).decode()


def test_r_lr_05_time_limit_from_the_agency_setting_and_one_extension(
    office: Office, snapshot: Snapshot
) -> None:
    """DOMAIN.md R-LR-05: 7 working days (data), extendable once by 3 with the head's approval."""
    world = office.world
    actions.check_set_review_setting(
        actor_user=world.admin_user,
        agency=world.taiyuan,
        effective_from=dt.date(2026, 1, 1),
        working_days=7,
        extension_days=3,
    )
    request = submit(office)
    assert request.due_on == dt.date(2026, 9, 2)  # 7 working days after Monday 24 August
    request = actions.check_extend_review(request, actor_user=office.head_user, on=SUBMITTED)
    assert (request.due_on, request.extended) == (dt.date(2026, 9, 7), True)
    before = snapshot()
    with pytest.raises(RuleViolation, match="once only"):
        actions.check_extend_review(request, actor_user=office.head_user, on=SUBMITTED)
    assert snapshot() == before


def test_a_legal_advisers_opinion_is_attached(office: Office, snapshot: Snapshot) -> None:
    """Seed 二(三)2(3): 政府法律顾问 / 公职律师 opinions recorded with the review."""
    request = submit(office)
    row = actions.check_record_consultation(
        request,
        actor_user=office.reviewer_user,
        kind="counsel",
        adviser_name="郑律师",
        asked_on=SUBMITTED,
        answered_on=SUBMITTED + dt.timedelta(days=1),
        opinion="处罚幅度适当。",
    )
    assert row.request == request
    assert PendingEntry.objects.filter(event_type="review.consulted").count() == 1
    before = snapshot()
    with pytest.raises(InvalidInput):
        actions.check_record_consultation(
            request,
            actor_user=office.reviewer_user,
            kind="counsel",
            adviser_name="郑律师",
            asked_on=SUBMITTED,
            answered_on=SUBMITTED - dt.timedelta(days=1),
            opinion="x",
        )
    assert snapshot() == before
