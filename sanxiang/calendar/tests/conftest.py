"""Fixtures for the calendar tests: counts of rows and record entries, to assert that refused input wrote
nothing."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from sanxiang.calendar.models import CalendarDay, CalendarYear
from sanxiang.records.models import PendingEntry

Snapshot = tuple[int, int, int]


def _counts() -> Snapshot:
    return CalendarDay.objects.count(), CalendarYear.objects.count(), PendingEntry.objects.count()


@pytest.fixture
def counts(db: None) -> Callable[[], Snapshot]:
    """Call it before and after: equal results mean no day, no year and no record entry was written."""
    return _counts
