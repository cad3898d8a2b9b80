"""Bulk moves for the integrator: take a batch of pending rows out of the outbox, and insert integrated
entries and subtree nodes. On PostgreSQL this is one ``DELETE … RETURNING`` and two ``COPY`` streams on the
integrator's own connection and transaction (the integrator is the log's hot path); elsewhere (the embedded
SQLite default) the ORM. Called only under the head lock, by ``integrator.integrate_batch``; never touches
rows already in the tree.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from django.db import connection

from sanxiang.records.models import Entry, Log, Node, PendingEntry

# (id, body, event type, subject kind, subject id, created at, agency id, actor officer id)
PendingRow = tuple[int, bytes, str, str, str, dt.datetime, int | None, int | None]
# (index, body, leaf hash, event type, subject kind, subject id, recorded at, agency id, actor officer id)
EntryRow = tuple[int, bytes, bytes, str, str, str, dt.datetime, int | None, int | None]
# a complete subtree: level, index, hash
NodeRow = tuple[int, int, bytes]

_ENTRY_COLUMNS = (
    'log_id, "index", body, leaf_hash, event_type, subject_kind, subject_id, recorded_at, agency_id, '
    "actor_officer_id, integrated_at"
)


def _raw_cursor() -> Any:
    import psycopg  # PostgreSQL only: a server-binding cursor on Django's connection, same transaction

    connection.ensure_connection()
    return psycopg.Cursor(connection.connection)


def take_pending(limit: int) -> list[PendingRow]:
    """Remove and return up to ``limit`` pending rows, lowest ids first. Deletes exactly the rows returned:
    a row with a lower id that commits later stays for the next batch."""
    if connection.vendor == "postgresql":
        with _raw_cursor() as cursor:
            cursor.execute(
                "DELETE FROM records_pendingentry WHERE id IN "
                "(SELECT id FROM records_pendingentry ORDER BY id LIMIT %s) "
                "RETURNING id, body, event_type, subject_kind, subject_id, created_at, "
                "agency_id, actor_officer_id",
                [limit],
                binary=True,
            )
            return sorted(cursor.fetchall())
    columns = ("id", "body", "event_type", "subject_kind", "subject_id", "created_at", "agency_id")
    rows: list[PendingRow] = [
        (pk, bytes(body), event_type, kind, subject_id, created_at, agency_id, officer_id)
        for pk, body, event_type, kind, subject_id, created_at, agency_id, officer_id in (
            PendingEntry.objects.order_by("id").values_list(*columns, "actor_officer_id")[:limit]
        )
    ]
    PendingEntry.objects.filter(id__in=[row[0] for row in rows])._raw_delete(PendingEntry.objects.db)
    return rows


def insert(log: Log, entries: Sequence[EntryRow], nodes: Sequence[NodeRow], *, now: dt.datetime) -> None:
    """Insert the integrated entries and the subtree nodes they completed."""
    if connection.vendor == "postgresql":
        with _raw_cursor() as cursor:
            with cursor.copy(f"COPY records_entry ({_ENTRY_COLUMNS}) FROM STDIN") as copy:
                for entry in entries:
                    copy.write_row((log.pk, *entry, now))
            with cursor.copy('COPY records_node (log_id, level, "index", hash) FROM STDIN') as copy:
                for node in nodes:
                    copy.write_row((log.pk, *node))
        return
    Entry.objects.bulk_create(
        [
            Entry(
                log=log,
                index=index,
                body=body,
                leaf_hash=leaf,
                event_type=event_type,
                subject_kind=kind,
                subject_id=subject_id,
                recorded_at=recorded_at,
                agency_id=agency_id,
                actor_officer_id=officer_id,
                integrated_at=now,
            )
            for index, body, leaf, event_type, kind, subject_id, recorded_at, agency_id, officer_id in entries
        ],
        batch_size=500,
    )
    Node.objects.bulk_create(
        [Node(log=log, level=level, index=index, hash=hash_) for level, index, hash_ in nodes], batch_size=500
    )
