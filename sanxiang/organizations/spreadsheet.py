"""Excel (.xlsx) import and export of the officer register (执法人员名册) in the layout offices keep.

Import is all or nothing. ``check_import_officers`` reads every row and checks every cell (required cells,
dates, the agency — which must be one the importing user administers —, the department, certificate numbers
repeated in the file or held by another officer) and raises ``ImportRejected`` with a row-by-row report
when any row is bad, writing nothing. A clean file is written through the ordinary actions in
``organizations.actions`` in one transaction, with one ``officers.imported`` record on top of theirs.

Rows match officers by certificate number; a new certificate goes to the one in-post officer of that name
in that agency, or to a new officer. A blank optional cell means "not stated": it never erases a stored
value. Facts of a registered certificate are never changed by import (a certificate is a document that was
issued; a correction is a new certificate). Export writes the certificates of the in-post officers a user may
see in the same layout, so an exported file re-imports without changes. This module never writes except
through those actions, and never opens a workbook that ``check_xlsx`` has not accepted.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import itertools
import re
import unicodedata
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

import openpyxl
from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import from_excel
from openpyxl.worksheet.datavalidation import DataValidation

from sanxiang.core import clock
from sanxiang.core.errors import InvalidInput
from sanxiang.organizations import actions, events, jurisdiction
from sanxiang.organizations.enums import CertificateStatus, Role
from sanxiang.organizations.models import Agency, Certificate, Department, Officer
from sanxiang.records import writer

AnyUser = AbstractBaseUser | AnonymousUser
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
MAX_UPLOAD_BYTES = 5 * 1024 * 1024
# A city's register is a few hundred rows. Measured: 1,000 rows that are all new officers take about 13 s
# (SQLite and PostgreSQL alike, mostly full_clean in the actions), re-importing 1,000 known rows about 1 s;
# the limit keeps the worst case well inside a request (see spreadsheet_views).
MAX_ROWS = 1000
_MAX_UNZIPPED_BYTES = 100 * 1024 * 1024  # refuses zip bombs before openpyxl inflates anything
_HEADER_SEARCH_ROWS = 5  # offices often put a title line above the header
SHEET_TITLE = "执法人员"


@dataclass(frozen=True)
class Column:
    """One column of the layout. Headers are the file format itself: fixed Chinese, never translated, so a
    file exported under any interface language re-imports."""

    key: str
    header: str
    required: bool
    width: int
    max_length: int = 128


COLUMNS = (
    Column("name", "姓名", True, 10, 64),
    Column("agency", "执法机关", True, 30),
    Column("department", "内设机构", False, 16),
    Column("post", "职务", True, 12, 64),
    Column("number", "执法证号", True, 20, 32),
    Column("category", "执法类别", True, 14, 64),
    Column("region", "执法区域", True, 24),
    Column("issued_by", "发证机关", True, 22),
    Column("valid_from", "有效期起", True, 12),
    Column("valid_to", "有效期止", True, 12),
    Column("status", "证件状态", False, 10),
    Column("qualification", "法律职业资格证书编号", False, 24, 32),
)
HEADER = {column.key: column.header for column in COLUMNS}
STATUS_LABELS = {
    CertificateStatus.VALID: "有效",
    CertificateStatus.SUSPENDED: "暂扣",
    CertificateStatus.REVOKED: "吊销",
}
_STATUS_BY_LABEL = {label: status for status, label in STATUS_LABELS.items()}
_CERTIFICATE_FACTS = ("category", "region", "issued_by", "valid_from", "valid_to")


@dataclass(frozen=True)
class RowError:
    """One problem: the spreadsheet row number as Excel shows it, the column header ("" for the whole row)."""

    row: int
    column: str
    message: str


class ImportRejected(InvalidInput):
    """The file has bad rows; nothing was written. ``row_errors`` is the report, ordered by row."""

    def __init__(self, row_errors: Sequence[RowError]) -> None:
        ordered = sorted(row_errors, key=lambda error: (error.row, error.column))
        rows = len({error.row for error in ordered})
        message = ngettext(
            "%(count)d row has errors; nothing was imported.",
            "%(count)d rows have errors; nothing was imported.",
            rows,
        ) % {"count": rows}
        grouped: dict[str, list[str]] = {}
        for error in ordered:
            label = _("Row %(row)d") % {"row": error.row}
            grouped.setdefault(label, []).append(
                f"{error.column}: {error.message}" if error.column else error.message
            )
        super().__init__(message, grouped)
        self.row_errors = tuple(ordered)


@dataclass(frozen=True)
class ImportResult:
    rows: int
    created: int
    updated: int
    unchanged: int
    file_digest: str


@dataclass
class _Row:
    """A row whose cells parsed. Optional cells left blank are None ("not stated")."""

    row: int
    name: str
    agency: str
    department: str | None
    post: str
    number: str
    category: str
    region: str
    issued_by: str
    valid_from: dt.date
    valid_to: dt.date
    status: CertificateStatus | None
    qualification: str | None


@dataclass
class _Plan:
    """What a checked row will do: its agency and department, the registered certificate it names (if any)
    and the officer it belongs to (None: a new officer, one per agency and name in the file)."""

    row: _Row
    agency: Agency
    department: Department | None
    certificate: Certificate | None
    officer: Officer | None

    @property
    def officer_key(self) -> tuple[Any, ...]:
        return ("officer", self.officer.pk) if self.officer else ("new", self.agency.pk, self.row.name)


# ---- reading the file -------------------------------------------------------------------------------------


def check_xlsx(data: bytes) -> None:
    """Refuse anything that is not a plausible .xlsx: too large, an old .xls, not a zip, not a workbook."""
    if len(data) > MAX_UPLOAD_BYTES:
        raise InvalidInput(
            _("The file is larger than %(mb)d MB.") % {"mb": MAX_UPLOAD_BYTES // (1024 * 1024)}
        )
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise InvalidInput(_("This is an old-format .xls file; save it as an Excel workbook (.xlsx) first."))
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            unzipped = sum(info.file_size for info in archive.infolist())
    except zipfile.BadZipFile:
        raise InvalidInput(_("The file is not an Excel workbook (.xlsx).")) from None
    if not {"[Content_Types].xml", "xl/workbook.xml"} <= names:
        raise InvalidInput(_("The file is not an Excel workbook (.xlsx).")) from None
    if unzipped > _MAX_UNZIPPED_BYTES:
        raise InvalidInput(_("The workbook is too large once unpacked."))


def _sheet_rows(data: bytes) -> Iterator[tuple[Any, ...]]:
    """The register sheet's rows from row 1, blank ones included so that numbering follows Excel's."""
    check_xlsx(data)
    damaged = _("The workbook cannot be read; it may be damaged.")
    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds on a damaged file
        raise InvalidInput(damaged) from error
    try:
        sheet = workbook[SHEET_TITLE] if SHEET_TITLE in workbook.sheetnames else workbook.worksheets[0]
        sheet.reset_dimensions()  # some programs write a wrong <dimension>; read the rows really there
        yield from sheet.iter_rows(values_only=True)
    except Exception as error:  # a damaged sheet fails while it is read, not when it is opened
        raise InvalidInput(damaged) from error
    finally:
        workbook.close()


def _header_positions(rows: Sequence[tuple[Any, ...]]) -> tuple[int, dict[str, int]]:
    """The index of the header row and the position of each known column in it."""
    required = {column.header for column in COLUMNS if column.required}
    best: set[str] = set()
    for index, row in enumerate(rows[:_HEADER_SEARCH_ROWS]):
        # Headers are compared without blanks and the asterisks some offices use to mark required columns.
        found = {re.sub(r"[\s*＊]", "", _text(cell)): position for position, cell in enumerate(row)}
        if required <= set(found):
            return index, {c.key: found[c.header] for c in COLUMNS if c.header in found}
        best = max(best, required & set(found), key=len)
    missing = "、".join(column.header for column in COLUMNS if column.required and column.header not in best)
    raise InvalidInput(_("The header row is missing these columns: %(columns)s.") % {"columns": missing})


def _data_rows(data: bytes) -> Iterator[tuple[int, dict[str, Any]]]:
    """(Excel row number, {column key: raw cell}) for every non-blank row under the header. Streams: a
    sheet with many blank rows costs time, not memory."""
    rows = _sheet_rows(data)
    head = list(itertools.islice(rows, _HEADER_SEARCH_ROWS))
    header_index, positions = _header_positions(head)
    count = 0
    for number, row in enumerate(itertools.chain(head[header_index + 1 :], rows), start=header_index + 2):
        cells = {key: row[position] if position < len(row) else None for key, position in positions.items()}
        if all(_text(value) == "" for value in cells.values()):
            continue
        count += 1
        if count > MAX_ROWS:
            raise InvalidInput(_("The file has more than %(max)d rows; split it.") % {"max": MAX_ROWS})
        yield number, cells


# ---- parsing cells ----------------------------------------------------------------------------------------


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # a number Excel stored as 1.4e9 is still the certificate number 1400000001
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    return str(value).strip()


_CJK = re.compile(r"[\u3400-\u9fff]")


def _name(value: Any) -> str:
    """A Chinese name without the full-width spaces registers use to align two-character names (张　三)."""
    text = _text(value)
    return re.sub(r"\s+", "", text) if _CJK.search(text) else re.sub(r"\s+", " ", text)


def _identifier(value: Any) -> str:
    """Certificate and qualification numbers: full-width characters typed by an IME become half-width."""
    return unicodedata.normalize("NFKC", _text(value)).strip().upper()


# Excel's day numbers of 1950-01-01 and 2099-12-31: a bare number outside is not taken for a date (a cell
# holding 2025 must not become 1905-07-17).
_EXCEL_DAYS = (18264, 73050)
_DATE_PATTERN = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")


def _date(value: Any) -> dt.date:
    """A date cell, Excel's day number, or text such as 2024-01-31, 2024/1/31 or 2024年1月31日."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if (
        isinstance(value, int | float)
        and not isinstance(value, bool)
        and _EXCEL_DAYS[0] < value < _EXCEL_DAYS[1]
    ):
        return from_excel(value).date()  # type: ignore[no-any-return]  # openpyxl is untyped
    text = unicodedata.normalize("NFKC", _text(value))
    match = _DATE_PATTERN.match(text) or re.match(r"^(\d{4})(\d{2})(\d{2})$", text)
    if match is None:
        raise ValueError(_("%(value)s is not a date; write it as 2024-01-31.") % {"value": text})
    try:
        return dt.date(*(int(part) for part in match.groups()))
    except ValueError:
        raise ValueError(_("%(value)s is not a valid date.") % {"value": text}) from None


