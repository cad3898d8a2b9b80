"""Reads of the per-agency case settings: the row in force for an agency on a day, its own or the nearest
ancestor's. This module must never write and never invent a default for a legal threshold."""

from __future__ import annotations

import datetime as dt

from sanxiang.cases.models import CaseSetting
from sanxiang.organizations.models import Agency


def _chain(agency: Agency) -> list[int]:
    """The agency's id and its ancestors', nearest first, from the materialised path ("/<id>/<id>/")."""
    return [int(part) for part in reversed(agency.path.strip("/").split("/")) if part.isdigit()]


def setting_for(agency: Agency, *, on: dt.date) -> CaseSetting | None:
    """The setting in force on ``on``: the agency's own latest effective row, else its nearest ancestor's."""
    chain = _chain(agency)
    rows = CaseSetting.objects.filter(agency_id__in=chain, effective_from__lte=on).order_by("-effective_from")
    by_agency: dict[int, CaseSetting] = {}
    for row in rows:
        by_agency.setdefault(row.agency_id, row)
    for agency_id in chain:
        if agency_id in by_agency:
            return by_agency[agency_id]
    return None


def settings_of(agency: Agency) -> list[CaseSetting]:
    """The agency's own dated rows, latest first (the page of its administrators)."""
    return list(CaseSetting.objects.filter(agency=agency).order_by("-effective_from"))
