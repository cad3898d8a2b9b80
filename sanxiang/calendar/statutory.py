"""The statutory holidays computable for any year from 全国年节及纪念日放假办法 (2024-11-10 revision, in
force 2025-01-01), 第二条 (全体公民放假的节日):

    元旦 1 day (1月1日) · 春节 4 days (农历除夕、正月初一至初三) · 清明节 1 day (农历清明当日) ·
    劳动节 2 days (5月1日、2日) · 端午节 1 day (农历端午当日) · 中秋节 1 day (农历中秋当日) ·
    国庆节 3 days (10月1日至3日)

It also says that a holiday of all citizens falling on a Saturday or Sunday is given back on a working day
(全体公民放假的假日，如果适逢星期六、星期日，应当在工作日补假). Where that day goes is for the annual notice;
here it is the first weekdays after the holiday that are not holidays themselves, the usual practice.

These are the days used for a year whose State Council schedule (国务院办公厅 放假安排) is not yet in the
table.
The annual notice adds bridge days and 调休 make-up working days, which cannot be computed: so any result that
counts such a year is provisional. Pure: no database, no clock.
"""

from __future__ import annotations

import datetime as dt
from functools import cache

from chinese_calendar import get_solar_terms

from sanxiang.calendar import lunar

QINGMING = "清明"
_SATURDAY = 5
_ONE_DAY = dt.timedelta(days=1)


def _span(first: dt.date, days: int, name: str) -> dict[dt.date, str]:
    return {first + dt.timedelta(days=offset): name for offset in range(days)}


def qingming(year: int) -> dt.date:
    """清明 solar term of ``year`` (always 4–6 April), from the chinese-calendar package's 寿星 formula."""
    terms = get_solar_terms(dt.date(year, 4, 1), dt.date(year, 4, 30))
    day: dt.date = next(day for day, name in terms if name == QINGMING)
    return day


def _with_days_in_lieu(days: dict[dt.date, str]) -> dict[dt.date, str]:
    """Add one weekday off (补假) after each holiday for each of its days that falls on a weekend."""
    result = dict(days)
    for name in dict.fromkeys(days[day] for day in sorted(days)):
        own = sorted(day for day, holiday in days.items() if holiday == name)
        owed = sum(1 for day in own if day.weekday() >= _SATURDAY)
        candidate = own[-1]
        while owed:
            candidate += _ONE_DAY
            if candidate.weekday() < _SATURDAY and candidate not in result:
                result[candidate] = name
                owed -= 1
    return result


@cache
def holidays(year: int) -> dict[dt.date, str]:
    """Every statutory rest day of ``year`` (holidays and their 补假 days) mapped to its Chinese name. Outside
    the lunar table's years (2000–2100) only the fixed-date holidays are known."""
    return _with_days_in_lieu(festival_days(year))


def festival_days(year: int) -> dict[dt.date, str]:
    """The holidays of 第二条 themselves, without 补假 days."""
    days: dict[dt.date, str] = {}
    days |= _span(dt.date(year, 1, 1), 1, "元旦")
    days |= _span(dt.date(year, 5, 1), 2, "劳动节")
    days |= _span(dt.date(year, 10, 1), 3, "国庆节")
    if 1900 <= year <= 2100:  # the solar-term formula's range
        days |= _span(qingming(year), 1, "清明节")
    if lunar.covers(year):
        days |= _span(lunar.new_year(year) - dt.timedelta(days=1), 4, "春节")
        days |= _span(lunar.to_gregorian(year, 5, 5), 1, "端午节")
        days |= _span(lunar.to_gregorian(year, 8, 15), 1, "中秋节")
    return days
