"""Pages for agencies and officers inside the platform. Thin: parse, fetch through jurisdiction.access_* or
visible_*, render. Never writes. An object outside the user's jurisdiction answers 404, exactly like a missing
one, so an outsider learns nothing about another city's agencies or officers."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Count, Q, QuerySet, Sum
from django.db.models.functions import ExtractYear
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import URLPattern, path, reverse
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from sanxiang.core import clock
from sanxiang.core.errors import NotFoundOrForbidden
from sanxiang.organizations import forms, integrity_views, jurisdiction, manage_views, timeline_labels
from sanxiang.organizations.enums import CertificateState, Role
from sanxiang.organizations.models import Agency, Certificate, Officer
from sanxiang.organizations.worklist_items import headline_certificate

OFFICERS_PER_PAGE = 25
QUERY_MAX_LENGTH = 64


@dataclass(frozen=True)
class CertificateRow:
    certificate: Certificate
    state: CertificateState


@dataclass(frozen=True)
class OfficerRow:
    officer: Officer
    certificate: Certificate | None
    state: CertificateState | None


@dataclass(frozen=True)
class CardCertificate:
    certificate: Certificate
    state: CertificateState
    verify_url: str
    qr_svg: SafeString


# -- helpers -----------------------------------------------------------------------------------------------


def _agency_or_404(request: HttpRequest, agency_id: int) -> Agency:
    try:
        return jurisdiction.access_agency_by_id(request.user, agency_id)
    except NotFoundOrForbidden as error:
        raise Http404(error.message) from None


def _officer_or_404(request: HttpRequest, officer_id: int) -> Officer:
    try:
        return jurisdiction.access_officer_by_id(request.user, officer_id)
    except NotFoundOrForbidden as error:
        raise Http404(error.message) from None


def _search_criteria(request: HttpRequest, agencies: list[Agency]) -> tuple[int | None, str]:
    """(agency id, query) from the query string; an agency outside the list is ignored, never trusted."""
    query = request.GET.get("q", "").strip()[:QUERY_MAX_LENGTH]
    raw = request.GET.get("agency", "")
    agency_id = int(raw) if raw.isdigit() else None
    if agency_id not in {agency.pk for agency in agencies}:
        agency_id = None
    return agency_id, query


def _filtered_officers(
    officers: QuerySet[Officer], *, agency_id: int | None, query: str
) -> QuerySet[Officer]:
    if agency_id is not None:
        officers = officers.filter(agency_id=agency_id)
    if query:
        officers = officers.filter(
            Q(name__icontains=query) | Q(certificates__number__icontains=query)
        ).distinct()
    return officers.select_related("agency", "department").prefetch_related("certificates")


def _officer_row(officer: Officer, day: dt.date) -> OfficerRow:
    certificate = headline_certificate(officer, day)
    return OfficerRow(
        officer=officer, certificate=certificate, state=certificate.state_on(day) if certificate else None
    )


def _training_hours_by_year(officer: Officer) -> list[dict[str, int]]:
    per_year = officer.trainings.annotate(year=ExtractYear("completed_on")).values("year")
    return list(per_year.annotate(hours=Sum("hours")).order_by("-year"))


def verification_url(number: str) -> str:
    """The public address a certificate's QR code points at (the portal's verification page)."""
    return settings.SANXIANG_PUBLIC_URL + reverse("publicity:certificate", args=[number])


def qr_svg(url: str) -> SafeString:
    """An inline SVG QR code for ``url``; medium error correction survives a worn or scratched card."""
    import segno  # imported on use: ~10 MiB per server process otherwise

    svg = segno.make(url, error="m", micro=False).svg_inline(scale=4, border=2, omitsize=True)
    # segno builds the markup from the encoded modules only; ``url`` never appears in it as text.
    return mark_safe(svg)  # noqa: S308


def _printable_certificates(officer: Officer, day: dt.date) -> list[Certificate]:
    """A card is printed only for an officer in post, and only for a certificate valid now or about to be."""
    if not officer.is_active:
        return []
    printable = (CertificateState.VALID, CertificateState.NOT_YET_VALID)
    return [c for c in officer.certificates.all() if c.state_on(day) in printable]


def _card_certificate(certificate: Certificate, day: dt.date) -> CardCertificate:
    url = verification_url(certificate.number)
    return CardCertificate(
        certificate=certificate, state=certificate.state_on(day), verify_url=url, qr_svg=qr_svg(url)
    )


# -- agencies ----------------------------------------------------------------------------------------------


@login_required
@require_GET
def agency_list(request: HttpRequest) -> HttpResponse:
    """The part of the agency tree the user may see, with the number of officers in post in each."""
    in_post = Count("officers", filter=Q(officers__is_active=True))
    agencies = list(
        jurisdiction.visible_agencies(request.user).annotate(officer_count=in_post).order_by("path")
    )
    top = min((agency.path.count("/") for agency in agencies), default=0)
    rows = [(agency, min(agency.path.count("/") - top, 3)) for agency in agencies]
    return render(request, "organizations/agency_list.html", {"rows": rows})


@login_required
@require_GET
def agency_detail(request: HttpRequest, agency_id: int) -> HttpResponse:
    """An agency's 执法主体 facts, departments, entrusted organisations and officers in post."""
    agency = _agency_or_404(request, agency_id)
    may_manage = jurisdiction.holds_role(request.user, Role.ADMINISTRATOR, agency)
    context = {
        "agency": agency,
        "departments": list(agency.departments.all()),
        "entrusted": list(agency.entrusted_organizations.order_by("name")),
        "children": list(jurisdiction.visible_agencies(request.user).filter(parent=agency)),
        "officer_count": agency.officers.filter(is_active=True).count(),
        "today": clock.today(),
        "timeline": timeline_labels.timeline_rows("agency", agency.pk),
        "may_manage": may_manage,
        "may_audit": integrity_views.may_audit(request.user, agency),
        "role_grants": manage_views.grants_of(agency) if may_manage else [],
        "grant_form": forms.GrantRoleForm(agency=agency) if may_manage else None,
    }
    return render(request, "organizations/agency_detail.html", context)