def _status(value: Any) -> CertificateStatus | None:
    text = _text(value)
    if not text:
        return None
    if text in _STATUS_BY_LABEL:
        return _STATUS_BY_LABEL[text]
    allowed = "、".join(STATUS_LABELS.values())
    raise ValueError(_("Write one of %(allowed)s, or leave it blank.") % {"allowed": allowed})


def _cell_errors(number: int, cells: dict[str, Any]) -> list[RowError]:
    errors = []
    for column in COLUMNS:
        text = _text(cells.get(column.key))
        if column.required and not text:
            errors.append(RowError(number, column.header, _("This cell is required.")))
        elif len(text) > column.max_length:
            message = _("Longer than %(max)d characters.") % {"max": column.max_length}
            errors.append(RowError(number, column.header, message))
    return errors


def _parse_row(number: int, cells: dict[str, Any]) -> tuple[_Row | None, list[RowError]]:
    errors = _cell_errors(number, cells)
    parsed: dict[str, Any] = {}
    for key, parse in (("valid_from", _date), ("valid_to", _date), ("status", _status)):
        if _text(cells.get(key)):
            try:
                parsed[key] = parse(cells[key])
            except ValueError as error:
                errors.append(RowError(number, HEADER[key], str(error)))
    if not errors and parsed["valid_to"] < parsed["valid_from"]:
        errors.append(
            RowError(number, HEADER["valid_to"], _("The certificate expires before it becomes valid."))
        )
    if errors:
        return None, errors
    text = {key: _text(cells.get(key)) for key in HEADER}
    return _Row(
        row=number,
        name=_name(cells["name"]),
        agency=text["agency"],
        department=text["department"] or None,
        post=text["post"],
        number=_identifier(cells["number"]),
        category=text["category"],
        region=text["region"],
        issued_by=text["issued_by"],
        valid_from=parsed["valid_from"],
        valid_to=parsed["valid_to"],
        status=parsed.get("status"),
        qualification=_identifier(cells.get("qualification")) or None,
    ), []


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
    def load(cls, user: AnyUser, rows: Sequence[_Row]) -> _Register:
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

    def fail(self, row: _Row, key: str, message: str) -> None:
        self.errors.append(RowError(row.row, HEADER[key] if key else "", message))


