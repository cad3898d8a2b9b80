"""Helpers for cases that go through legal review: a qualified reviewer of 太原 (legal department,
法律职业资格), a published major-decision catalogue, and a review submitted, assigned and concluded through
the actions (so every row is recorded)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TypeVar

from sanxiang.cases.legal_review.actions import check_submit_for_review
from sanxiang.cases.legal_review.decisions import ProposedDecision
from sanxiang.cases.legal_review.discussion import check_record_discussion
from sanxiang.cases.models import Case
from sanxiang.cases.tests.case_factories import YUAN, Desk, agency_head_user
from sanxiang.cases.tests.levy_factories import LevyDesk
from sanxiang.core import clock
from sanxiang.matters import actions as matter_actions
from sanxiang.matters.enums import ListKind, MatterType, PartyKind, ReviewCriterion
from sanxiang.matters.specs import ReviewRuleSpec
from sanxiang.matters.tests import factories as matter_factories
from sanxiang.organizations.models import Officer
from sanxiang.records.writer import SYSTEM
from sanxiang.review import actions as review_actions
from sanxiang.review.enums import ChecklistItem, Outcome
from sanxiang.review.models import ReviewRequest
from sanxiang.review.tests.factories import ALL_PASS, legal_officer

AnyDesk = Desk | LevyDesk
D = TypeVar("D", Desk, LevyDesk)


def failing(*items: ChecklistItem) -> dict[str, dict[str, object]]:
    answers: dict[str, dict[str, object]] = {k: dict(v) for k, v in ALL_PASS.items()}
    for item in items:
        answers[item.value] = {"passed": False, "comment": "证据不足"}
    return answers


def make_reviewer(
    desk: AnyDesk, name: str = "孙七", *, qualified: bool = True, username: str = "reviewer"
) -> Officer:
    """An officer of the 太原 legal department, granted the legal-reviewer role."""
    return legal_officer(desk.world, name, username, qualified=qualified)


def ready_for_review(desk: D) -> D:
    """The desk with 太原's major-decision catalogue in force and a qualified legal reviewer (孙七)."""
    publish_catalogue(desk)
    make_reviewer(desk)
    return desk


def submit(
    desk: AnyDesk,
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
    desk: AnyDesk, case: Case, on: dt.date, *, reviewer: Officer | None = None, **proposal: object
) -> Case:
    """Submit, assign and approve on ``on``: the case's ``legal_review`` act is recorded by the approval."""
    reviewer = (
        reviewer
        or Officer.objects.filter(legal_qualification_number="A20150001").first()
        or make_reviewer(desk)
    )
    conclude(submit(desk, case, on, **proposal), reviewer, on)  # type: ignore[arg-type]
    return Case.objects.get(pk=case.pk)


def publish_catalogue(desk: AnyDesk, *, effective: dt.date = dt.date(2026, 7, 1)) -> None:
    """A major-decision catalogue of 太原 (R-LR-02), thresholds in the style of DOMAIN.md's examples."""
    world = desk.world
    specs = [
        ReviewRuleSpec(
            "FS-01",
            ReviewCriterion.AMOUNT,
            "个人较大数额",
            (),
            MatterType.PENALTY,
            PartyKind.INDIVIDUAL,
            5_000 * YUAN,
        ),
        ReviewRuleSpec(
            "FS-02",
            ReviewCriterion.AMOUNT,
            "单位较大数额",
            (),
            MatterType.PENALTY,
            PartyKind.ORGANIZATION,
            50_000 * YUAN,
        ),
        ReviewRuleSpec(
            "FS-03",
            ReviewCriterion.PENALTY_KIND,
            "吊销许可证件",
            (),
            MatterType.PENALTY,
            value="licence_revocation",
        ),
        ReviewRuleSpec(
            "FS-04",
            ReviewCriterion.PENALTY_KIND,
            "责令停产停业",
            (),
            MatterType.PENALTY,
            value="business_suspension",
        ),
        ReviewRuleSpec("FS-05", ReviewCriterion.HEARING_HELD, "经过听证程序", (), MatterType.PENALTY),
        ReviewRuleSpec(
            "FS-06",
            ReviewCriterion.DECISION_KIND,
            "不予许可、撤销许可",
            (),
            MatterType.LICENSE,
            value="license_refused_or_revoked",
        ),
        ReviewRuleSpec(
            "FS-07",
            ReviewCriterion.DECISION_KIND,
            "减轻处罚或超出裁量基准",
            (),
            MatterType.PENALTY,
            value="outside_benchmark",
        ),
        ReviewRuleSpec(
            "FS-08",
            ReviewCriterion.DECISION_KIND,
            "申请人民法院强制执行",
            (),
            MatterType.COERCION,
            value="court_enforcement",
        ),
        ReviewRuleSpec(
            "FS-09",
            ReviewCriterion.DECISION_KIND,
            "易地建设费减免",
            (),
            MatterType.LEVY,
            value="levy_exemption",
        ),
        ReviewRuleSpec("FS-10", ReviewCriterion.HANDLER_FLAG, "涉及重大公共利益", value="public_interest"),
        ReviewRuleSpec("FS-11", ReviewCriterion.HANDLER_FLAG, "案情疑难复杂", value="complex"),
        ReviewRuleSpec("FS-12", ReviewCriterion.HANDLER_FLAG, "可能造成重大社会影响", value="social_impact"),
    ]
    with clock.frozen_now(dt.datetime(2026, 6, 15, 9, tzinfo=dt.UTC)):
        version = matter_factories.draft(world.taiyuan, ListKind.MAJOR_DECISIONS, effective=effective)
        for spec in specs:
            matter_actions.check_add_review_rule(actor=SYSTEM, version=version, spec=spec)
        matter_factories.approve_and_publish(version)


def set_time_limit(desk: Desk, *, days: int = 7, extension: int = 3) -> None:
    review_actions.check_set_review_setting(
        actor_user=desk.world.admin_user,
        agency=desk.world.taiyuan,
        effective_from=dt.date(2026, 1, 1),
        working_days=days,
        extension_days=extension,
    )


def make_head(desk: Desk) -> Officer:
    """常建军, agency head (机关负责人) of 太原, with a login."""
    return Officer.objects.get(user=agency_head_user(desk.world))


def discuss(desk: Desk, case: Case, on: dt.date) -> Case:
    """A collective discussion chaired by the head with the two handling officers (第57条 第2款)."""
    head = make_head(desk)
    check_record_discussion(
        case,
        actor_user=desk.world.officer_user,
        held_on=on,
        chair=head,
        attendees=[head, desk.world.officer, desk.world.colleague],
        opinions="一致同意按拟定意见处罚。",
        conclusion="同意给予罚款处罚。",
    )
    return Case.objects.get(pk=case.pk)
