"""Verification by worker processes (PostgreSQL, outside a transaction): the same report as one process —
checkpoints at sizes inside spans reproduced, an edited body and a missing entry named by index — and the
stored leaf hashes, the material of inclusion proofs, compared on request."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.db import connection
from django.utils import translation

from sanxiang.records import checkpoints, guards, integrator, verify
from sanxiang.records.tests.helpers import append

SIZES = (1, 5, 16, 17, 33, 40)  # checkpoints, most of them inside a span of 4


@pytest.fixture
def log_of_forty(settings: Any, tmp_path: Path) -> None:
    settings.SANXIANG_LOG_KEY_PATH = tmp_path / "log.pem"
    for n in range(40):
        append(n)
        if n + 1 in SIZES:
            checkpoints.publish()


def _tamper(sql: str, params: list[Any]) -> None:
    guards.remove(connection)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
    guards.install(connection)


def _verify(**options: Any) -> verify.Report:
    with translation.override("en"):
        return verify.verify_log(integrator.get_log(), chunk=4, **options)


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("log_of_forty")
def test_workers_reproduce_every_checkpoint_and_name_an_edited_body() -> None:
    report = _verify(jobs=2)
    assert report.ok, report.problems
    assert (report.jobs, report.size, report.checkpoints) == (2, 40, len(SIZES))
    _tamper('UPDATE records_entry SET body = %s WHERE "index" = 21', [b'{"forged":true}'])
    parallel, serial = _verify(jobs=2), _verify(jobs=1)
    assert (parallel.jobs, serial.jobs) == (2, 1)
    assert parallel.first_bad_index == serial.first_bad_index == 21
    assert parallel.problems == serial.problems
    assert any("size 33" in problem for problem in parallel.problems), parallel.problems


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("log_of_forty")
def test_workers_name_a_missing_entry() -> None:
    _tamper('DELETE FROM records_entry WHERE "index" = 26', [])
    report = _verify(jobs=2)
    assert report.jobs == 2
    assert report.first_bad_index == 26
    assert "Entry 26 is missing." in report.problems


@pytest.mark.django_db
@pytest.mark.usefixtures("log_of_forty")
def test_inside_a_transaction_one_process_hashes() -> None:
    """A transaction's own rows are invisible to other connections, so no worker is started there."""
    report = _verify(jobs=4)
    assert report.ok, report.problems
    assert report.jobs == 1


@pytest.mark.django_db(transaction=True)  # workers on PostgreSQL with jobs=2
@pytest.mark.usefixtures("log_of_forty")
@pytest.mark.parametrize("jobs", [1, 2])
def test_a_corrupted_stored_leaf_hash_is_found_on_request(jobs: int) -> None:
    """A stored leaf hash changed while its body is intact leaves the record and every checkpoint intact
    (the default run passes) but would spoil the inclusion proofs that use it: --stored-leaves finds it."""
    _tamper('UPDATE records_entry SET leaf_hash = %s WHERE "index" = 13', [bytes(32)])
    assert _verify(jobs=jobs).ok
    report = _verify(jobs=jobs, stored_leaves=True)
    assert report.first_bad_index == 13
    assert report.problems == ["Entry 13 does not match its leaf hash."]
