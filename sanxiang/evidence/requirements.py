"""The AV guard hook of the case workflow (R-REC-02) and AV exemptions.

``av_requirement_met`` answers, for one step of one subject, whether the AV-recording list in force lets the
step close: a step marked for full recording needs a linked audio or video file or an approved exemption. It
reads only and takes plain values, so the case engine can call it without importing evidence models.
Exemptions are requested by one person and approved by another who is a department or agency head; both are
recorded. Never changes a file or a list.
"""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils.translation import gettext as _

from sanxiang.core import clock
from sanxiang.core.errors import InvalidInput, RuleViolation
from sanxiang.core.validation import validated
from sanxiang.evidence.gaps import AV_FILES
from sanxiang.evidence.models import EvidenceFile, Exemption
from sanxiang.matters.enums import AVRequirement, ListKind
from sanxiang.matters.models import AVEntry
from sanxiang.matters.selectors import version_in_force
from sanxiang.organizations.enums import Role
from sanxiang.organizations.jurisdiction import holds_role
from sanxiang.organizations.models import Agency
from sanxiang.organizations.selectors import officer_of
from sanxiang.records import writer

APPROVER_ROLES = (Role.DEPARTMENT_HEAD, Role.AGENCY_HEAD)


def requirement_for(*, agency: Agency, matter_code: str, step: str, on: dt.date) -> AVEntry | None:
    """The row of the AV-recording list in force on ``on`` for this matter and step, if there is one."""
    version = version_in_force(ListKind.AV_RECORDING, agency, on=on)
    if version is None:
        return None
    return AVEntry.objects.filter(version=version, matter_code=matter_code, step=step).first()


def av_requirement_met(
    *, agency: Agency, matter_code: str, step: str, subject_kind: str, subject_id: str, on: dt.date
) -> tuple[bool, str]:
    """Whether the step may close as far as AV recording goes, and why (a translated sentence)."""
    entry = requirement_for(agency=agency, matter_code=matter_code, step=step, on=on)
    if entry is None or entry.requirement != AVRequirement.FULL:
        return True, _("The AV-recording list does not require full recording of this step.")
    linked = EvidenceFile.objects.filter(
        AV_FILES, agency=agency, subject_kind=subject_kind, subject_id=subject_id, step=step
    )
    if linked.exists():
        return True, _("An audio or video file is linked to this step.")
    exempted = Exemption.objects.filter(
        agency=agency,
        matter_code=matter_code,
        subject_kind=subject_kind,
        subject_id=subject_id,
        step=step,
        approved_at__isnull=False,
    )
    if exempted.exists():
        return True, _("An exemption from full recording was approved for this step.")
    return False, _(
        "The AV-recording list requires full recording of this step: link an audio or video file or have an "
        "exemption approved."
    )


@transaction.atomic
def check_request_exemption(
    *,
    actor: writer.Actor,
    user: AbstractBaseUser,
    agency: Agency,
    matter_code: str,
    subject: tuple[str, str],
    step: str,
    reason: str,
) -> Exemption:
    """Ask to close a fully-recorded step without AV, giving the reason (e.g. equipment failure)."""
    reason = reason.strip()
    if not reason:
        raise InvalidInput(
            _("Give the reason for the exemption."), {"reason": [_("This field is required.")]}
        )
    officer = officer_of(user)
    if officer is None or not officer.is_active or officer.agency_id != agency.pk:
        raise RuleViolation(_("Only an officer of the agency may request an exemption."))
    exemption = Exemption(
        agency=agency,
        matter_code=matter_code,
        subject_kind=subject[0],
        subject_id=subject[1],
        step=step,
        reason=reason,
        requested_by_id=user.pk,
    )
    validated(exemption)
    exemption.save()
    writer.append(
        "evidence.exemption_requested",
        agency_id=agency.pk,
        actor=actor,
        subject=writer.Subject("av_exemption", str(exemption.pk)),
        data={
            "exemption": exemption.pk,
            "matter": matter_code,
            "subject": {"kind": subject[0], "id": subject[1]},
            "step": step,
            "reason": reason,
        },
    )
    return exemption


@transaction.atomic
def check_approve_exemption(
    *, actor: writer.Actor, user: AbstractBaseUser, exemption: Exemption
) -> Exemption:
    """A second person, who heads a department or the agency, approves the exemption."""
    exemption = Exemption.objects.select_for_update().select_related("agency").get(pk=exemption.pk)
    if exemption.approved_at is not None:
        raise RuleViolation(_("This exemption has already been approved."))
    if exemption.requested_by_id == user.pk:
        raise RuleViolation(_("The person who requested an exemption cannot approve it."))
    if not any(holds_role(user, role, exemption.agency) for role in APPROVER_ROLES):
        raise RuleViolation(_("Only a department head or the agency head may approve an exemption."))
    exemption.approved_by_id = user.pk
    exemption.approved_at = clock.now()
    validated(exemption)
    exemption.save(update_fields=["approved_by", "approved_at"])
    writer.append(
        "evidence.exemption_approved",
        agency_id=exemption.agency_id,
        actor=actor,
        subject=writer.Subject("av_exemption", str(exemption.pk)),
        data={"exemption": exemption.pk, "requested_by": exemption.requested_by_id},
    )
    return exemption
