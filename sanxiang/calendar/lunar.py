"""Chinese lunar (农历) dates to Gregorian dates for lunar years 2000–2100, from an embedded month table.

Only what the statutory holidays need: 春节 (正月初一), 端午 (五月初五) and 中秋 (八月十五). Pure and
table-driven; it never reads the database or the clock.

Source of the data: the widely used 1900–2100 lunar month table (as in the open-source ``calendar.js``
lunar converters), in its corrected form (2033 with 闰十一月, 2060 month lengths), years 2000–2100 only.
Each entry encodes one lunar year:

    bits 16     length of the leap month (1 = 30 days, 0 = 29 days)
    bits 15..4  lengths of months 1..12 (bit 15 is month 1; 1 = 30 days, 0 = 29 days)
    bits 3..0   number of the leap month (0 = none)

Anchor: 正月初一 of lunar year 2000 is 2000-02-05. The tests check the table against the Spring Festival,
Dragon Boat and Mid-Autumn days in the chinese-calendar package for every year it covers.
"""

from __future__ import annotations

import datetime as dt
from functools import cache

FIRST_YEAR = 2000
LAST_YEAR = 2100
_ANCHOR = dt.date(2000, 2, 5)

# fmt: off
_MONTHS = (
    0x0c960, 0x0d954, 0x0d4a0, 0x0da50, 0x07552, 0x056a0, 0x0abb7, 0x025d0, 0x092d0, 0x0cab5,  # 2000-2009
    0x0a950, 0x0b4a0, 0x0baa4, 0x0ad50, 0x055d9, 0x04ba0, 0x0a5b0, 0x15176, 0x052b0, 0x0a930,  # 2010-2019
    0x07954, 0x06aa0, 0x0ad50, 0x05b52, 0x04b60, 0x0a6e6, 0x0a4e0, 0x0d260, 0x0ea65, 0x0d530,  # 2020-2029
    0x05aa0, 0x076a3, 0x096d0, 0x04afb, 0x04ad0, 0x0a4d0, 0x1d0b6, 0x0d250, 0x0d520, 0x0dd45,  # 2030-2039
    0x0b5a0, 0x056d0, 0x055b2, 0x049b0, 0x0a577, 0x0a4b0, 0x0aa50, 0x1b255, 0x06d20, 0x0ada0,  # 2040-2049
    0x14b63, 0x09370, 0x049f8, 0x04970, 0x064b0, 0x168a6, 0x0ea50, 0x06b20, 0x1a6c4, 0x0aae0,  # 2050-2059
    0x0a2e0, 0x0d2e3, 0x0c960, 0x0d557, 0x0d4a0, 0x0da50, 0x05d55, 0x056a0, 0x0a6d0, 0x055d4,  # 2060-2069
    0x052d0, 0x0a9b8, 0x0a950, 0x0b4a0, 0x0b6a6, 0x0ad50, 0x055a0, 0x0aba4, 0x0a5b0, 0x052b0,  # 2070-2079
    0x0b273, 0x06930, 0x07337, 0x06aa0, 0x0ad50, 0x14b55, 0x04b60, 0x0a570, 0x054e4, 0x0d160,  # 2080-2089
    0x0e968, 0x0d520, 0x0daa0, 0x16aa6, 0x056d0, 0x04ae0, 0x0a9d4, 0x0a2d0, 0x0d150, 0x0f252,  # 2090-2099
    0x0d520,                                                                                    # 2100
)
# fmt: on


def covers(year: int) -> bool:
    return FIRST_YEAR <= year <= LAST_YEAR


def _info(year: int) -> int:
    if not covers(year):
        raise ValueError(f"lunar year {year} is outside {FIRST_YEAR}–{LAST_YEAR}")
    return _MONTHS[year - FIRST_YEAR]


def _leap_month(year: int) -> int:
    return _info(year) & 0xF


def _month_days(year: int, month: int) -> int:
    return 30 if _info(year) & (0x10000 >> month) else 29


def _leap_days(year: int) -> int:
    if not _leap_month(year):
        return 0
    return 30 if _info(year) & 0x10000 else 29


def _year_days(year: int) -> int:
    return sum(_month_days(year, month) for month in range(1, 13)) + _leap_days(year)


@cache
def new_year(year: int) -> dt.date:
    """正月初一 of lunar ``year`` (the Spring Festival)."""
    _info(year)
    offset = sum(_year_days(previous) for previous in range(FIRST_YEAR, year))
    return _ANCHOR + dt.timedelta(days=offset)


def to_gregorian(year: int, month: int, day: int) -> dt.date:
    """The Gregorian date of lunar ``year``-``month``-``day`` (an ordinary, not a leap, month)."""
    if not 1 <= month <= 12 or not 1 <= day <= _month_days(year, month):
        raise ValueError(f"no lunar day {year}-{month}-{day}")
    offset = 0
    leap = _leap_month(year)
    for earlier in range(1, month):
        offset += _month_days(year, earlier)
        if earlier == leap:
            offset += _leap_days(year)
    return new_year(year) + dt.timedelta(days=offset + day - 1)