def _plan_row(register: _Register, row: _Row) -> _Plan | None:
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
    register: _Register, row: _Row, agency: Agency, department: Department | None, certificate: Certificate
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


def _check_repeats(register: _Register, plans: Iterable[_Plan], rows: Iterable[_Row]) -> None:
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


def _parse_file(data: bytes) -> tuple[list[_Row], list[RowError]]:
    """The rows whose cells parse, and the problems of those that do not. Pure: no database."""
    rows: list[_Row] = []
    errors: list[RowError] = []
    for number, cells in _data_rows(data):
        row, row_errors = _parse_row(number, cells)
        errors.extend(row_errors)
        if row is not None:
            rows.append(row)
    if not rows and not errors:
        raise InvalidInput(_("The file has no officer rows under its header."))
    return rows, errors


def _check_rows(user: AnyUser, rows: Sequence[_Row], errors: list[RowError]) -> list[_Plan]:
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
    rows, errors = _parse_file(workbook_bytes)
    with transaction.atomic():
        plans = _check_rows(user, rows, errors)
        try:
            result = _apply_all(plans, actor=actor, digest=hashlib.sha256(workbook_bytes).hexdigest())
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
        file_digest=f"sha256:{digest}",
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


# ---- export and the blank template ------------------------------------------------------------------------


