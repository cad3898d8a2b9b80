"""Fixtures for the case tests: counts of rows and record entries (to assert that a refusal wrote nothing),
the stand-in PDF print of the tests that do not read it, and skipping PostgreSQL-only tests elsewhere."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.db import connection

from sanxiang.cases.models import (
    AllocatedNumber,
    Case,
    CaseAct,
    CaseLimit,
    CaseOfficer,
    NumberCounter,
    NumberPattern,
    Party,
)
from sanxiang.documents.tests.printing import use_stand_in_unless_marked
from sanxiang.records.models import PendingEntry

Snapshot = tuple[int, ...]


def _counts() -> Snapshot:
    return (
        Party.objects.count(),
        NumberCounter.objects.count(),
        AllocatedNumber.objects.count(),
        NumberPattern.objects.count(),
        PendingEntry.objects.count(),
        Case.objects.count(),
        CaseAct.objects.count(),
        CaseLimit.objects.filter(state="stopped").count(),
        CaseLimit.objects.count(),
        CaseOfficer.objects.count(),
    )


@pytest.fixture
def counts(db: None) -> Callable[[], Snapshot]:
    """Call it before and after: equal results mean no row of ours and no record entry was written."""
    return _counts


@pytest.fixture(autouse=True)
def _pdf_printer(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """The stand-in PDF print unless the test is marked ``prints_pdf`` (``documents.tests.printing``)."""
    use_stand_in_unless_marked(request, monkeypatch)


@pytest.fixture(autouse=True)
def _postgres_only(request: pytest.FixtureRequest) -> None:
    """Tests marked ``postgres`` run only when DATABASE_URL points at PostgreSQL (as in CI)."""
    if request.node.get_closest_marker("postgres") and connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (set DATABASE_URL)")
