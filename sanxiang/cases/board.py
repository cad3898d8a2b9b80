"""The deadline board (期限看板): every running or paused time limit of the cases a user may see, with its due
date, the working days left and a colour — red when overdue, amber when at most the agency's amber
threshold (``CaseSetting.amber_working_days``) of working days is left, green otherwise. Pure reads over the
calendar snapshot; this module must never write.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from sanxiang.calendar.deadlines import WorkingCalendar, working_days_between
from sanxiang.calendar.selectors import get_working_calendar
from sanxiang.cases.case_selectors import visible_cases
from sanxiang.cases.models import CaseLimit, LimitState
from sanxiang.cases.settings_selectors import setting_for
from sanxiang.organizations.jurisdiction import AnyUser
from sanxiang.organizations.models import Agency

# Used only until an agency (or one above it) saves its CaseSetting (issue 5: "2 working days, configurable").
FALLBACK_AMBER_WORKING_DAYS = 2


class Colour(StrEnum):
    GREEN = "green"
    AMBER = "amber"
    RED = "red"


@dataclass(frozen=True)
class BoardRow:
    limit: CaseLimit
    working_days_left: int
    colour: Colour
    provisional: bool


@dataclass(frozen=True)
class BoardFilter:
    agency_id: int | None = None
    officer_id: int | None = None
    limit_code: str = ""


def colour_for(
    due_on: dt.date, *, today: dt.date, amber_days: int, calendar: WorkingCalendar
) -> tuple[Colour, int]:
    """The colour of a due date seen on ``today`` and the working days left (negative when overdue)."""
    left = working_days_between(today, due_on, calendar=calendar).days
    if due_on < today:
        return Colour.RED, left
    if left <= amber_days:
        return Colour.AMBER, left
    return Colour.GREEN, left


def amber_days_for(agency: Agency, *, on: dt.date) -> int:
    """The agency's amber threshold from its setting (or the nearest ancestor's)."""
    setting = setting_for(agency, on=on)
    return FALLBACK_AMBER_WORKING_DAYS if setting is None else setting.amber_working_days


def deadline_board(user: AnyUser, *, today: dt.date, filters: BoardFilter | None = None) -> list[BoardRow]:
    """Every open limit of the cases ``user`` may see, soonest first, filtered by agency, officer and code."""
    filters = filters or BoardFilter()
    limits = (
        CaseLimit.objects.filter(case__in=visible_cases(user))
        .exclude(state=LimitState.STOPPED)
        .select_related("case", "case__agency")
        .order_by("due_on", "pk")
    )
    if filters.agency_id is not None:
        limits = limits.filter(case__agency_id=filters.agency_id)
    if filters.officer_id is not None:
        limits = limits.filter(case__assignments__officer_id=filters.officer_id)
    if filters.limit_code:
        limits = limits.filter(code=filters.limit_code)
    calendar = get_working_calendar()
    amber: dict[int, int] = {}
    rows: list[BoardRow] = []
    for limit in limits:
        agency = limit.case.agency
        if agency.pk not in amber:
            amber[agency.pk] = amber_days_for(agency, on=today)
        colour, left = colour_for(limit.due_on, today=today, amber_days=amber[agency.pk], calendar=calendar)
        rows.append(BoardRow(limit, left, colour, limit.provisional))
    return rows
