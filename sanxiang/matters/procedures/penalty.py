"""The administrative penalty procedures (行政处罚法, 2021) as data: the ordinary procedure (普通程序, key
``penalty``) and the simple procedure on the spot (简易程序, key ``penalty_simple``, 第51条).

Each act names its guards (implemented and cited by the case engine in ``sanxiang.cases``) and its article;
each time limit names its unit and article. Short limits of the Penalty Law are working days (第85条), longer
ones calendar days. This module must never touch the database nor import the case engine.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from sanxiang.matters.procedures import (
    ROLE_GUARD,
    DayUnit,
    LimitChange,
    LimitEffect,
    Procedure,
    Stage,
    TimeLimit,
    Transition,
    register,
)
from sanxiang.matters.procedures.served import GUARD as SERVED
from sanxiang.organizations.enums import Role

VERSION = "2021"
APL = "行政处罚法"

DECIDE = TimeLimit("decide", _("Decide the case"), 90, DayUnit.CALENDAR, f"{APL} 第60条")
SERVE = TimeLimit("serve", _("Serve the decision"), 7, DayUnit.WORKING, f"{APL} 第61条")
PAY = TimeLimit("pay", _("Pay the fine"), 15, DayUnit.CALENDAR, f"{APL} 第67条")

# Guards of every act by officers: two certified officers (第42条, 第55条), none to be recused (第43条).
OFFICERS = ("two_certified_officers", "no_recusal_pending")
DECISION_GUARDS = (
    *OFFICERS,
    "notified_before_decision",
    "no_heavier_after_statement",
    "legal_review_passed",
    "collective_discussion_held",
    ROLE_GUARD,
)
# 行政处罚法 第57条: the decision is the agency head's (行政机关负责人), after examining the findings.
HEAD = Role.AGENCY_HEAD.value
HEAD_DECIDES = f"{APL} 第57条"
# The stages after notification from which a decision may be taken.
READY_TO_DECIDE = ("notified", "heard", "reviewed", "discussed")
OPEN_BEFORE_NOTICE = ("registered", "investigating", "examined")


def _start(limit: TimeLimit) -> LimitChange:
    return LimitChange(limit.code, LimitEffect.START)


def _stop(limit: TimeLimit) -> LimitChange:
    return LimitChange(limit.code, LimitEffect.STOP)


def _decisions() -> tuple[Transition, ...]:
    """Decide (决定) or decide not to penalise (不予处罚, 第33条 / 第57条) after notification."""
    decide = tuple(
        Transition(
            "decide",
            _("Decide the penalty"),
            source,
            "decided",
            guards=DECISION_GUARDS,
            limits=(_stop(DECIDE), _start(SERVE)),
            basis=f"{APL} 第57条",
            role=HEAD,
            role_basis=HEAD_DECIDES,
        )
        for source in READY_TO_DECIDE
    )
    no_penalty = tuple(
        Transition(
            "decide_no_penalty",
            _("Decide not to penalise"),
            source,
            "not_penalised",
            guards=(*OFFICERS, "legal_review_passed", ROLE_GUARD),
            limits=(_stop(DECIDE),),
            basis=f"{APL} 第57条",
            optional=True,
            role=HEAD,
            role_basis=HEAD_DECIDES,
        )
        for source in ("examined", *READY_TO_DECIDE)
    )
    return decide + no_penalty


def _withdrawals() -> tuple[Transition, ...]:
    """Withdraw the registration (撤销立案) before notification, e.g. when the facts are not made out."""
    return tuple(
        Transition(
            "withdraw",
            _("Withdraw the registration"),
            source,
            "withdrawn",
            limits=(_stop(DECIDE),),
            basis=f"{APL} 第57条",
            optional=True,
        )
        for source in OPEN_BEFORE_NOTICE
    )


ORDINARY = register(
    Procedure(
        key="penalty",
        label=_("Administrative penalty (ordinary procedure)"),
        version=VERSION,
        stages=(
            Stage("registered", _("Registered")),
            Stage("investigating", _("Investigating")),
            Stage("examined", _("Examined")),
            Stage("notified", _("Notified")),
            Stage("heard", _("Hearing held")),
            Stage("reviewed", _("Legal review passed")),
            Stage("discussed", _("Collective discussion held")),
            Stage("decided", _("Decided")),
            Stage("served", _("Served")),
            Stage("executed", _("Executed")),
            Stage("closed", _("Closed"), terminal=True),
            Stage("not_penalised", _("Not penalised"), terminal=True),
            Stage("withdrawn", _("Registration withdrawn"), terminal=True),
        ),
        transitions=(
            Transition(
                "investigate", _("Investigate"), "registered", "investigating", OFFICERS, (), f"{APL} 第54条"
            ),
            Transition(
                "examine",
                _("Examine the findings"),
                "investigating",
                "examined",
                (*OFFICERS, "av_recorded"),  # closes the investigation (调查取证) step: R-REC-02
                (),
                f"{APL} 第57条",
                av_step="investigate",
            ),
            Transition(
                "notify",
                _("Notify the intended penalty"),
                "examined",
                "notified",
                (*OFFICERS, SERVED),  # only the service of the prior notice performs it (第44条, 第61条)
                (),
                f"{APL} 第44条",
            ),
            Transition(
                "statement",
                _("Record the statement and defence"),
                "notified",
                "notified",
                basis=f"{APL} 第45条",
                optional=True,
            ),
            Transition(
                "hearing",
                _("Hold a hearing"),
                "notified",
                "heard",
                guards=(*OFFICERS, "hearing_right", "av_recorded"),
                basis=f"{APL} 第63条",
                optional=True,
            ),
            *(
                Transition(
                    "legal_review",
                    _("Legal review"),
                    source,
                    "reviewed",
                    guards=("legal_review_approved",),
                    basis=f"{APL} 第58条",
                    optional=True,
                )
                # from "reviewed" and "discussed" too: a changed decision is reviewed again
                for source in ("notified", "heard", "reviewed", "discussed")
            ),
            *(
                Transition(
                    "collective_discussion",
                    _("Collective discussion"),
                    source,
                    "discussed",
                    guards=("collective_discussion_recorded",),
                    basis=f"{APL} 第57条",
                    optional=True,
                )
                for source in ("notified", "heard", "reviewed")
            ),
            *_decisions(),
            *_withdrawals(),
            Transition(
                "serve",
                _("Serve the decision"),
                "decided",
                "served",
                (*OFFICERS, "legal_review_passed", "av_recorded", SERVED),
                (_stop(SERVE), _start(PAY)),
                f"{APL} 第61条",
            ),
            Transition(
                "execute", _("Execute the decision"), "served", "executed", (), (_stop(PAY),), f"{APL} 第67条"
            ),
            Transition("close", _("Close the case"), "executed", "closed", OFFICERS, (), f"{APL} 第57条"),
        ),
        limits=(DECIDE, SERVE, PAY),
        register_guards=(*OFFICERS, "within_limitation"),
        register_limits=(_start(DECIDE),),
        register_basis=f"{APL} 第54条",
        number_code="罚立",
    )
)

SIMPLE = register(
    Procedure(
        key="penalty_simple",
        label=_("Administrative penalty (simple procedure on the spot)"),
        version=VERSION,
        stages=(
            Stage("found", _("Found on the spot")),
            Stage("decided", _("Decided")),
            Stage("executed", _("Executed")),
            Stage("closed", _("Closed"), terminal=True),
        ),
        transitions=(
            Transition(
                "decide",
                _("Decide on the spot"),
                "found",
                "decided",
                guards=(*OFFICERS, "simple_procedure_cap"),
                limits=(_start(PAY),),
                basis=f"{APL} 第51条",
            ),
            Transition(
                "execute",
                _("Execute the decision"),
                "decided",
                "executed",
                (),
                (_stop(PAY),),
                f"{APL} 第67条",
            ),
            Transition("close", _("Close the case"), "executed", "closed", OFFICERS, (), f"{APL} 第52条"),
        ),
        limits=(PAY,),
        register_guards=(*OFFICERS, "within_limitation"),
        register_basis=f"{APL} 第51条",
    )
)
