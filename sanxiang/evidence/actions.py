"""Every write to the evidence register and the equipment register, each in one transaction with its record.

Owns: registering devices and their status and maintenance, adding a stored file, registering and reviewing
items, recording reads. Never writes file bytes (uploads.py and the storage backends do) and never updates or
deletes an EvidenceFile.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from dataclasses import dataclass

from django.db import transaction
from django.utils.translation import gettext as _

from sanxiang.core import clock
from sanxiang.core.errors import InvalidInput, RuleViolation
from sanxiang.core.validation import validated
from sanxiang.evidence import lag
from sanxiang.evidence.enums import DeviceCheck, DeviceStatus, EvidenceKind
from sanxiang.evidence.models import Device, EvidenceFile, EvidenceItem, MaintenanceEntry, Upload
from sanxiang.organizations.models import Agency, Officer
from sanxiang.records import writer

TOKEN_PREFIX = "sxd_"  # noqa: S105 - a prefix, not a secret


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@transaction.atomic
def check_register_device(
    *, actor: writer.Actor, agency: Agency, number: str, model: str, officer: Officer | None = None
) -> tuple[Device, str]:
    """Enter a device in the register. Returns it with its upload token, which is shown once only."""
    if officer is not None and officer.agency_id != agency.pk:
        raise InvalidInput(_("The assigned officer must belong to the device's agency."))
    if Device.objects.filter(number=number).exists():
        raise InvalidInput(_("A device with this number is already registered."))
    # The prefix names the secret for scanners and keeps it from starting with "-", which a command line
    # would read as an option (``sanxiang upload --token …``).
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    device = Device(agency=agency, number=number, model=model, assigned_officer=officer)
    device.token_sha256 = token_digest(token)
    validated(device)
    device.save()
    data = {"device": device.pk, "number": number, "model": model, "officer": officer.pk if officer else None}
    writer.append(
        "evidence.device_registered",
        agency_id=agency.pk,
        actor=actor,
        subject=writer.Subject("device", str(device.pk)),
        data=data,
    )
    return device, token


@transaction.atomic
def do_set_device_status(*, actor: writer.Actor, device: Device, status: DeviceStatus, note: str) -> Device:
    device = Device.objects.select_for_update().get(pk=device.pk)
    device.status = status
    device.updated_at = clock.now()
    device.save(update_fields=["status", "updated_at"])
    writer.append(
        "evidence.device_status_changed",
        agency_id=device.agency_id,
        actor=actor,
        subject=writer.Subject("device", str(device.pk)),
        data={"device": device.pk, "number": device.number, "status": str(status), "note": note},
    )
    return device


@transaction.atomic
def do_log_maintenance(
    *, actor: writer.Actor, device: Device, date: dt.date, note: str, user_id: int | None
) -> MaintenanceEntry:
    entry = MaintenanceEntry(device=device, date=date, note=note, recorded_by_id=user_id)
    validated(entry)
    entry.save()
    writer.append(
        "evidence.device_maintained",
        agency_id=device.agency_id,
        actor=actor,
        subject=writer.Subject("device", str(device.pk)),
        data={"device": device.pk, "number": device.number, "date": date.isoformat(), "note": note},
    )
    return entry


def check_device(number: str, *, agency: Agency) -> tuple[Device | None, DeviceCheck]:
    """How a declared device number matches the register of ``agency`` (a device elsewhere is unknown)."""
    if not number:
        return None, DeviceCheck.NONE
    device = Device.objects.filter(number=number, agency=agency).first()
    if device is None:
        return None, DeviceCheck.UNKNOWN
    if device.status == DeviceStatus.RETIRED:
        return device, DeviceCheck.RETIRED
    if device.status == DeviceStatus.MAINTENANCE:
        return device, DeviceCheck.MAINTENANCE
    return device, DeviceCheck.REGISTERED


@dataclass(frozen=True)
class Arrival:
    """What is known about a finished upload when it is added to the register."""

    agency: Agency
    sha256: str
    size: int
    storage_key: str
    media_type: str
    metadata: dict[str, str]
    subject: tuple[str, str]
    step: str
    device: Device | None
    device_check: DeviceCheck
    officer: Officer | None
    certificate_number: str
    capture_start: dt.datetime | None
    capture_end: dt.datetime | None
    uploaded_by_id: int | None
    sm3: str = ""


def do_add_evidence_file(*, actor: writer.Actor, arrival: Arrival) -> EvidenceFile:
    """Register a stored original and write its ``evidence.added`` record, in the caller's transaction."""
    evidence = EvidenceFile(
        agency=arrival.agency,
        sha256=arrival.sha256,
        sm3=arrival.sm3,
        size=arrival.size,
        storage_key=arrival.storage_key,
        media_type=arrival.media_type,
        filename=arrival.metadata.get("filename", "")[:255],
        device=arrival.device,
        device_number=arrival.metadata.get("device", arrival.device.number if arrival.device else ""),
        device_check=arrival.device_check,
        officer=arrival.officer,
        certificate_number=arrival.certificate_number,
        capture_start=arrival.capture_start,
        capture_end=arrival.capture_end,
        location=arrival.metadata.get("location", "")[:255],
        subject_kind=arrival.subject[0],
        subject_id=arrival.subject[1],
        step=arrival.step,
        uploaded_by_id=arrival.uploaded_by_id,
    )
    # R-REC-04: a recording uploaded later than the agency's limit is kept, flagged and recorded.
    evidence.upload_lag_minutes, evidence.uploaded_late = lag.measure(
        arrival.agency, arrival.capture_end, now=clock.now()
    )
    validated(evidence)
    evidence.save()
    writer.append(
        "evidence.added",
        agency_id=arrival.agency.pk,
        actor=actor,
        subject=writer.Subject("evidence_file", str(evidence.pk)),
        data=_added_data(evidence),
    )
    return evidence


