"""The integrator: the one place that gives pending entries their leaf index.

Owns the log head. Each batch runs in one transaction that locks the head row (``SELECT … FOR UPDATE``
on PostgreSQL; SQLite's single writer lock, taken at BEGIN IMMEDIATE), reads pending entries in id order,
appends their leaves to the compact range, inserts entries and newly completed subtree hashes, deletes the
pending rows and moves the head. Indexes are therefore contiguous from 0 and never come from a sequence.
Must never update or delete an entry, node or checkpoint.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Sequence

from django.conf import settings
from django.db import transaction
from django.db.models import Min
from django.utils.translation import gettext as _

from sanxiang.core import clock
from sanxiang.records import merkle, storage
from sanxiang.records.models import Log, PendingEntry

logger = logging.getLogger(__name__)

DEFAULT_BATCH = 1000
DEFAULT_ALERT_SECONDS = 300


def origin() -> str:
    return str(settings.SANXIANG_LOG_ORIGIN)


def tree_of(log: Log) -> merkle.TreeHasher:
    return merkle.TreeHasher(log.hash_algorithm)


def create_log(*, origin: str, hash_algorithm: str = "sha256") -> Log:
    """Create a log; the hash function is fixed here for the log's life (refused if OpenSSL lacks it)."""
    tree = merkle.TreeHasher(hash_algorithm)
    return Log.objects.create(origin=origin, hash_algorithm=hash_algorithm, root=tree.empty_root())


def get_log() -> Log:
    """The log named by ``settings.SANXIANG_LOG_ORIGIN``, created on first use."""
    log = Log.objects.filter(origin=origin()).first()
    if log is not None:
        return log
    tree = merkle.TreeHasher(getattr(settings, "SANXIANG_LOG_HASH", "sha256"))
    # get_or_create absorbs the race of two processes creating the log at once (unique origin).
    log, _created = Log.objects.get_or_create(
        origin=origin(), defaults={"hash_algorithm": tree.algorithm, "root": tree.empty_root()}
    )
    return log


def lock_head(*, skip_locked: bool = False) -> Log | None:
    """Lock and return the head row (None if ``skip_locked`` and another process holds it).

    Must run inside a transaction. On SQLite the lock is the database write lock taken at BEGIN IMMEDIATE.
    """
    log = Log.objects.select_for_update(skip_locked=skip_locked).filter(origin=origin()).first()
    if log is None and not Log.objects.filter(origin=origin()).exists():
        get_log()
        return lock_head(skip_locked=skip_locked)
    return log


def locked_head() -> Log:
    """The head row, waiting for the lock if another process holds it."""
    log = lock_head()
    if log is None:  # pragma: no cover - a blocking lock always returns the row
        raise RuntimeError("record log head vanished")
    return log


def integrate(*, batch_size: int = DEFAULT_BATCH) -> int:
    """Integrate everything pending, in batches; returns how many entries were appended.

    The final check after the last commit picks up entries whose writers stepped aside while we held the head.
    """
    total = 0
    while True:
        count = integrate_batch(batch_size=batch_size) or 0
        total += count
        if count < batch_size and not PendingEntry.objects.exists():
            return total


def integrate_unless_busy(*, batch_size: int = DEFAULT_BATCH) -> int:
    """Integrate until nothing is pending, stepping aside when another process holds the head.

    Nothing is stranded: a process that fails to take the lock committed its entry before trying, and the
    holder re-checks for pending entries after releasing the lock (this loop), so it sees that entry.
    """
    total = 0
    while True:
        count = integrate_batch(batch_size=batch_size, skip_locked=True)
        if count is None:
            return total
        total += count
        if not PendingEntry.objects.exists():
            return total


@transaction.atomic
def integrate_batch(*, batch_size: int = DEFAULT_BATCH, skip_locked: bool = False) -> int | None:
    """Append at most ``batch_size`` pending entries under the head lock; returns how many, or None when
    ``skip_locked`` and another process holds the head.

    Nothing pending: returns 0 before locking the head. Locking a row gives the transaction an id, so even
    an empty round would end in a durable commit (a WAL flush) that competes with the writers' commits; a
    plain read does not. An entry committed just after this check is taken by the next round."""
    if not PendingEntry.objects.exists():
        return 0
    log = lock_head(skip_locked=skip_locked)
    if log is None:
        return None
    rows = storage.take_pending(batch_size)
    if not rows:
        return 0
    frontier = merkle.CompactRange.unpack(tree_of(log), log.size, bytes(log.frontier))
    entries, nodes = _grow(frontier, rows)
    storage.insert(log, entries, nodes, now=clock.now())
    log.size, log.root, log.frontier = frontier.size, frontier.root(), frontier.pack()
    log.save(update_fields=["size", "root", "frontier"])
    return len(rows)


def _grow(
    frontier: merkle.CompactRange, rows: Sequence[storage.PendingRow]
) -> tuple[list[storage.EntryRow], list[storage.NodeRow]]:
    """Give each row the next index, hash its leaf and collect the subtrees it completes."""
    entries: list[storage.EntryRow] = []
    nodes: list[storage.NodeRow] = []
    leaf_of = frontier.tree.leaf
    for _id, body, event_type, kind, subject_id, created_at, agency_id, officer_id in rows:
        leaf = leaf_of(body)
        entries.append(
            (frontier.size, body, leaf, event_type, kind, subject_id, created_at, agency_id, officer_id)
        )
        nodes.extend(frontier.append(leaf))
    return entries, nodes


def integrate_after_commit() -> None:
    """The embedded default: integrate as soon as the business transaction has committed."""
    try:
        integrate_unless_busy()
    except Exception:
        # The entries stay pending and safe; the next run (or the alert) picks them up.
        logger.exception("record log integration failed; entries remain pending")


def schedule_integration() -> None:
    """Ask for one integration when the current transaction commits (once per transaction)."""
    if not getattr(settings, "SANXIANG_RECORDS_INTEGRATE_ON_COMMIT", True):
        return
    connection = transaction.get_connection()
    # run_on_commit holds (savepoint ids, callback, robust); checking it avoids one integration per append.
    if any(callback is integrate_after_commit for _sids, callback, _robust in connection.run_on_commit):
        return
    transaction.on_commit(integrate_after_commit)


def oldest_pending_age(*, now: dt.datetime | None = None) -> dt.timedelta | None:
    created: dt.datetime | None = PendingEntry.objects.aggregate(oldest=Min("created_at"))["oldest"]
    if created is None:
        return None
    return (now or clock.now()) - created


def pending_alert(*, now: dt.datetime | None = None) -> str | None:
    """A warning for the home page and the command output when entries wait longer than the threshold."""
    age = oldest_pending_age(now=now)
    limit = dt.timedelta(
        seconds=getattr(settings, "SANXIANG_RECORDS_PENDING_ALERT_SECONDS", DEFAULT_ALERT_SECONDS)
    )
    if age is None or age <= limit:
        return None
    count = PendingEntry.objects.count()
    return _(
        "%(count)d record-log entries are waiting to be integrated; "
        "the oldest has waited %(minutes)d minutes. "
        "Check that `sanxiang records integrate --loop` is running."
    ) % {"count": count, "minutes": int(age.total_seconds() // 60)}
