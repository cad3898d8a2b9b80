"""Exporting the officer register: the certificates of the in-post officers a user may see, in the import
layout, so an exported file re-imports without changes; and the blank template with its instructions.
Never writes."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.utils.translation import gettext as _

from sanxiang.core import spreadsheets as sheets
from sanxiang.organizations import jurisdiction
from sanxiang.organizations.enums import CertificateStatus
from sanxiang.organizations.models import Certificate, Officer
from sanxiang.organizations.spreadsheet.layout import COLUMNS, SHEET_TITLE, STATUS_LABELS

AnyUser = AbstractBaseUser | AnonymousUser


def export_officers(user: AnyUser) -> bytes:
    """The in-post officers ``user`` may see, one row per certificate, in the import layout."""
    officers = (
        jurisdiction.visible_officers(user)
        .filter(is_active=True)
        .select_related("agency", "department")
        .prefetch_related("certificates")
        .order_by("agency__path", "name", "pk")
    )
    workbook, sheet = sheets.new_workbook(SHEET_TITLE, COLUMNS)
    for officer in officers:
        for certificate in sorted(officer.certificates.all(), key=lambda c: (c.valid_from, c.number)):
            sheet.append(_export_row(officer, certificate))
    _format(sheet)
    return sheets.save(workbook)


def blank_template() -> bytes:
    """An empty register with the header, the status choices and a sheet explaining each column."""
    workbook, sheet = sheets.new_workbook(SHEET_TITLE, COLUMNS)
    _format(sheet)
    sheets.add_instructions(workbook, COLUMNS, {column.key: _column_note(column.key) for column in COLUMNS})
    return sheets.save(workbook)


def _format(sheet: Any) -> None:
    sheets.format_body(sheet, COLUMNS, choices={"status": STATUS_LABELS.values()})


def _column_note(key: str) -> str:
    notes = {
        "agency": _("The agency's full registered name; you must be its administrator."),
        "department": _("An existing department of the agency; blank leaves it unchanged."),
        "number": _("Each certificate once; an existing number updates that certificate's holder."),
        "valid_from": _("A date, e.g. 2024-01-31."),
        "valid_to": _("A date, not before the first day of validity."),
        "status": _(
            "%(valid)s, %(suspended)s or %(revoked)s; blank means %(valid)s for a new certificate "
            "and no change otherwise."
        )
        % {"valid": "有效", "suspended": "暂扣", "revoked": "吊销"},
        "qualification": _("For legal reviewers; blank leaves it unchanged."),
    }
    return notes.get(key, "")


def _export_row(officer: Officer, certificate: Certificate) -> list[Any]:
    return [
        officer.name,
        officer.agency.name,
        officer.department.name if officer.department else "",
        officer.post,
        certificate.number,
        certificate.category,
        certificate.region,
        certificate.issued_by,
        certificate.valid_from,
        certificate.valid_to,
        STATUS_LABELS[CertificateStatus(certificate.status)],
        officer.legal_qualification_number,
    ]
