"""Test helpers: the package's calendar as a pure snapshot, without the database."""

from __future__ import annotations

import datetime as dt
from functools import cache

from sanxiang.calendar.deadlines import WorkingCalendar
from sanxiang.calendar.seed import package_schedules


@cache
def package_calendar() -> WorkingCalendar:
    """The snapshot a freshly migrated database holds: every year the chinese-calendar package covers."""
    holidays: dict[dt.date, str] = {}
    makeup: dict[dt.date, str] = {}
    for schedule in package_schedules():
        holidays |= schedule.holidays
        makeup |= schedule.makeup_workdays
    years = frozenset(schedule.year for schedule in package_schedules())
    return WorkingCalendar(holidays=holidays, makeup_workdays=makeup, official_years=years)
