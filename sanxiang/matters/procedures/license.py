"""The administrative licensing procedure (行政许可法) as data, key ``license``: application, correction of
materials or deemed acceptance (第32条), acceptance, examination and on-site verification (第34条), hearing
(第47条), decision within 20 working days extendable by 10 with approval (第42条), excluded periods paused
with written notice (第45条), certificate issued within 10 working days (第44条). Licensing limits are working
days (第82条). This module must never touch the database nor import the case engine.
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
from sanxiang.organizations.enums import Role

ALL = "行政许可法"

INTAKE = TimeLimit("intake", _("Ask for missing materials"), 5, DayUnit.WORKING, f"{ALL} 第32条")
DECIDE = TimeLimit(
    "decide", _("Decide the application"), 20, DayUnit.WORKING, f"{ALL} 第42条", extension_days=10
)
ISSUE = TimeLimit("issue", _("Issue the licence"), 10, DayUnit.WORKING, f"{ALL} 第44条")

OFFICERS = ("two_certified_officers", "no_recusal_pending")
# The decision (准予 / 不予许可) is the agency's, signed by its head (行政许可法 第38条); a major one (e.g. a
# refusal, 不予许可, in the catalogue) waits for its legal review (国办发〔2018〕118号).
DECISION_GUARDS = (*OFFICERS, REVIEW_GUARD, ROLE_GUARD)
HEAD = Role.AGENCY_HEAD.value
HEAD_DECIDES = f"{ALL} 第38条"
DECIDING = ("examined", "heard")

LICENSE = register(
    Procedure(
        key="license",
        label=_("Administrative licensing"),
        version="2019",
        stages=(
            Stage("applied", _("Applied")),
            Stage("correcting", _("Materials being corrected")),
            Stage("accepted", _("Accepted")),
            Stage("examined", _("Examined")),
            Stage("heard", _("Hearing held")),
            Stage("granted", _("Granted")),
            Stage("issued", _("Licence issued"), terminal=True),
            Stage("refused", _("Refused"), terminal=True),
            Stage("rejected", _("Not accepted"), terminal=True),
        ),
        transitions=(
            Transition(
                "request_correction",
                _("Ask for missing materials"),
                "applied",
                "correcting",
                limits=(LimitChange("intake", LimitEffect.STOP),),
                basis=f"{ALL} 第32条",
                optional=True,
            ),
            *(
                Transition(
                    "accept",
                    _("Accept the application"),
                    source,
                    "accepted",
                    limits=(
                        LimitChange("intake", LimitEffect.STOP),
                        LimitChange("decide", LimitEffect.START),
                    ),
                    basis=f"{ALL} 第32条",
                )
                for source in ("applied", "correcting")
            ),
            Transition(
                "reject",
                _("Do not accept the application"),
                "applied",
                "rejected",
                limits=(LimitChange("intake", LimitEffect.STOP),),
                basis=f"{ALL} 第32条",
                optional=True,
            ),
            Transition(
                "examine",
                _("Examine and verify on site"),
                "accepted",
                "examined",
                (*OFFICERS, "av_recorded"),  # R-REC-02: on-site verification (现场核查)
                (),
                f"{ALL} 第34条",
                av_step="verify",
            ),
            Transition(
                "pause",
                _("Pause for an excluded period (written notice)"),
                "examined",
                "examined",
                limits=(LimitChange("decide", LimitEffect.PAUSE),),
                basis=f"{ALL} 第45条",
                optional=True,
            ),
            Transition(
                "resume",
                _("Resume after the excluded period"),
                "examined",
                "examined",
                limits=(LimitChange("decide", LimitEffect.RESUME),),
                basis=f"{ALL} 第45条",
                optional=True,
            ),
            Transition(
                "extend",
                _("Extend the time to decide (with approval)"),
                "examined",
                "examined",
                limits=(LimitChange("decide", LimitEffect.EXTEND),),
                basis=f"{ALL} 第42条",
                optional=True,
            ),
            Transition(
                "hearing",
                _("Hold a hearing"),
                "examined",
                "heard",
                (*OFFICERS, "av_recorded"),
                (),
                f"{ALL} 第47条",
                optional=True,
            ),
            *(
                Transition(
                    "grant",
                    _("Grant the licence"),
                    source,
                    "granted",
                    guards=DECISION_GUARDS,
                    limits=(LimitChange("decide", LimitEffect.STOP), LimitChange("issue", LimitEffect.START)),
                    basis=f"{ALL} 第38条",
                    role=HEAD,
                    role_basis=HEAD_DECIDES,
                )
                for source in DECIDING
            ),
            *(
                Transition(
                    "refuse",
                    _("Refuse the licence"),
                    source,
                    "refused",
                    guards=DECISION_GUARDS,
                    limits=(LimitChange("decide", LimitEffect.STOP),),
                    basis=f"{ALL} 第38条",
                    optional=True,
                    role=HEAD,
                    role_basis=HEAD_DECIDES,
                )
                for source in DECIDING
            ),
            *legal_review_loops(DECIDING, "国办发〔2018〕118号"),
            Transition(
                "issue",
                _("Issue the licence"),
                "granted",
                "issued",
                limits=(LimitChange("issue", LimitEffect.STOP),),
                basis=f"{ALL} 第44条",
            ),
        ),
        limits=(INTAKE, DECIDE, ISSUE),
        register_limits=(LimitChange("intake", LimitEffect.START),),
        register_basis=f"{ALL} 第29条",
    )
)
