"""Every write to agencies, departments, officers, certificates, training and role grants.

Each ``do_*`` runs in one transaction and writes its record-log entry in it; ``check_*`` validates first and
raises InvalidInput or RuleViolation, writing nothing. Callers have already passed a permission chokepoint.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import IntegrityError, models, transaction
from django.utils.translation import gettext as _

from sanxiang.core import clock
from sanxiang.core.errors import InvalidInput, RuleViolation
from sanxiang.core.validation import validated
from sanxiang.organizations import events
from sanxiang.organizations.enums import AgencyLevel, CertificateStatus, DepartmentKind, Role
from sanxiang.organizations.models import (
    Agency,
    Certificate,
    Department,
    EntrustedOrganization,
    Officer,
    RoleGrant,
    TrainingRecord,
)
from sanxiang.records import writer

_PARENT_LEVEL = {AgencyLevel.CITY: AgencyLevel.PROVINCE, AgencyLevel.COUNTY: AgencyLevel.CITY}


def _record(
    event: str, *, actor: writer.Actor, agency_id: int | None, kind: str, pk: int, data: dict[str, Any]
) -> None:
    writer.append(event, agency_id=agency_id, actor=actor, subject=writer.Subject(kind, str(pk)), data=data)


@transaction.atomic
def check_create_agency(
    *,
    actor: writer.Actor,
    code: str,
    name: str,
    short_name: str,
    level: AgencyLevel,
    parent: Agency | None,
    document_prefix: str,
    region: str,
    **facts: str,
) -> Agency:
    """Register an agency below its parent: a city under the province, a county under a city."""
    expected_parent = _PARENT_LEVEL.get(level)
    if expected_parent is None and parent is not None:
        raise InvalidInput(_("A provincial agency has no parent agency."))
    if expected_parent is not None and (parent is None or parent.level != expected_parent):
        raise InvalidInput(
            _("The parent of a %(level)s agency must be a %(parent)s agency.")
            % {
                "level": level.label,
                "parent": expected_parent.label,
            }
        )
    agency = Agency(
        code=code,
        name=name,
        short_name=short_name,
        level=level,
        parent=parent,
        document_prefix=document_prefix,
        region=region,
        path="/pending/",
        **facts,
    )
    validated(agency)
    agency.save()
    agency.path = f"{parent.path if parent else '/'}{agency.pk}/"
    agency.save(update_fields=["path"])
    data: dict[str, Any] = {"code": code, "name": name, "level": str(level)}
    if parent is not None:
        data["parent"] = parent.pk
    _record(
        events.AGENCY_CREATED.code, actor=actor, agency_id=agency.pk, kind="agency", pk=agency.pk, data=data
    )
    return agency


@transaction.atomic
def check_create_department(
    *, actor: writer.Actor, agency: Agency, name: str, kind: DepartmentKind
) -> Department:
    department = Department(agency=agency, name=name, kind=kind)
    validated(department)
    department.save()
    _record(
        events.DEPARTMENT_CREATED.code,
        actor=actor,
        agency_id=agency.pk,
        kind="department",
        pk=department.pk,
        data={"name": name, "kind": str(kind)},
    )
    return department


@transaction.atomic
def check_entrust_organization(
    *,
    actor: writer.Actor,
    principal: Agency,
    name: str,
    scope: str,
    valid_from: dt.date,
    valid_to: dt.date | None = None,
    uscc: str = "",
    basis: str = "",
) -> EntrustedOrganization:
    organization = EntrustedOrganization(
        principal=principal,
        name=name,
        scope=scope,
        valid_from=valid_from,
        valid_to=valid_to,
        uscc=uscc,
        basis=basis,
    )
    validated(organization)
    organization.save()
    data: dict[str, Any] = {"name": name, "scope": scope, "valid_from": valid_from.isoformat()}
    if valid_to:
        data["valid_to"] = valid_to.isoformat()
    _record(
        events.ENTRUSTED_CREATED.code,
        actor=actor,
        agency_id=principal.pk,
        kind="entrusted_organization",
        pk=organization.pk,
        data=data,
    )
    return organization


@transaction.atomic
def check_create_officer(
    *,
    actor: writer.Actor,
    agency: Agency,
    name: str,
    post: str = "",
    department: Department | None = None,
    legal_qualification_number: str = "",
) -> Officer:
    if department is not None and department.agency_id != agency.pk:
        raise InvalidInput(_("The department belongs to another agency."))
    officer = Officer(
        agency=agency,
        name=name,
        post=post,
        department=department,
        legal_qualification_number=legal_qualification_number,
    )
    validated(officer)
    officer.save()
    data: dict[str, Any] = {
        "name": name,
        "post": post,
        "legal_qualification": bool(legal_qualification_number),
    }
    if department is not None:
        data["department"] = department.pk
    _record(
        events.OFFICER_CREATED.code,
        actor=actor,
        agency_id=agency.pk,
        kind="officer",
        pk=officer.pk,
        data=data,
    )
    return officer


@transaction.atomic
def check_update_officer(*, actor: writer.Actor, officer: Officer, changes: dict[str, Any]) -> Officer:
    """Change an officer's plain facts (name, post, department, qualification, in post)."""
    allowed = {"name", "post", "department", "legal_qualification_number", "is_active"}
    unknown = set(changes) - allowed
    if unknown:
        raise InvalidInput(
            _("These fields cannot be changed here: %(fields)s") % {"fields": ", ".join(sorted(unknown))}
        )
    officer = Officer.objects.select_for_update().get(pk=officer.pk)
    department = changes.get("department")
    if department is not None and department.agency_id != officer.agency_id:
        raise InvalidInput(_("The department belongs to another agency."))
    recorded: dict[str, Any] = {}
    for field, value in changes.items():
        if getattr(officer, field) != value:
            setattr(officer, field, value)
            recorded[field] = value.pk if isinstance(value, models.Model) else value
    if not recorded:
        return officer
    validated(officer)
    officer.updated_at = clock.now()
    officer.save()
    _record(
        events.OFFICER_UPDATED.code,
        actor=actor,
        agency_id=officer.agency_id,
        kind="officer",
        pk=officer.pk,
        data={"fields": recorded},
    )
    return officer


