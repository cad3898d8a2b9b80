"""The legal-review gate (行政处罚法 第58条; 国办发〔2018〕118号): guards the case engine checks inside the
act's transaction, with the case locked, and the listener that records a passed review on the case.

- ``legal_review_passed`` (penalty decide, decide_no_penalty, serve; licence grant, refuse; levy and fee
  assess; court enforcement apply_court — 国办发〔2018〕118号 extends the review to every kind of
  enforcement decision): when the decision being made or served is major, an approved review of *this*
  decision (same amount and kinds, by digest) must exist and the case's ``legal_review`` act must have
  been recorded by that approval. A changed decision needs a new review.
- ``legal_review_approved`` (the ``legal_review`` act): only the approval of the latest review may perform
  it, once — performing the act directly marks nothing passed.

Guards only read. Registered over the engine's placeholders by ``register()`` from ``CasesConfig.ready``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from django.utils.translation import gettext as _

from sanxiang.cases.engine import levy_facts
from sanxiang.cases.engine.guards import GuardContext
from sanxiang.cases.engine.hooks import register_guard
from sanxiang.cases.legal_review.decisions import DecisionKind, PenaltyKind, ProposedDecision, decision_digest
from sanxiang.cases.legal_review.triggers import needs_legal_review
from sanxiang.cases.models import Case, Enforcement
from sanxiang.core import clock
from sanxiang.matters.procedures.arithmetic import levy_amount_fen
from sanxiang.records.writer import Subject
from sanxiang.review import selectors as review_selectors
from sanxiang.review.enums import ReviewStatus


def subject_of(case: Case) -> Subject:
    return Subject("case", str(case.pk))


# 行政许可法 第38条: the licence acts that refuse (不予许可); a revocation (撤销许可, 第69条) would join them
# when the licensing table gains that act.
LICENCE_REFUSALS = frozenset({"refuse"})


def proposal_for_act(
    case: Case, act: str, data: Mapping[str, Any], *, on: dt.date | None = None
) -> ProposedDecision:
    """The decision an act makes or serves, with the handler's answers recorded on the case and on the
    latest submission. Penalty: the amount given (else the decided, else the proposed one) and the kinds of
    the latest decision submitted (unless the act names others). Licence: 不予许可 for a refusal, the kinds
    submitted for a grant. Levy and fee: the amount the assessment computes from the act's data, and an
    exemption (减免) when one is applied. Court enforcement: the application (申请强制执行) and the
    principal enforced. Any other act (a preview): the latest decision submitted."""
    latest = review_selectors.requests_of(subject_of(case)).first()
    base = ProposedDecision.from_json(latest.package.get("decision", {})) if latest else ProposedDecision()
    flags = tuple(sorted({*base.flags, *case.handler_flags}))
    if act == "decide_no_penalty":
        return ProposedDecision(None, (), (DecisionKind.NO_PENALTY.value,), flags)
    if case.procedure_key in OTHER_DECISIONS:
        return _other_decision(case, act, data, base, flags, on=on)
    amount = data.get("amount_fen")
    if amount is None:
        amount = case.decided_fen if case.decided_on is not None else case.proposed_fen
    kinds = data.get("penalty_kinds", base.penalty_kinds)
    return ProposedDecision(
        int(amount) if amount is not None else None,
        tuple(sorted({str(k) for k in kinds})),
        tuple(k for k in base.decision_kinds if k != DecisionKind.NO_PENALTY),
        flags,
    )


# The procedures whose decisions 国办发〔2018〕118号 brings under review besides penalties.
OTHER_DECISIONS = frozenset({"license", "levy", "fee", "coercion"})


def _other_decision(
    case: Case,
    act: str,
    data: Mapping[str, Any],
    base: ProposedDecision,
    flags: tuple[str, ...],
    *,
    on: dt.date | None,
) -> ProposedDecision:
    refused = DecisionKind.LICENCE_REFUSED_OR_REVOKED.value
    if act == "grant":  # a grant keeps the kinds submitted for it (e.g. demolition of a public work)
        kinds = tuple(k for k in base.decision_kinds if k not in (refused, DecisionKind.NO_PENALTY))
        return ProposedDecision(None, (), kinds, flags)
    if act in LICENCE_REFUSALS:
        return ProposedDecision(None, (), (refused,), flags)
    if act == "assess":
        exempt = bool(str(data.get("exemption_code", "")).strip() or int(data.get("exempt_centi") or 0))
        kinds = (DecisionKind.LEVY_EXEMPTION.value,) if exempt else ()
        return ProposedDecision(assessed_fen(case, data, on=on or clock.today()), (), kinds, flags)
    if act == "apply_court":
        return ProposedDecision(_principal(case), (), (DecisionKind.COURT_ENFORCEMENT.value,), flags)
    return ProposedDecision(base.amount_fen, (), base.decision_kinds, flags)


def suggested_proposal(case: Case) -> ProposedDecision:
    """What the submission form starts from: the proposed fine for a penalty; a refusal for a licence (the
    decision the catalogue makes major; untick it for a grant); the principal enforced through the court."""
    flags = tuple(case.handler_flags)
    if case.procedure_key == "license":
        return ProposedDecision(None, (), (DecisionKind.LICENCE_REFUSED_OR_REVOKED.value,), flags)
    if case.procedure_key == "coercion":
        return ProposedDecision(_principal(case), (), (DecisionKind.COURT_ENFORCEMENT.value,), flags)
    if case.procedure_key in OTHER_DECISIONS:
        return ProposedDecision(None, (), (), flags)
    return ProposedDecision(case.proposed_fen, (PenaltyKind.FINE.value,), (), flags)


def _principal(case: Case) -> int | None:
    enforcement = Enforcement.objects.filter(case_id=case.pk).first()
    return enforcement.principal_fen if enforcement else None


def assessed_fen(case: Case, data: Mapping[str, Any], *, on: dt.date) -> int | None:
    """The amount the ``assess`` act would write (rate of the standard in force × area less exemption);
    None without a standard (the ``levy_standard_in_force`` guard refuses then)."""
    standard = levy_facts.standard_for(case, on=on, code=str(data.get("standard", "")).strip())
    if standard is None:
        return None
    area, exempt = int(data.get("area_centi") or 0), int(data.get("exempt_centi") or 0)
    return levy_amount_fen(rate_fen=standard.rate_fen, area_centi=area, exempt_centi=exempt)


def legal_review_passed(ctx: GuardContext) -> str | None:
    """行政处罚法 第58条: no major decision is made, numbered or served before its review has passed."""
    proposal = proposal_for_act(ctx.case, ctx.act, ctx.data, on=ctx.on)
    need = needs_legal_review(ctx.case, proposal, on=ctx.on)
    if not need.required:
        return None
    digest = decision_digest(ctx.case.pk, proposal)
    if ctx.case.legal_review_passed and review_selectors.passed_request(subject_of(ctx.case), digest):
        return None
    rules = "、".join(rule.code for rule in need.fired)
    if ctx.case.procedure_key in OTHER_DECISIONS:
        return _(
            "This is a major enforcement decision (%(rules)s): it cannot be made before a legal review of "
            "this very decision has passed (国办发〔2018〕118号)."
        ) % {"rules": rules}
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
