"""The guards an act of a procedure names, each a check of one legal rule returning the refusal (a message
that names its article) or None. Guards only read: they never write, never lock and never raise for a
refusal; the engine turns refusals into RuleViolation. Statutory numbers fixed by the law itself (the caps of
the simple procedure) live here with their article; numbers an agency sets (the hearing threshold) are read
from ``CaseSetting``, never written as constants.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.utils.translation import gettext as _

from sanxiang.cases.engine.levy_guards import LEVY_GUARDS
from sanxiang.cases.engine.role_guards import ROLE_GUARDS
from sanxiang.cases.engine.service_guard import SERVICE_GUARDS
from sanxiang.cases.enums import PartyKind
from sanxiang.cases.models import Case, CaseOfficer, CaseSetting
from sanxiang.cases.settings_selectors import setting_for
from sanxiang.evidence.requirements import av_requirement_met
from sanxiang.matters.procedures import Procedure

if TYPE_CHECKING:
    from django.contrib.auth.base_user import AbstractBaseUser
    from django.contrib.auth.models import AnonymousUser

YUAN = 100  # fen
# 行政处罚法 第51条: on-the-spot penalties only up to 200 yuan for citizens and 3,000 yuan for organisations.
SIMPLE_CAP_PERSON_FEN = 200 * YUAN
SIMPLE_CAP_ORGANIZATION_FEN = 3_000 * YUAN
# 行政处罚法 第36条: two years, five where life, health or financial safety is endangered with harm.
LIMITATION_YEARS = 2
GRAVE_LIMITATION_YEARS = 5
MIN_OFFICERS = 2


@dataclass(frozen=True)
class GuardContext:
    """What a guard looks at: the case (with its assignments), the procedure, the act and its date, and the
    act's data (e.g. ``amount_fen``, ``new_facts``), and who performs it (None when unknown, e.g. a
    preview of the next acts: a guard on the actor then refuses, the safe side)."""

    case: Case
    procedure: Procedure
    act: str
    on: dt.date
    data: Mapping[str, Any] = field(default_factory=dict)
    assignments: tuple[CaseOfficer, ...] = ()
    actor_user: AbstractBaseUser | AnonymousUser | None = None


Guard = Callable[[GuardContext], str | None]


def two_certified_officers(ctx: GuardContext) -> str | None:
    """行政处罚法 第42条, 第55条: at least two officers holding enforcement certificates valid that day."""
    certified = [a for a in ctx.assignments if not a.conflict_declared and a.officer.certified_on(ctx.on)]
    if len(certified) >= MIN_OFFICERS:
        return None
    return _(
        "At least two handling officers with enforcement certificates valid on %(day)s must act "
        "(Administrative Penalty Law, Articles 42 and 55)."
    ) % {"day": ctx.on.isoformat()}


def no_recusal_pending(ctx: GuardContext) -> str | None:
    """行政处罚法 第43条: an officer with a declared conflict must be recused before the case moves on."""
    conflicted = [a.officer.name for a in ctx.assignments if a.conflict_declared]
    if not conflicted:
        return None
    return _(
        "%(names)s declared a conflict of interest and must be recused first "
        "(Administrative Penalty Law, Article 43)."
    ) % {"names": ", ".join(conflicted)}


def within_limitation(ctx: GuardContext) -> str | None:
    """行政处罚法 第36条: no penalty when the violation was not discovered within two (five) years."""
    years = GRAVE_LIMITATION_YEARS if ctx.case.grave_harm else LIMITATION_YEARS
    if ctx.on <= years_after(ctx.case.violation_on, years):
        return None
    return _(
        "The violation ended more than %(years)d years before registration: it can no longer be "
        "penalised (Administrative Penalty Law, Article 36)."
    ) % {"years": years}


def notified_before_decision(ctx: GuardContext) -> str | None:
    """行政处罚法 第44条, 第62条: no decision before the prior notice was served on the party."""
    served = ctx.case.notice_served_on
    if served is not None and served <= ctx.on:
        return None
    return _(
        "The prior notice of the penalty must be served before the decision "
        "(Administrative Penalty Law, Articles 44 and 62)."
    )


def no_heavier_after_statement(ctx: GuardContext) -> str | None:
    """行政处罚法 第45条: no heavier penalty because of the statement, unless new facts are recorded."""
    amount = ctx.data.get("amount_fen")
    proposed = ctx.case.proposed_fen
    if not ctx.case.statement_made or amount is None or proposed is None or amount <= proposed:
        return None
    if ctx.case.new_facts or str(ctx.data.get("new_facts", "")).strip():
        return None
    return _(
        "After the party's statement and defence the penalty cannot be heavier than proposed unless new "
        "facts are recorded (Administrative Penalty Law, Article 45)."
    )


def legal_review_passed(ctx: GuardContext) -> str | None:
    """行政处罚法 第58条: a decision that needs legal review waits for the review to pass. A placeholder on
    the case's flags: ``cases.legal_review.gate`` replaces it with the gate over the review engine."""
    if not ctx.case.legal_review_required or ctx.case.legal_review_passed:
        return None
    return _("The legal review has not passed (Administrative Penalty Law, Article 58).")


