"""The office's published lists in the management pages: the same lists the portal shows (built from the
published versions in force only), for any agency the user may see, as of any day, with their changes and
downloads. Reading only: anyone in the jurisdiction (and supervisors above it) reads; an agency outside it
answers 404 exactly like a missing one. Also the file download shared with the portal. Never writes."""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import URLPattern, path, reverse
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_GET

from sanxiang.core import clock
from sanxiang.core import spreadsheets as sheets
from sanxiang.core.errors import NotFoundOrForbidden
from sanxiang.matters import published, selectors
from sanxiang.matters.enums import PublishedListKind
from sanxiang.matters.published.files import filename
from sanxiang.organizations.models import Agency


def day_asked(request: HttpRequest) -> dt.date:
    """``?on=2026-07-01``, or today when absent or not a date."""
    try:
        return dt.date.fromisoformat(request.GET.get("on", ""))
    except ValueError:
        return clock.today()


def list_kind(kind: str) -> PublishedListKind:
    if kind not in PublishedListKind.values:
        raise Http404
    return PublishedListKind(kind)


def download(shown: published.PublishedList, extension: str) -> HttpResponse:
    """The list as an XLSX or CSV attachment (the portal uses it too)."""
    if extension == "xlsx":
        response = HttpResponse(published.xlsx_file(shown), content_type=sheets.XLSX_CONTENT_TYPE)
    else:
        response = HttpResponse(published.csv_file(shown), content_type=sheets.CSV_CONTENT_TYPE)
    disposition = content_disposition_header(as_attachment=True, filename=filename(shown, extension))
    response["Content-Disposition"] = disposition or "attachment"
    return response


def _agency_or_404(request: HttpRequest, agency_id: int) -> Agency:
    try:
        return selectors.access_agency_lists_by_id(request.user, agency_id)
    except NotFoundOrForbidden as error:
        raise Http404(error.message) from None


@login_required
@require_GET
def published_list(request: HttpRequest, agency_id: int, kind: str) -> HttpResponse:
    agency = _agency_or_404(request, agency_id)
    day = day_asked(request)
    shown = published.published_list(list_kind(kind), agency, on=day)
    context = {
        "agency": agency,
        "shown": shown,
        "day": day,
        "kinds": PublishedListKind.choices,
        "export": reverse("matters:published_list", args=[agency.pk, kind]),
        "query": urlencode({"on": day.isoformat()}),
    }
    return render(request, "matters/published_list.html", context)


@login_required
@require_GET
def published_file(request: HttpRequest, agency_id: int, kind: str, extension: str) -> HttpResponse:
    agency = _agency_or_404(request, agency_id)
    shown = published.published_list(list_kind(kind), agency, on=day_asked(request))
    if not shown.sources:
        raise Http404
    return download(shown, extension)


urlpatterns: list[URLPattern] = [
    path("published/<int:agency_id>/<str:kind>/", published_list, name="published_list"),
    path(
        "published/<int:agency_id>/<str:kind>/export.xlsx",
        published_file,
        {"extension": "xlsx"},
        name="published_xlsx",
    ),
    path(
        "published/<int:agency_id>/<str:kind>/export.csv",
        published_file,
        {"extension": "csv"},
        name="published_csv",
    ),
]
