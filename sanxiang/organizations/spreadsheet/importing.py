"""Importing the officer register: all or nothing. ``check_import_officers`` reads every row and checks
every cell (required cells, dates, the agency — which must be one the importing user administers —, the
department, certificate numbers repeated in the file or held by another officer) and raises ``ImportRejected``
with a row-by-row report when any row is bad, writing nothing. A clean file is written through the ordinary
actions in ``organizations.actions`` in one transaction, with one ``officers.imported`` record on top
of theirs.

Rows match officers by certificate number; a new certificate goes to the one in-post officer of that name
in that agency, or to a new officer. A blank optional cell means "not stated": it never erases a stored
value. Facts of a registered certificate are never changed by import (a certificate is a document that was
issued; a correction is a new certificate). Never writes except through those actions.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from sanxiang.core import clock
from sanxiang.core.errors import InvalidInput
from sanxiang.core.spreadsheets import ImportRejected, RowError, file_digest
from sanxiang.organizations import actions, events, jurisdiction
from sanxiang.organizations.enums import CertificateStatus, Role
from sanxiang.organizations.models import Agency, Certificate, Department, Officer
from sanxiang.organizations.spreadsheet.layout import HEADER, Row, parse_file
from sanxiang.records import writer

AnyUser = AbstractBaseUser | AnonymousUser
_CERTIFICATE_FACTS = ("category", "region", "issued_by", "valid_from", "valid_to")


@dataclass(frozen=True)
class ImportResult:
    rows: int
    created: int
    updated: int
    unchanged: int
    file_digest: str


@dataclass
class _Plan:
    """What a checked row will do: its agency and department, the registered certificate it names (if any)
    and the officer it belongs to (None: a new officer, one per agency and name in the file)."""

    row: Row
    agency: Agency
    department: Department | None
    certificate: Certificate | None
    officer: Officer | None

    @property
    def officer_key(self) -> tuple[Any, ...]:
        return ("officer", self.officer.pk) if self.officer else ("new", self.agency.pk, self.row.name)


# ---- checking rows against the register -------------------------------------------------------------------


@dataclass
class _Register:
    """What the file's rows refer to, fetched in a handful of queries."""

    user: AnyUser
    agencies: dict[str, Agency]
    departments: dict[tuple[int, str], Department]
    certificates: dict[str, Certificate]
    officers_by_name: dict[tuple[int, str], list[Officer]]
    errors: list[RowError] = field(default_factory=list)
    _administered: dict[int, bool] = field(default_factory=dict)

    @classmethod
    def load(cls, user: AnyUser, rows: Sequence[Row]) -> _Register:
        agencies = {
            a.name: a for a in Agency.objects.filter(name__in={r.agency for r in rows}, is_active=True)
        }
        officers: dict[tuple[int, str], list[Officer]] = {}
        for officer in Officer.objects.filter(
            agency__in=agencies.values(), name__in={r.name for r in rows}, is_active=True
        ):
            officers.setdefault((officer.agency_id, officer.name), []).append(officer)
        return cls(
            user=user,
            agencies=agencies,
            departments={
                (d.agency_id, d.name): d for d in Department.objects.filter(agency__in=agencies.values())
            },
            certificates={
                c.number: c
                for c in Certificate.objects.filter(number__in={r.number for r in rows}).select_related(
                    "officer__agency", "officer__department"
                )
            },
            officers_by_name=officers,
        )

    def administers(self, agency: Agency) -> bool:
        if agency.pk not in self._administered:
            self._administered[agency.pk] = jurisdiction.holds_role(self.user, Role.ADMINISTRATOR, agency)
        return self._administered[agency.pk]

    def fail(self, row: Row, key: str, message: str) -> None:
        self.errors.append(RowError(row.row, HEADER[key] if key else "", message))


