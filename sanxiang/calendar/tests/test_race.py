"""Two administrators entering days of a year not yet in the table at the same moment: both days are kept and
the year gets exactly one coverage row (the coverage row is the per-year lock; get_or_create retries after the
loser's unique violation). Needs PostgreSQL's row locks; SQLite serialises writers by itself."""

from __future__ import annotations

import datetime as dt
import threading

import pytest
from django.db import connection, connections

from sanxiang.calendar import actions
from sanxiang.calendar.enums import DayKind
from sanxiang.calendar.models import CalendarDay, CalendarYear
from sanxiang.records import writer

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="the row-lock race needs PostgreSQL"),
    # serialized_rollback restores the seeded calendar after the flush, for the tests that run later.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_concurrent_first_days_of_a_year_share_one_coverage_row() -> None:
    barrier = threading.Barrier(2)
    errors: list[BaseException] = []

    def add(day: dt.date) -> None:
        try:
            barrier.wait(timeout=10)
            actions.check_add_day(
                actor=writer.Actor(user_id=None), year=2028, day=day, kind=DayKind.HOLIDAY, name="春节"
            )
        except BaseException as error:  # reported to the main thread
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=add, args=(dt.date(2028, 1, 25 + k),)) for k in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert errors == []
    assert CalendarYear.objects.filter(year=2028).count() == 1
    assert CalendarDay.objects.filter(date__year=2028).count() == 2
