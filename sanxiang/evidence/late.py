"""Late uploads explained (R-REC-04: recordings are uploaded promptly; a late one is kept, flagged and must be
accounted for): the officer who uploaded a late recording says why, and a supervisor acknowledges the reason,
after which the file no longer shows as a work item. Two actions, each recorded in the log in its transaction.

Owns ``LateUploadReason`` rows. The caller has fetched the file through ``access_evidence_by_id`` (a user who
may not see it never reaches here); these checks decide who may explain and who may acknowledge.
"""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils.translation import gettext as _

from sanxiang.core import clock
from sanxiang.core.errors import InvalidInput, RuleViolation
from sanxiang.core.validation import validated
from sanxiang.evidence.lag_models import LateUploadReason
from sanxiang.evidence.models import EvidenceFile
from sanxiang.organizations.enums import Role
from sanxiang.organizations.jurisdiction import holds_role
from sanxiang.records import writer

MAX_REASON = 2000
ACKNOWLEDGER_ROLES = (Role.SUPERVISOR, Role.AGENCY_HEAD, Role.DEPARTMENT_HEAD)


def reason_of(evidence: EvidenceFile) -> LateUploadReason | None:
    return (
        LateUploadReason.objects.filter(file=evidence).select_related("given_by", "acknowledged_by").first()
    )


def is_uploader(user: AbstractBaseUser, evidence: EvidenceFile) -> bool:
    """The officer who uploaded it: the login that sent it, or the officer of a device upload."""
    if evidence.uploaded_by_id is not None:
        return bool(evidence.uploaded_by_id == user.pk)
    return evidence.officer is not None and evidence.officer.user_id == user.pk


def page_facts(user: AbstractBaseUser, evidence: EvidenceFile) -> dict[str, object]:
    """What the file page shows of a late upload: the reason, and which form (if any) this user gets."""
    row = reason_of(evidence) if evidence.uploaded_late else None
    return {
        "late_reason": row,
        "may_explain_late": evidence.uploaded_late and row is None and is_uploader(user, evidence),
        "may_acknowledge_late": row is not None
        and row.acknowledged_at is None
        and row.given_by_id != user.pk
        and may_acknowledge(user, evidence),
    }


def may_acknowledge(user: AbstractBaseUser, evidence: EvidenceFile) -> bool:
    return not is_uploader(user, evidence) and any(
        holds_role(user, role, evidence.agency) for role in ACKNOWLEDGER_ROLES
    )


@transaction.atomic
def check_give_late_reason(
    *, actor: writer.Actor, user: AbstractBaseUser, evidence: EvidenceFile, reason: str
) -> LateUploadReason:
    locked = EvidenceFile.objects.select_for_update(of=("self",))  # officer is a nullable join (PostgreSQL)
    evidence = locked.select_related("officer").get(pk=evidence.pk)
    if not evidence.uploaded_late:
        raise RuleViolation(_("This recording was not uploaded late; there is nothing to explain."))
    if not is_uploader(user, evidence):
        raise RuleViolation(_("Only the officer who uploaded the recording may say why it was late."))
    text = reason.strip()
    if not text:
        message = _("Say why the recording was uploaded late.")
        raise InvalidInput(message, {"reason": [message]})
    if len(text) > MAX_REASON:
        message = _("The reason is too long.")
        raise InvalidInput(message, {"reason": [message]})
    if LateUploadReason.objects.filter(file=evidence).exists():
        raise RuleViolation(_("A reason has already been given for this late upload."))
    row = LateUploadReason(file=evidence, reason=text, given_by_id=user.pk)
    validated(row)
    row.save()
    data: dict[str, object] = {"file": evidence.pk, "reason": text}
    if evidence.upload_lag_minutes is not None:
        data["upload_lag_minutes"] = evidence.upload_lag_minutes
    writer.append(
        "evidence.late_reason_given",
        agency_id=evidence.agency_id,
        actor=actor,
        subject=writer.Subject("evidence_file", str(evidence.pk)),
        data=data,
    )
    return row


@transaction.atomic
def check_acknowledge_late_reason(
    *, actor: writer.Actor, user: AbstractBaseUser, evidence: EvidenceFile
) -> LateUploadReason:
    evidence = EvidenceFile.objects.select_related("agency", "officer").get(pk=evidence.pk)
    row = LateUploadReason.objects.select_for_update().filter(file=evidence).first()
    if row is None:
        raise RuleViolation(_("No reason has been given for this late upload yet."))
    if row.acknowledged_at is not None:
        raise RuleViolation(_("This reason has already been acknowledged."))
    if not may_acknowledge(user, evidence) or row.given_by_id == user.pk:
        raise RuleViolation(
            _("Only a supervisor or head of the agency, not the uploader, may acknowledge the reason.")
        )
    row.acknowledged_by_id, row.acknowledged_at = user.pk, clock.now()
    row.updated_at = row.acknowledged_at
    validated(row)
    row.save(update_fields=["acknowledged_by", "acknowledged_at", "updated_at"])
    writer.append(
        "evidence.late_reason_acknowledged",
        agency_id=evidence.agency_id,
        actor=actor,
        subject=writer.Subject("evidence_file", str(evidence.pk)),
        data={"file": evidence.pk, "given_by": row.given_by_id},
    )
    return row
