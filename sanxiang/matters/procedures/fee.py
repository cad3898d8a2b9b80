"""The administrative fee procedure (行政收费) as data, key ``fee``: the same assessment from the fee-standard
list in force (rate × quantity, exemptions only from its coded list), payment notice, payment or arrears with
the late charge capped at the principal (行政强制法 第45条); no referral step (a fee in arrears is pursued as
the standard's own rules say). Shares the payment acts of ``levy``. This module must never touch the
database nor import the case engine.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from sanxiang.matters.procedures import Procedure, Stage, Transition, legal_review_loops, register
from sanxiang.matters.procedures.levy import ASSESS_GUARDS, OFFICERS, PAY, REVIEW_BASIS, payment_transitions

BASIS = "行政事业性收费标准管理办法"

FEE = register(
    Procedure(
        key="fee",
        label=_("Administrative fee"),
        version="2018",
        stages=(
            Stage("opened", _("Opened")),
            Stage("assessed", _("Assessed")),
            Stage("demanded", _("Payment notice served")),
            Stage("in_arrears", _("In arrears")),
            Stage("paid", _("Paid")),
            Stage("closed", _("Closed"), terminal=True),
        ),
        transitions=(
            Transition(
                "assess",
                _("Assess the fee"),
                "opened",
                "assessed",
                guards=ASSESS_GUARDS,
                basis=BASIS,
            ),
            *legal_review_loops(("opened",), REVIEW_BASIS),
            *payment_transitions(BASIS),
            Transition("close", _("Close the case"), "paid", "closed", OFFICERS, (), BASIS),
            Transition(
                "close_exempt",
                _("Close: nothing is due"),
                "assessed",
                "closed",
                guards=(*OFFICERS, "nothing_due"),
                basis=BASIS,
                optional=True,
            ),
        ),
        limits=(PAY,),
        register_guards=OFFICERS,
        register_basis=BASIS,
    )
)