@transaction.atomic
def check_link_officer(*, actor: writer.Actor, officer: Officer, user_id: int) -> None:
    """Link an officer to a login. A login belongs to one officer (the link is one-to-one)."""
    officer = Officer.objects.select_for_update().get(pk=officer.pk)
    if Officer.objects.filter(user_id=user_id).exclude(pk=officer.pk).exists():
        raise InvalidInput(
            _("This login is already linked to another officer."),
            {"username": [_("This login is already linked to another officer.")]},
        )
    do_link_officer(actor=actor, officer=officer, user_id=user_id)


@transaction.atomic
def do_link_officer(*, actor: writer.Actor, officer: Officer, user_id: int) -> None:
    Officer.objects.filter(pk=officer.pk).update(user_id=user_id)
    officer.user_id = user_id
    _record(
        events.OFFICER_LINKED.code,
        actor=actor,
        agency_id=officer.agency_id,
        kind="officer",
        pk=officer.pk,
        data={"user": user_id},
    )


@transaction.atomic
def check_issue_certificate(
    *,
    actor: writer.Actor,
    officer: Officer,
    number: str,
    category: str,
    region: str,
    issued_by: str,
    valid_from: dt.date,
    valid_to: dt.date,
) -> Certificate:
    certificate = Certificate(
        officer=officer,
        number=number.strip(),
        category=category,
        region=region,
        issued_by=issued_by,
        valid_from=valid_from,
        valid_to=valid_to,
    )
    if valid_to < valid_from:
        raise InvalidInput(_("A certificate cannot expire before it becomes valid."))
    validated(certificate)
    try:
        with transaction.atomic():
            certificate.save()
    except IntegrityError as error:  # the same number issued concurrently, after full_clean() looked
        message = _("This certificate number is already registered.")
        raise InvalidInput(message, {"number": [message]}) from error
    _record(
        events.CERTIFICATE_ISSUED.code,
        actor=actor,
        agency_id=officer.agency_id,
        kind="officer",
        pk=officer.pk,
        data={
            "number": certificate.number,
            "category": category,
            "region": region,
            "valid_from": valid_from.isoformat(),
            "valid_to": valid_to.isoformat(),
        },
    )
    return certificate


