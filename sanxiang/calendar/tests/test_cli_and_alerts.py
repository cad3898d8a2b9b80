"""``sanxiang calendar due|seed`` and the administrators' December alert."""

from __future__ import annotations

import datetime as dt
from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from sanxiang.calendar import actions, alerts
from sanxiang.calendar.enums import DayKind
from sanxiang.calendar.models import CalendarDay, CalendarYear
from sanxiang.core import clock
from sanxiang.records import writer
from sanxiang.records.models import PendingEntry

pytestmark = pytest.mark.django_db


def _run(*args: str) -> list[str]:
    out = StringIO()
    call_command("calendar", *args, stdout=out)
    return out.getvalue().splitlines()


@pytest.mark.parametrize(
    ("args", "due"),
    [
        (("due", "2025-09-30", "1", "--working"), "2025-10-09"),  # over 国庆 2025
        (("due", "2025-09-30", "3", "--working"), "2025-10-11"),  # onto the make-up Saturday
        (("due", "2026-02-13", "1", "--working"), "2026-02-14"),
        (("due", "2025-09-01", "30", "--calendar"), "2025-10-09"),  # 民事诉讼法 第85条 roll-forward
        (("due", "2025-09-01", "30", "--calendar", "--no-roll-forward"), "2025-10-01"),
    ],
)
def test_due_prints_the_iso_date_last(args: tuple[str, ...], due: str) -> None:
    lines = _run(*args)
    assert lines[-1] == due
    assert "provisional" not in lines


def test_due_says_provisional_before_the_date_for_an_uncovered_year() -> None:
    lines = _run("due", "2027-02-04", "1", "--working")
    assert lines[-2:] == ["provisional", "2027-02-11"]


def test_due_needs_a_unit_and_a_valid_date() -> None:
    with pytest.raises(CommandError):
        call_command("calendar", "due", "2025-09-30", "1")
    with pytest.raises(CommandError):
        call_command("calendar", "due", "30.9.2025", "1", "--working")
    with pytest.raises(CommandError, match="negative"):
        call_command("calendar", "due", "2025-09-30", "-1", "--working")


def test_seed_is_idempotent_and_restores_a_missing_year_with_its_record() -> None:
    assert _run("seed") == ["nothing to seed"]
    CalendarDay.objects.filter(date__year=2026).delete()
    CalendarYear.objects.filter(year=2026).delete()
    records_before = PendingEntry.objects.filter(event_type="calendar.year_seeded").count()
    assert _run("seed") == ["seeded 2026"]
    assert CalendarDay.objects.get(date=dt.date(2026, 2, 14)).kind == DayKind.MAKEUP_WORKDAY
    assert PendingEntry.objects.filter(event_type="calendar.year_seeded").count() == records_before + 1
    assert _run("seed") == ["nothing to seed"]


def _at(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, 9, tzinfo=clock.SHANGHAI)


def test_administrators_are_alerted_from_1_december_while_next_year_is_missing(world: Any) -> None:
    admin = world.admin_user
    with clock.frozen_now(_at(dt.date(2026, 11, 30))):
        assert alerts.work_items(admin) == []
    with clock.frozen_now(_at(dt.date(2026, 12, 1))):
        (item,) = alerts.work_items(admin)
    assert item.severity == "warning"
    assert "2027" in item.title
    assert item.url == "/calendar/2027/"


@pytest.mark.parametrize("persona", ["officer_user", "outsider_user", "supervisor_user"])
def test_non_administrators_get_no_calendar_alert(world: Any, persona: str) -> None:
    with clock.frozen_now(_at(dt.date(2026, 12, 15))):
        assert alerts.work_items(getattr(world, persona)) == []


def test_the_alert_stops_once_next_year_is_official(world: Any) -> None:
    actor = writer.Actor(user_id=None)
    actions.check_add_day(actor=actor, year=2027, day=dt.date(2027, 2, 8), kind=DayKind.HOLIDAY, name="春节")
    with clock.frozen_now(_at(dt.date(2026, 12, 2))):
        assert len(alerts.work_items(world.admin_user)) == 1
        actions.check_confirm_year(actor=actor, year=2027, notice_reference="国办发明电〔2026〕9号")
        assert alerts.work_items(world.admin_user) == []
