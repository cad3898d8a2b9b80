"""The public portal. Anonymous; shows only what the law requires to be public, as of today (clock.today()).
Never writes and never calls a jurisdiction chokepoint: everything here is public by law."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch
from django.views.decorators.http import require_GET

from sanxiang.core import clock
from sanxiang.publicity import selectors
from sanxiang.publicity.forms import OfficerSearchForm

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
