"""Fixtures for the record-log tests: an empty outbox (migrations seed pending entries), a test event type,
and skipping PostgreSQL-only tests elsewhere."""

from __future__ import annotations

import pytest
from django.db import connection

from sanxiang.records import registry
from sanxiang.records.models import PendingEntry

if "test.thing" not in {event_type.code for event_type in registry.all_types()}:
    registry.register("test.thing", "A test event.", {"n": "int"})


@pytest.fixture(autouse=True)
def _empty_outbox(request: pytest.FixtureRequest) -> None:
    """Start every database test with nothing pending, so indexes count from this test's appends."""
    if request.node.get_closest_marker("django_db"):
        PendingEntry.objects.all().delete()


@pytest.fixture(autouse=True)
def _postgres_only(request: pytest.FixtureRequest) -> None:
    """Tests marked ``postgres`` run only when DATABASE_URL points at PostgreSQL (as in CI)."""
    if request.node.get_closest_marker("postgres") and connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (set DATABASE_URL)")
