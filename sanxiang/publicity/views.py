"""The public portal. Anonymous; shows only what the law requires to be public, as of today (clock.today()):
执法人员公示, certificate checks and the pre-publicity pages (事前公开) over published list versions.
Never writes (every view is GET-only), never calls a jurisdiction chokepoint: all of it is public by law."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch
from django.views.decorators.http import require_GET

from sanxiang.core import clock
from sanxiang.matters.enums import ListKind, MatterType
from sanxiang.matters.models import ListVersion
from sanxiang.publicity import listings, selectors
from sanxiang.publicity.forms import ListCriteria, ListPageForm, OfficerSearchForm

OFFICERS_PER_PAGE = 25


@require_GET
def portal_home(request: HttpRequest) -> HttpResponse:
    return render(request, "publicity/home.html")


@require_GET
def officer_list(request: HttpRequest) -> HttpResponse:
    """执法人员公示: officers whose certificate is valid today, by agency, searchable."""
    agencies = selectors.public_agencies()
    form = OfficerSearchForm(request.GET, agencies=agencies)
    agency_id, query = form.criteria()
    day = clock.today()
    certificates = selectors.public_officers(day=day, agency_id=agency_id, query=query)
    page = Paginator(certificates, OFFICERS_PER_PAGE).get_page(request.GET.get("page"))
    rows = [selectors.as_public_officer(certificate) for certificate in page.object_list]
    context = {
        "form": form,
        "agencies": agencies,
        "agency_id": agency_id,
        "query": query,
        "page": page,
        "rows": rows,
        "day": day,
    }
    return render(request, "publicity/officer_list.html", context)


@require_GET
def certificate_lookup(request: HttpRequest) -> HttpResponse:
    """The portal's "check a certificate" box: sends the visitor to the verification page for the number."""
    number = request.GET.get("number", "").strip()
    if not number:
        return redirect("publicity:home")
    try:
        return redirect("publicity:certificate", number=number)
    except NoReverseMatch:  # a "number" no certificate can have, such as one containing "/"
        return render(request, "publicity/certificate_unknown.html", {"number": number}, status=404)


@require_GET
def certificate_check(request: HttpRequest, number: str) -> HttpResponse:
    """亮证执法: the page a certificate's QR code opens. Says what the certificate is on the day it is
    opened."""
    check = selectors.check_certificate(number, day=clock.today())
    if check is None:
        return render(request, "publicity/certificate_unknown.html", {"number": number}, status=404)
    return render(request, "publicity/certificate_check.html", {"check": check})


# -- 事前公开 ------------------------------------------------------------------------------------------------


@require_GET
def bodies(request: HttpRequest) -> HttpResponse:
    """执法主体: every enforcement body with its legal status, basis, duties, powers, region and contacts."""
    return render(
        request, "publicity/bodies.html", {"bodies": listings.public_bodies(), "day": clock.today()}
    )


def _list_page(
    request: HttpRequest, kind: ListKind
) -> tuple[dict[str, object], ListVersion | None, ListCriteria]:
    """What every list page shares: the agency chosen, the published version shown and its versions."""
    agencies = selectors.public_agencies()
    criteria = ListPageForm(request.GET, agencies=agencies).criteria()
    agency = next((a for a in agencies if a.pk == criteria.agency_id), None) or listings.default_agency(
        agencies
    )
    if agency is None:
        return {"agencies": agencies, "agency": None, "version": None}, None, criteria
    day = clock.today()
    version, public = listings.shown_version(kind, agency=agency, version_id=criteria.version_id, day=day)
    if criteria.version_id is not None and version is None:
        raise Http404  # not a published version of this list: drafts and unpublished ones do not exist here
    context: dict[str, object] = {"agencies": agencies, "agency": agency, "version": public, "day": day}
    return context, version, criteria


@require_GET
def matter_list(request: HttpRequest) -> HttpResponse:
    """The enforcement-matter catalogue in force, by type, searchable by name or code."""
    context, version, criteria = _list_page(request, ListKind.CATALOGUE)
    groups = listings.matter_groups(version, query=criteria.query, only=criteria.type) if version else []
    context |= {
        "groups": groups,
        "query": criteria.query,
        "type": criteria.type or "",
        "types": MatterType.choices,
    }
    return render(request, "publicity/matter_list.html", context)


@require_GET
def matter_detail(request: HttpRequest, matter_id: int) -> HttpResponse:
    """服务指南 and 流程图 of one matter of a published catalogue version."""
    guide = listings.service_guide(matter_id, day=clock.today())
    if guide is None:
        raise Http404
    return render(request, "publicity/matter_detail.html", {"guide": guide, "version": guide.version})


@require_GET
def benchmark_list(request: HttpRequest) -> HttpResponse:
    context, version, _criteria = _list_page(request, ListKind.BENCHMARKS)
    context["benchmarks"] = listings.benchmarks(version) if version else []
    return render(request, "publicity/benchmark_list.html", context)


@require_GET
def inspection_list(request: HttpRequest) -> HttpResponse:
    context, version, _criteria = _list_page(request, ListKind.RANDOM_INSPECTION)
    context["items"] = listings.inspection_items(version) if version else []
    return render(request, "publicity/inspection_list.html", context)


@require_GET
def fee_list(request: HttpRequest) -> HttpResponse:
    context, version, _criteria = _list_page(request, ListKind.FEE_STANDARDS)
    context["fees"] = listings.fee_standards(version) if version else []
    return render(request, "publicity/fee_list.html", context)


@require_GET
def relief_list(request: HttpRequest) -> HttpResponse:
    """救济渠道 of every matter of the catalogue in force, as data (where, within how long, which article)."""
    context, version, _criteria = _list_page(request, ListKind.CATALOGUE)
    context["rows"] = listings.relief_rows(version) if version else []
    return render(request, "publicity/relief_list.html", context)


@require_GET
def placard(request: HttpRequest, agency_id: int) -> HttpResponse:
    """The printable placard of an agency's service window in the 政务大厅 (seed 二(一)4(3))."""
    shown = listings.placard(agency_id, day=clock.today())
    if shown is None:
        raise Http404
    return render(request, "publicity/placard.html", {"placard": shown})
