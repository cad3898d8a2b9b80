"""The levy procedure (行政征收) of 防空地下室易地建设费 as data, key ``levy``: assessment (核定) of
rate × the
shelter area that should have been built (人民防空法 第22条; 中发〔2001〕9号 第三部分第9条), the rate from the
fee-standard list in force and exemptions only from its coded list; the payment notice (缴款通知书) served;
payment, or arrears with a late charge (滞纳金, capped at the principal, 行政强制法 第45条) and referral for
enforcement (行政强制法 第53条). The payment period, the rate and the late-charge rate are data (the
procedure's limit, the fee-standard list, the agency's case settings). This module must never touch the
database nor import the case engine.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from sanxiang.matters.procedures import (
    REVIEW_GUARD,
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

RFF22 = "人民防空法 第22条"
ZF9 = "中发〔2001〕9号 第三部分第9条"
QZF45 = "行政强制法 第45条"
OFFICERS = ("two_certified_officers", "no_recusal_pending")
# The assessment is the levy decision: a major one (in the catalogue) waits for its legal review
# (国办发〔2018〕118号, which extends the review to 行政征收). No article reserves it to the agency head.
ASSESS_GUARDS = (*OFFICERS, "levy_standard_in_force", "exemption_listed", REVIEW_GUARD)
REVIEW_BASIS = "国办发〔2018〕118号"

# The period a payment notice gives. The Shanxi period is to be confirmed; 15 days as for fines
# (行政处罚法 第67条) until the province's rule is loaded.
PAY = TimeLimit("pay", _("Pay the levy"), 15, DayUnit.CALENDAR, "山西缴款期限待核，暂参照行政处罚法 第67条")


def payment_transitions(paid_basis: str) -> tuple[Transition, ...]:
    """Serve the payment notice, record the payment, or find the payer in arrears (shared with fees)."""
    stop_pay = LimitChange("pay", LimitEffect.STOP)
    return (
        Transition(
            "serve_demand_note",
            _("Serve the payment notice"),
            "assessed",
            "demanded",
            # only the service of the 缴款通知书 performs it, dated the service day (民事诉讼法 第87条)
            guards=(*OFFICERS, "amount_due", "av_recorded", SERVED),
            limits=(LimitChange("pay", LimitEffect.START),),
            basis=paid_basis,
        ),
        *(
            Transition(
                "record_payment",
                _("Record the payment"),
                source,
                "paid",
                guards=("paid_in_full",),
                limits=(stop_pay,),
                basis=f"{paid_basis}; {QZF45}",
            )
            for source in ("demanded", "in_arrears")
        ),
        Transition(
            "declare_arrears",
            _("Find the payer in arrears"),
            "demanded",
            "in_arrears",
            guards=("payment_overdue",),
            limits=(stop_pay,),
            basis=QZF45,
            optional=True,
        ),
    )


def _stages() -> tuple[Stage, ...]:
    return (
        Stage("opened", _("Opened")),
        Stage("assessed", _("Assessed")),
        Stage("demanded", _("Payment notice served")),
        Stage("in_arrears", _("In arrears")),
        Stage("paid", _("Paid")),
        Stage("closed", _("Closed"), terminal=True),
        Stage("referred", _("Referred for enforcement"), terminal=True),
    )


LEVY = register(
    Procedure(
        key="levy",
        label=_("Administrative levy (relocated-shelter construction fee)"),
        version="2001",
        stages=_stages(),
        transitions=(
            Transition(
                "assess",
                _("Assess the levy"),
                "opened",
                "assessed",
                guards=ASSESS_GUARDS,
                basis=f"{RFF22}; {ZF9}",
            ),
            *legal_review_loops(("opened",), REVIEW_BASIS),
            *payment_transitions(RFF22),
            Transition(
                "refer_enforcement",
                _("Refer for enforcement"),
                "in_arrears",
                "referred",
                guards=(*OFFICERS, "opens_follow_up_case"),
                basis="行政强制法 第53条",
                optional=True,
            ),
            Transition("close", _("Close the case"), "paid", "closed", OFFICERS, (), RFF22),
            Transition(
                "close_exempt",
                _("Close: nothing is due"),
                "assessed",
                "closed",
                guards=(*OFFICERS, "nothing_due"),
                basis=ZF9,
                optional=True,
            ),
        ),
        limits=(PAY,),
        register_guards=OFFICERS,
        register_basis=RFF22,
        number_code="征",
    )
)
