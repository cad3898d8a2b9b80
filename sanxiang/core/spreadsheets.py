"""The generic core of every Excel (.xlsx) and CSV round trip: refusing files that are not plausible
workbooks, finding the header row, streaming data rows with Excel's row numbers, parsing text and date cells,
the row-by-row error report (``ImportRejected``: nothing was written) and writing a sheet in a fixed layout.

It knows nothing of officers, matters or any table: callers describe their layout as ``Column``s and turn
cells into their own specs. Never touches the database, never decides permissions.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import itertools
import re
import unicodedata
import zipfile
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from sanxiang.core.errors import InvalidInput

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV_CONTENT_TYPE = "text/csv; charset=utf-8"
MAX_UPLOAD_BYTES = 5 * 1024 * 1024
_MAX_UNZIPPED_BYTES = 100 * 1024 * 1024  # refuses zip bombs before openpyxl inflates anything
_HEADER_SEARCH_ROWS = 5  # offices often put a title line above the header


@dataclass(frozen=True)
class Column:
    """One column of a layout. Headers are the file format itself: fixed Chinese, never translated, so a
    file exported under any interface language re-imports."""

    key: str
    header: str
    required: bool
    width: int
    max_length: int = 128
    date: bool = False


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


def file_digest(data: bytes) -> str:
    return "sha256:" + hashlib.sha256(data).hexdigest()


# ---- reading ----------------------------------------------------------------------------------------------


def check_xlsx(data: bytes, *, max_bytes: int = MAX_UPLOAD_BYTES) -> None:
    """Refuse anything that is not a plausible .xlsx: too large, an old .xls, not a zip, not a workbook."""
    if len(data) > max_bytes:
        raise InvalidInput(_("The file is larger than %(mb)d MB.") % {"mb": max_bytes // (1024 * 1024)})
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


def _sheet_rows(data: bytes, sheet_title: str) -> Iterator[tuple[Any, ...]]:
    """The sheet's rows from row 1, blank ones included so that numbering follows Excel's."""
    import openpyxl  # imported on use: ~20 MiB that a server process serving no workbook need not carry

    check_xlsx(data)
    damaged = _("The workbook cannot be read; it may be damaged.")
    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds on a damaged file
        raise InvalidInput(damaged) from error
    try:
        sheet = workbook[sheet_title] if sheet_title in workbook.sheetnames else workbook.worksheets[0]
        sheet.reset_dimensions()  # some programs write a wrong <dimension>; read the rows really there
        yield from sheet.iter_rows(values_only=True)
    except Exception as error:  # a damaged sheet fails while it is read, not when it is opened
        raise InvalidInput(damaged) from error
    finally:
        workbook.close()


def _header_positions(
    rows: Sequence[tuple[Any, ...]], columns: Sequence[Column]
) -> tuple[int, dict[str, int]]:
    """The index of the header row and the position of each known column in it."""
    required = {column.header for column in columns if column.required}
    best: set[str] = set()
    for index, row in enumerate(rows[:_HEADER_SEARCH_ROWS]):
        # Headers are compared without blanks and the asterisks some offices use to mark required columns.
        found = {re.sub(r"[\s*＊]", "", text(cell)): position for position, cell in enumerate(row)}
        if required <= set(found):
            return index, {c.key: found[c.header] for c in columns if c.header in found}
        best = max(best, required & set(found), key=len)
    missing = "、".join(column.header for column in columns if column.required and column.header not in best)
    raise InvalidInput(_("The header row is missing these columns: %(columns)s.") % {"columns": missing})


def data_rows(
    data: bytes, columns: Sequence[Column], *, sheet_title: str, max_rows: int
) -> Iterator[tuple[int, dict[str, Any]]]:
    """(Excel row number, {column key: raw cell}) for every non-blank row under the header. Streams: a
    sheet with many blank rows costs time, not memory."""
    rows = _sheet_rows(data, sheet_title)
    head = list(itertools.islice(rows, _HEADER_SEARCH_ROWS))
    header_index, positions = _header_positions(head, columns)
    count = 0
    for number, row in enumerate(itertools.chain(head[header_index + 1 :], rows), start=header_index + 2):
        cells = {key: row[position] if position < len(row) else None for key, position in positions.items()}
        if all(text(value) == "" for value in cells.values()):
            continue
        count += 1
        if count > max_rows:
            raise InvalidInput(_("The file has more than %(max)d rows; split it.") % {"max": max_rows})
        yield number, cells


# ---- parsing cells ----------------------------------------------------------------------------------------


def text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # a number Excel stored as 1.4e9 is still the certificate number 1400000001
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    return str(value).strip()


def identifier(value: Any) -> str:
    """Codes and numbers: full-width characters typed by an IME become half-width, letters upper case."""
    return unicodedata.normalize("NFKC", text(value)).strip().upper()


# Excel's day numbers of 1950-01-01 and 2099-12-31: a bare number outside is not taken for a date (a cell
# holding 2025 must not become 1905-07-17).
_EXCEL_DAYS = (18264, 73050)
_DATE_PATTERN = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")


def date(value: Any) -> dt.date:
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
        from openpyxl.utils.datetime import from_excel

        return from_excel(value).date()  # type: ignore[no-any-return]  # openpyxl is untyped
    written = unicodedata.normalize("NFKC", text(value))
    match = _DATE_PATTERN.match(written) or re.match(r"^(\d{4})(\d{2})(\d{2})$", written)
    if match is None:
        raise ValueError(_("%(value)s is not a date; write it as 2024-01-31.") % {"value": written})
    try:
        return dt.date(*(int(part) for part in match.groups()))
    except ValueError:
        raise ValueError(_("%(value)s is not a valid date.") % {"value": written}) from None


def choice(value: Any, labels: Mapping[str, str], *, required: bool = True) -> str:
    """The stored value whose fixed file label is written in the cell ("" when blank and optional)."""
    written = text(value)
    if not written and not required:
        return ""
    for stored, label in labels.items():
        if written == label:
            return stored
    allowed = "、".join(labels.values())
    raise ValueError(_("Write one of %(allowed)s.") % {"allowed": allowed})


def cell_errors(number: int, cells: Mapping[str, Any], columns: Sequence[Column]) -> list[RowError]:
    """Required cells that are blank and cells longer than their column allows."""
    errors = []
    for column in columns:
        written = text(cells.get(column.key))
        if column.required and not written:
            errors.append(RowError(number, column.header, _("This cell is required.")))
        elif not column.date and len(written) > column.max_length:
            message = _("Longer than %(max)d characters.") % {"max": column.max_length}
            errors.append(RowError(number, column.header, message))
    return errors


# ---- writing ----------------------------------------------------------------------------------------------


def new_workbook(title: str, columns: Sequence[Column]) -> tuple[Any, Any]:
    """A workbook whose first sheet has the layout's header, required headers in red."""
    import openpyxl
    from openpyxl.styles import Alignment, Font, PatternFill

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = title
    sheet.append([column.header for column in columns])
    for index, column in enumerate(columns, start=1):
        cell = sheet.cell(row=1, column=index)
        cell.font = Font(bold=True, color="B4232A" if column.required else "1F2933")
        cell.fill = PatternFill("solid", fgColor="F0F4F8")
        cell.alignment = Alignment(horizontal="center")
        sheet.column_dimensions[cell.column_letter].width = column.width
    sheet.freeze_panes = "A2"
    return workbook, sheet


