"""The case engine: the only code that assigns ``Case.stage``. It opens cases and performs the acts of the
procedure a case follows (``sanxiang.matters.procedures``), checking the act's guards (``guards``), applying
its effects on the case's facts (``effects``) and on its time limits (``limits``), and recording each change
in the same transaction. Views call ``check_register_case`` and ``check_perform_act``; nothing else may move a
case."""

from sanxiang.cases.engine.acts import (
    check_declare_conflict,
    check_perform_act,
    check_recuse_officer,
    check_register_case,
    check_set_case_setting,
)
from sanxiang.cases.engine.enforcement import check_open_coercion
from sanxiang.cases.engine.guards import GUARDS, GuardContext, refusals
from sanxiang.cases.engine.hooks import ActDone, register_after_act, register_guard
from sanxiang.cases.engine.referral import check_refer_to_penalty

__all__ = [
    "GUARDS",
    "ActDone",
    "GuardContext",
    "check_declare_conflict",
    "check_open_coercion",
    "check_perform_act",
    "check_recuse_officer",
    "check_refer_to_penalty",
    "check_register_case",
    "check_set_case_setting",
    "refusals",
    "register_after_act",
    "register_guard",
]
