"""Reads the levy, fee and coercion guards and effects share: the fee standard in force for a case and its
coded exemptions, what a payer owes on a day (principal plus the late charge, capped, 行政强制法 第45条), and
the court window of a decision (行政强制法 第53条) from the relief channels its matter lists. Reads only:
this module must never write and never decide whether an act is allowed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sanxiang.calendar import deadlines
from sanxiang.calendar.deadlines import WorkingCalendar
from sanxiang.cases.models import Assessment, Case, CaseAct, CaseLimit, Enforcement
from sanxiang.cases.settings_selectors import setting_for
from sanxiang.matters.enums import ListKind, ReliefKind, TimeUnit
from sanxiang.matters.models import FeeExemption, FeeStandard
from sanxiang.matters.procedures.arithmetic import (
    PENALTY_SURCHARGE_PER_10000,
    add_months,
    days_late,
    late_surcharge_fen,
)
from sanxiang.matters.selectors import version_in_force

# The act of each procedure that serves the decision a payment and the relief periods run from.
SERVING_ACTS = {"penalty": "serve", "levy": "serve_demand_note", "fee": "serve_demand_note"}


def standard_for(case: Case, *, on: dt.date, code: str = "") -> FeeStandard | None:
    """The standard of the fee-standards list in force for the case's agency on ``on``: the one ``code``
    names, else the one listed for the case's matter."""
    version = version_in_force(ListKind.FEE_STANDARDS, case.agency, on=on)
    if version is None:
        return None
    rows = FeeStandard.objects.filter(version=version)
    rows = rows.filter(code=code) if code else rows.filter(matter_code=case.matter.code)
    return rows.select_related("version").order_by("code").first()


def exemption_of(standard: FeeStandard, code: str) -> FeeExemption | None:
    return standard.exemptions.filter(code=code).first()


def late_rate(case: Case, *, on: dt.date) -> int:
    """Per 10,000 a day: 3 % for an unpaid fine (行政处罚法 第72条); for levies and fees the agency's
    setting in force (0 when none is set)."""
    if case.procedure_key.startswith("penalty"):
        return PENALTY_SURCHARGE_PER_10000
    setting = setting_for(case.agency, on=on)
    return setting.levy_late_per_10000 if setting is not None else 0


def pay_due_on(case: Case) -> dt.date | None:
    """The last day to pay of the case's latest payment limit."""
    return (
        CaseLimit.objects.filter(case=case, code="pay")
        .order_by("-started_on", "-pk")
        .values_list("due_on", flat=True)
    ).first()


@dataclass(frozen=True)
class Owed:
    principal_fen: int
    late_fen: int

    @property
    def total_fen(self) -> int:
        return self.principal_fen + self.late_fen


def owed_on_assessment(case: Case, assessment: Assessment, *, on: dt.date) -> Owed:
    due = pay_due_on(case)
    days = days_late(due_on=due, on=on) if due is not None else 0
    rate = late_rate(case, on=on)
    principal = assessment.amount_fen
    return Owed(principal, late_surcharge_fen(principal_fen=principal, rate_per_10000=rate, days=days))


def owed_on_enforcement(enforcement: Enforcement, *, on: dt.date) -> Owed:
    days = days_late(due_on=enforcement.pay_due_on, on=on)
    late = late_surcharge_fen(
        principal_fen=enforcement.principal_fen, rate_per_10000=enforcement.late_per_10000, days=days
    )
    return Owed(enforcement.principal_fen, late)


def served_on(case: Case) -> dt.date | None:
    """The day the case's decision (or payment notice) was served."""
    act = SERVING_ACTS.get(case.procedure_key)
    if act is None:
        return None
    rows = CaseAct.objects.filter(case=case, act=act).order_by("-acted_on", "-pk")
    return rows.values_list("acted_on", flat=True).first()


@dataclass(frozen=True)
class CourtWindow:
    served_on: dt.date
    relief_expires_on: dt.date
    enforceable_from: dt.date
    apply_by: dt.date


def court_window(origin: Case, *, calendar: WorkingCalendar) -> CourtWindow | None:
    """行政强制法 第53条: from the end of the last relief period the matter lists (复议 60 days, 复议法
    第20条;
    诉讼 6 months, 行政诉讼法 第46条), three months to apply, the last day rolled off rest days."""
    served = served_on(origin)
    channels = list(origin.matter.relief_channels.filter(kind__in=list(ReliefKind)))
    if served is None or not channels:
        return None
    expires = max(_period_end(served, channel.time_limit, channel.unit, calendar) for channel in channels)
    apply_by = deadlines.add_calendar_days(add_months(expires, 3), 0, calendar=calendar).date
    return CourtWindow(served, expires, expires + dt.timedelta(days=1), apply_by)


def _period_end(start: dt.date, length: int, unit: str, calendar: WorkingCalendar) -> dt.date:
    if unit == TimeUnit.MONTHS:
        end = add_months(start, length)
    elif unit == TimeUnit.WORKING_DAYS:
        return deadlines.add_working_days(start, length, calendar=calendar).date
    else:
        end = start + dt.timedelta(days=length)
    return deadlines.add_calendar_days(end, 0, calendar=calendar).date


def earliest_application(enforcement: Enforcement, *, calendar: WorkingCalendar) -> dt.date | None:
    """行政强制法 第54条 with 第69条: ten working days after the demand notice was served."""
    if enforcement.demand_served_on is None:
        return None
    return deadlines.add_working_days(enforcement.demand_served_on, 10, calendar=calendar).date
