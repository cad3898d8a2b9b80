"""Retention of AV files (R-REC-05): the class of each file from the AV list, and the two-person deletion of
expired routine recordings.

Evidence files are never deleted: a file is deletable only when it was classified routine, is linked to no
register item, its retention has run out, and a second person (a department or agency head) approves. Only
then are the original's bytes (and its derived access copy) removed from the filesystem backend, after the
approval commits; the register row stays and the ``evidence.deleted`` record keeps the digest. A file never
classified counts as evidence. A refusal writes nothing.
"""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from sanxiang.core import clock
from sanxiang.core.errors import InvalidInput, RuleViolation
from sanxiang.core.validation import validated
from sanxiang.evidence import conf
from sanxiang.evidence.models import AccessCopy, Deletion, EvidenceFile, EvidenceItem, Retention
from sanxiang.evidence.requirements import APPROVER_ROLES, requirement_for
from sanxiang.evidence.storage import get_storage
from sanxiang.evidence.storage.filesystem import FilesystemStorage
from sanxiang.matters.enums import RetentionClass
from sanxiang.organizations.jurisdiction import holds_role
from sanxiang.organizations.selectors import officer_of
from sanxiang.records import writer


def _recorded_on(evidence: EvidenceFile) -> dt.date:
    moment = evidence.capture_end or evidence.capture_start or evidence.created_at
    return timezone.localtime(moment, clock.SHANGHAI).date()


def class_for(evidence: EvidenceFile, *, matter_code: str) -> RetentionClass:
    """Evidence when the file is in the register or the AV list says so (or says nothing); else routine."""
    if EvidenceItem.objects.filter(file=evidence).exists():
        return RetentionClass.EVIDENCE
    entry = requirement_for(
        agency=evidence.agency, matter_code=matter_code, step=evidence.step, on=_recorded_on(evidence)
    )
    if entry is None or entry.retention != RetentionClass.ROUTINE:
        return RetentionClass.EVIDENCE
    return RetentionClass.ROUTINE


@transaction.atomic
def check_classify_retention(*, actor: writer.Actor, evidence: EvidenceFile, matter_code: str) -> Retention:
    """Set the file's retention class from the AV list in force. A file once evidence stays evidence."""
    evidence = EvidenceFile.objects.select_for_update().get(pk=evidence.pk)
    held = Retention.objects.filter(file=evidence).first()
    if held is not None and held.retention_class == RetentionClass.EVIDENCE:
        return held
    retention_class = class_for(evidence, matter_code=matter_code)
    keep_until = None
    if retention_class == RetentionClass.ROUTINE:
        keep_until = _recorded_on(evidence) + conf.routine_retention()
    retention = held or Retention(file=evidence)
    retention.retention_class, retention.matter_code, retention.keep_until = (
        retention_class,
        matter_code,
        keep_until,
    )
    validated(retention)
    retention.save()
    writer.append(
        "evidence.retention_classified",
        agency_id=evidence.agency_id,
        actor=actor,
        subject=writer.Subject("evidence_file", str(evidence.pk)),
        data={
            "file": evidence.pk,
            "matter": matter_code,
            "class": str(retention_class),
            "keep_until": keep_until.isoformat() if keep_until else None,
        },
    )
    return retention


def _require_deletable(evidence: EvidenceFile, *, on: dt.date) -> None:
    retention = Retention.objects.filter(file=evidence).first()
    if retention is None or retention.retention_class != RetentionClass.ROUTINE:
        raise RuleViolation(_("Evidence files are never deleted."))
    if EvidenceItem.objects.filter(file=evidence).exists():
        raise RuleViolation(_("Evidence files are never deleted."))
    if retention.keep_until is None or retention.keep_until > on:
        raise RuleViolation(_("This recording must be kept until its retention period ends."))
    if not isinstance(get_storage(), FilesystemStorage):
        raise RuleViolation(_("The storage holds this recording under retention; it cannot be removed here."))


@transaction.atomic
def check_request_deletion(
    *, actor: writer.Actor, user: AbstractBaseUser, evidence: EvidenceFile, reason: str
) -> Deletion:
    """Ask to delete an expired routine recording. Refuses evidence, unexpired files and a second request."""
    reason = reason.strip()
    if not reason:
        raise InvalidInput(_("Give the reason for the deletion."), {"reason": [_("This field is required.")]})
    evidence = EvidenceFile.objects.select_for_update().get(pk=evidence.pk)
    officer = officer_of(user)
    if officer is None or not officer.is_active or officer.agency_id != evidence.agency_id:
        raise RuleViolation(_("Only an officer of the file's agency may request its deletion."))
    _require_deletable(evidence, on=clock.today())
    if Deletion.objects.filter(file=evidence).exists():
        raise RuleViolation(_("The deletion of this recording has already been requested."))
    deletion = Deletion(file=evidence, reason=reason, requested_by_id=user.pk)
    validated(deletion)
    deletion.save()
    writer.append(
        "evidence.deletion_requested",
        agency_id=evidence.agency_id,
        actor=actor,
        subject=writer.Subject("evidence_file", str(evidence.pk)),
        data={"file": evidence.pk, "digest": f"sha256:{evidence.sha256}", "reason": reason},
    )
    return deletion


@transaction.atomic
def check_approve_deletion(*, actor: writer.Actor, user: AbstractBaseUser, deletion: Deletion) -> Deletion:
    """A second person who heads a department or the agency approves; the bytes go once this commits."""
    deletion = Deletion.objects.select_for_update().get(pk=deletion.pk)
    evidence = EvidenceFile.objects.select_for_update().select_related("agency").get(pk=deletion.file_id)
    if deletion.approved_at is not None:
        raise RuleViolation(_("This deletion has already been approved."))
    if deletion.requested_by_id == user.pk:
        raise RuleViolation(_("The person who requested a deletion cannot approve it."))
    if not any(holds_role(user, role, evidence.agency) for role in APPROVER_ROLES):
        raise RuleViolation(_("Only a department head or the agency head may approve a deletion."))
    _require_deletable(evidence, on=clock.today())
    deletion.approved_by_id, deletion.approved_at = user.pk, clock.now()
    validated(deletion)
    deletion.save(update_fields=["approved_by", "approved_at"])
    writer.append(
        "evidence.deleted",
        agency_id=evidence.agency_id,
        actor=actor,
        subject=writer.Subject("evidence_file", str(evidence.pk)),
        data={
            "file": evidence.pk,
            "digest": f"sha256:{evidence.sha256}",
            "size": evidence.size,
            "storage_key": evidence.storage_key,
            "requested_by": deletion.requested_by_id,
        },
    )
    evidence_id = evidence.pk
    transaction.on_commit(lambda: remove_bytes(evidence_id), robust=True)
    return deletion


def remove_bytes(evidence_id: int) -> None:
    """Unlink an approved deletion's original and access copy, unless another live file shares the bytes."""
    storage = get_storage()
    if not isinstance(storage, FilesystemStorage):
        return
    evidence = EvidenceFile.objects.get(pk=evidence_id, deletion__approved_at__isnull=False)
    live = EvidenceFile.objects.exclude(deletion__approved_at__isnull=False)
    if live.filter(storage_key=evidence.storage_key).exists():
        return  # the same bytes were uploaded again as another file, which keeps them
    keys = [evidence.storage_key]
    copy = AccessCopy.objects.filter(original=evidence).first()
    if copy is not None:
        keys += [key for key in (copy.video_key, copy.poster_key) if key]
    for key in keys:
        storage.path(key).unlink(missing_ok=True)
