"""Writes of the case side of legal review: submit a case's proposed decision for review with its package,
and the listener that performs the case's ``legal_review`` act when the reviewer approves. Each runs in one
transaction with the case locked (case first, then the review engine's rows) and records through the
review engine and the case engine; nothing here writes review rows directly."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils.translation import gettext as _

from sanxiang.cases.engine.acts import User, check_perform_act
from sanxiang.cases.legal_review.decisions import ProposedDecision, decision_digest
from sanxiang.cases.legal_review.gate import subject_of
from sanxiang.cases.legal_review.package import build_package
from sanxiang.cases.legal_review.triggers import needs_legal_review
from sanxiang.cases.lock_objects import lock_case
from sanxiang.cases.models import Case
from sanxiang.core.errors import InvalidInput, RuleViolation
from sanxiang.matters import procedures
from sanxiang.review import actions as review_actions
from sanxiang.review.enums import ReviewStatus
from sanxiang.review.hooks import Concluded
from sanxiang.review.models import ReviewRequest


@transaction.atomic
def check_submit_for_review(
    case: Case, *, actor_user: User, proposed: ProposedDecision, draft: str, on: dt.date
) -> ReviewRequest:
    """Submit the proposed decision (送审) once the procedure allows the review (after notification);
    a new submission (e.g. after a return or a changed amount) means the case's review has not passed."""
    case = lock_case(case.pk)
    allowed = {t.act for t in procedures.get(case.procedure_key).acts_from(case.stage)}
    if "legal_review" not in allowed:
        raise RuleViolation(
            _(
                "A decision is submitted for legal review after the prior notice "
                "(Administrative Penalty Law, Article 58)."
            )
        )
    if not draft.strip():
        raise InvalidInput(_("Attach the draft decision."), {"draft": [_("Required.")]})
    need = needs_legal_review(case, proposed, on=on)
    request = review_actions.check_submit_review(
        actor_user=actor_user,
        agency=case.agency,
        subject=subject_of(case),
        subject_label=str(case),
        matter_type=case.matter.type,
        package=build_package(case, proposed, need, draft=draft, on=on),
        decision_digest=decision_digest(case.pk, proposed),
        handler_ids=list(case.assignments.values_list("officer_id", flat=True)),
        rules=[rule.code for rule in need.fired],
        on=on,
    )
    if case.legal_review_passed:
        case.legal_review_passed = False  # recorded by review.submitted: the new decision has not passed
        case.save(update_fields=["legal_review_passed"])
    return request


def on_review_concluded(done: Concluded) -> None:
    """An approved review of a case performs the case's ``legal_review`` act in the same transaction; a
    refusal there (e.g. the case moved on) refuses the approval too."""
    request = done.request
    if request.status != ReviewStatus.APPROVED:
        return
    case = lock_case(int(request.subject_id))
    check_perform_act(
        case,
        act="legal_review",
        actor_user=done.actor_user,
        on=done.on,
        data={"review": request.pk, "note": ""},
    )
