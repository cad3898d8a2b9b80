"""Deadline arithmetic over the package's calendar (pure: no database).

Rules (DOMAIN.md R-T-01): the start day is not counted and a calendar-day limit ending on a rest day ends on
the next working day (民事诉讼法 第85条); working-day limits skip weekends and statutory holidays and count
调休 make-up days (行政许可法 第82条, 行政处罚法 第85条, 行政强制法 第69条).
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sanxiang.calendar.deadlines import (
    WorkingCalendar,
    add_calendar_days,
    add_working_days,
    next_working_day,
    working_days_between,
)
from sanxiang.calendar.tests.helpers import package_calendar

D = dt.date
CAL = package_calendar()


@pytest.mark.parametrize(
    ("day", "working"),
    [
        (D(2025, 1, 26), True),  # Sunday, 春节 make-up working day
        (D(2025, 1, 27), True),
        (D(2025, 1, 28), False),  # 除夕, first day of the 2025 春节 holiday
        (D(2025, 2, 4), False),  # last day of the 2025 春节 holiday
        (D(2025, 2, 8), True),  # Saturday, 春节 make-up working day
        (D(2025, 9, 28), True),  # Sunday, 国庆 make-up working day
        (D(2025, 10, 1), False),
        (D(2025, 10, 6), False),  # 中秋 inside the 国庆 holiday
        (D(2025, 10, 8), False),
        (D(2025, 10, 11), True),  # Saturday, 国庆 make-up working day
        (D(2026, 2, 14), True),  # Saturday, 春节 make-up working day
        (D(2026, 2, 15), False),
        (D(2026, 2, 23), False),
        (D(2026, 2, 28), True),  # Saturday, 春节 make-up working day
        (D(2026, 9, 20), True),  # Sunday, 国庆 make-up working day
        (D(2026, 10, 7), False),
        (D(2026, 10, 10), True),  # Saturday, 国庆 make-up working day
        (D(2026, 10, 11), False),  # an ordinary Sunday
    ],
)
def test_spring_festival_and_national_day_2025_2026(day: dt.date, working: bool) -> None:
    assert CAL.is_working_day(day) is working


@pytest.mark.parametrize(
    ("start", "n", "due"),
    [
        (D(2025, 1, 27), 1, D(2025, 2, 5)),  # over the whole 2025 春节 holiday
        (D(2025, 1, 24), 1, D(2025, 1, 26)),  # Friday → the make-up Sunday
        (D(2025, 2, 5), 3, D(2025, 2, 8)),  # ends on the make-up Saturday
        (D(2025, 9, 26), 1, D(2025, 9, 28)),  # Friday → the make-up Sunday before 国庆
        (D(2025, 9, 30), 1, D(2025, 10, 9)),
        (D(2025, 9, 30), 3, D(2025, 10, 11)),  # ends on the make-up Saturday after 国庆
        (D(2026, 2, 13), 1, D(2026, 2, 14)),
        (D(2026, 2, 14), 1, D(2026, 2, 24)),
        (D(2026, 2, 24), 4, D(2026, 2, 28)),
        (D(2026, 9, 18), 1, D(2026, 9, 20)),
        (D(2026, 9, 30), 1, D(2026, 10, 8)),
        (D(2025, 1, 27), 0, D(2025, 1, 27)),
    ],
)
def test_add_working_days_administrative_licensing_law_article_82(
    start: dt.date, n: int, due: dt.date
) -> None:
    """行政许可法 第82条 / 行政处罚法 第85条: working days, start not counted, make-up days counted."""
    result = add_working_days(start, n, calendar=CAL)
    assert result.date == due
    assert result.provisional is False


@pytest.mark.parametrize(
    ("start", "n", "due"),
    [
        (D(2025, 1, 18), 10, D(2025, 2, 5)),  # lands on 1/28 (春节) → first working day after the holiday
        (D(2025, 1, 29), 10, D(2025, 2, 8)),  # lands on a make-up Saturday → no roll
        (D(2025, 9, 1), 30, D(2025, 10, 9)),  # lands on 10/1 → after 国庆
        (D(2025, 9, 11), 30, D(2025, 10, 11)),  # lands on the make-up Saturday
        (D(2026, 9, 1), 30, D(2026, 10, 8)),
        (D(2026, 9, 10), 30, D(2026, 10, 10)),
        (D(2025, 3, 1), 14, D(2025, 3, 17)),  # lands on an ordinary Saturday → Monday
        (D(2025, 3, 1), 10, D(2025, 3, 11)),  # lands on a weekday → unchanged
    ],
)
def test_calendar_days_roll_forward_civil_procedure_law_article_85(
    start: dt.date, n: int, due: dt.date
) -> None:
    """民事诉讼法 第85条: a limit whose last day is a rest day ends on the first working day after it."""
    assert add_calendar_days(start, n, calendar=CAL).date == due


def test_calendar_days_without_roll_forward_end_on_the_rest_day() -> None:
    result = add_calendar_days(D(2025, 9, 1), 30, calendar=CAL, roll_forward=False)
    assert result.date == D(2025, 10, 1)


@pytest.mark.parametrize(
    ("a", "b", "count"),
    [
        (D(2025, 9, 26), D(2025, 10, 12), 6),  # 9/28 9/29 9/30 10/9 10/10 10/11
        (D(2026, 9, 30), D(2026, 10, 10), 3),  # 10/8 10/9 10/10
        (D(2025, 1, 27), D(2025, 2, 4), 0),
        (D(2025, 2, 4), D(2025, 1, 27), 0),
        (D(2025, 10, 12), D(2025, 9, 26), -6),
        (D(2025, 3, 3), D(2025, 3, 3), 0),
    ],
)
def test_working_days_between(a: dt.date, b: dt.date, count: int) -> None:
    assert working_days_between(a, b, calendar=CAL).days == count


def test_negative_limits_are_refused() -> None:
    with pytest.raises(ValueError, match="negative"):
        add_working_days(D(2025, 1, 1), -1, calendar=CAL)
    with pytest.raises(ValueError, match="negative"):
        add_calendar_days(D(2025, 1, 1), -1, calendar=CAL)


class TestProvisionalYears:
    """A year without its official schedule (2027 here) is counted with weekends and the statutory holidays of
    全国年节及纪念日放假办法, without make-up days, and every result that depends on it is provisional."""

    def test_spring_festival_2027_is_computed(self) -> None:
        """除夕 (2/5, Friday) to 初三 (2/8, Monday) are holidays, and the two weekend days among them are
        given back on Tuesday 2/9 and Wednesday 2/10 (补假); the next working day is Thursday 2/11."""
        result = add_working_days(D(2027, 2, 4), 1, calendar=CAL)
        assert result.date == D(2027, 2, 11)
        assert result.provisional is True

    def test_crossing_into_an_uncovered_year_is_provisional(self) -> None:
        result = add_working_days(D(2026, 12, 31), 1, calendar=CAL)
        assert result.date == D(2027, 1, 4)  # 元旦 is Friday, then the weekend
        assert result.provisional is True

    def test_a_result_inside_a_covered_year_is_not_provisional(self) -> None:
        assert add_working_days(D(2026, 12, 29), 1, calendar=CAL).provisional is False

    def test_calendar_days_are_provisional_only_when_the_last_day_is_in_an_uncovered_year(self) -> None:
        rolled = add_calendar_days(D(2026, 12, 2), 30, calendar=CAL)
        assert (rolled.date, rolled.provisional) == (D(2027, 1, 4), True)
        assert add_calendar_days(D(2026, 11, 1), 30, calendar=CAL).provisional is False

    def test_days_listed_for_a_provisional_year_count_on_top_of_the_computed_ones(self) -> None:
        listed = WorkingCalendar(
            holidays={D(2027, 2, 9): "春节"},
            makeup_workdays={D(2027, 2, 13): "春节"},
            official_years=frozenset(),
        )
        assert not listed.is_working_day(D(2027, 2, 9))
        assert listed.is_working_day(D(2027, 2, 13))
        assert not listed.is_working_day(D(2027, 2, 5))  # computed 除夕 still counts
        assert listed.holiday_name(D(2027, 2, 5)) == "春节"

    def test_once_official_only_the_table_counts(self) -> None:
        official = WorkingCalendar(holidays={}, makeup_workdays={}, official_years=frozenset({2027}))
        assert official.is_working_day(D(2027, 2, 5))
        assert add_working_days(D(2027, 2, 4), 1, calendar=official).provisional is False

    def test_the_fingerprint_changes_with_the_table(self) -> None:
        before = WorkingCalendar(official_years=frozenset({2026}))
        after = WorkingCalendar(official_years=frozenset({2026, 2027}))
        assert before.fingerprint != after.fingerprint
        assert before.fingerprint == WorkingCalendar(official_years=frozenset({2026})).fingerprint


def test_next_working_day() -> None:
    assert next_working_day(D(2025, 10, 1), calendar=CAL) == D(2025, 10, 9)
    assert next_working_day(D(2025, 10, 11), calendar=CAL) == D(2025, 10, 11)


starts = st.dates(min_value=D(2004, 1, 1), max_value=D(2027, 6, 30))
limits = st.integers(min_value=0, max_value=60)


@settings(max_examples=150, deadline=None)
@given(start=starts, n=st.integers(min_value=1, max_value=60))
def test_property_working_day_result_is_a_working_day_and_inverts(start: dt.date, n: int) -> None:
    due = add_working_days(start, n, calendar=CAL).date
    assert CAL.is_working_day(due)
    assert due > start
    assert working_days_between(start, due, calendar=CAL).days == n


@settings(max_examples=150, deadline=None)
@given(start=starts, n=limits, m=limits)
def test_property_add_working_days_is_monotonic(start: dt.date, n: int, m: int) -> None:
    low, high = sorted((n, m))
    first = add_working_days(start, low, calendar=CAL).date
    second = add_working_days(start, high, calendar=CAL).date
    assert first <= second
    assert (first < second) == (low < high)


@settings(max_examples=150, deadline=None)
@given(start=starts, n=limits)
def test_property_calendar_days_roll_to_the_first_working_day(start: dt.date, n: int) -> None:
    last = start + dt.timedelta(days=n)
    due = add_calendar_days(start, n, calendar=CAL).date
    assert due >= last
    assert CAL.is_working_day(due)
    assert all(not CAL.is_working_day(last + dt.timedelta(days=k)) for k in range((due - last).days))


@settings(max_examples=100, deadline=None)
@given(a=starts, b=starts)
def test_property_working_days_between_is_antisymmetric(a: dt.date, b: dt.date) -> None:
    assert working_days_between(a, b, calendar=CAL).days == -working_days_between(b, a, calendar=CAL).days
