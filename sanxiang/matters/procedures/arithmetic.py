"""Amount and window arithmetic of the levy, fee and coercion procedures, in fen (integers) and dates: the
易地建设费 assessed as rate × area, the late surcharge (加处罚款 / 滞纳金) capped at the principal, and month
arithmetic for the court window (行政强制法 第53条).

Pure functions over plain values: rates come from the versioned fee-standard list and the agency's case
settings, never from here; only the national 3 %/day of 行政处罚法 第72条 is named, as the law fixes it.
This module must never touch the database, the clock or the working-day calendar (callers roll the dates
they get onto working days).
"""

from __future__ import annotations

import calendar as _calendar
import datetime as dt

PER = 10_000  # rates are given per 10,000 of the principal per day (万分之)
# 行政处罚法 第72条: 3 % of the fine for each day of late payment.
PENALTY_SURCHARGE_PER_10000 = 300
CENTI = 100  # areas are held in hundredths of a square metre


def levy_amount_fen(*, rate_fen: int, area_centi: int, exempt_centi: int = 0) -> int:
    """The levy on ``area_centi`` hundredths of m² at ``rate_fen`` per m², the exempted area (a coded
    exemption, 中发〔2001〕9号) taken off first; rounded half up to the fen."""
    if rate_fen < 0 or area_centi < 0 or exempt_centi < 0:
        raise ValueError("rates and areas cannot be negative")
    if exempt_centi > area_centi:
        raise ValueError("the exempted area cannot exceed the area")
    return (rate_fen * (area_centi - exempt_centi) + CENTI // 2) // CENTI


def days_late(*, due_on: dt.date, on: dt.date) -> int:
    """Full days of delay after the last day to pay: none on or before it."""
    return max((on - due_on).days, 0)


def late_surcharge_fen(*, principal_fen: int, rate_per_10000: int, days: int) -> int:
    """The surcharge after ``days`` late at ``rate_per_10000`` of the principal a day, rounded down,
    never more
    than the principal (行政强制法 第45条; 行政处罚法 第72条)."""
    if principal_fen < 0 or rate_per_10000 < 0 or days < 0:
        raise ValueError("amounts, rates and days cannot be negative")
    return min(principal_fen * rate_per_10000 * days // PER, principal_fen)


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` later; a day the month lacks becomes its last day (31 August + 6 → 28/29
    February)."""
    if months < 0:
        raise ValueError("months cannot be negative")
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return day.replace(year=year, month=month, day=min(day.day, _calendar.monthrange(year, month)[1]))
