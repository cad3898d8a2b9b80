"""Writes and reads of field records (询问笔录, 现场检查笔录): ``check_add_field_record`` makes one, refusing
while the case is closed, unless two certified officers without a pending recusal are on the case that day
(行政处罚法 第42条, 第55条; 第43条), when the times are wrong or a part is missing; and ``prefill``
offers what the
case already knows (enter once): the place from the party's address, the persons from the parties, the
step the
case is at, the officers assigned. One record entry per record, personal data only as digests. Callers have
passed ``access_case_by_id`` and ``may_handle``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from sanxiang.cases import events
from sanxiang.cases.digests import digest
from sanxiang.cases.engine.acts import User, context
from sanxiang.cases.engine.guards import refusals
from sanxiang.cases.lock_objects import lock_case
from sanxiang.cases.models import Case, FieldRecord, FieldRecordKind
from sanxiang.core import clock
from sanxiang.core.errors import InvalidInput, RuleViolation
from sanxiang.core.validation import validated
from sanxiang.matters import procedures
from sanxiang.organizations.selectors import actor_of
from sanxiang.records import writer

OFFICERS = ("two_certified_officers", "no_recusal_pending")


@dataclass(frozen=True)
class FieldRecordDraft:
    kind: str
    step: str
    place: str
    started_at: dt.datetime
    ended_at: dt.datetime
    persons: str
    content: str


@transaction.atomic
def check_add_field_record(case: Case, *, actor_user: User, draft: FieldRecordDraft) -> FieldRecord:
    case = lock_case(case.pk)
    user_id = actor_user.pk if actor_user.is_authenticated else None
    if user_id is None:
        raise RuleViolation(_("Only a handling officer may make a field record."))
    _check_draft(draft)
    if case.closed_on is not None:
        raise RuleViolation(_("The case is closed: no field record can be added."))
    on = draft.started_at.astimezone(clock.SHANGHAI).date()
    procedure = procedures.get(case.procedure_key)
    messages = refusals(OFFICERS, context(case, procedure, "field_record", on, {}))
    if messages:
        raise RuleViolation(" ".join(messages))
    officers = list(case.assignments.order_by("officer_id").values_list("officer_id", flat=True))
    record = FieldRecord(
        case=case,
        kind=draft.kind,
        step=draft.step,
        place=draft.place.strip(),
        started_at=draft.started_at,
        ended_at=draft.ended_at,
        persons=draft.persons.strip(),
        content=draft.content.strip(),
        officers=officers,
        recorded_by_id=user_id,
    )
    validated(record)
    record.save()
    writer.append(
        events.CASE_FIELD_RECORD_ADDED.code,
        agency_id=case.agency_id,
        actor=actor_of(actor_user, on=on),
        subject=writer.Subject("case", str(case.pk)),
        data={
            "record": record.pk,
            "kind": record.kind,
            "step": record.step,
            "started_at": record.started_at.isoformat(),
            "ended_at": record.ended_at.isoformat(),
            "officers": officers,
            "place_digest": digest(record.place),
            "persons_digest": digest(record.persons),
            "content_digest": digest(record.content),
        },
    )
    return record


def _check_draft(draft: FieldRecordDraft) -> None:
    errors: dict[str, list[str]] = {}
    if draft.kind not in FieldRecordKind.values:
        errors["kind"] = [_("Choose the kind of record.")]
    for name in ("place", "persons", "content"):
        if not str(getattr(draft, name)).strip():
            errors[name] = [_("This field is required.")]
    if draft.ended_at < draft.started_at:
        errors["ended_at"] = [_("The record cannot end before it starts.")]
    if draft.started_at > clock.now():
        errors["started_at"] = [_("A record cannot start in the future.")]
    if errors:
        raise InvalidInput(_("Please correct the errors below."), errors)


def prefill(case: Case, kind: str) -> dict[str, Any]:
    """The form's first values from the case: the party's address, the parties and their representatives,
    the step the case is at, and now."""
    parties = list(case.parties.order_by("name"))
    first = parties[0] if parties else None
    place = (first.address or first.service_address) if first else ""
    persons = "；".join(
        f"{party.name}（{party.representative_name}）" if party.representative_name else party.name
        for party in parties
    )
    acts = procedures.get(case.procedure_key).acts_from(case.stage)
    now = clock.now().replace(second=0, microsecond=0)
    return {
        "kind": kind,
        "step": acts[0].act if acts else "",
        "place": place,
        "persons": persons,
        "started_at": now,
        "ended_at": now,
    }


def records_of(case: Case) -> list[FieldRecord]:
    return list(case.field_records.order_by("started_at", "pk"))
