"""Seeding the calendar table from the ``chinesecalendar`` package (import name ``chinese_calendar``), which
transcribes each year's State Council holiday notice.

Idempotent: a year that already has a coverage row is never touched, so an administrator's edits survive
every re-seed, and a newer package version only adds the years it newly covers. Used by the data migration
(with historical models) and by ``sanxiang calendar seed`` (through ``do_seed_from_package``, which records).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import chinese_calendar
from django.db import transaction

from sanxiang.calendar import events
from sanxiang.calendar.enums import DayKind, DaySource, YearStatus
from sanxiang.calendar.models import CalendarDay, CalendarYear
from sanxiang.core import clock
from sanxiang.records import writer

PACKAGE_VERSION: str = chinese_calendar.__version__


@dataclass(frozen=True)
class YearSchedule:
    year: int
    holidays: dict[dt.date, str]
    makeup_workdays: dict[dt.date, str]


def _chinese_name(english: str) -> str:
    for holiday in chinese_calendar.Holiday:
        if holiday.value == english:
            return str(holiday.chinese)
    return english


def package_schedules() -> list[YearSchedule]:
    """Every year the installed package covers, with Chinese holiday names."""
    by_year: dict[int, YearSchedule] = {}
    for source, kind in ((chinese_calendar.holidays, "h"), (chinese_calendar.workdays, "m")):
        for day, english in source.items():
            schedule = by_year.setdefault(day.year, YearSchedule(day.year, {}, {}))
            target = schedule.holidays if kind == "h" else schedule.makeup_workdays
            target[day] = _chinese_name(english)
    return [by_year[year] for year in sorted(by_year)]


Recorder = Callable[[YearSchedule], None]


def seed_missing_years(day_model: Any, year_model: Any, record: Recorder) -> list[int]:
    """Insert every package year that has no coverage row yet; ``record`` writes its record-log entry.
    Takes the model classes so that the migration can pass its historical models."""
    seeded: list[int] = []
    known = set(year_model.objects.values_list("year", flat=True))
    for schedule in package_schedules():
        if schedule.year in known:
            continue
        rows = [
            day_model(date=day, kind=kind, name=name, source=DaySource.SEEDED.value)
            for kind, days in (
                (DayKind.HOLIDAY.value, schedule.holidays),
                (DayKind.MAKEUP_WORKDAY.value, schedule.makeup_workdays),
            )
            for day, name in sorted(days.items())
        ]
        taken = set(day_model.objects.filter(date__year=schedule.year).values_list("date", flat=True))
        day_model.objects.bulk_create([row for row in rows if row.date not in taken])
        year_model.objects.create(
            year=schedule.year,
            status=YearStatus.OFFICIAL.value,
            source=DaySource.SEEDED.value,
            notice_reference="",
            entered_at=clock.now(),
        )
        record(schedule)
        seeded.append(schedule.year)
    return seeded


def seeded_event_data(schedule: YearSchedule) -> dict[str, object]:
    return {
        "year": schedule.year,
        "package_version": PACKAGE_VERSION,
        "holidays": len(schedule.holidays),
        "makeup_workdays": len(schedule.makeup_workdays),
    }


@transaction.atomic
def do_seed_from_package(*, actor: writer.Actor) -> list[int]:
    """Seed the years the installed package covers and the table lacks; one record per year seeded."""

    def record(schedule: YearSchedule) -> None:
        writer.append(
            events.YEAR_SEEDED.code,
            agency_id=None,
            actor=actor,
            subject=writer.Subject("calendar_year", str(schedule.year)),
            data=seeded_event_data(schedule),
        )

    return seed_missing_years(CalendarDay, CalendarYear, record)
