"""Demo legal reviews (法制审核) of 太原 in every state: a decision major by the handler's answers alone,
submitted, under review with a legal adviser's
opinion, overdue (red), not approved, revise and resubmit, returned for more material then resubmitted
and approved, and an approved major penalty decided and served. Run through the actions as pseudo-acts
of the demo cases' plans (``review.answer``, ``review.submit``, ``review.assign``, ``review.consult``,
``review.conclude``), day by day with the clock frozen on each day, so the record log's times only move
forward. Never writes a row directly."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sanxiang.accounts.models import User
from sanxiang.cases.legal_review.actions import check_submit_for_review
from sanxiang.cases.legal_review.answers import check_record_handler_answers
from sanxiang.cases.legal_review.decisions import ProposedDecision
from sanxiang.cases.legal_review.gate import subject_of, suggested_proposal
from sanxiang.cases.models import Case
from sanxiang.organizations.models import Agency, Officer
from sanxiang.review import actions as review_actions
from sanxiang.review import selectors as review_selectors
from sanxiang.review.enums import ChecklistItem, Outcome
from sanxiang.review.models import ReviewSetting

YUAN = 100
MAJOR = 60_000 * YUAN  # at or above the organisations' amount of the Shanxi catalogue (FS-02)
_NOTIFIED = [(2, "investigate", {}), (8, "examine", {}), (10, "notify", {"served_on": 11})]

# (facts, days before today registered, acts): the same form as demo.cases.PLANS; organisations as parties.
REVIEW_PLANS: list[tuple[str, int, list[tuple[int, str, dict[str, Any]]]]] = [
    (
        "承办人认定涉及重大公共利益，须经法制审核后方可决定",
        18,
        [*_NOTIFIED, (12, "review.answer", {"flags": ["public_interest"]})],
    ),
    ("重大处罚决定已送法制审核，待指定审核人员", 14, [*_NOTIFIED, (13, "review.submit", {})]),
    (
        "重大处罚决定法制审核中，已征询法律顾问意见",
        16,
        [*_NOTIFIED, (12, "review.submit", {}), (13, "review.assign", {}), (14, "review.consult", {})],
    ),
    (
        "法制审核超过期限（红色预警）",
        40,
        [*_NOTIFIED, (14, "review.submit", {}), (15, "review.assign", {})],
    ),
    (
        "法制审核不同意作出处罚决定",
        30,
        [
            *_NOTIFIED,
            (14, "review.submit", {}),
            (15, "review.assign", {}),
            (18, "review.conclude", {"outcome": Outcome.REJECTED, "failed": ["facts", "evidence"]}),
        ],
    ),
    (
        "法制审核建议修改后再审",
        28,
        [
            *_NOTIFIED,
            (14, "review.submit", {}),
            (15, "review.assign", {}),
            (17, "review.conclude", {"outcome": Outcome.REVISE, "failed": ["discretion"]}),
        ],
    ),
    (
        "退回补充材料后重新送审，审核通过待作出决定",
        35,
        [
            *_NOTIFIED,
            (13, "review.submit", {}),
            (14, "review.assign", {}),
            (16, "review.conclude", {"outcome": Outcome.RETURNED, "failed": ["evidence"]}),
            (20, "review.submit", {}),
            (21, "review.assign", {}),
            (23, "review.conclude", {"outcome": Outcome.APPROVED}),
        ],
    ),
    (
        "重大处罚经法制审核通过，已作出决定并送达",
        60,
        [
            *_NOTIFIED,
            (13, "review.submit", {}),
            (14, "review.assign", {}),
            (16, "review.conclude", {"outcome": Outcome.APPROVED}),
            (20, "decide", {"amount_fen": MAJOR}),
            (22, "serve", {}),
        ],
    ),
]

OPINIONS = {
    Outcome.APPROVED: (
        "经审核，执法主体合法，程序合法，事实清楚，证据确凿，适用依据正确，裁量适当，同意作出处罚决定。"
    ),
    Outcome.REJECTED: "经审核，违法事实认定不清，主要证据不足，不同意作出处罚决定。",
    Outcome.REVISE: "经审核，罚款数额与裁量基准不符，建议调整后再行送审。",
    Outcome.RETURNED: "经审核，缺少现场检查笔录及音像记录，退回补充材料。",
}


def set_time_limit(agency: Agency, *, actor_user: User, on: dt.date) -> None:
    """7 working days, extendable once by 3 (DOMAIN.md R-LR-05, 宁夏住建厅 example), unless already set."""
    if not ReviewSetting.objects.filter(agency=agency).exists():
        review_actions.check_set_review_setting(
            actor_user=actor_user, agency=agency, effective_from=on, working_days=7, extension_days=3
        )


def perform(case: Case, act: str, *, actor_user: User, on: dt.date, values: dict[str, Any]) -> Case:
    """One review pseudo-act of a demo case on day ``on``."""
    reviewer = Officer.objects.select_related("user").get(user__username="reviewer")
    head = User.objects.get(username="agency_head")
    request = review_selectors.requests_of(subject_of(case)).first()
    if act == "review.answer":
        check_record_handler_answers(case, actor_user=actor_user, flags=values["flags"], on=on)
    elif act == "review.submit":
        proposed = ProposedDecision(MAJOR, ("fine",), (), ("public_interest",))
        draft = f"拟对当事人处以罚款人民币{MAJOR // YUAN}元。"
        if not case.procedure_key.startswith("penalty"):  # e.g. the application to the court
            proposed, draft = suggested_proposal(case), f"拟作出的决定：{case.matter.name}"
        check_submit_for_review(case, actor_user=actor_user, proposed=proposed, draft=draft, on=on)
    elif act == "review.assign" and request is not None:
        review_actions.check_assign_reviewer(request, actor_user=head, reviewer=reviewer, on=on)
    elif act == "review.consult" and request is not None:
        review_actions.check_record_consultation(
            request,
            actor_user=reviewer.user or head,
            kind="counsel",
            adviser_name="山西某律师事务所 刘律师",
            asked_on=on,
            answered_on=on,
            opinion="处罚依据充分，建议在裁量基准中档内确定罚款数额。",
        )
    elif act == "review.conclude" and request is not None:
        _conclude(request, reviewer, on=on, outcome=values["outcome"], failed=values.get("failed", []))
    return Case.objects.get(pk=case.pk)


def _conclude(request: Any, reviewer: Officer, *, on: dt.date, outcome: str, failed: list[str]) -> None:
    answers = {
        item.value: (
            {"passed": False, "comment": "需补正"}
            if item.value in failed
            else {"passed": True, "comment": ""}
        )
        for item in ChecklistItem
    }
    assert reviewer.user is not None  # the demo reviewer has a login
    review_actions.check_conclude_review(
        request,
        actor_user=reviewer.user,
        outcome=outcome,
        answers=answers,
        opinion=OPINIONS[Outcome(outcome)],
        on=on,
    )
