"""Every write of service (送达): record an attempt (``check_record_service``), complete a service by public
notice once it is deemed served (``check_complete_deemed_service``), attach the signed 送达回证 scan
(``check_attach_signed_receipt``).

A served attempt generates the 送达回证 and, when the served document ends a step of the procedure, performs
that act of the case engine dated the service day (the decision's service stops the 7-working-day service
limit and starts the 15 days to pay, 行政处罚法 第61条, 第67条; the prior notice's service dates 第44条).
Each write appends its record in the same transaction, with the case locked first. Callers have passed
``access_case_by_id`` and ``may_handle``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db import transaction
from django.utils.translation import gettext as _

from sanxiang.accounts.models import User
from sanxiang.cases import engine
from sanxiang.cases.digests import digest
from sanxiang.cases.documents.actions import check_issue_case_document
from sanxiang.cases.engine.service_guard import SERVICE_RECORD
from sanxiang.cases.lock_objects import lock_case
from sanxiang.cases.models import Case, ServiceMethod, ServiceOutcome, ServiceRecord
from sanxiang.cases.service import events, rules
from sanxiang.core import clock
from sanxiang.core.errors import InvalidInput, RuleViolation
from sanxiang.core.validation import validated
from sanxiang.documents import kinds, storage
from sanxiang.documents.models import IssuedDocument
from sanxiang.matters import procedures
from sanxiang.matters.procedures.served import act_on_service
from sanxiang.organizations.selectors import actor_of
from sanxiang.records import writer

MAX_SCAN_BYTES = 20 * 1024 * 1024
SCAN_SIGNATURES = (b"%PDF-", b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n")


@dataclass(frozen=True)
class ServiceEntry:
    """What the officer entered about one attempt."""

    method: str
    served: bool
    served_on: dt.date | None = None
    published_on: dt.date | None = None
    recipient: str = ""
    address: str = ""
    tracking_number: str = ""
    witnesses: str = ""
    av_recorded: bool = False
    refusal_reason: str = ""
    whereabouts_unknown: bool = False
    note: str = ""


@transaction.atomic
def check_record_service(
    case: Case, *, document: IssuedDocument, actor_user: User, entry: ServiceEntry
) -> ServiceRecord:
    case = lock_case(case.pk)
    _check_document(case, document)
    served_on = _service_day(entry)
    _check_days(document, entry, served_on)
    message = rules.refusal(_attempt(case, document, entry, served_on))
    if message:
        raise RuleViolation(message)
    receipt = _receipt(case, document, entry, served_on, actor_user)
    row = ServiceRecord(
        case=case,
        document=document,
        method=entry.method,
        outcome=ServiceOutcome.SERVED if entry.served else ServiceOutcome.FAILED,
        served_on=served_on,
        published_on=entry.published_on if entry.method == ServiceMethod.PUBLIC_NOTICE else None,
        recipient=entry.recipient.strip(),
        address=entry.address.strip(),
        tracking_number=entry.tracking_number.strip(),
        witnesses=entry.witnesses.strip(),
        av_recorded=entry.av_recorded,
        refusal_reason=entry.refusal_reason.strip(),
        whereabouts_unknown=entry.whereabouts_unknown,
        note=entry.note.strip(),
        receipt=receipt,
        recorded_by=actor_user,
        recorded_at=clock.now(),
    )
    validated(row)
    row.save()
    _record(row, actor_user)
    if served_on is not None and served_on <= clock.today():
        _perform_act(case, row, actor_user)
    return row


@transaction.atomic
def check_complete_deemed_service(record: ServiceRecord, *, actor_user: User) -> ServiceRecord:
    """Perform the act a public notice completes once it is deemed served (民事诉讼法 第95条)."""
    case = lock_case(record.case_id)
    record = ServiceRecord.objects.select_for_update().get(pk=record.pk)
    if record.method != ServiceMethod.PUBLIC_NOTICE or record.act_performed or record.served_on is None:
        raise InvalidInput(_("Nothing remains to be completed for this service."))
    if record.served_on > clock.today():
        raise RuleViolation(
            _("The public notice counts as served only from %(day)s (Civil Procedure Law, Article 95).")
            % {"day": record.served_on.isoformat()}
        )
    if not _perform_act(case, record, actor_user):
        raise RuleViolation(_("The case is no longer at the step this service completes."))
    return record


@transaction.atomic
def check_attach_signed_receipt(record: ServiceRecord, *, actor_user: User, content: bytes) -> ServiceRecord:
    """Store the scan of the signed 送达回证 (PDF, JPEG or PNG), once."""
    lock_case(record.case_id)
    record = ServiceRecord.objects.select_for_update().get(pk=record.pk)
    if record.scan_key:
        raise RuleViolation(_("The signed receipt of this service is already on file."))
    if not content or len(content) > MAX_SCAN_BYTES or not content.startswith(SCAN_SIGNATURES):
        raise InvalidInput(
            _("Upload the scan as a PDF, JPEG or PNG file of at most 20 MB."),
            {"file": [_("Choose the scanned receipt.")]},
        )
    stored = storage.store(content)
    ServiceRecord.objects.filter(pk=record.pk).update(scan_key=stored.key, scan_sha256=stored.sha256)
    record.refresh_from_db()
    writer.append(
        events.SERVICE_SCAN_ATTACHED.code,
        agency_id=record.document.agency_id,
        actor=actor_of(actor_user, on=clock.today()),
        subject=writer.Subject("case", str(record.case_id)),
        data={"service": record.pk, "digest": f"sha256:{stored.sha256}"},
    )
    return record


def _check_document(case: Case, document: IssuedDocument) -> None:
    if document.subject_kind != "case" or document.subject_id != str(case.pk):
        raise InvalidInput(_("Choose a document of this case."), {"document": [_("Choose again.")]})
    if not kinds.exists(document.kind) or not kinds.get(document.kind).number_code:
        raise InvalidInput(
            _("Only notices and decisions are served."), {"document": [_("Choose a notice or decision.")]}
        )
    if IssuedDocument.objects.filter(supersedes=document).exists():
        raise RuleViolation(_("This document was corrected; serve the correction."))


def _service_day(entry: ServiceEntry) -> dt.date | None:
    if not entry.served:
        return None
    if entry.method == ServiceMethod.PUBLIC_NOTICE:
        return rules.deemed_served_on(entry.published_on) if entry.published_on else None
    if entry.served_on is None:
        raise InvalidInput(_("Give the date of service."), {"served_on": [_("Give the date of service.")]})
    return entry.served_on


def _check_days(document: IssuedDocument, entry: ServiceEntry, served_on: dt.date | None) -> None:
    today = clock.today()
    given = entry.published_on if entry.method == ServiceMethod.PUBLIC_NOTICE else served_on
    if given is not None and not document.issued_on <= given <= today:
        raise InvalidInput(
            _("Service is dated between the document's issue and today."),
            {"served_on": [_("Give another date.")]},
        )


def _attempt(
    case: Case, document: IssuedDocument, entry: ServiceEntry, served_on: dt.date | None
) -> rules.Attempt:
    party = case.parties.order_by("pk").first()
    consent = party.consent_signed_on if party and party.electronic_service_consent else None
    earlier_failure = ServiceRecord.objects.filter(document=document, outcome=ServiceOutcome.FAILED).exclude(
        method=ServiceMethod.PUBLIC_NOTICE
    )
    return rules.Attempt(
        method=entry.method,
        served=entry.served,
        served_on=served_on,
        published_on=entry.published_on,
        recipient=entry.recipient,
        tracking_number=entry.tracking_number,
        witnesses=entry.witnesses,
        av_recorded=entry.av_recorded,
        refusal_reason=entry.refusal_reason,
        whereabouts_unknown=entry.whereabouts_unknown,
        consent_signed_on=consent,
        earlier_failure=earlier_failure.exists(),
    )


def _receipt(
    case: Case, document: IssuedDocument, entry: ServiceEntry, served_on: dt.date | None, actor_user: User
) -> IssuedDocument | None:
    """The 送达回证 of a served attempt (a public notice has none: the notice itself is the proof)."""
    if served_on is None or entry.method == ServiceMethod.PUBLIC_NOTICE:
        return None
    extra = {
        "served_title": document.title,
        "served_number": document.number,
        "service_method": str(ServiceMethod(entry.method).label),
        "service_address": entry.address or None,
        "witnesses": entry.witnesses,
        "service_note": entry.refusal_reason or entry.tracking_number or entry.note,
    }
    return check_issue_case_document(
        case, kind="service_receipt", actor_user=actor_user, on=served_on, extra=extra
    )


def _record(row: ServiceRecord, actor_user: User) -> None:
    data: dict[str, object] = {"document": row.document_id, "method": row.method, "outcome": row.outcome}
    if row.served_on:
        data["served_on"] = row.served_on.isoformat()
    if row.published_on:
        data["published_on"] = row.published_on.isoformat()
    if row.receipt_id:
        data["receipt"] = row.receipt_id
    if row.recipient:
        data["recipient_digest"] = digest(row.recipient)
    details = "|".join((row.address, row.tracking_number, row.witnesses, row.refusal_reason, row.note))
    if details.strip("|"):
        data["details_digest"] = digest(details)
    writer.append(
        events.SERVICE_RECORDED.code,
        agency_id=row.document.agency_id,
        actor=actor_of(actor_user, on=clock.today()),
        subject=writer.Subject("case", str(row.case_id)),
        data=data,
    )


def _perform_act(case: Case, row: ServiceRecord, actor_user: User) -> bool:
    """Perform the act the service completes (``matters.procedures.served``), dated the service day, when
    the case is at that step; the act's guard finds this service record through the act's data."""
    act = act_on_service(case.procedure_key, row.document.kind)
    procedure = procedures.get(case.procedure_key)
    if act is None or row.served_on is None or act not in {t.act for t in procedure.acts_from(case.stage)}:
        return False
    data: dict[str, object] = {SERVICE_RECORD: row.pk, "served_on": row.served_on}
    engine.check_perform_act(case, act=act, actor_user=actor_user, on=row.served_on, data=data)
    ServiceRecord.objects.filter(pk=row.pk).update(act_performed=True)
    row.act_performed = True
    return True
