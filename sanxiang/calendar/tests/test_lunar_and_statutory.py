"""The embedded lunar table and the statutory holidays computed for a year without an official schedule."""

from __future__ import annotations

import datetime as dt

import chinese_calendar
import pytest

from sanxiang.calendar import lunar, statutory

PACKAGE_YEARS = range(2004, 2027)


@pytest.mark.parametrize("year", PACKAGE_YEARS)
def test_lunar_new_year_is_a_spring_festival_holiday_in_the_package(year: int) -> None:
    """正月初一 from the embedded table falls on a day the package lists as 春节."""
    _on_holiday, name = chinese_calendar.get_holiday_detail(lunar.new_year(year))
    assert name == chinese_calendar.Holiday.spring_festival.value


@pytest.mark.parametrize("year", range(2008, 2027))  # 端午 and 中秋 are holidays since 2008
@pytest.mark.parametrize(("month", "day"), [(5, 5), (8, 15)])
def test_dragon_boat_and_mid_autumn_fall_in_the_package_holidays(year: int, month: int, day: int) -> None:
    """端午 (五月初五) and 中秋 (八月十五) are rest days in the package (which omits a few weekend days)."""
    date = lunar.to_gregorian(year, month, day)
    assert chinese_calendar.is_holiday(date)
    assert date in chinese_calendar.holidays or date.weekday() >= 5


@pytest.mark.parametrize(
    ("year", "spring_festival"),
    [
        (2000, dt.date(2000, 2, 5)),
        (2027, dt.date(2027, 2, 6)),
        (2028, dt.date(2028, 1, 26)),
        (2030, dt.date(2030, 2, 3)),
        (2034, dt.date(2034, 2, 19)),
    ],
)
def test_known_spring_festivals_outside_the_package(year: int, spring_festival: dt.date) -> None:
    assert lunar.new_year(year) == spring_festival


def test_2033_has_its_leap_eleventh_month() -> None:
    """The corrected table (2033 问题): 中秋 2033 is 8 September."""
    assert lunar.to_gregorian(2033, 8, 15) == dt.date(2033, 9, 8)


def test_years_outside_the_table_are_refused() -> None:
    with pytest.raises(ValueError, match="outside"):
        lunar.new_year(1999)
    with pytest.raises(ValueError, match="no lunar day"):
        lunar.to_gregorian(2027, 13, 1)


def test_2027_statutory_holidays_follow_the_2024_revision() -> None:
    """全国年节及纪念日放假办法 (2024): 春节 is 除夕 to 初三, 劳动节 5/1–5/2, 国庆 10/1–10/3; 13 days."""
    days = statutory.festival_days(2027)
    assert [day for day, name in sorted(days.items()) if name == "春节"] == [
        dt.date(2027, 2, 5),
        dt.date(2027, 2, 6),
        dt.date(2027, 2, 7),
        dt.date(2027, 2, 8),
    ]
    assert days[dt.date(2027, 1, 1)] == "元旦"
    assert days[dt.date(2027, 5, 2)] == "劳动节"
    assert days[dt.date(2027, 10, 3)] == "国庆节"
    assert days[statutory.qingming(2027)] == "清明节"
    assert days[lunar.to_gregorian(2027, 5, 5)] == "端午节"
    assert days[lunar.to_gregorian(2027, 8, 15)] == "中秋节"
    assert len(days) == 13


def test_holiday_days_on_a_weekend_are_given_back_on_the_next_weekdays() -> None:
    """补假: a holiday of all citizens falling on a Saturday or Sunday is given back on a working day."""
    days = statutory.holidays(2027)
    given_back = sorted(day for day in days if day not in statutory.festival_days(2027))
    assert given_back == [
        dt.date(2027, 2, 9),  # 春节 2/6 Sat and 2/7 Sun
        dt.date(2027, 2, 10),
        dt.date(2027, 5, 3),  # 劳动节 5/1 Sat and 5/2 Sun
        dt.date(2027, 5, 4),
        dt.date(2027, 10, 4),  # 国庆节 10/2 Sat and 10/3 Sun
        dt.date(2027, 10, 5),
    ]
    assert all(day.weekday() < 5 for day in given_back)


def test_qingming_is_between_4_and_6_april() -> None:
    assert all(
        dt.date(year, 4, 4) <= statutory.qingming(year) <= dt.date(year, 4, 6) for year in range(2000, 2101)
    )


def test_years_beyond_the_lunar_table_keep_the_fixed_holidays() -> None:
    days = statutory.holidays(2101)
    assert dt.date(2101, 10, 1) in days
    assert "春节" not in days.values()
