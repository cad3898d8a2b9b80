"""The integrator: contiguous indexes, stored subtrees, the head, on-commit integration and the alert."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import Any

import pytest
from django.db import transaction

from sanxiang.core import clock
from sanxiang.core.errors import ConfigurationError
from sanxiang.records import integrator, merkle, writer
from sanxiang.records.models import Entry, Log, Node, PendingEntry

CaptureCallbacks = Callable[..., AbstractContextManager[list[Callable[[], Any]]]]


def _append(n: int, *, kind: str = "thing", subject_id: str = "1") -> None:
    writer.append(
        "test.thing",
        agency_id=None,
        actor=writer.SYSTEM,
        subject=writer.Subject(kind, subject_id),
        data={"n": n},
    )


def _leaves() -> list[bytes]:
    return [bytes(h) for h in Entry.objects.order_by("index").values_list("leaf_hash", flat=True)]


@pytest.mark.django_db
def test_batches_give_contiguous_indexes_and_the_right_root() -> None:
    """Entries integrated in several small batches get indexes 0..n-1; head and stored nodes match."""
    with transaction.atomic():
        for n in range(11):
            _append(n)
    assert integrator.integrate(batch_size=3) == 11
    log = Log.objects.get()
    tree = merkle.TreeHasher(log.hash_algorithm)
    assert list(Entry.objects.order_by("index").values_list("index", flat=True)) == list(range(11))
    assert log.size == 11
    assert bytes(log.root) == tree.root(_leaves())
    pieces = merkle.pieces_from_leaves(tree, _leaves())
    for level, index, hash_ in Node.objects.values_list("level", "index", "hash"):
        assert bytes(hash_) == pieces(level, index)
    assert Node.objects.count() == 5 + 2 + 1
    assert not PendingEntry.objects.exists()


@pytest.mark.django_db
def test_integrating_nothing_changes_nothing() -> None:
    """With nothing pending the integrator appends nothing and the head stays at the empty tree."""
    assert integrator.integrate() == 0
    log = integrator.get_log()
    assert log.size == 0
    assert bytes(log.root) == merkle.TreeHasher("sha256").empty_root()


@pytest.mark.django_db
def test_append_integrates_on_commit(django_capture_on_commit_callbacks: CaptureCallbacks) -> None:
    """In the embedded default one integration runs when the business transaction commits, however many
    entries it appended."""
    with django_capture_on_commit_callbacks(execute=True) as callbacks, transaction.atomic():
        _append(1)
        _append(2)
    assert len(callbacks) == 1
    assert Entry.objects.count() == 2
    assert not PendingEntry.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_append_integrates_after_a_real_commit() -> None:
    """Outside the test transaction, a committed append is integrated without anyone asking."""
    with transaction.atomic():
        _append(1)
    assert Entry.objects.get().index == 0


@pytest.mark.django_db(transaction=True)
def test_rolled_back_append_leaves_no_trace() -> None:
    """An append whose business transaction rolls back is neither pending nor integrated."""

    def act() -> None:
        with transaction.atomic():
            _append(1)
            raise RuntimeError

    with pytest.raises(RuntimeError):
        act()
    assert not PendingEntry.objects.exists()
    assert not Entry.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_append_outside_a_transaction_is_refused() -> None:
    """The writer refuses to run outside the business transaction."""
    with pytest.raises(RuntimeError):
        writer.append(
            "test.thing", agency_id=None, actor=writer.SYSTEM, subject=writer.Subject("x", "1"), data={"n": 1}
        )


@pytest.mark.django_db
def test_alert_when_pending_entries_grow_old(settings: Any) -> None:
    """Entries waiting longer than the threshold raise an alert; fresh ones do not."""
    settings.SANXIANG_RECORDS_PENDING_ALERT_SECONDS = 60
    start = dt.datetime(2026, 11, 26, 8, 0, tzinfo=dt.UTC)
    with clock.frozen_now(start), transaction.atomic():
        _append(1)
    assert integrator.pending_alert(now=start + dt.timedelta(seconds=30)) is None
    message = integrator.pending_alert(now=start + dt.timedelta(minutes=5))
    assert message is not None
    assert "5" in message


@pytest.mark.django_db
def test_sm3_log_hashes_with_sm3() -> None:
    """A log created with SM3 hashes its leaves with SM3."""
    try:
        log = integrator.create_log(origin="sm3.example/log", hash_algorithm="sm3")
    except ConfigurationError:
        pytest.skip("OpenSSL lacks SM3")
    assert bytes(log.root) == merkle.TreeHasher("sm3").empty_root()


@pytest.mark.django_db(transaction=True)
@pytest.mark.postgres
def test_an_empty_round_takes_no_lock_and_needs_no_durable_commit() -> None:
    """With nothing pending the integrator does not lock the head: no transaction id is assigned, so the
    round's commit writes nothing to the WAL (an idle `integrate --loop` does not compete with writers)."""
    from django.db import connection

    integrator.get_log()
    integrator.integrate()
    with transaction.atomic(), connection.cursor() as cursor:
        assert integrator.integrate_batch() == 0
        cursor.execute("SELECT txid_current_if_assigned()")
        assert cursor.fetchone() == (None,)
    with transaction.atomic(), connection.cursor() as cursor:
        _append(1)
        cursor.execute("SELECT txid_current_if_assigned()")
        assert cursor.fetchone() != (None,)  # the check above can fail: a write does assign one
        assert integrator.integrate_batch() == 1