@transaction.atomic
def check_change_certificate_status(
    *,
    actor: writer.Actor,
    certificate: Certificate,
    status: CertificateStatus,
    effective: dt.date,
    reason: str,
) -> Certificate:
    """Suspend, revoke or reinstate. A revoked certificate is final: a new one must be issued instead."""
    certificate = Certificate.objects.select_for_update().select_related("officer").get(pk=certificate.pk)
    if not reason.strip():
        raise InvalidInput(_("Give the reason for the change of status."))
    if certificate.status == CertificateStatus.REVOKED:
        raise RuleViolation(_("A revoked certificate cannot change status; issue a new certificate."))
    if certificate.status == status:
        raise InvalidInput(_("The certificate already has this status."))
    certificate.status = status
    certificate.status_changed_on = None if status == CertificateStatus.VALID else effective
    certificate.status_reason = reason.strip()
    validated(certificate)
    certificate.save()
    _record(
        events.CERTIFICATE_STATUS_CHANGED.code,
        actor=actor,
        agency_id=certificate.officer.agency_id,
        kind="officer",
        pk=certificate.officer_id,
        data={
            "number": certificate.number,
            "status": str(status),
            "effective": effective.isoformat(),
            "reason": certificate.status_reason,
        },
    )
    return certificate


@transaction.atomic
def check_record_training(
    *, actor: writer.Actor, officer: Officer, completed_on: dt.date, topic: str, hours: int
) -> TrainingRecord:
    record = TrainingRecord(officer=officer, completed_on=completed_on, topic=topic, hours=hours)
    if hours <= 0:
        raise InvalidInput(_("Training hours must be a positive number."))
    validated(record)
    record.save()
    _record(
        events.TRAINING_RECORDED.code,
        actor=actor,
        agency_id=officer.agency_id,
        kind="officer",
        pk=officer.pk,
        data={"completed_on": completed_on.isoformat(), "topic": topic, "hours": hours},
    )
    return record


@transaction.atomic
def check_grant_role(*, actor: writer.Actor, user_id: int, agency: Agency, role: Role) -> RoleGrant:
    if RoleGrant.objects.filter(user_id=user_id, agency=agency, role=role).exists():
        raise InvalidInput(_("This user already holds this role here."))
    return do_grant_role(actor=actor, user_id=user_id, agency=agency, role=role)


@transaction.atomic
def check_revoke_role(*, actor: writer.Actor, user_id: int, agency: Agency, role: Role) -> None:
    if not RoleGrant.objects.filter(user_id=user_id, agency=agency, role=role).exists():
        raise InvalidInput(_("This user does not hold this role here."))
    # Withdrawing one's own administrator role could leave an agency with nobody to manage it.
    if user_id == actor.user_id and role == Role.ADMINISTRATOR:
        raise RuleViolation(_("You cannot withdraw your own administrator role; ask another administrator."))
    do_revoke_role(actor=actor, user_id=user_id, agency=agency, role=role)


@transaction.atomic
def do_grant_role(*, actor: writer.Actor, user_id: int, agency: Agency, role: Role) -> RoleGrant:
    grant, created = RoleGrant.objects.get_or_create(user_id=user_id, agency=agency, role=role)
    if created:
        _record(
            events.ROLE_GRANTED.code,
            actor=actor,
            agency_id=agency.pk,
            kind="agency",
            pk=agency.pk,
            data={"user": user_id, "role": str(role)},
        )
    return grant


@transaction.atomic
def do_revoke_role(*, actor: writer.Actor, user_id: int, agency: Agency, role: Role) -> None:
    deleted, _detail = RoleGrant.objects.filter(user_id=user_id, agency=agency, role=role).delete()
    if deleted:
        _record(
            events.ROLE_REVOKED.code,
            actor=actor,
            agency_id=agency.pk,
            kind="agency",
            pk=agency.pk,
            data={"user": user_id, "role": str(role)},
        )
