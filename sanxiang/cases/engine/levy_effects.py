"""What the acts of the levy, fee and coercion procedures write besides the stage: the assessment (核定) from
the standard in force, the payment (缴款), the demand notice's service (催告), the application to the court
with the amount owed that day (principal plus the capped late charge). Each effect returns the facts for the
act's record entry. Called only by the engine, inside the act's transaction, after the guards passed; this
module must never decide whether an act is allowed and never assign ``stage``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from typing import Any

from sanxiang.cases.engine import levy_facts
from sanxiang.cases.models import Assessment, Case, Enforcement
from sanxiang.core.validation import validated
from sanxiang.matters.procedures.arithmetic import levy_amount_fen

Facts = dict[str, Any]
Effect = Callable[[Case, dt.date, Mapping[str, Any]], Facts | None]


def _assess(case: Case, on: dt.date, data: Mapping[str, Any]) -> Facts:
    standard = levy_facts.standard_for(case, on=on, code=str(data.get("standard", "")).strip())
    assert standard is not None  # the levy_standard_in_force guard passed
    area, exempt = int(data.get("area_centi") or 0), int(data.get("exempt_centi") or 0)
    row = Assessment(
        case=case,
        standard_code=standard.code,
        standard_version=str(standard.version),
        rate_fen=standard.rate_fen,
        per_unit=standard.per_unit,
        area_centi=area,
        exempt_centi=exempt,
        exemption_code=str(data.get("exemption_code", "")).strip(),
        exemption_evidence=str(data.get("exemption_evidence", "")).strip(),
        amount_fen=levy_amount_fen(rate_fen=standard.rate_fen, area_centi=area, exempt_centi=exempt),
        assessed_on=on,
    )
    validated(row)
    row.save()
    return {
        "standard": row.standard_code,
        "list_version": standard.version_id,
        "rate_fen": row.rate_fen,
        "area_centi": area,
        "exempt_centi": exempt,
        "exemption": row.exemption_code,
        "amount_fen": row.amount_fen,
    }


def _record_payment(case: Case, on: dt.date, data: Mapping[str, Any]) -> Facts:
    row = Assessment.objects.select_for_update().get(case=case)
    owed = levy_facts.owed_on_assessment(case, row, on=on)
    row.paid_fen, row.late_fen, row.paid_on = int(data["amount_fen"]), owed.late_fen, on
    validated(row)
    row.save()
    return {"paid_fen": row.paid_fen, "principal_fen": owed.principal_fen, "late_fen": owed.late_fen}


def _serve_demand(case: Case, on: dt.date, data: Mapping[str, Any]) -> Facts:
    row = Enforcement.objects.select_for_update().get(case=case)
    row.demand_served_on = on
    row.save(update_fields=["demand_served_on", "updated_at"])
    owed = levy_facts.owed_on_enforcement(row, on=on)
    return {"principal_fen": owed.principal_fen, "late_fen": owed.late_fen}


def _apply_court(case: Case, on: dt.date, data: Mapping[str, Any]) -> Facts:
    row = Enforcement.objects.select_for_update().get(case=case)
    owed = levy_facts.owed_on_enforcement(row, on=on)
    row.applied_on, row.applied_fen = on, owed.total_fen
    validated(row)
    row.save()
    return {"applied_fen": owed.total_fen, "principal_fen": owed.principal_fen, "late_fen": owed.late_fen}


def _paid(case: Case, on: dt.date, data: Mapping[str, Any]) -> Facts:
    row = Enforcement.objects.select_for_update().get(case=case)
    row.paid_fen = int(data["amount_fen"])
    validated(row)
    row.save()
    return {"paid_fen": row.paid_fen}


LEVY_EFFECTS: dict[str, Effect] = {
    "assess": _assess,
    "record_payment": _record_payment,
    "serve_demand": _serve_demand,
    "apply_court": _apply_court,
    "perform": _paid,
    "court_execute": _paid,
}
