"""Reads of the record log that views and other apps use: a subject's timeline, an agency's entries (with
filters) and single entries.

Read-only; never writes, never integrates."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

from django.db.models import QuerySet

from sanxiang.records.integrator import get_log, pending_alert
from sanxiang.records.models import Entry, PendingEntry

BEIJING = ZoneInfo("Asia/Shanghai")


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


@dataclass(frozen=True)
class LogFilter:
    """Filters of an agency's log page; empty values filter nothing. Dates are Beijing calendar days."""

    event_type: str = ""
    subject_kind: str = ""
    since: dt.date | None = None
    until: dt.date | None = None
    actor_officer_id: int | None = None


def _day_start(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time.min, tzinfo=BEIJING)


def agency_entries(agency_id: int, log_filter: LogFilter) -> QuerySet[Entry]:
    """The agency's integrated entries, newest first, narrowed by ``log_filter``. The caller has checked
    that the user may see the agency (``jurisdiction.access_agency_by_id``)."""
    entries = Entry.objects.filter(agency_id=agency_id)
    if log_filter.event_type:
        entries = entries.filter(event_type=log_filter.event_type)
    if log_filter.subject_kind:
        entries = entries.filter(subject_kind=log_filter.subject_kind)
    if log_filter.since:
        entries = entries.filter(recorded_at__gte=_day_start(log_filter.since))
    if log_filter.until:
        entries = entries.filter(recorded_at__lt=_day_start(log_filter.until + dt.timedelta(days=1)))
    if log_filter.actor_officer_id:
        entries = entries.filter(actor_officer_id=log_filter.actor_officer_id)
    return entries.order_by("-index").only(
        "index", "event_type", "subject_kind", "subject_id", "recorded_at", "actor_officer_id", "body"
    )
