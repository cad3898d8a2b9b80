"""Append-only at the database level: direct SQL cannot change or remove entries, nodes or checkpoints."""

from __future__ import annotations

import pytest
from django.db import IntegrityError, connection, transaction

from sanxiang.records import integrator, writer
from sanxiang.records.models import Checkpoint

STATEMENTS = [
    "UPDATE records_entry SET body = body",
    "DELETE FROM records_entry",
    "UPDATE records_node SET hash = hash",
    "DELETE FROM records_node",
    "UPDATE records_checkpoint SET note = 'forged'",
    "DELETE FROM records_checkpoint",
]


def _fill_log() -> None:
    with transaction.atomic():
        for n in range(3):
            writer.append(
                "test.thing",
                agency_id=None,
                actor=writer.SYSTEM,
                subject=writer.Subject("x", "1"),
                data={"n": n},
            )
    integrator.integrate()
    log = integrator.get_log()
    Checkpoint.objects.create(log=log, size=log.size, root=log.root, note="unsigned test checkpoint\n")


@pytest.mark.django_db
@pytest.mark.parametrize("sql", STATEMENTS)
def test_direct_update_and_delete_are_refused(sql: str) -> None:
    """UPDATE and DELETE on the log's tables fail in the database itself, on SQLite and PostgreSQL."""
    _fill_log()
    with (
        pytest.raises(IntegrityError, match="append-only"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute(sql)


@pytest.mark.django_db
@pytest.mark.postgres
@pytest.mark.parametrize("table", ["records_entry", "records_node", "records_checkpoint"])
def test_truncate_is_refused_on_postgresql(table: str) -> None:
    """TRUNCATE, which skips row triggers, is refused by a statement trigger."""
    _fill_log()
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # flush deferred FK checks, else TRUNCATE is "in use"
    with (
        pytest.raises(IntegrityError, match="append-only"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute(f"TRUNCATE {table} CASCADE")


@pytest.mark.django_db
def test_inserting_stays_possible() -> None:
    """The triggers refuse changes, not growth: the integrator keeps appending."""
    _fill_log()
    _fill_log()
    assert integrator.get_log().size == 6


@pytest.mark.django_db
def test_log_tables_keep_their_unique_indexes_and_triggers_without_a_log_id_index() -> None:
    """Migration 0007 dropped the single-column log_id indexes (the unique constraints serve lookups by log)
    without rebuilding the tables, so the append-only triggers are still there (on SQLite a rebuild drops
    them)."""
    with connection.cursor() as cursor:
        for table in ("records_entry", "records_node", "records_checkpoint"):
            constraints = connection.introspection.get_constraints(cursor, table).values()
            assert not [
                c for c in constraints if c["index"] and not c["unique"] and c["columns"] == ["log_id"]
            ]
            assert [c for c in constraints if c["unique"] and c["columns"][:1] == ["log_id"]]
    _fill_log()
    with pytest.raises(IntegrityError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("DELETE FROM records_entry")
