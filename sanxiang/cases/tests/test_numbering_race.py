"""Eight processes on PostgreSQL, each with its own connection, allocating numbers of two codes at once with
random rollbacks: the committed numbers are unique and gap-free from 1 (SHANXI.md §4.1: sequential without
gaps), the counters end at the number of commits, and every committed number, and only those, is recorded.
The counters do not exist beforehand, so their creation races too. SQLite serialises writers by itself."""

from __future__ import annotations

import multiprocessing
import random
from collections import Counter
from typing import Any

import pytest
from django.db import connections, transaction

from conftest import World
from sanxiang.cases import numbering
from sanxiang.cases.models import AllocatedNumber, NumberCounter
from sanxiang.organizations.models import Agency
from sanxiang.records.models import Entry, PendingEntry
from sanxiang.records.writer import SYSTEM, Subject

WORKERS = 8
ALLOCATIONS = 25
CODES = ("罚决", "罚立")
YEAR = 2026

pytestmark = [
    pytest.mark.postgres,
    # serialized_rollback restores the data the migrations seed (calendar, record log) after the flush.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


class _Rollback(Exception):
    """Raised inside an issuing transaction to abandon it after the number was allocated."""


def _worker(number: int, agency_id: int, start: Any, results: Any) -> None:
    """One issuer: allocates in its own transactions and rolls a quarter of them back at random. Reports
    its committed numbers, or the error that stopped it (so that a failure never leaves the test waiting)."""
    connections.close_all()
    try:
        results.put(("ok", _issue(number, agency_id, start)))
    except Exception as error:  # reported to the test process
        results.put(("error", repr(error)))
    finally:
        connections.close_all()


def _issue(number: int, agency_id: int, start: Any) -> list[str]:
    rng = random.Random(number)  # noqa: S311 - test randomness, not security
    agency = Agency.objects.get(pk=agency_id)
    committed: list[str] = []
    start.wait(timeout=30)
    for n in range(ALLOCATIONS):
        try:
            with transaction.atomic():
                allocated = numbering.allocate_number(
                    agency=agency,
                    code=CODES[n % 2],
                    year=YEAR,
                    actor=SYSTEM,
                    subject=Subject("worker", str(number)),
                )
                if rng.random() < 0.25:
                    raise _Rollback
            committed.append(allocated.text)
        except _Rollback:
            pass
    return committed


def _run_workers(agency_id: int) -> list[str]:
    connections.close_all()
    context = multiprocessing.get_context("fork")
    start, results = context.Barrier(WORKERS), context.Queue()
    processes = [context.Process(target=_worker, args=(n, agency_id, start, results)) for n in range(WORKERS)]
    for process in processes:
        process.start()
    reports = [results.get(timeout=120) for _ in processes]
    for process in processes:
        process.join(timeout=60)
        assert process.exitcode == 0
    errors = [detail for status, detail in reports if status == "error"]
    assert errors == []
    return [text for _status, texts in reports for text in texts]


def test_concurrent_allocations_with_rollbacks_give_a_gap_free_unique_sequence(world: World) -> None:
    committed = _run_workers(world.taiyuan.pk)
    assert len(committed) == len(set(committed)), "a number was given twice"
    assert set(AllocatedNumber.objects.values_list("text", flat=True)) == set(committed)
    per_code = Counter(AllocatedNumber.objects.values_list("code", flat=True))
    for code in CODES:
        sequences = sorted(AllocatedNumber.objects.filter(code=code).values_list("sequence", flat=True))
        assert sequences == list(range(1, per_code[code] + 1)), f"gap in {code}"
        assert NumberCounter.objects.get(agency=world.taiyuan, code=code, year=YEAR).last == per_code[code]
    assert NumberCounter.objects.count() == len(CODES)
    recorded = (
        Entry.objects.filter(event_type="number.allocated").count()
        + PendingEntry.objects.filter(event_type="number.allocated").count()
    )
    assert recorded == len(committed)
    assert 0 < len(committed) < WORKERS * ALLOCATIONS
