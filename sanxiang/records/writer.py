"""The one writer of the record log. Called inside the business transaction, so that an act and its record
commit together or not at all (全过程记录). It never updates or deletes anything; the entry gets its index
from the integrator, which in the embedded default runs when the business transaction commits."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.db import transaction

from sanxiang.core import clock
from sanxiang.records import canonical, integrator, registry
from sanxiang.records.models import PendingEntry

LOG_VERSION = 1
_INSERT = (
    f"INSERT INTO {PendingEntry._meta.db_table} "  # noqa: S608 - the table name is a constant
    "(event_type, body, subject_kind, subject_id, created_at, agency_id, actor_officer_id) "
    "VALUES (%s, %s, %s, %s, %s, %s, %s)"
)


@dataclass(frozen=True)
class Actor:
    """Who acted: the user, and the officer and certificate number when the user is an officer."""

    user_id: int | None
    officer_id: int | None = None
    certificate_number: str | None = None

    def as_json(self) -> dict[str, Any]:
        return {
            "user": self.user_id,
            "officer": self.officer_id,
            "certificate": self.certificate_number,
        }


SYSTEM = Actor(user_id=None)


@dataclass(frozen=True)
class Subject:
    """What the event is about, e.g. Subject("officer", "42")."""

    kind: str
    id: str

    def as_json(self) -> dict[str, str]:
        return {"kind": self.kind, "id": self.id}


def append(
    event_type: str,
    *,
    agency_id: int | None,
    actor: Actor,
    subject: Subject,
    data: Mapping[str, Any],
) -> None:
    """Record one event in the current transaction. Refuses unknown types, data off the type's schema and
    calls outside a transaction (a record that could commit without its act, or the reverse, is worthless)."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("records.append must run inside the business transaction")
    kind = registry.get(event_type)
    kind.check(data)
    entry = {
        "v": LOG_VERSION,
        "type": event_type,
        "time": clock.now().isoformat(),
        "agency": agency_id,
        "actor": actor.as_json(),
        "subject": subject.as_json(),
        "data": dict(data),
    }
    connection = transaction.get_connection()
    with connection.cursor() as cursor:
        # One plain INSERT: this runs once per business write, and the ORM's model machinery roughly
        # doubled the client CPU of an append (bench/records_append.py). The row is the outbox's only shape.
        cursor.execute(
            _INSERT,
            [
                event_type, canonical.dumps(entry), subject.kind, subject.id, clock.now(),
                agency_id, actor.officer_id,
            ],
        )  # fmt: skip
    integrator.schedule_integration()