# -- officers ----------------------------------------------------------------------------------------------


@login_required
@require_GET
def officer_list(request: HttpRequest) -> HttpResponse:
    """Officers the user may see, filtered by agency and by name or certificate number, with today's state."""
    agencies = list(jurisdiction.visible_agencies(request.user))
    agency_id, query = _search_criteria(request, agencies)
    officers = _filtered_officers(
        jurisdiction.visible_officers(request.user), agency_id=agency_id, query=query
    )
    page = Paginator(officers, OFFICERS_PER_PAGE).get_page(request.GET.get("page"))
    day = clock.today()
    context = {
        "agencies": agencies,
        "agency_id": agency_id,
        "query": query,
        "page": page,
        "day": day,
        "rows": [_officer_row(officer, day) for officer in page.object_list],
    }
    return render(request, "organizations/officer_list.html", context)


@login_required
@require_GET
def officer_detail(request: HttpRequest, officer_id: int) -> HttpResponse:
    """An officer's certificates with their state today, training hours per year and legal qualification."""
    officer = _officer_or_404(request, officer_id)
    day = clock.today()
    may_manage = jurisdiction.holds_role(request.user, Role.ADMINISTRATOR, officer.agency)
    context = {
        "officer": officer,
        "day": day,
        "certificates": [CertificateRow(c, c.state_on(day)) for c in officer.certificates.all()],
        "training": _training_hours_by_year(officer),
        "may_print_card": may_manage,
        "may_manage": may_manage,
        "timeline": timeline_labels.timeline_rows("officer", officer.pk),
    }
    return render(request, "organizations/officer_detail.html", context)


@login_required
@require_GET
def officer_card(request: HttpRequest, officer_id: int) -> HttpResponse:
    """The printable certificate card (亮证执法) with a QR code to the public verification page.
    Administrators of the officer's agency only; anyone else gets the same 404 as for a missing officer."""
    officer = _officer_or_404(request, officer_id)
    try:
        jurisdiction.require_role(request.user, Role.ADMINISTRATOR, officer.agency)
    except NotFoundOrForbidden:
        raise Http404(_("Officer not found.")) from None
    day = clock.today()
    cards = [_card_certificate(c, day) for c in _printable_certificates(officer, day)]
    return render(
        request, "organizations/officer_card.html", {"officer": officer, "cards": cards, "day": day}
    )


urlpatterns: list[URLPattern] = [
    path("", agency_list, name="agency_list"),
    path("<int:agency_id>/", agency_detail, name="agency_detail"),
    path("officers/", officer_list, name="officer_list"),
    path("officers/<int:officer_id>/", officer_detail, name="officer_detail"),
    path("officers/<int:officer_id>/card/", officer_card, name="officer_card"),
]
