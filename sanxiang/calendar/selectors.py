"""Every read of the calendar tables. ``get_working_calendar`` builds the snapshot the deadline functions
count over; it reads the table on every call and caches nothing, so a year an administrator confirms counts
officially from the next call on (no stale provisional result can be served from here)."""

from __future__ import annotations

import datetime as dt

from sanxiang.calendar import statutory
from sanxiang.calendar.deadlines import WorkingCalendar
from sanxiang.calendar.enums import DayKind, YearStatus
from sanxiang.calendar.models import CalendarDay, CalendarYear
from sanxiang.core import clock

ALERT_FROM_MONTH_DAY = (12, 1)  # the State Council usually publishes next year's schedule in late autumn


def get_working_calendar() -> WorkingCalendar:
    """The current snapshot: two queries."""
    holidays: dict[dt.date, str] = {}
    makeup: dict[dt.date, str] = {}
    for day in CalendarDay.objects.only("date", "kind", "name"):
        (holidays if day.kind == DayKind.HOLIDAY else makeup)[day.date] = day.name
    official = CalendarYear.objects.filter(status=YearStatus.OFFICIAL).values_list("year", flat=True)
    return WorkingCalendar(holidays=holidays, makeup_workdays=makeup, official_years=frozenset(official))


def list_days(year: int) -> list[CalendarDay]:
    return list(CalendarDay.objects.filter(date__year=year).order_by("date"))


def get_year(year: int) -> CalendarYear | None:
    return CalendarYear.objects.select_related("entered_by").filter(year=year).first()


def list_years() -> list[CalendarYear]:
    return list(CalendarYear.objects.order_by("year"))


def missing_next_year(today: dt.date | None = None) -> int | None:
    """Next year, when it is 1 December or later and next year's schedule is not official; else None."""
    today = today or clock.today()
    if (today.month, today.day) < ALERT_FROM_MONTH_DAY:
        return None
    next_year = today.year + 1
    if CalendarYear.objects.filter(year=next_year, status=YearStatus.OFFICIAL).exists():
        return None
    return next_year


def computed_holidays(year: int, *, official: bool) -> list[tuple[dt.date, str]]:
    """The statutory rest days of ``year`` that are counted although not listed (a year not yet official)."""
    if official:
        return []
    listed = set(CalendarDay.objects.filter(date__year=year).values_list("date", flat=True))
    return [(day, name) for day, name in sorted(statutory.holidays(year).items()) if day not in listed]
