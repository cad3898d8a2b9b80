"""The office's published lists on the public portal (seed 二(一)3(1)): 权力清单, 责任清单, 罚没清单,
监管清单 and 收费清单 of an agency as they stand today or on an earlier day (``?on=``), with the date the
list took that form and what changed against the previous version (动态调整), downloadable as Excel and
CSV. Anonymous and GET-only; everything shown is built from published versions only
(``matters.published``). Never writes."""

from __future__ import annotations

from urllib.parse import urlencode

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import URLPattern, path, reverse
from django.views.decorators.http import require_GET

from sanxiang.matters import published, published_views
from sanxiang.matters.enums import PublishedListKind
from sanxiang.organizations.models import Agency
from sanxiang.publicity import listings, selectors
from sanxiang.publicity.forms import ListPageForm


def _agency(request: HttpRequest) -> tuple[list[Agency], Agency]:
    agencies = selectors.public_agencies()
    criteria = ListPageForm(request.GET, agencies=agencies).criteria()
    chosen = next((a for a in agencies if a.pk == criteria.agency_id), None)
    agency = chosen or listings.default_agency(agencies)
    if agency is None:
        raise Http404
    return agencies, agency


@require_GET
def list_index(request: HttpRequest) -> HttpResponse:
    agencies, agency = _agency(request)
    context = {"agencies": agencies, "agency": agency, "kinds": PublishedListKind.choices}
    return render(request, "publicity/published_index.html", context)


@require_GET
def list_page(request: HttpRequest, kind: str) -> HttpResponse:
    agencies, agency = _agency(request)
    day = published_views.day_asked(request)
    shown = published.published_list(published_views.list_kind(kind), agency, on=day)
    context = {
        "agencies": agencies,
        "agency": agency,
        "shown": shown,
        "day": day,
        "export": reverse("publicity:published_list", args=[kind]),
        "query": urlencode({"agency": agency.pk, "on": day.isoformat()}),
    }
    return render(request, "publicity/published_list.html", context)


@require_GET
def list_file(request: HttpRequest, kind: str, extension: str) -> HttpResponse:
    _agencies, agency = _agency(request)
    shown = published.published_list(
        published_views.list_kind(kind), agency, on=published_views.day_asked(request)
    )
    if not shown.sources:
        raise Http404
    return published_views.download(shown, extension)


urlpatterns: list[URLPattern] = [
    path("lists/", list_index, name="published_index"),
    path("lists/<str:kind>/", list_page, name="published_list"),
    path("lists/<str:kind>/export.xlsx", list_file, {"extension": "xlsx"}, name="published_xlsx"),
    path("lists/<str:kind>/export.csv", list_file, {"extension": "csv"}, name="published_csv"),
]
