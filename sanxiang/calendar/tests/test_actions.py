"""Calendar actions against the database: each change writes its record in the same transaction; refused
input writes nothing (no day, no coverage row, no record entry)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable

import pytest
from django.utils import translation

from sanxiang.calendar import actions, selectors
from sanxiang.calendar.deadlines import add_working_days
from sanxiang.calendar.enums import DayKind, DaySource, YearStatus
from sanxiang.calendar.models import CalendarDay, CalendarYear
from sanxiang.core.errors import InvalidInput
from sanxiang.records import writer
from sanxiang.records.models import PendingEntry

D = dt.date
ACTOR = writer.Actor(user_id=None)
pytestmark = pytest.mark.django_db


def _last_entry(event_type: str) -> dict[str, object]:
    entry = PendingEntry.objects.filter(event_type=event_type).latest("pk")
    parsed: dict[str, object] = json.loads(bytes(entry.body))
    return parsed


def test_the_migration_seeds_every_package_year_as_official() -> None:
    years = list(CalendarYear.objects.values_list("year", "status", "source"))
    assert (2004, YearStatus.OFFICIAL, DaySource.SEEDED) in years
    assert (2026, YearStatus.OFFICIAL, DaySource.SEEDED) in years
    assert CalendarDay.objects.get(date=D(2025, 1, 26)).kind == DayKind.MAKEUP_WORKDAY
    assert CalendarDay.objects.get(date=D(2025, 1, 28)).name == "春节"
    assert PendingEntry.objects.filter(event_type="calendar.year_seeded", subject_id="2026").exists()


def test_add_day_records_it_and_opens_a_provisional_year() -> None:
    day = actions.check_add_day(
        actor=ACTOR, year=2027, day=D(2027, 2, 9), kind=DayKind.HOLIDAY, name=" 春节 "
    )
    assert (day.name, day.source) == ("春节", DaySource.ADMINISTRATOR)
    assert CalendarYear.objects.get(year=2027).status == YearStatus.PROVISIONAL
    assert _last_entry("calendar.day_added")["data"] == {
        "date": "2027-02-09",
        "kind": "holiday",
        "name": "春节",
    }


def test_remove_day_records_what_was_removed() -> None:
    actions.check_remove_day(actor=ACTOR, year=2025, day=D(2025, 2, 8))
    assert not CalendarDay.objects.filter(date=D(2025, 2, 8)).exists()
    assert _last_entry("calendar.day_removed")["data"] == {
        "date": "2025-02-08",
        "kind": "makeup_workday",
        "name": "春节",
    }


def test_confirming_a_year_recomputes_provisional_results() -> None:
    """Nothing caches results: the next snapshot after confirmation counts 2027 officially."""
    before = add_working_days(D(2027, 2, 4), 1, calendar=selectors.get_working_calendar())
    assert (before.date, before.provisional) == (D(2027, 2, 11), True)
    for offset in range(8):  # a hypothetical notice: 2/5–2/12 off, Saturday 2/13 worked
        actions.check_add_day(
            actor=ACTOR,
            year=2027,
            day=D(2027, 2, 5) + dt.timedelta(days=offset),
            kind=DayKind.HOLIDAY,
            name="春节",
        )
    actions.check_add_day(
        actor=ACTOR, year=2027, day=D(2027, 2, 13), kind=DayKind.MAKEUP_WORKDAY, name="春节"
    )
    coverage = actions.check_confirm_year(actor=ACTOR, year=2027, notice_reference="国办发明电〔2026〕9号")
    assert coverage.status == YearStatus.OFFICIAL
    after = add_working_days(D(2027, 2, 4), 1, calendar=selectors.get_working_calendar())
    assert (after.date, after.provisional) == (D(2027, 2, 13), False)
    assert _last_entry("calendar.year_confirmed")["data"] == {
        "year": 2027,
        "notice": "国办发明电〔2026〕9号",
        "holidays": 8,
        "makeup_workdays": 1,
    }


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (
            lambda: actions.check_add_day(
                actor=ACTOR, year=2025, day=D(2026, 1, 5), kind=DayKind.HOLIDAY, name="x"
            ),
            "is not in 2025",
        ),
        (
            lambda: actions.check_add_day(
                actor=ACTOR, year=2025, day=D(2025, 1, 28), kind=DayKind.HOLIDAY, name="春节"
            ),
            "already listed",
        ),
        (
            lambda: actions.check_add_day(
                actor=ACTOR, year=2027, day=D(2027, 3, 3), kind=DayKind.MAKEUP_WORKDAY, name="春节"
            ),
            "weekday",
        ),
        (
            lambda: actions.check_add_day(
                actor=ACTOR, year=2025, day=D(2025, 1, 26), kind=DayKind.HOLIDAY, name="春节"
            ),
            "make-up working day",
        ),
        (
            lambda: actions.check_add_day(
                actor=ACTOR, year=2027, day=D(2027, 2, 9), kind=DayKind.HOLIDAY, name="  "
            ),
            "name",
        ),
        (
            lambda: actions.check_add_day(
                actor=ACTOR, year=2101, day=D(2101, 1, 3), kind=DayKind.HOLIDAY, name="x"
            ),
            "2000 to 2100",
        ),
        (lambda: actions.check_remove_day(actor=ACTOR, year=2027, day=D(2027, 3, 3)), "not listed"),
        (lambda: actions.check_remove_day(actor=ACTOR, year=2025, day=D(2026, 2, 15)), "is not in 2025"),
        (lambda: actions.check_confirm_year(actor=ACTOR, year=2027, notice_reference=" "), "notice"),
        (
            lambda: actions.check_confirm_year(
                actor=ACTOR, year=2027, notice_reference="国办发明电〔2026〕9号"
            ),
            "holidays before",
        ),
    ],
    ids=[
        "date-outside-year",
        "duplicate",
        "make-up-on-weekday",
        "holiday-on-make-up-day",
        "blank-name",
        "year-out-of-range",
        "remove-unlisted",
        "remove-outside-year",
        "confirm-without-notice",
        "confirm-empty-year",
    ],
)
def test_bad_input_is_refused_and_writes_nothing(
    call: Callable[[], object], message: str, counts: Callable[[], tuple[int, int, int]]
) -> None:
    before = counts()
    with pytest.raises(InvalidInput) as refused, translation.override("en"):
        call()
    assert message in refused.value.message
    assert counts() == before