def _added_data(evidence: EvidenceFile) -> dict[str, object]:
    return {
        "file": evidence.pk,
        "digest": f"sha256:{evidence.sha256}",
        "digest_sm3": f"sm3:{evidence.sm3}" if evidence.sm3 else None,
        "upload_lag_minutes": evidence.upload_lag_minutes,
        "uploaded_late": evidence.uploaded_late,
        "size": evidence.size,
        "storage_key": evidence.storage_key,
        "media_type": evidence.media_type,
        "filename": evidence.filename or None,
        "device": evidence.device_number or None,
        "device_check": evidence.device_check,
        "certificate": evidence.certificate_number or None,
        "capture_start": evidence.capture_start.isoformat() if evidence.capture_start else None,
        "capture_end": evidence.capture_end.isoformat() if evidence.capture_end else None,
        "location": evidence.location or None,
        "subject": {"kind": evidence.subject_kind, "id": evidence.subject_id},
        "step": evidence.step,
    }


@transaction.atomic
def do_record_read(
    *,
    actor: writer.Actor,
    evidence: EvidenceFile,
    mode: str,
    byte_range: str | None,
    copy_sha256: str | None = None,
) -> None:
    """Who read what, when: one ``evidence.read`` per view or download of the original, its access copy or its
    poster, ranged requests included (``copy`` names the derived file's digest)."""
    writer.append(
        "evidence.read",
        agency_id=evidence.agency_id,
        actor=actor,
        subject=writer.Subject("evidence_file", str(evidence.pk)),
        data={
            "file": evidence.pk,
            "digest": f"sha256:{evidence.sha256}",
            "mode": mode,
            "range": byte_range,
            "copy": f"sha256:{copy_sha256}" if copy_sha256 else None,
        },
    )


@transaction.atomic
def do_record_refusal(
    *, actor: writer.Actor, upload: Upload, reason: str, received: int, sha256: str | None, device: str
) -> None:
    """An upload refused for its content type or a whole-file digest that did not match; nothing was kept."""
    declared = upload.metadata.get("sha256") or None
    writer.append(
        "evidence.upload_refused",
        agency_id=upload.agency_id,
        actor=actor,
        subject=writer.Subject("upload", str(upload.id)),
        data={
            "reason": reason,
            "length": upload.length,
            "received": received,
            "digest": f"sha256:{sha256}" if sha256 else None,
            "declared": f"sha256:{declared}" if declared else None,
            "device": device or None,
            "filename": upload.metadata.get("filename") or None,
        },
    )


@transaction.atomic
def check_register_item(
    *,
    actor: writer.Actor,
    agency: Agency,
    kind: EvidenceKind,
    title: str,
    subject: tuple[str, str],
    step: str,
    file: EvidenceFile | None = None,
    from_device: bool = False,
) -> EvidenceItem:
    """Enter an item in the evidence register. Camera or sensor items start as needing review (第41条)."""
    if file is not None and file.agency_id != agency.pk:
        raise InvalidInput(_("The file belongs to another agency."))
    item = EvidenceItem(
        agency=agency,
        kind=kind,
        title=title,
        file=file,
        subject_kind=subject[0],
        subject_id=subject[1],
        step=step,
        from_device=from_device,
        needs_review=from_device,
    )
    validated(item)
    item.save()
    data = {
        "item": item.pk,
        "kind": str(kind),
        "file": file.pk if file else None,
        "subject": {"kind": subject[0], "id": subject[1]},
        "step": step,
        "needs_review": item.needs_review,
    }
    writer.append(
        "evidence.item_registered",
        agency_id=agency.pk,
        actor=actor,
        subject=writer.Subject("evidence_item", str(item.pk)),
        data=data,
    )
    return item


@transaction.atomic
def check_review_item(
    *, actor: writer.Actor, item: EvidenceItem, reviewer: Officer, note: str
) -> EvidenceItem:
    """Mark a camera or sensor item reviewed: 行政处罚法 第41条 lets such a record be used only once
    it has been checked to be genuine, clear, complete and accurate."""
    item = EvidenceItem.objects.select_for_update().get(pk=item.pk)
    if not item.needs_review:
        raise RuleViolation(_("This item does not await review."))
    if reviewer.agency_id != item.agency_id:
        raise RuleViolation(_("Only an officer of the item's agency may review it."))
    item.needs_review = False
    item.reviewed_by = reviewer
    item.reviewed_at = clock.now()
    item.review_note = note
    validated(item)
    item.save(update_fields=["needs_review", "reviewed_by", "reviewed_at", "review_note"])
    writer.append(
        "evidence.item_reviewed",
        agency_id=item.agency_id,
        actor=actor,
        subject=writer.Subject("evidence_item", str(item.pk)),
        data={"item": item.pk, "note": note},
    )
    return item
