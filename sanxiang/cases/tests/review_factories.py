"""Helpers for cases that go through legal review: a qualified reviewer of 太原 (legal department, 法律职业资格),
and a review submitted, assigned and concluded through the actions (so every row is recorded)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sanxiang.accounts.models import User
from sanxiang.cases.legal_review.actions import check_submit_for_review
from sanxiang.cases.legal_review.decisions import ProposedDecision
from sanxiang.cases.models import Case
from sanxiang.cases.tests.case_factories import Desk
from sanxiang.organizations.enums import DepartmentKind, Role
from sanxiang.organizations.models import Department, Officer
from sanxiang.organizations.tests import factories
from sanxiang.review import actions as review_actions
from sanxiang.review.enums import ChecklistItem, Outcome
from sanxiang.review.models import ReviewRequest

ALL_PASS = {item.value: {"passed": True, "comment": ""} for item in ChecklistItem}


def failing(*items: ChecklistItem) -> dict[str, dict[str, object]]:
    answers: dict[str, dict[str, object]] = {k: dict(v) for k, v in ALL_PASS.items()}
    for item in items:
        answers[item.value] = {"passed": False, "comment": "证据不足"}
    return answers


def make_reviewer(
    desk: Desk, name: str = "孙七", *, qualified: bool = True, username: str = "reviewer"
) -> Officer:
    """An officer of the 太原 legal department, granted the legal-reviewer role."""
    world = desk.world
    department, _created = Department.objects.get_or_create(
        agency=world.taiyuan, name="法制科", defaults={"kind": DepartmentKind.LEGAL}
    )
    user = User.objects.create_user(username=username, password="correct-horse-battery")
    officer = factories.make_officer(world.taiyuan, name, user=user)
    Officer.objects.filter(pk=officer.pk).update(
        department=department, legal_qualification_number="A20150001" if qualified else ""
    )
    factories.grant(user, world.taiyuan, Role.LEGAL_REVIEWER)
    officer.refresh_from_db()
    return officer


def submit(
    desk: Desk,
    case: Case,
    on: dt.date,
    *,
    amount_fen: int | None = None,
    kinds: Sequence[str] = (),
    flags: Sequence[str] = (),
    decision_kinds: Sequence[str] = (),
) -> ReviewRequest:
    proposed = ProposedDecision(
        amount_fen if amount_fen is not None else case.proposed_fen,
        tuple(kinds),
        tuple(decision_kinds),
        tuple(flags),
    )
    return check_submit_for_review(
        case, actor_user=desk.world.officer_user, proposed=proposed, draft="拟处罚决定书（草稿）", on=on
    )


def conclude(
    request: ReviewRequest,
    reviewer: Officer,
    on: dt.date,
    *,
    outcome: str = Outcome.APPROVED,
    answers: dict | None = None,  # type: ignore[type-arg]
) -> ReviewRequest:
    assert reviewer.user is not None
    if request.reviewer_id is None:
        request = review_actions.check_assign_reviewer(
            request, actor_user=reviewer.user, reviewer=reviewer, on=on
        )
    return review_actions.check_conclude_review(
        request,
        actor_user=reviewer.user,
        outcome=outcome,
        answers=answers or (ALL_PASS if outcome == Outcome.APPROVED else failing(ChecklistItem.EVIDENCE)),
        opinion="经审核，同意。" if outcome == Outcome.APPROVED else "证据不足，请补充。",
        on=on,
    )


def pass_review(
    desk: Desk, case: Case, on: dt.date, *, reviewer: Officer | None = None, **proposal: object
) -> Case:
    """Submit, assign and approve on ``on``: the case's ``legal_review`` act is recorded by the approval."""
    reviewer = (
        reviewer
        or Officer.objects.filter(legal_qualification_number="A20150001").first()
        or make_reviewer(desk)
    )
    conclude(submit(desk, case, on, **proposal), reviewer, on)  # type: ignore[arg-type]
    return Case.objects.get(pk=case.pk)
