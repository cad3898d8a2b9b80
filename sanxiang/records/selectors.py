"""Reads of the record log that views and other apps use: a subject's timeline and single entries.

Read-only; never writes, never integrates."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from sanxiang.records.integrator import get_log, pending_alert
from sanxiang.records.models import Entry, PendingEntry


@dataclass(frozen=True)
class TimelineItem:
    """One event about a subject. ``index`` is None while the entry is still pending (not yet in the tree)."""

    index: int | None
    event_type: str
    time: dt.datetime
    entry: dict[str, Any]

    @property
    def pending(self) -> bool:
        return self.index is None

    @property
    def actor(self) -> dict[str, Any]:
        actor: dict[str, Any] = self.entry.get("actor") or {}
        return actor

    @property
    def data(self) -> dict[str, Any]:
        data: dict[str, Any] = self.entry.get("data") or {}
        return data


def timeline(subject_kind: str, subject_id: str | int) -> list[TimelineItem]:
    """Every event about the subject in log order: integrated entries by index, then pending ones."""
    key = {"subject_kind": subject_kind, "subject_id": str(subject_id)}
    integrated = [
        TimelineItem(index=index, event_type=event_type, time=time, entry=json.loads(bytes(body)))
        for index, event_type, time, body in Entry.objects.filter(**key)
        .order_by("log_id", "index")
        .values_list("index", "event_type", "recorded_at", "body")
    ]
    pending = [
        TimelineItem(index=None, event_type=event_type, time=time, entry=json.loads(bytes(body)))
        for event_type, time, body in PendingEntry.objects.filter(**key)
        .order_by("id")
        .values_list("event_type", "created_at", "body")
    ]
    return integrated + pending


def entry_at(index: int) -> Entry:
    return Entry.objects.get(log=get_log(), index=index)


def stale_pending_alert() -> str | None:
    """For the home page: a translated warning when pending entries wait longer than the threshold."""
    return pending_alert()
