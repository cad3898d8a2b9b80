"""Time limits of a case: start, pause, resume, extend and stop ``CaseLimit`` rows as an act's limit changes
say, with due dates from the working-day calendar (working days, or calendar days rolled forward off rest
days). Called only by the engine inside its transaction; it must never decide whether an act is allowed."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping

from sanxiang.calendar import deadlines
from sanxiang.calendar.deadlines import DueDate, WorkingCalendar
from sanxiang.cases.models import Case, CaseLimit, LimitState
from sanxiang.matters.procedures import DayUnit, LimitChange, LimitEffect, Procedure, TimeLimit
from sanxiang.matters.procedures.arithmetic import add_months


def due_after(start: dt.date, days: int, unit: str, *, calendar: WorkingCalendar) -> DueDate:
    """The due date of ``days`` in ``unit`` after ``start`` (start not counted)."""
    if unit == DayUnit.WORKING:
        return deadlines.add_working_days(start, days, calendar=calendar)
    if unit == DayUnit.CALENDAR:
        return deadlines.add_calendar_days(start, days, calendar=calendar)
    if unit == DayUnit.MONTH:  # e.g. 3 months to apply to the court (行政强制法 第53条), rolled off rest days
        return deadlines.add_calendar_days(add_months(start, days), 0, calendar=calendar)
    raise ValueError(f"unsupported unit {unit}")


def apply_changes(
    case: Case,
    changes: Iterable[LimitChange],
    *,
    procedure: Procedure,
    on: dt.date,
    calendar: WorkingCalendar,
    anchors: Mapping[str, dt.date] | None = None,
) -> list[dict[str, str]]:
    """Apply each change; return what changed, for the record. ``anchors`` start a limit from a day other
    than the act's (e.g. the court window runs from the end of the relief periods, 行政强制法 第53条)."""
    applied: list[dict[str, str]] = []
    for change in changes:
        limit = procedure.limit(change.limit)
        row = CaseLimit.objects.filter(case=case, code=limit.code).exclude(state=LimitState.STOPPED).first()
        day = (anchors or {}).get(limit.code, on) if change.effect == LimitEffect.START else on
        row = _apply(case, row, limit, change.effect, on=day, calendar=calendar)
        if row is not None:
            applied.append(
                {"limit": limit.code, "effect": str(change.effect), "due_on": row.due_on.isoformat()}
            )
    return applied


def _apply(
    case: Case,
    row: CaseLimit | None,
    limit: TimeLimit,
    effect: LimitEffect,
    *,
    on: dt.date,
    calendar: WorkingCalendar,
) -> CaseLimit | None:
    if effect == LimitEffect.START:
        return _start(case, row, limit, on=on, calendar=calendar)
    if row is None:
        return None  # nothing running to pause, resume, extend or stop
    if effect == LimitEffect.STOP:
        row.state, row.stopped_on = LimitState.STOPPED, on
    elif effect == LimitEffect.PAUSE and row.state == LimitState.OPEN:
        row.state, row.paused_on = LimitState.PAUSED, on
    elif effect == LimitEffect.RESUME and row.state == LimitState.PAUSED and row.paused_on is not None:
        _shift(row, _paused_days(row, row.paused_on, on, calendar), calendar)
        row.state, row.paused_on = LimitState.OPEN, None
    elif effect == LimitEffect.EXTEND:
        _shift(row, limit.extension_days, calendar)
    row.save()
    return row


def _start(
    case: Case, row: CaseLimit | None, limit: TimeLimit, *, on: dt.date, calendar: WorkingCalendar
) -> CaseLimit:
    if row is not None:  # a limit started again (e.g. a second service) restarts from this act
        row.state, row.stopped_on = LimitState.STOPPED, on
        row.save()
    due = due_after(on, limit.days, limit.unit, calendar=calendar)
    new = CaseLimit(
        case=case,
        code=limit.code,
        days=limit.days,
        unit=str(limit.unit),
        basis=limit.basis,
        started_on=on,
        due_on=due.date,
        provisional=due.provisional,
    )
    new.save()
    return new


def _paused_days(row: CaseLimit, paused_on: dt.date, resumed_on: dt.date, calendar: WorkingCalendar) -> int:
    """The excluded period in the limit's own unit (行政许可法 第45条)."""
    if row.unit == DayUnit.WORKING:
        return max(deadlines.working_days_between(paused_on, resumed_on, calendar=calendar).days, 0)
    return max((resumed_on - paused_on).days, 0)


def _shift(row: CaseLimit, days: int, calendar: WorkingCalendar) -> None:
    due = due_after(row.due_on, days, row.unit, calendar=calendar)
    row.due_on, row.provisional = due.date, row.provisional or due.provisional
