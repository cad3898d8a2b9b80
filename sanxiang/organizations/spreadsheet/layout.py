"""The officer register's layout (执法人员名册): its columns, the status labels, and parsing a row's cells
into a ``Row``. Pure: no database. Generic reading and cell parsing live in ``sanxiang.core.spreadsheets``."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _

from sanxiang.core import spreadsheets as sheets
from sanxiang.core.errors import InvalidInput
from sanxiang.core.spreadsheets import Column, RowError
from sanxiang.organizations.enums import CertificateStatus

# A city's register is a few hundred rows. Measured: 1,000 rows that are all new officers take about 13 s
# (SQLite and PostgreSQL alike, mostly full_clean in the actions), re-importing 1,000 known rows about 1 s;
# the limit keeps the worst case well inside a request (see spreadsheet_views).
MAX_ROWS = 1000
SHEET_TITLE = "执法人员"
DATE_KEYS = ("valid_from", "valid_to")

COLUMNS = (
    Column("name", "姓名", True, 10, 64),
    Column("agency", "执法机关", True, 30),
    Column("department", "内设机构", False, 16),
    Column("post", "职务", True, 12, 64),
    Column("number", "执法证号", True, 20, 32),
    Column("category", "执法类别", True, 14, 64),
    Column("region", "执法区域", True, 24),
    Column("issued_by", "发证机关", True, 22),
    Column("valid_from", "有效期起", True, 12, date=True),
    Column("valid_to", "有效期止", True, 12, date=True),
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


@dataclass
class Row:
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


_CJK = re.compile(r"[\u3400-\u9fff]")


def _name(value: Any) -> str:
    """A Chinese name without the full-width spaces registers use to align two-character names (张　三)."""
    text = sheets.text(value)
    return re.sub(r"\s+", "", text) if _CJK.search(text) else re.sub(r"\s+", " ", text)


def _status(value: Any) -> CertificateStatus | None:
    text = sheets.text(value)
    if not text:
        return None
    if text in _STATUS_BY_LABEL:
        return _STATUS_BY_LABEL[text]
    allowed = "、".join(STATUS_LABELS.values())
    raise ValueError(_("Write one of %(allowed)s, or leave it blank.") % {"allowed": allowed})


def _parse_row(number: int, cells: dict[str, Any]) -> tuple[Row | None, list[RowError]]:
    errors = sheets.cell_errors(number, cells, COLUMNS)
    parsed: dict[str, Any] = {}
    for key, parse in (("valid_from", sheets.date), ("valid_to", sheets.date), ("status", _status)):
        if sheets.text(cells.get(key)):
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
    text = {key: sheets.text(cells.get(key)) for key in HEADER}
    return Row(
        row=number,
        name=_name(cells["name"]),
        agency=text["agency"],
        department=text["department"] or None,
        post=text["post"],
        number=sheets.identifier(cells["number"]),
        category=text["category"],
        region=text["region"],
        issued_by=text["issued_by"],
        valid_from=parsed["valid_from"],
        valid_to=parsed["valid_to"],
        status=parsed.get("status"),
        qualification=sheets.identifier(cells.get("qualification")) or None,
    ), []


def parse_file(data: bytes) -> tuple[list[Row], list[RowError]]:
    """The rows whose cells parse, and the problems of those that do not. Pure: no database."""
    rows: list[Row] = []
    errors: list[RowError] = []
    for number, cells in sheets.data_rows(data, COLUMNS, sheet_title=SHEET_TITLE, max_rows=MAX_ROWS):
        row, row_errors = _parse_row(number, cells)
        errors.extend(row_errors)
        if row is not None:
            rows.append(row)
    if not rows and not errors:
        raise InvalidInput(_("The file has no officer rows under its header."))
    return rows, errors
