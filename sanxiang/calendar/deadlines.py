"""Deadline arithmetic over the working-day calendar (DOMAIN.md R-T-01): pure functions over an immutable
snapshot. They never read the database or the clock; ``calendar.selectors.get_working_calendar()`` loads the
snapshot, and tests build one by hand.

Counting rules:

* The start day is not counted (民事诉讼法 第85条: 期间开始的时和日，不计算在期间内), which administrative
  law borrows.
* Working days (工作日) exclude weekends and statutory holidays and include 调休 make-up working days
  (行政许可法 第82条: 期限以工作日计算，不含法定节假日;
  行政处罚法 第85条: "二日""三日""五日""七日"的规定是指工作日).
* A calendar-day limit whose last day is not a working day ends on the next working day
  (民事诉讼法 第85条: 期间届满的最后一日是法定休假日的，以法定休假日后的第一日为期间届满的日期). A
  make-up Saturday is a working day, so a limit ending on one does not roll.

Every result carries ``provisional``: true when any day it depends on (the counted days; for a calendar-day
limit only the last day and the days it rolls over) lies in a year whose official schedule is not in the
table. Such a year is counted with weekends and the holidays of ``calendar.statutory`` but without make-up
days. Results are never stored by this module: callers that keep a due date must keep its inputs
(start, n, unit) and recompute, or compare ``WorkingCalendar.fingerprint`` to know when to recompute.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from types import MappingProxyType

from sanxiang.calendar import statutory

_ONE_DAY = dt.timedelta(days=1)
_SATURDAY = 5


@dataclass(frozen=True)
class DueDate:
    """The last day of a time limit, and whether it rests on a year not yet officially scheduled."""

    date: dt.date
    provisional: bool


@dataclass(frozen=True)
class DayCount:
    """A number of working days, and whether it rests on a year not yet officially scheduled."""

    days: int
    provisional: bool


@dataclass(frozen=True)
class WorkingCalendar:
    """An immutable snapshot of the calendar table.

    ``holidays`` maps each listed holiday to its name, ``makeup_workdays`` likewise for 调休 working days;
    ``official_years`` are the years whose schedule an official notice fixes (seeded from the package or
    confirmed by an administrator). Days listed for other years are used too, on top of the computed
    statutory holidays, but leave results provisional."""

    holidays: Mapping[dt.date, str] = field(default_factory=dict)
    makeup_workdays: Mapping[dt.date, str] = field(default_factory=dict)
    official_years: frozenset[int] = frozenset()

    def __post_init__(self) -> None:
        object.__setattr__(self, "holidays", MappingProxyType(dict(self.holidays)))
        object.__setattr__(self, "makeup_workdays", MappingProxyType(dict(self.makeup_workdays)))

    def is_official(self, year: int) -> bool:
        return year in self.official_years

    def is_working_day(self, day: dt.date) -> bool:
        """A weekday that is not a holiday, or a make-up working day."""
        if day in self.makeup_workdays:
            return True
        if day in self.holidays:
            return False
        if not self.is_official(day.year) and day in statutory.holidays(day.year):
            return False
        return day.weekday() < _SATURDAY

    def holiday_name(self, day: dt.date) -> str | None:
        """The holiday ``day`` belongs to (listed, or computed for a provisional year), if any."""
        if day in self.makeup_workdays:
            return None
        if day in self.holidays:
            return self.holidays[day]
        if self.is_official(day.year):
            return None
        return statutory.holidays(day.year).get(day)

    def provisional_over(self, first: dt.date, last: dt.date) -> bool:
        """Whether any year from ``first`` to ``last`` (in either order) lacks its official schedule."""
        low, high = sorted((first.year, last.year))
        return any(not self.is_official(year) for year in range(low, high + 1))

    @cached_property
    def fingerprint(self) -> str:
        """A digest of the snapshot: a stored result computed under another fingerprint must be recomputed."""
        lines = [f"h {day.isoformat()}" for day in sorted(self.holidays)]
        lines += [f"m {day.isoformat()}" for day in sorted(self.makeup_workdays)]
        lines += [f"y {year}" for year in sorted(self.official_years)]
        return hashlib.sha256("\n".join(lines).encode()).hexdigest()


def _require_non_negative(n: int) -> None:
    if n < 0:
        raise ValueError(f"a time limit cannot be negative: {n}")


def next_working_day(day: dt.date, *, calendar: WorkingCalendar) -> dt.date:
    """``day`` itself when it is a working day, else the first working day after it."""
    while not calendar.is_working_day(day):
        day += _ONE_DAY
    return day


def add_working_days(start: dt.date, n: int, *, calendar: WorkingCalendar) -> DueDate:
    """The n-th working day after ``start`` (start not counted). 行政许可法 第82条, 行政处罚法 第85条,
    行政强制法 第69条. ``n == 0`` gives ``start``."""
    _require_non_negative(n)
    day, remaining = start, n
    while remaining:
        day += _ONE_DAY
        if calendar.is_working_day(day):
            remaining -= 1
    return DueDate(day, n > 0 and calendar.provisional_over(start + _ONE_DAY, day))


def add_calendar_days(
    start: dt.date, n: int, *, calendar: WorkingCalendar, roll_forward: bool = True
) -> DueDate:
    """``start`` plus ``n`` calendar days (start not counted). With ``roll_forward`` a last day that is not a
    working day (weekend or statutory holiday, but not a make-up working day) moves to the next working day
    (民事诉讼法 第85条)."""
    _require_non_negative(n)
    last = start + dt.timedelta(days=n)
    if not roll_forward:
        return DueDate(last, provisional=False)
    day = next_working_day(last, calendar=calendar)
    return DueDate(day, calendar.provisional_over(last, day))


def working_days_between(a: dt.date, b: dt.date, *, calendar: WorkingCalendar) -> DayCount:
    """The working days after ``a`` up to and including ``b``; negative when ``b`` is before ``a``.
    The inverse of ``add_working_days``: ``working_days_between(s, add_working_days(s, n).date) == n``."""
    low, high = sorted((a, b))
    count = sum(1 for day in _days_after(low, high) if calendar.is_working_day(day))
    provisional = low < high and calendar.provisional_over(low + _ONE_DAY, high)
    return DayCount(count if a <= b else -count, provisional)


def _days_after(low: dt.date, high: dt.date) -> Iterable[dt.date]:
    day = low
    while day < high:
        day += _ONE_DAY
        yield day
