"""Changing an entry of a draft list, and replacing a draft's entries by an imported file's rows. Both reuse
the checks of ``actions.lists`` (statutory fine ranges, citations in force, known matter codes) without their
per-entry record: a change writes one ``list_entry.changed`` record, an import one ``list_version.imported``
record with the file's digest. An import is all or nothing: every row is checked, each in its own savepoint,
and any bad row rolls the whole import back. Callers have checked the user's permission."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.db import models, transaction
from django.utils.translation import gettext as _

from sanxiang.core.errors import InvalidInput, SanxiangError
from sanxiang.core.spreadsheets import ImportRejected, RowError
from sanxiang.matters import events
from sanxiang.matters.actions.common import digest, record
from sanxiang.matters.actions.entries import open_draft, spec_json
from sanxiang.matters.actions.lists import ADDERS, entry_code
from sanxiang.matters.enums import ListKind
from sanxiang.matters.models import ListVersion
from sanxiang.matters.specs import KIND_OF_SPEC, EntrySpec
from sanxiang.matters.tables import ENTRY_MODELS, table_name
from sanxiang.records import writer


def _row_code(row: Any) -> str:
    return getattr(row, "code", "") or f"{row.matter_code}/{row.step}"


@transaction.atomic
def check_change_entry(
    *, actor: writer.Actor, version: ListVersion, entry_id: int, spec: EntrySpec
) -> models.Model:
    """Replace one entry of a draft by ``spec``, under the same checks as adding it. Drafts only."""
    kind = KIND_OF_SPEC[type(spec)]
    version = open_draft(version, kind)
    model = ENTRY_MODELS[kind]
    row: Any = model._default_manager.filter(version=version, pk=entry_id).first()
    if row is None:
        raise InvalidInput(_("This entry is not in %(version)s.") % {"version": version})
    previous = _row_code(row)
    row.delete()
    entry = ADDERS[kind](version, spec)
    data = {
        "table": table_name(model),
        "code": entry_code(spec),
        "previous": previous,
        "digest": digest(spec_json(spec)),
    }
    record(
        events.ENTRY_CHANGED.code,
        actor=actor,
        agency_id=version.agency_id,
        kind="list_version",
        pk=version.pk,
        data=data,
    )
    return entry


@dataclass(frozen=True)
class ImportSummary:
    removed: int
    added: int
    file_digest: str


def _error_text(error: SanxiangError) -> str:
    details = [message for messages in getattr(error, "errors", {}).values() for message in messages]
    return " ".join([error.message, *details])


def _add_rows(version: ListVersion, kind: ListKind, rows: Sequence[tuple[int, EntrySpec]]) -> list[RowError]:
    errors = []
    for number, spec in rows:
        if KIND_OF_SPEC[type(spec)] != kind:
            raise InvalidInput(_("This file does not hold rows of %(version)s.") % {"version": version})
        try:
            with transaction.atomic():  # a savepoint: a bad row leaves nothing of itself behind
                ADDERS[kind](version, spec)
        except SanxiangError as error:
            errors.append(RowError(number, "", _error_text(error)))
    return errors


@transaction.atomic
def check_import_entries(
    *,
    actor: writer.Actor,
    version: ListVersion,
    kind: ListKind,
    rows: Sequence[tuple[int, EntrySpec]],
    parse_errors: Sequence[RowError],
    file_digest: str,
) -> ImportSummary:
    """Replace every entry of a draft of ``kind`` by ``rows`` (spreadsheet row number, spec). Raises
    ImportRejected with the parse errors and every row the checks refuse; then nothing is written."""
    version = open_draft(version, kind)
    if not rows and not parse_errors:
        raise InvalidInput(_("The file has no rows under its header."))
    model = ENTRY_MODELS[kind]
    existing = model._default_manager.filter(version=version)
    removed = existing.count()
    existing.delete()
    errors = [*parse_errors, *_add_rows(version, kind, rows)]
    if errors:
        raise ImportRejected(errors)
    data = {"table": table_name(model), "file_digest": file_digest, "removed": removed, "added": len(rows)}
    record(
        events.LIST_IMPORTED.code,
        actor=actor,
        agency_id=version.agency_id,
        kind="list_version",
        pk=version.pk,
        data=data,
    )
    return ImportSummary(removed=removed, added=len(rows), file_digest=file_digest)
