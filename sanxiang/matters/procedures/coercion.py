"""Enforcement of a decision through the court (行政强制执行, as it applies to civil air defence), key
``coercion``: 人民防空法 grants the office no enforcement power of its own, so after an unpaid fine (加处罚款,
行政处罚法 第72条) or levy arrears it serves a demand notice (催告书, 行政强制法 第35条), hears the party
(第36条), and no earlier than 10 working days after service (第54条, 第69条) and within three months after
the reconsideration and litigation periods ran out (第53条) applies to the court, which accepts within 5 days
(第56条) and rules within 7 days (第57条). The case opens only when the relief periods have run out.
This module must never touch the database nor import the case engine.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from sanxiang.matters.procedures import (
    REVIEW_GUARD,
    ROLE_GUARD,
    DayUnit,
    LimitChange,
    LimitEffect,
    Procedure,
    Stage,
    TimeLimit,
    Transition,
    legal_review_loops,
    register,
)
from sanxiang.matters.procedures.served import GUARD as SERVED
from sanxiang.organizations.enums import Role

QZF = "行政强制法"
OFFICERS = ("two_certified_officers", "no_recusal_pending")

APPLY = TimeLimit("apply_court", _("Apply to the court for enforcement"), 3, DayUnit.MONTH, f"{QZF} 第53条")
PERFORM = TimeLimit("perform", _("Time given to perform"), 10, DayUnit.WORKING, f"{QZF} 第54条, 第69条")
ACCEPT = TimeLimit("court_accept", _("Court to accept the application"), 5, DayUnit.WORKING, f"{QZF} 第56条")
RULE = TimeLimit("court_rule", _("Court to rule on enforcement"), 7, DayUnit.WORKING, f"{QZF} 第57条")


def _start(limit: TimeLimit) -> LimitChange:
    return LimitChange(limit.code, LimitEffect.START)


def _stop(limit: TimeLimit) -> LimitChange:
    return LimitChange(limit.code, LimitEffect.STOP)


def _court() -> tuple[Transition, ...]:
    return (
        Transition(
            "apply_court",
            _("Apply to the court for enforcement"),
            "demanded",
            "applied",
            # the decision to seek enforcement: reviewed when major (国办发〔2018〕118号), and the
            # application is signed by the agency head (第55条)
            guards=(*OFFICERS, "demand_period_elapsed", "within_court_window", REVIEW_GUARD, ROLE_GUARD),
            limits=(_stop(PERFORM), _stop(APPLY), _start(ACCEPT)),
            basis=f"{QZF} 第53条, 第54条, 第55条",
            role=Role.AGENCY_HEAD.value,
            role_basis=f"{QZF} 第55条",
        ),
        *legal_review_loops(("demanded",), "国办发〔2018〕118号"),
        Transition(
            "court_accept",
            _("Record the court's acceptance"),
            "applied",
            "accepted",
            limits=(_stop(ACCEPT), _start(RULE)),
            basis=f"{QZF} 第56条",
        ),
        Transition(
            "court_refuse",
            _("Record the court's refusal to accept"),
            "applied",
            "not_accepted",
            limits=(_stop(ACCEPT),),
            basis=f"{QZF} 第56条",
            optional=True,
        ),
        Transition(
            "court_rule",
            _("Record the court's enforcement ruling"),
            "accepted",
            "ruled",
            limits=(_stop(RULE),),
            basis=f"{QZF} 第57条, 第58条",
        ),
        Transition(
            "court_execute",
            _("Record the enforcement by the court"),
            "ruled",
            "executed",
            guards=("paid_in_full",),
            basis=f"{QZF} 第60条",
        ),
    )


COERCION = register(
    Procedure(
        key="coercion",
        label=_("Administrative enforcement through the court"),
        version="2012",
        stages=(
            Stage("opened", _("Opened")),
            Stage("demanded", _("Demand notice served")),
            Stage("applied", _("Applied to the court")),
            Stage("accepted", _("Accepted by the court")),
            Stage("ruled", _("Enforcement ruled")),
            Stage("executed", _("Executed")),
            Stage("performed", _("Performed by the party")),
            Stage("closed", _("Closed"), terminal=True),
            Stage("not_accepted", _("Not accepted by the court"), terminal=True),
        ),
        transitions=(
            Transition(
                "serve_demand",
                _("Serve the demand notice"),
                "opened",
                "demanded",
                # only the service of the 催告书 performs it (第38条: served as 民事诉讼法 provides)
                guards=(*OFFICERS, "av_recorded", SERVED),
                limits=(_start(PERFORM),),
                basis=f"{QZF} 第35条, 第38条, 第54条",
            ),
            Transition(
                "statement",
                _("Record the statement and defence"),
                "demanded",
                "demanded",
                basis=f"{QZF} 第36条",
                optional=True,
            ),
            Transition(
                "perform",
                _("Record the performance by the party"),
                "demanded",
                "performed",
                guards=("paid_in_full",),
                limits=(_stop(PERFORM), _stop(APPLY)),
                basis=f"{QZF} 第37条",
                optional=True,
            ),
            *_court(),
            *(
                Transition("close", _("Close the case"), source, "closed", OFFICERS, (), f"{QZF} 第60条")
                for source in ("executed", "performed")
            ),
        ),
        limits=(APPLY, PERFORM, ACCEPT, RULE),
        register_guards=(*OFFICERS, "relief_periods_expired"),
        register_limits=(_start(APPLY),),
        register_basis=f"{QZF} 第53条",
        number_code="强执",
    )
)
