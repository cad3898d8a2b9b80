"""The administrative inspection procedure (行政检查, 双随机、一公开) as data, key ``inspection``: plan,
approval, on-site check by two officers, result, and either closing or referral to a penalty case. The
referral opens a case of the ``penalty`` procedure in the case engine. This module must never touch the
database nor import the case engine.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from sanxiang.matters.procedures import Procedure, Stage, Transition, register

OFFICERS = ("two_certified_officers", "no_recusal_pending")
BASIS = "国务院办公厅关于推广随机抽查规范事中事后监管的通知"

INSPECTION = register(
    Procedure(
        key="inspection",
        label=_("Administrative inspection"),
        version="2019",
        stages=(
            Stage("planned", _("Planned")),
            Stage("approved", _("Approved")),
            Stage("checked", _("Checked on site")),
            Stage("resulted", _("Result recorded")),
            Stage("referred", _("Referred to a penalty case"), terminal=True),
            Stage("closed", _("Closed"), terminal=True),
        ),
        transitions=(
            Transition("approve", _("Approve the inspection"), "planned", "approved", (), (), BASIS),
            Transition(
                "check",
                _("Check on site"),
                "approved",
                "checked",
                (*OFFICERS, "av_recorded"),  # R-REC-02: on-site inspection
                (),
                "行政处罚法 第55条",
                av_step="inspect",
            ),
            Transition("record_result", _("Record the result"), "checked", "resulted", OFFICERS, (), BASIS),
            Transition(
                "refer",
                _("Refer to a penalty case"),
                "resulted",
                "referred",
                (*OFFICERS, "opens_follow_up_case"),  # only with the penalty case it opens
                (),
                "行政处罚法 第54条",
            ),
            Transition("close", _("Close the inspection"), "resulted", "closed", OFFICERS, (), BASIS),
        ),
        register_basis=BASIS,
    )
)