def export_officers(user: AnyUser) -> bytes:
    """The in-post officers ``user`` may see, one row per certificate, in the import layout."""
    officers = (
        jurisdiction.visible_officers(user)
        .filter(is_active=True)
        .select_related("agency", "department")
        .prefetch_related("certificates")
        .order_by("agency__path", "name", "pk")
    )
    workbook, sheet = _new_workbook()
    for officer in officers:
        for certificate in sorted(officer.certificates.all(), key=lambda c: (c.valid_from, c.number)):
            sheet.append(_export_row(officer, certificate))
    _format_body(sheet)
    return _save(workbook)


def blank_template() -> bytes:
    """An empty register with the header, the status choices and a sheet explaining each column."""
    workbook, sheet = _new_workbook()
    _format_body(sheet)
    notes = workbook.create_sheet(_("Instructions"))
    notes.append([_("Column"), _("Required"), _("What to write")])
    for column in COLUMNS:
        notes.append([column.header, _("yes") if column.required else _("no"), _column_note(column.key)])
    notes.column_dimensions["A"].width = 24
    notes.column_dimensions["C"].width = 90
    return _save(workbook)


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


def _new_workbook() -> tuple[Any, Any]:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = SHEET_TITLE
    sheet.append([column.header for column in COLUMNS])
    for index, column in enumerate(COLUMNS, start=1):
        cell = sheet.cell(row=1, column=index)
        cell.font = Font(bold=True, color="B4232A" if column.required else "1F2933")
        cell.fill = PatternFill("solid", fgColor="F0F4F8")
        cell.alignment = Alignment(horizontal="center")
        sheet.column_dimensions[cell.column_letter].width = column.width
    sheet.freeze_panes = "A2"
    return workbook, sheet


def _format_body(sheet: Any) -> None:
    """Dates as dates, everything else as text (Excel keeps leading zeros and never computes a cell: a name
    written as =HYPERLINK(...) stays text), and a drop-down for the status."""
    last = max(sheet.max_row, 2) + 500
    status_letter = get_column_letter([column.key for column in COLUMNS].index("status") + 1)
    for index, column in enumerate(COLUMNS, start=1):
        date = column.key in ("valid_from", "valid_to")
        sheet.column_dimensions[get_column_letter(index)].number_format = "yyyy-mm-dd" if date else "@"
    for row in sheet.iter_rows(min_row=2, max_row=sheet.max_row):
        for cell in row:
            if cell.data_type == "f":
                cell.data_type = "s"
            date = COLUMNS[cell.column - 1].key in ("valid_from", "valid_to")
            cell.number_format = "yyyy-mm-dd" if date else "@"
    choices = DataValidation(
        type="list", formula1='"{}"'.format(",".join(STATUS_LABELS.values())), allow_blank=True
    )
    choices.add(f"{status_letter}2:{status_letter}{last}")
    sheet.add_data_validation(choices)


def _save(workbook: Any) -> bytes:
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