def _plan_row(register: _Register, row: Row) -> _Plan | None:
    agency = register.agencies.get(row.agency)
    # Unknown and not-administered agencies read the same, so a file cannot probe for other agencies.
    if agency is None or not register.administers(agency):
        register.fail(row, "agency", _("There is no agency of this exact name that you administer."))
        return None
    department = None
    if row.department is not None:
        department = register.departments.get((agency.pk, row.department))
        if department is None:
            register.fail(row, "department", _("The agency has no department of this name."))
            return None
    certificate = register.certificates.get(row.number)
    if certificate is not None:
        return _plan_registered(register, row, agency, department, certificate)
    namesakes = register.officers_by_name.get((agency.pk, row.name), [])
    if len(namesakes) > 1:
        message = _(
            "The agency has several officers of this name; add this certificate on the officer's page."
        )
        register.fail(row, "name", message)
        return None
    return _Plan(row, agency, department, None, namesakes[0] if namesakes else None)


def _plan_registered(
    register: _Register, row: Row, agency: Agency, department: Department | None, certificate: Certificate
) -> _Plan | None:
    holder = certificate.officer
    if not register.administers(holder.agency) or holder.name != row.name:
        register.fail(row, "number", _("This certificate number is registered to another officer."))
        return None
    if holder.agency_id != agency.pk:
        message = _(
            "The holder is registered with %(agency)s; an import does not move officers between agencies."
        )
        register.fail(row, "agency", message % {"agency": holder.agency.name})
        return None
    failed = False
    for key in _CERTIFICATE_FACTS:
        registered = getattr(certificate, key)
        if getattr(row, key) != registered:
            failed = True
            message = _("The registered certificate says %(value)s; an import does not change a certificate.")
            register.fail(row, key, message % {"value": registered})
    if certificate.status == CertificateStatus.REVOKED and row.status not in (
        None,
        CertificateStatus.REVOKED,
    ):
        failed = True
        register.fail(
            row, "status", _("The certificate is revoked; a revoked certificate cannot change status.")
        )
    return None if failed else _Plan(row, agency, department, certificate, holder)


def _check_repeats(register: _Register, plans: Iterable[_Plan], rows: Iterable[Row]) -> None:
    """A certificate number once per file; rows for one officer agree on the officer's own facts."""
    first_row: dict[str, int] = {}
    for row in rows:
        if row.number in first_row:
            register.fail(
                row, "number", _("The same number is in row %(row)d.") % {"row": first_row[row.number]}
            )
        first_row.setdefault(row.number, row.row)
    first_plan: dict[tuple[Any, ...], _Plan] = {}
    for plan in plans:
        earlier = first_plan.setdefault(plan.officer_key, plan)
        for key in ("post", "department", "qualification"):
            this, that = getattr(plan.row, key), getattr(earlier.row, key)
            if this is not None and that is not None and this != that:  # None: not stated
                message = _("Row %(row)d says otherwise for the same officer.") % {"row": earlier.row.row}
                register.fail(plan.row, key, message)


def _check_rows(user: AnyUser, rows: Sequence[Row], errors: list[RowError]) -> list[_Plan]:
    """Every row's plan, or ImportRejected with every problem found in the file."""
    register = _Register.load(user, rows)
    plans = [plan for plan in (_plan_row(register, row) for row in rows) if plan is not None]
    _check_repeats(register, plans, rows)
    errors.extend(register.errors)
    if errors:
        raise ImportRejected(errors)
    return plans


# ---- writing ----------------------------------------------------------------------------------------------


def check_import_officers(*, actor: writer.Actor, user: AnyUser, workbook_bytes: bytes) -> ImportResult:
    """Import a register: all rows or none. Raises InvalidInput for an unreadable file, ImportRejected (an
    InvalidInput with ``row_errors``) for bad rows. The file is parsed before the transaction opens, so
    that the write lock is held only for checking against the register and writing."""
    rows, errors = parse_file(workbook_bytes)
    with transaction.atomic():
        plans = _check_rows(user, rows, errors)
        try:
            result = _apply_all(plans, actor=actor, digest=file_digest(workbook_bytes))
        except IntegrityError:
            message = _("The register changed while the file was imported; nothing was written. Try again.")
            raise InvalidInput(message) from None
        _record_import(actor, plans, result)
    return result


