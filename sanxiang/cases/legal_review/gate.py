"""The legal-review gate (行政处罚法 第58条; 国办发〔2018〕118号): guards the case engine checks inside the
act's transaction, with the case locked, and the listener that records a passed review on the case.

- ``legal_review_passed`` (decide, decide_no_penalty, serve): when the decision being made or served is
  major, an approved review of *this* decision (same amount and kinds, by digest) must exist and the case's
  ``legal_review`` act must have been recorded by that approval. A changed decision needs a new review.
- ``legal_review_approved`` (the ``legal_review`` act): only the approval of the latest review may perform
  it, once — performing the act directly marks nothing passed.

Guards only read. Registered over the engine's placeholders by ``register()`` from ``CasesConfig.ready``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.utils.translation import gettext as _

from sanxiang.cases.engine.guards import GuardContext
from sanxiang.cases.engine.hooks import register_guard
from sanxiang.cases.legal_review.decisions import DecisionKind, ProposedDecision, decision_digest
from sanxiang.cases.legal_review.triggers import needs_legal_review
from sanxiang.cases.models import Case
from sanxiang.records.writer import Subject
from sanxiang.review import selectors as review_selectors
from sanxiang.review.enums import ReviewStatus


def subject_of(case: Case) -> Subject:
    return Subject("case", str(case.pk))


def proposal_for_act(case: Case, act: str, data: Mapping[str, Any]) -> ProposedDecision:
    """The decision an act makes or serves: the amount given (else the decided, else the proposed one) and
    the kinds of the latest decision submitted for review (unless the act names others)."""
    latest = review_selectors.requests_of(subject_of(case)).first()
    base = ProposedDecision.from_json(latest.package.get("decision", {})) if latest else ProposedDecision()
    if act == "decide_no_penalty":
        return ProposedDecision(None, (), (DecisionKind.NO_PENALTY.value,), base.flags)
    amount = data.get("amount_fen")
    if amount is None:
        amount = case.decided_fen if case.decided_on is not None else case.proposed_fen
    kinds = data.get("penalty_kinds", base.penalty_kinds)
    return ProposedDecision(
        int(amount) if amount is not None else None,
        tuple(sorted({str(k) for k in kinds})),
        tuple(k for k in base.decision_kinds if k != DecisionKind.NO_PENALTY),
        base.flags,
    )


def legal_review_passed(ctx: GuardContext) -> str | None:
    """行政处罚法 第58条: no major decision is made, numbered or served before its review has passed."""
    proposal = proposal_for_act(ctx.case, ctx.act, ctx.data)
    need = needs_legal_review(ctx.case, proposal, on=ctx.on)
    if not need.required:
        return None
    digest = decision_digest(ctx.case.pk, proposal)
    if ctx.case.legal_review_passed and review_selectors.passed_request(subject_of(ctx.case), digest):
        return None
    rules = "、".join(rule.code for rule in need.fired)
    return _(
        "This is a major decision (%(rules)s): it cannot be made or served before a legal review of this "
        "very decision has passed (Administrative Penalty Law, Article 58)."
    ) % {"rules": rules}


def legal_review_approved(ctx: GuardContext) -> str | None:
    """Only the reviewer's approval of the latest review records the ``legal_review`` act, once."""
    latest = review_selectors.requests_of(subject_of(ctx.case)).first()
    if (
        latest is not None
        and latest.status == ReviewStatus.APPROVED
        and ctx.data.get("review") == latest.pk
        and not ctx.case.legal_review_passed
    ):
        return None
    return _(
        "The legal review is recorded only by the reviewer's approval of the submitted decision "
        "(Administrative Penalty Law, Article 58)."
    )


def register() -> None:
    from sanxiang.cases.legal_review import discussion

    register_guard("legal_review_passed", legal_review_passed, replace=True)
    register_guard("legal_review_approved", legal_review_approved, replace=True)
    register_guard("collective_discussion_held", discussion.collective_discussion_held, replace=True)
    register_guard("collective_discussion_recorded", discussion.collective_discussion_recorded, replace=True)