def legal_review_approved(ctx: GuardContext) -> str | None:
    """Placeholder, closed: only the review engine's approval may record the legal review (行政处罚法
    第58条); ``cases.legal_review.gate`` replaces it."""
    return _(
        "The legal review is recorded only by the reviewer's approval "
        "(Administrative Penalty Law, Article 58)."
    )


def collective_discussion_held(ctx: GuardContext) -> str | None:
    """Placeholder (行政处罚法 第57条 第2款): ``cases.legal_review.discussion`` replaces it."""
    return None


def collective_discussion_recorded(ctx: GuardContext) -> str | None:
    """Placeholder, closed: the act needs its meeting record (行政处罚法 第57条)."""
    return _("Record the collective discussion first (Administrative Penalty Law, Article 57).")


def hearing_right(ctx: GuardContext) -> str | None:
    """行政处罚法 第63条: a hearing is held for fines of a larger amount, the threshold set locally per kind
    of party. Without a setting the party keeps the right (the safe side)."""
    setting = setting_for(ctx.case.agency, on=ctx.on)
    amount = ctx.case.proposed_fen
    if setting is None or amount is None:
        return None
    for kind in ctx.case.parties.values_list("kind", flat=True):
        if amount >= hearing_threshold(setting, kind):
            return None
    return _(
        "The proposed fine is below the hearing threshold of the agency: no right to a hearing "
        "(Administrative Penalty Law, Article 63)."
    )


def simple_procedure_cap(ctx: GuardContext) -> str | None:
    """行政处罚法 第51条: 200 yuan for a citizen, 3,000 yuan for an organisation."""
    amount = ctx.data.get("amount_fen", ctx.case.proposed_fen) or 0
    kinds = set(ctx.case.parties.values_list("kind", flat=True))
    cap = SIMPLE_CAP_ORGANIZATION_FEN if kinds == {PartyKind.ORGANIZATION} else SIMPLE_CAP_PERSON_FEN
    if amount <= cap:
        return None
    return _(
        "On the spot a fine may not exceed %(cap)s yuan for this party (Administrative Penalty Law, "
        "Article 51); use the ordinary procedure."
    ) % {"cap": cap // YUAN}


def av_recorded(ctx: GuardContext) -> str | None:
    """R-REC-02 (国办发〔2018〕118号; 行政处罚法 第47条): a step the AV-recording list in force marks for full
    recording closes only with an audio or video file linked to it or an approved exemption."""
    if ctx.case.pk is None:
        return None
    met, reason = av_requirement_met(
        agency=ctx.case.agency,
        matter_code=ctx.case.matter.code,
        step=av_step(ctx),
        subject_kind="case",
        subject_id=str(ctx.case.pk),
        on=ctx.on,
    )
    return None if met else f"{reason} (R-REC-02)"


def av_step(ctx: GuardContext) -> str:
    """The AV-list step the act closes: the transition's ``av_step``, else the act's own name."""
    for transition in ctx.procedure.acts_from(ctx.case.stage):
        if transition.act == ctx.act and transition.av_step:
            return transition.av_step
    return ctx.act


def hearing_threshold(setting: CaseSetting, kind: str) -> int:
    """The threshold for a kind of party: organisations have theirs; persons and individual businesses
    the individuals' one."""
    if kind == PartyKind.ORGANIZATION:
        return setting.hearing_threshold_organization_fen
    return setting.hearing_threshold_person_fen


def years_after(day: dt.date, years: int) -> dt.date:
    """The same day ``years`` later; 29 February becomes 28 February."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


GUARDS: dict[str, Guard] = {
    "two_certified_officers": two_certified_officers,
    "no_recusal_pending": no_recusal_pending,
    "within_limitation": within_limitation,
    "notified_before_decision": notified_before_decision,
    "no_heavier_after_statement": no_heavier_after_statement,
    "legal_review_passed": legal_review_passed,
    "legal_review_approved": legal_review_approved,
    "collective_discussion_held": collective_discussion_held,
    "collective_discussion_recorded": collective_discussion_recorded,
    "hearing_right": hearing_right,
    "simple_procedure_cap": simple_procedure_cap,
    "av_recorded": av_recorded,
    **LEVY_GUARDS,
    **ROLE_GUARDS,
    **SERVICE_GUARDS,
}


def refusals(names: tuple[str, ...], ctx: GuardContext) -> list[str]:
    """The refusals of the named guards, in order; an unknown guard name is a programming error."""
    found = (GUARDS[name](ctx) for name in names)
    return [message for message in found if message is not None]