def format_body(
    sheet: Any, columns: Sequence[Column], *, choices: Mapping[str, Iterable[str]] | None = None
) -> None:
    """Dates as dates, everything else as text (Excel keeps leading zeros and never computes a cell: a cell
    written as =HYPERLINK(...) stays text), and a drop-down for each column with fixed choices."""
    from openpyxl.styles import Alignment
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    for index, column in enumerate(columns, start=1):
        number_format = "yyyy-mm-dd" if column.date else "@"
        sheet.column_dimensions[get_column_letter(index)].number_format = number_format
    for row in sheet.iter_rows(min_row=2, max_row=sheet.max_row):
        for cell in row:
            if cell.data_type == "f":
                cell.data_type = "s"
            cell.number_format = "yyyy-mm-dd" if columns[cell.column - 1].date else "@"
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    last = max(sheet.max_row, 2) + 500
    keys = [column.key for column in columns]
    for key, allowed in (choices or {}).items():
        letter = get_column_letter(keys.index(key) + 1)
        validation = DataValidation(type="list", formula1='"{}"'.format(",".join(allowed)), allow_blank=True)
        validation.add(f"{letter}2:{letter}{last}")
        sheet.add_data_validation(validation)


def add_instructions(workbook: Any, columns: Sequence[Column], notes: Mapping[str, str]) -> None:
    """A second sheet saying, for each column, whether it is required and what to write."""
    sheet = workbook.create_sheet(_("Instructions"))
    sheet.append([_("Column"), _("Required"), _("What to write")])
    for column in columns:
        sheet.append([column.header, _("yes") if column.required else _("no"), notes.get(column.key, "")])
    sheet.column_dimensions["A"].width = 24
    sheet.column_dimensions["C"].width = 90


def save(workbook: Any) -> bytes:
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def xlsx_bytes(title: str, columns: Sequence[Column], rows: Iterable[Sequence[Any]]) -> bytes:
    """A one-sheet workbook of ``rows`` under the layout's header."""
    workbook, sheet = new_workbook(title, columns)
    for row in rows:
        sheet.append(list(row))
    format_body(sheet, columns)
    return save(workbook)


def csv_bytes(columns: Sequence[Column], rows: Iterable[Sequence[Any]]) -> bytes:
    """UTF-8 with a byte-order mark (so Excel in a Chinese locale opens it correctly). A cell starting with
    = + - or @ gets a leading apostrophe: a spreadsheet program must never compute a published value."""
    buffer = io.StringIO()
    out = csv.writer(buffer, lineterminator="\r\n")
    out.writerow([column.header for column in columns])
    for row in rows:
        out.writerow([_csv_cell(value) for value in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def _csv_cell(value: Any) -> str:
    written = value.isoformat() if isinstance(value, dt.date) else text(value)
    return "'" + written if written[:1] in ("=", "+", "-", "@") else written
