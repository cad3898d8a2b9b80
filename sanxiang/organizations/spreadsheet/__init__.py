"""Excel (.xlsx) import and export of the officer register (执法人员名册) in the layout offices keep:
``layout`` (columns and row parsing), ``importing`` (all-or-nothing import through the ordinary actions) and
``exporting`` (the register and the blank template). The generic reading and writing is
``sanxiang.core.spreadsheets``; this package adds only what is particular to officers and certificates."""

from sanxiang.core.spreadsheets import (
    MAX_UPLOAD_BYTES,
    XLSX_CONTENT_TYPE,
    Column,
    ImportRejected,
    RowError,
    check_xlsx,
)
from sanxiang.organizations.spreadsheet.exporting import blank_template, export_officers
from sanxiang.organizations.spreadsheet.importing import ImportResult, check_import_officers
from sanxiang.organizations.spreadsheet.layout import COLUMNS, HEADER, MAX_ROWS, SHEET_TITLE, STATUS_LABELS

__all__ = [
    "COLUMNS",
    "HEADER",
    "MAX_ROWS",
    "MAX_UPLOAD_BYTES",
    "SHEET_TITLE",
    "STATUS_LABELS",
    "XLSX_CONTENT_TYPE",
    "Column",
    "ImportRejected",
    "ImportResult",
    "RowError",
    "blank_template",
    "check_import_officers",
    "check_xlsx",
    "export_officers",
]
