"""The handler's answers on a case's decision (承办人意见): a major public interest (重大公共利益), a major
social impact (社会影响), complexity (案情复杂)… (行政处罚法 第58条 第1款 第一、三项; 第57条 第2款).

They are recorded on the case before the decision, so that the gate and ``needs_legal_review`` see them
whether or not a review was submitted. ``check_record_handler_answers`` is the only writer of
``Case.handler_flags``: it records the answers with the previous ones in the same transaction, and refuses
once the decision they bear on is past (no ``legal_review`` act is reachable any more)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.db import transaction
from django.utils.translation import gettext as _

from sanxiang.cases.engine.acts import User
from sanxiang.cases.legal_review import events
from sanxiang.cases.legal_review.decisions import HandlerFlag
from sanxiang.cases.lock_objects import lock_case
from sanxiang.cases.models import Case
from sanxiang.core import clock
from sanxiang.core.errors import InvalidInput, RuleViolation
from sanxiang.core.validation import validated
from sanxiang.matters import procedures
from sanxiang.matters.procedures import REVIEW_ACT, Procedure
from sanxiang.organizations.selectors import actor_of
from sanxiang.records import writer


def review_ahead(procedure: Procedure, stage: str) -> bool:
    """Whether the ``legal_review`` act can still be reached from ``stage`` (the decision is ahead)."""
    seen, frontier = {stage}, [stage]
    while frontier:
        for transition in procedure.acts_from(frontier.pop()):
            if transition.act == REVIEW_ACT:
                return True
            if transition.target not in seen:
                seen.add(transition.target)
                frontier.append(transition.target)
    return False


def may_answer(case: Case) -> bool:
    return review_ahead(procedures.get(case.procedure_key), case.stage)


@transaction.atomic
def check_record_handler_answers(case: Case, *, actor_user: User, flags: Iterable[str], on: dt.date) -> Case:
    """Replace the case's answers with ``flags`` (HandlerFlag values) on day ``on``."""
    case = lock_case(case.pk)
    chosen = sorted({str(flag) for flag in flags})
    known = {flag.value for flag in HandlerFlag}
    if any(flag not in known for flag in chosen):
        raise InvalidInput(_("Choose among the answers listed."), {"flags": [_("Choose again.")]})
    if on > clock.today() or on < case.registered_on:
        raise InvalidInput(
            _("The answers are dated between the case's registration and today."),
            {"on": [_("Give another date.")]},
        )
    if not may_answer(case):
        raise RuleViolation(
            _(
                "The handler answers before the decision: this case's decision has been taken "
                "(Administrative Penalty Law, Article 58)."
            )
        )
    previous = list(case.handler_flags)
    case.handler_flags = chosen
    case.updated_at = clock.now()
    validated(case)
    case.save(update_fields=["handler_flags", "updated_at"])
    writer.append(
        events.HANDLER_ANSWERS_RECORDED.code,
        agency_id=case.agency_id,
        actor=actor_of(actor_user, on=on),
        subject=writer.Subject("case", str(case.pk)),
        data={"flags": chosen, "previous": previous, "answered_on": on.isoformat()},
    )
    return case
