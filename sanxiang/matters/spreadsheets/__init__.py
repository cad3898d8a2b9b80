"""Excel import and export of the lists attached to the catalogue, one layout per list (``layouts``).

Export writes a version's entries in its layout (a re-import of the export changes nothing). Import reads a
file into a DRAFT version: every row is parsed and checked, the report names each bad cell by row and column,
and nothing is written when any row is bad; a clean file replaces the draft's entries with one
``list_version.imported`` record carrying the file's digest. Generic reading and writing is
``sanxiang.core.spreadsheets``. Callers have checked the user's permission."""

from __future__ import annotations

from django.utils.translation import gettext as _

from sanxiang.core import spreadsheets as sheets
from sanxiang.core.errors import InvalidInput
from sanxiang.core.spreadsheets import RowError
from sanxiang.matters.actions.imports import ImportSummary, check_import_entries
from sanxiang.matters.enums import ListKind
from sanxiang.matters.models import ListVersion
from sanxiang.matters.specs import EntrySpec
from sanxiang.matters.spreadsheets.cells import Cells, Citations
from sanxiang.matters.spreadsheets.layouts import LAYOUTS, Layout
from sanxiang.records import writer

# An attached list holds tens of rows (SHANXI.md §2); the limit only keeps a wrong file from running long.
MAX_ROWS = 2000

__all__ = [
    "LAYOUTS",
    "MAX_ROWS",
    "ImportSummary",
    "check_import_list",
    "export_list",
    "layout_of",
    "template",
]


def layout_of(version: ListVersion) -> Layout:
    layout = LAYOUTS.get(ListKind(version.kind))
    if layout is None:
        raise InvalidInput(_("This list has no spreadsheet layout."))
    return layout


def _notes(layout: Layout) -> dict[str, str]:
    notes = {
        key: _("One of: %(labels)s.") % {"labels": "、".join(labels.values())}
        for key, labels in layout.choices.items()
    }
    notes.update(
        {
            "articles": _("Citations exactly as the legal-basis library writes them, one per line."),
            "unconfirmed_note": _("What an administrator must still confirm; blank when confirmed."),
            "exemptions": _("One exemption per line: code｜name｜basis."),
        }
    )
    return notes


def export_list(version: ListVersion) -> bytes:
    """The version's entries in its layout, with the choice drop-downs and an instructions sheet."""
    layout = layout_of(version)
    workbook, sheet = sheets.new_workbook(layout.sheet_title, layout.columns)
    for entry in layout.entries(version):
        sheet.append(layout.row(entry))
    sheets.format_body(sheet, layout.columns, choices={k: v.values() for k, v in layout.choices.items()})
    sheets.add_instructions(workbook, layout.columns, _notes(layout))
    return sheets.save(workbook)


def template(version: ListVersion) -> bytes:
    """The empty layout of the version's list."""
    layout = layout_of(version)
    workbook, sheet = sheets.new_workbook(layout.sheet_title, layout.columns)
    sheets.format_body(sheet, layout.columns, choices={k: v.values() for k, v in layout.choices.items()})
    sheets.add_instructions(workbook, layout.columns, _notes(layout))
    return sheets.save(workbook)


def parse_file(version: ListVersion, data: bytes) -> tuple[list[tuple[int, EntrySpec]], list[RowError]]:
    """Specs of the rows whose cells parse, and the errors of the others. Reads; never writes."""
    layout = layout_of(version)
    citations = Citations(version.effective_from)
    rows: list[tuple[int, EntrySpec]] = []
    errors: list[RowError] = []
    for number, raw in sheets.data_rows(
        data, layout.columns, sheet_title=layout.sheet_title, max_rows=MAX_ROWS
    ):
        cells = Cells(number, raw, layout.columns)
        spec = layout.parse(cells, citations)
        if cells.errors:
            errors.extend(cells.errors)
        else:
            rows.append((number, spec))
    return rows, errors


def check_import_list(*, actor: writer.Actor, version: ListVersion, data: bytes) -> ImportSummary:
    """Replace a draft's entries by the file's rows: all or none (ImportRejected lists every bad row)."""
    rows, errors = parse_file(version, data)
    return check_import_entries(
        actor=actor,
        version=version,
        kind=ListKind(version.kind),
        rows=rows,
        parse_errors=errors,
        file_digest=sheets.file_digest(data),
    )
