"""A published list as a file: XLSX (a title line naming the agency, the list, the day and the versions it
was built from, then the header and rows) and CSV (header and rows, UTF-8 with a byte-order mark). Both come
from the same ``Table`` the portal shows. Never writes to the database."""

from __future__ import annotations

from sanxiang.core import spreadsheets as sheets
from sanxiang.matters.published.build import PublishedList


def _caption(shown: PublishedList) -> str:
    sources = "；".join(
        f"{source.agency}{source.kind_label}第{source.number}版（{source.effective_from.isoformat()}起施行）"
        for source in shown.sources
    )
    return f"{shown.title}（{shown.day.isoformat()}）　依据：{sources or '—'}"


def xlsx_file(shown: PublishedList) -> bytes:
    columns = shown.table.columns
    workbook, sheet = sheets.new_workbook(str(shown.kind.label)[:31], columns)
    sheet.insert_rows(1)
    sheet["A1"] = _caption(shown)
    sheet.freeze_panes = "A3"
    for row in shown.table.rows:
        sheet.append(list(row.values))
    sheets.format_body(sheet, columns)
    return sheets.save(workbook)


def csv_file(shown: PublishedList) -> bytes:
    return sheets.csv_bytes(shown.table.columns, (row.values for row in shown.table.rows))


def filename(shown: PublishedList, extension: str) -> str:
    return f"{shown.title}-{shown.day.isoformat()}.{extension}"
