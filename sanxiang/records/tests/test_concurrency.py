"""Eight writer processes on PostgreSQL, appending and integrating at once with random rollbacks, leave a
gap-free log that verifies, holding exactly the committed entries."""

from __future__ import annotations

import multiprocessing
import random
from pathlib import Path
from typing import Any

import pytest
from django.db import connections, transaction

from sanxiang.records import checkpoints, integrator, verify, writer
from sanxiang.records.models import Entry, PendingEntry

WRITERS = 8
APPENDS = 30


def _writer(number: int, results: Any) -> None:
    """One writer process: commits or rolls back each append at random; writer 0 also signs checkpoints."""
    connections.close_all()
    rng = random.Random(number)  # noqa: S311 - test randomness, not security
    committed = 0
    for n in range(APPENDS):
        try:
            with transaction.atomic():
                writer.append(
                    "test.thing",
                    agency_id=None,
                    actor=writer.SYSTEM,
                    subject=writer.Subject("writer", str(number)),
                    data={"n": n},
                )
                if rng.random() < 0.25:
                    raise _Rollback
            committed += 1
        except _Rollback:
            pass
        if number == 0 and n % 10 == 9:
            checkpoints.publish()
    connections.close_all()
    results.put((number, committed))


class _Rollback(Exception):
    pass


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_concurrent_writers_leave_a_gap_free_verifiable_log(settings: Any, tmp_path: Path) -> None:
    """All committed appends, and only those, get indexes 0..n-1; the log and its checkpoints verify."""
    settings.SANXIANG_LOG_KEY_PATH = tmp_path / "log.pem"
    checkpoints.signing_key()
    integrator.get_log()
    connections.close_all()
    context = multiprocessing.get_context("fork")
    results = context.Queue()
    processes = [context.Process(target=_writer, args=(number, results)) for number in range(WRITERS)]
    for process in processes:
        process.start()
    committed = dict(results.get(timeout=120) for _ in processes)
    for process in processes:
        process.join(timeout=60)
        assert process.exitcode == 0
    assert not PendingEntry.objects.exists(), "an entry was stranded by the on-commit integrators"
    checkpoints.publish()
    indexes = list(Entry.objects.order_by("index").values_list("index", flat=True))
    assert indexes == list(range(sum(committed.values())))
    for number, count in committed.items():
        assert Entry.objects.filter(subject_kind="writer", subject_id=str(number)).count() == count
    report = verify.verify_log(integrator.get_log())
    assert report.ok, report.problems
    assert report.checkpoints >= 2
