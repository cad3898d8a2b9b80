"""Four processes on PostgreSQL submit the same decision for review at once, without any lock above the
engine: the conditional unique constraint (one open request per decision) lets exactly one in; the others
are refused and write nothing. SQLite serialises writers by itself."""

from __future__ import annotations

import multiprocessing
import os
from typing import Any

import pytest
from django.db import connections

from sanxiang.core.errors import RuleViolation
from sanxiang.records.models import Entry, PendingEntry
from sanxiang.review.models import ReviewRequest
from sanxiang.review.tests.conftest import Office, submit

WORKERS = 4
ON_POSTGRES = os.environ.get("DATABASE_URL", "").startswith("postgres")

pytestmark = [
    pytest.mark.postgres,
    # decided before any database set-up (serialized_rollback would otherwise reload content types on SQLite)
    pytest.mark.skipif(not ON_POSTGRES, reason="needs PostgreSQL"),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def _worker(office: Office, start: Any, results: Any) -> None:
    connections.close_all()
    try:
        start.wait(timeout=30)
        try:
            submit(office, "race")
            results.put("submitted")
        except RuleViolation:
            results.put("refused")
    except Exception as error:  # reported to the test process
        results.put(f"error {error!r}")
    finally:
        connections.close_all()


def test_one_open_request_wins_the_race(office: Office) -> None:
    before = Entry.objects.count() + PendingEntry.objects.count()
    connections.close_all()
    context = multiprocessing.get_context("fork")
    start, results = context.Barrier(WORKERS), context.Queue()
    processes = [context.Process(target=_worker, args=(office, start, results)) for _ in range(WORKERS)]
    for process in processes:
        process.start()
    outcomes = sorted(results.get(timeout=120) for _ in processes)
    for process in processes:
        process.join(timeout=60)
    assert outcomes == ["refused"] * (WORKERS - 1) + ["submitted"]
    assert ReviewRequest.objects.filter(subject_id="race").count() == 1
    assert Entry.objects.count() + PendingEntry.objects.count() == before + 1
