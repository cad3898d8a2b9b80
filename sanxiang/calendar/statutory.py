"""The statutory holidays computable for any year from 全国年节及纪念日放假办法 (2024-11-10 revision, in
force 2025-01-01), 第二条 (全体公民放假的节日):

    元旦 1 day (1月1日) · 春节 4 days (农历除夕、正月初一至初三) · 清明节 1 day (农历清明当日) ·
    劳动节 2 days (5月1日、2日) · 端午节 1 day (农历端午当日) · 中秋节 1 day (农历中秋当日) ·
    国庆节 3 days (10月1日至3日)

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


def _span(first: dt.date, days: int, name: str) -> dict[dt.date, str]:
    return {first + dt.timedelta(days=offset): name for offset in range(days)}


def qingming(year: int) -> dt.date:
    """清明 solar term of ``year`` (always 4–6 April), from the chinese-calendar package's 寿星 formula."""
    terms = get_solar_terms(dt.date(year, 4, 1), dt.date(year, 4, 30))
    day: dt.date = next(day for day, name in terms if name == QINGMING)
    return day


@cache
def holidays(year: int) -> dict[dt.date, str]:
    """Every statutory holiday of ``year`` mapped to its Chinese name. Outside the lunar table's years
    (2000–2100) only the fixed-date holidays are known."""
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