def _apply_all(plans: Sequence[_Plan], *, actor: writer.Actor, digest: str) -> ImportResult:
    officers: dict[tuple[Any, ...], Officer] = {}
    created: set[int] = set()
    changed: set[int] = set()
    for plan in plans:
        _apply(plan, actor=actor, officers=officers, created=created, changed=changed)
    return ImportResult(
        rows=len(plans),
        created=len(created),
        updated=len(changed - created),
        unchanged=len(set(officers.values())) - len(changed | created),
        file_digest=digest,
    )


def _apply(
    plan: _Plan,
    *,
    actor: writer.Actor,
    officers: dict[tuple[Any, ...], Officer],
    created: set[int],
    changed: set[int],
) -> None:
    row = plan.row
    try:
        officer = officers.get(plan.officer_key) or plan.officer
        if officer is None:
            officer = actions.check_create_officer(
                actor=actor,
                agency=plan.agency,
                name=row.name,
                post=row.post,
                department=plan.department,
                legal_qualification_number=row.qualification or "",
            )
            created.add(officer.pk)
        else:
            officer, touched = _update_officer(plan, officer, actor=actor)
            if touched:
                changed.add(officer.pk)
        officers[plan.officer_key] = officer
        if _apply_certificate(plan, officer, actor=actor):
            changed.add(officer.pk)
    except InvalidInput as error:  # the checks above should have caught it; still report it against the row
        raise ImportRejected([RowError(row.row, "", error.message)]) from error


def _update_officer(plan: _Plan, officer: Officer, *, actor: writer.Actor) -> tuple[Officer, bool]:
    row = plan.row
    changes: dict[str, Any] = {}
    if row.post != officer.post:
        changes["post"] = row.post
    if plan.department is not None and plan.department.pk != officer.department_id:
        changes["department"] = plan.department
    if row.qualification is not None and row.qualification != officer.legal_qualification_number:
        changes["legal_qualification_number"] = row.qualification
    if not changes:
        return officer, False
    return actions.check_update_officer(actor=actor, officer=officer, changes=changes), True


def _apply_certificate(plan: _Plan, officer: Officer, *, actor: writer.Actor) -> bool:
    row = plan.row
    certificate = plan.certificate
    issued = certificate is None
    if certificate is None:
        certificate = actions.check_issue_certificate(
            actor=actor,
            officer=officer,
            number=row.number,
            category=row.category,
            region=row.region,
            issued_by=row.issued_by,
            valid_from=row.valid_from,
            valid_to=row.valid_to,
        )
    if row.status is None or row.status == certificate.status:
        return issued
    actions.check_change_certificate_status(
        actor=actor,
        certificate=certificate,
        status=row.status,
        effective=clock.today(),
        reason=_("Status set by the officer register import."),
    )
    return True


def _record_import(actor: writer.Actor, plans: Sequence[_Plan], result: ImportResult) -> None:
    agency_id = _common_agency_id([plan.agency for plan in plans])
    writer.append(
        events.OFFICERS_IMPORTED.code,
        agency_id=agency_id,
        actor=actor,
        subject=writer.Subject("agency", str(agency_id or "")),
        data={
            "file_digest": result.file_digest,
            "rows": result.rows,
            "created": result.created,
            "updated": result.updated,
        },
    )


def _common_agency_id(agencies: Sequence[Agency]) -> int | None:
    """The lowest agency above (or equal to) every agency in the file, from the materialised paths."""
    paths = [agency.path.strip("/").split("/") for agency in agencies]
    common: list[str] = []
    for parts in zip(*paths, strict=False):
        if len(set(parts)) != 1:
            break
        common.append(parts[0])
    return int(common[-1]) if common else None
