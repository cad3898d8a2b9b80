"""What an act changes in a case's facts besides its stage: the proposed penalty (审查), the prior
notice's service date (告知), the statement made (陈述申辩), the legal review passed (法制审核, a hook until
the legal-review gate replaces it), the decided amount and date (决定), the closing date: pure assignments
on the locked case, which the engine saves; and the levy and coercion facts (``levy_effects``), which
write their own rows and return them for the act's record. This module must never decide whether an act
is allowed and never assign ``stage``."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from typing import Any

from sanxiang.cases.engine.levy_effects import LEVY_EFFECTS
from sanxiang.cases.models import Case

Effect = Callable[[Case, dt.date, Mapping[str, Any]], dict[str, Any] | None]


def _examine(case: Case, on: dt.date, data: Mapping[str, Any]) -> None:
    """The examination settles the proposed penalty that the prior notice will state (行政处罚法 第44条)."""
    if case.procedure_key == "penalty" and data.get("amount_fen") is not None:
        case.proposed_fen = int(data["amount_fen"])


def _notify(case: Case, on: dt.date, data: Mapping[str, Any]) -> None:
    """The service of the prior notice performs the act, dated the service day (行政处罚法 第61条)."""
    case.notice_served_on = data.get("served_on") or on


def _statement(case: Case, on: dt.date, data: Mapping[str, Any]) -> None:
    case.statement_made = True


def _legal_review(case: Case, on: dt.date, data: Mapping[str, Any]) -> None:
    case.legal_review_passed = True


def _decide(case: Case, on: dt.date, data: Mapping[str, Any]) -> None:
    amount = data.get("amount_fen")
    case.decided_fen = int(amount) if amount is not None else case.proposed_fen
    case.decided_on = on
    new_facts = str(data.get("new_facts", "")).strip()
    if new_facts:
        case.new_facts = f"{case.new_facts}\n{new_facts}".strip()


EFFECTS: dict[str, Effect] = {
    "examine": _examine,
    "notify": _notify,
    "statement": _statement,
    "legal_review": _legal_review,
    "decide": _decide,
    **LEVY_EFFECTS,
}


def apply_effect(
    case: Case, act: str, *, on: dt.date, data: Mapping[str, Any], terminal: bool
) -> dict[str, Any]:
    """Apply the act's effect; return the facts it wrote for the act's record (empty when none)."""
    effect = EFFECTS.get(act)
    facts = effect(case, on, data) if effect is not None else None
    if terminal:
        case.closed_on = on
    return facts or {}
