"""Drafting, approving and publishing list versions, and confirming placeholder values. A new draft
starts as a copy of the list's latest published version. Every step is recorded; status changes go
through ``matters.workflow``. Callers have already checked that the user administers the list's
agency.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import IntegrityError, models, transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from sanxiang.core import clock
from sanxiang.core.errors import InvalidInput, RuleViolation
from sanxiang.matters import events, selectors, workflow
from sanxiang.matters.actions.common import lock_version, record
from sanxiang.matters.enums import ListKind, VersionStatus
from sanxiang.matters.models import (
    Article,
    FeeExemption,
    FeeStandard,
    Law,
    ListVersion,
    Matter,
    ReliefChannel,
)
from sanxiang.matters.models.versions import Confirmable
from sanxiang.matters.tables import ENTRY_MODELS, table_name
from sanxiang.organizations.models import Agency
from sanxiang.records import writer


def _latest_published(kind: ListKind, agency: Agency) -> ListVersion | None:
    published = ListVersion.objects.filter(kind=kind, agency=agency, status=VersionStatus.PUBLISHED)
    return published.order_by("-effective_from").first()


def _clone(row: Any, **changes: Any) -> Any:
    """Insert a copy of ``row`` with ``changes``, carrying its many-to-many citations."""
    related = {field.name: list(getattr(row, field.name).all()) for field in row._meta.many_to_many}
    row.pk = None
    row._state.adding = True
    for name, value in changes.items():
        setattr(row, name, value)
    row.save()
    for name, values in related.items():
        getattr(row, name).set(values)
    return row


def _copy_entries(source: ListVersion, target: ListVersion) -> int:
    model = ENTRY_MODELS[ListKind(source.kind)]
    rows = list(model._default_manager.filter(version=source).order_by("pk"))
    for row in rows:
        old_pk = row.pk
        copy = _clone(row, version=target)
        if isinstance(copy, Matter):
            for channel in ReliefChannel.objects.filter(matter_id=old_pk):
                _clone(channel, matter=copy)
        if isinstance(copy, FeeStandard):
            for exemption in FeeExemption.objects.filter(standard_id=old_pk):
                _clone(exemption, standard=copy)
    return len(rows)


@transaction.atomic
def check_draft_version(
    *, actor: writer.Actor, kind: ListKind, agency: Agency, effective_from: dt.date, note: str = ""
) -> ListVersion:
    """Open a new draft of an agency's list, copied from its latest published version. Only one version of a
    list may be open (drafted or approved) at a time; the database enforces it."""
    base = _latest_published(kind, agency)
    highest = ListVersion.objects.filter(kind=kind, agency=agency).aggregate(Max("number"))["number__max"]
    version = ListVersion(
        kind=kind,
        agency=agency,
        number=(highest or 0) + 1,
        effective_from=effective_from,
        note=note,
        copied_from=base,
        drafted_by_id=actor.user_id,
    )
    try:
        with transaction.atomic():
            version.save()
    except IntegrityError:  # matters_version_one_open_per_list (or a concurrent draft took the number)
        raise RuleViolation(
            _("%(agency)s already has an open draft of the %(list)s; finish or publish it first.")
            % {"agency": agency.name, "list": kind.label}
        ) from None
    copied = _copy_entries(base, version) if base else 0
    data: dict[str, Any] = {
        "kind": str(kind),
        "number": version.number,
        "effective_from": effective_from.isoformat(),
        "entries": copied,
    }
    if base is not None:
        data["copied_from"] = base.pk
    record(
        events.VERSION_DRAFTED.code,
        actor=actor,
        agency_id=agency.pk,
        kind="list_version",
        pk=version.pk,
        data=data,
    )
    return version


def _require_entries(version: ListVersion) -> None:
    if not ENTRY_MODELS[ListKind(version.kind)]._default_manager.filter(version=version).exists():
        raise RuleViolation(
            _("%(version)s has no entries; an empty list cannot be approved.") % {"version": version}
        )


def _require_current_citations(version: ListVersion) -> None:
    """A version may only cite article texts in force on the day it takes effect."""
    outdated = selectors.citations_out_of_force(version)
    if outdated:
        raise RuleViolation(
            _("%(version)s cites texts not in force on %(day)s: %(articles)s. Cite the current texts first.")
            % {
                "version": version,
                "day": version.effective_from.isoformat(),
                "articles": "、".join(article.citation for article in outdated),
            }
        )


@transaction.atomic
def check_approve_version(
    *,
    actor: writer.Actor,
    version: ListVersion,
    approving_body: str,
    approved_on: dt.date,
    reference: str = "",
) -> ListVersion:
    """Record the approval of a draft: who recorded it and which body approved it (e.g. the government's
    legal-affairs office, 报本级政府法制部门审核), on which day, under which reference."""
    version = lock_version(version)
    workflow.require_transition(version.status, VersionStatus.APPROVED)
    if not approving_body.strip():
        raise InvalidInput(_("Name the body that approved the list."), {"approving_body": [_("Required.")]})
    if approved_on > clock.today():
        raise InvalidInput(
            _("The approval date cannot be in the future."), {"approved_on": [_("In the future.")]}
        )
    _require_entries(version)
    _require_current_citations(version)
    version.status = VersionStatus.APPROVED
    version.approving_body = approving_body.strip()
    version.approval_reference = reference.strip()
    version.approved_on = approved_on
    version.approved_by_id = actor.user_id
    version.save()
    data = {
        "kind": version.kind,
        "number": version.number,
        "approving_body": version.approving_body,
        "reference": version.approval_reference,
        "approved_on": approved_on.isoformat(),
    }
    record(
        events.VERSION_APPROVED.code,
        actor=actor,
        agency_id=version.agency_id,
        kind="list_version",
        pk=version.pk,
        data=data,
    )
    return version


def _require_publishable_date(version: ListVersion, effective_from: dt.date) -> None:
    if effective_from < clock.today():
        raise RuleViolation(
            _("A list cannot take effect before it is published (%(day)s is in the past).")
            % {"day": effective_from.isoformat()}
        )
    latest = _latest_published(ListKind(version.kind), version.agency)
    if latest is not None and effective_from <= latest.effective_from:
        raise RuleViolation(
            _("%(latest)s takes effect on %(day)s; a new version must take effect after it.")
            % {"latest": latest, "day": latest.effective_from.isoformat()}
        )


@transaction.atomic
def check_publish_version(
    *, actor: writer.Actor, version: ListVersion, effective_from: dt.date | None = None
) -> ListVersion:
    """Publish an approved version; it is in force from ``effective_from`` (default: the drafted date), never
    retroactively and never before a version already published."""
    version = lock_version(version)
    workflow.require_transition(version.status, VersionStatus.PUBLISHED)
    day = effective_from or version.effective_from
    _require_publishable_date(version, day)
    version.effective_from = day
    _require_current_citations(version)  # an article may have been amended since the approval
    version.status = VersionStatus.PUBLISHED
    version.effective_from = day
    version.published_at = clock.now()
    version.save()
    data = {"kind": version.kind, "number": version.number, "effective_from": day.isoformat()}
    record(
        events.VERSION_PUBLISHED.code,
        actor=actor,
        agency_id=version.agency_id,
        kind="list_version",
        pk=version.pk,
        data=data,
    )
    return version


ConfirmableRow = Confirmable | Law | Article


@transaction.atomic
def check_confirm_value(*, actor: writer.Actor, row: ConfirmableRow, note: str) -> None:
    """Clear the "to be confirmed" mark after checking the value against the official text named
    in ``note``."""
    if not note.strip():
        raise InvalidInput(
            _("Say which official text the value was checked against."), {"note": [_("Required.")]}
        )
    model: type[models.Model] = type(row)
    locked: Any = model._default_manager.select_for_update().get(pk=row.pk)
    if not locked.unconfirmed:
        raise RuleViolation(_("This value is already confirmed."))
    locked.unconfirmed = False
    locked.save(update_fields=["unconfirmed", "updated_at"])
    version = getattr(locked, "version", None)
    data = {"table": table_name(model), "id": locked.pk, "note": note.strip()}
    record(
        events.VALUE_CONFIRMED.code,
        actor=actor,
        agency_id=version.agency_id if version else None,
        kind=table_name(model),
        pk=locked.pk,
        data=data,
    )
