"""Verification asked for from the web: one run at a time per log, its progress in the cache (shared by the
web and worker processes in production), its outcome recorded in the log itself (``records.verified``), so
the log shows when it was checked, by whom, at which size and with what result.

The command ``sanxiang records verify`` stays read-only (it can run on a replica); a run from here writes its
one entry after the verification, in a transaction of its own.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.core.cache import cache
from django.db import transaction
from django.utils.translation import gettext as _

from sanxiang.core import clock
from sanxiang.core.errors import RuleViolation
from sanxiang.records import integrator, verify, writer
from sanxiang.records.models import Log

RECORDED_PROBLEMS = 20  # messages kept in the entry; the count is always complete
RUNNING_FOR = 6 * 3600  # seconds a run's marker may live: a crashed worker does not block runs for ever


@dataclass(frozen=True)
class Progress:
    """A running verification: entries hashed so far of ``total``, when and by whom it was started."""

    done: int
    total: int
    started_at: dt.datetime
    user_id: int | None

    @property
    def percent(self) -> int:
        return 100 if not self.total else min(100, self.done * 100 // self.total)


def _key(log: Log) -> str:
    return f"records:verification:{log.pk}"


def progress(log: Log | None = None) -> Progress | None:
    """The run in progress on ``log`` (default: this deployment's), or None."""
    value: dict[str, Any] | None = cache.get(_key(log or integrator.get_log()))
    if value is None:
        return None
    started_at = dt.datetime.fromisoformat(value["started_at"])
    return Progress(value["done"], value["total"], started_at, value["user"])


def _marker(log: Log, actor: writer.Actor) -> dict[str, Any]:
    return {"done": 0, "total": int(log.size), "started_at": clock.now().isoformat(), "user": actor.user_id}


def check_start(*, actor: writer.Actor) -> Log:
    """Mark a run as started, refusing a second one while the first runs. Returns the log to verify."""
    log = integrator.get_log()
    if not cache.add(_key(log), _marker(log, actor), timeout=RUNNING_FOR):
        raise RuleViolation(_("A verification of the record log is already running."))
    return log


def do_run(*, actor: writer.Actor, agency_id: int | None) -> verify.Report:
    """Verify the whole log (the run must have been started by ``check_start``), record the outcome in the
    log, clear the marker. One process: this runs in a request or a task worker, which must not fork."""
    log = integrator.get_log()
    key = _key(log)
    marker: dict[str, Any] = cache.get(key) or _marker(log, actor)

    def advance(done: int) -> None:
        cache.set(key, {**marker, "done": done}, timeout=RUNNING_FOR)

    try:
        report = verify.verify_log(log, jobs=1, progress=advance)
        with transaction.atomic():
            writer.append(
                "records.verified",
                agency_id=agency_id,
                actor=actor,
                subject=writer.Subject("log", str(log.pk)),
                data={
                    "size": report.size,
                    "checkpoints": report.checkpoints,
                    "ok": report.ok,
                    "first_bad_index": report.first_bad_index,
                    "problem_count": len(report.problems),
                    "problems": report.problems[:RECORDED_PROBLEMS],
                    "root": bytes(log.root).hex(),
                },
            )
    finally:
        cache.delete(key)
    return report


def abandon(log: Log) -> None:
    """Clear a run's marker when its task could not be queued."""
    cache.delete(_key(log))
