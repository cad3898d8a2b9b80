"""An agency's record-log page: every event done in the agency's name, newest first, filtered by event type,
subject kind, Beijing date range and acting officer, 50 to a page. Thin: the agency comes through the
jurisdiction chokepoint (officers see their agency, supervisors their subtree, anyone else a 404), the rows
from ``selectors.agency_entries``; officer names are resolved in one query per page."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import URLPattern, path
from django.views.decorators.http import require_GET

from sanxiang.core.errors import NotFoundOrForbidden
from sanxiang.organizations import jurisdiction
from sanxiang.organizations.log_forms import AgencyLogFilterForm
from sanxiang.organizations.models import Officer
from sanxiang.records import registry, selectors
from sanxiang.records.models import Entry

PER_PAGE = 50


@dataclass(frozen=True)
class LogRow:
    index: int
    time: Any
    event_type: str
    label: str
    subject: str
    actor: str
    certificate: str


def _rows(entries: list[Entry]) -> list[LogRow]:
    ids = {entry.actor_officer_id for entry in entries if entry.actor_officer_id}
    names = dict(Officer.objects.filter(pk__in=ids).values_list("pk", "name"))
    rows = []
    for entry in entries:
        actor = json.loads(bytes(entry.body)).get("actor") or {}
        rows.append(
            LogRow(
                index=entry.index,
                time=entry.recorded_at,
                event_type=entry.event_type,
                label=registry.label(entry.event_type),
                subject=f"{entry.subject_kind}:{entry.subject_id}",
                actor=names.get(entry.actor_officer_id or 0, ""),
                certificate=actor.get("certificate") or "",
            )
        )
    return rows


@login_required
@require_GET
def agency_log(request: HttpRequest, agency_id: int) -> HttpResponse:
    try:
        agency = jurisdiction.access_agency_by_id(request.user, agency_id)
    except NotFoundOrForbidden as error:
        raise Http404(error.message) from None
    form = AgencyLogFilterForm(request.GET or None, agency=agency)
    log_filter = form.log_filter() if form.is_bound and form.is_valid() else selectors.LogFilter()
    entries = selectors.agency_entries(agency.pk, log_filter)
    page = Paginator(entries, PER_PAGE).get_page(request.GET.get("page"))
    context = {"agency": agency, "form": form, "page": page, "rows": _rows(list(page.object_list))}
    return render(request, "organizations/agency_log.html", context)


urlpatterns: list[URLPattern] = [path("<int:agency_id>/log/", agency_log, name="agency_log")]
