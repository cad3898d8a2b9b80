"""Party pages for officers: the list, a party's facts, registration and changes of facts.

Thin: parse with ``cases.forms``, fetch through ``cases.selectors`` (``access_party_by_id``), call one action,
render. A party outside the user's jurisdiction answers 404 exactly like a missing id. Only officers register
and change parties, of their own agency; anyone else gets the 404 of a page that is not there. This module
must never write to a model directly nor decide a rule an action decides.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import URLPattern, path
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from sanxiang.cases import actions, forms, selectors
from sanxiang.cases.models import Party
from sanxiang.core import clock
from sanxiang.core.errors import InvalidInput, NotFoundOrForbidden
from sanxiang.core.forms import show_refusal
from sanxiang.organizations import selectors as organization_selectors
from sanxiang.organizations.models import Agency

PARTIES_PER_PAGE = 25
QUERY_MAX_LENGTH = 64


def _party_or_404(request: HttpRequest, party_id: int) -> Party:
    try:
        return selectors.access_party_by_id(request.user, party_id)
    except NotFoundOrForbidden as error:
        raise Http404(error.message) from None


def _registering_agency_or_404(request: HttpRequest) -> Agency:
    """The agency of the signed-in officer, when they may register its parties."""
    officer = organization_selectors.officer_of(request.user)
    if officer is None or not selectors.can_register_party(request.user, officer.agency):
        raise Http404(_("Party not found."))
    return officer.agency


@login_required
@require_GET
def party_list(request: HttpRequest) -> HttpResponse:
    """Parties within the user's jurisdiction, searchable by name, with identifiers masked."""
    query = request.GET.get("q", "").strip()[:QUERY_MAX_LENGTH]
    parties = selectors.list_parties(request.user, query=query)
    page = Paginator(parties, PARTIES_PER_PAGE).get_page(request.GET.get("page"))
    officer = organization_selectors.officer_of(request.user)
    may_register = officer is not None and selectors.can_register_party(request.user, officer.agency)
    context = {"page": page, "query": query, "may_register": may_register}
    return render(request, "cases/party_list.html", context)


@login_required
@require_GET
def party_detail(request: HttpRequest, party_id: int) -> HttpResponse:
    party = _party_or_404(request, party_id)
    may_edit = selectors.can_register_party(request.user, party.agency)
    return render(request, "cases/party_detail.html", {"party": party, "may_edit": may_edit})


@login_required
@require_http_methods(["GET", "POST"])
def party_register(request: HttpRequest) -> HttpResponse:
    """Register a party with the officer's agency; the action's refusals are shown on the form (400)."""
    agency = _registering_agency_or_404(request)
    form = forms.PartyForm(request.POST if request.method == "POST" else None)
    if form.is_bound and form.is_valid():
        actor = organization_selectors.actor_of(request.user, on=clock.today())
        try:
            party = actions.check_register_party(actor=actor, agency=agency, **form.cleaned_data)
        except InvalidInput as error:
            show_refusal(form, error)
        else:
            messages.success(request, _("Party %(name)s was registered.") % {"name": party.name})
            return redirect("cases:party_detail", party.pk)
    status = 400 if form.is_bound else 200
    return render(request, "cases/party_form.html", {"form": form, "agency": agency}, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def party_edit(request: HttpRequest, party_id: int) -> HttpResponse:
    """Change a party's facts: officers of the registering agency only; anyone else gets the 404 of a
    missing party."""
    party = _party_or_404(request, party_id)
    if not selectors.can_register_party(request.user, party.agency):
        raise Http404(_("Party not found."))
    form = forms.PartyEditForm(request.POST if request.method == "POST" else None, party=party)
    if form.is_bound and form.is_valid():
        actor = organization_selectors.actor_of(request.user, on=clock.today())
        try:
            actions.check_update_party(actor=actor, party=party, changes=form.changes())
        except InvalidInput as error:
            show_refusal(form, error)
        else:
            messages.success(request, _("The party's facts were saved."))
            return redirect("cases:party_detail", party.pk)
    status = 400 if form.is_bound else 200
    context = {"form": form, "agency": party.agency, "party": party}
    return render(request, "cases/party_form.html", context, status=status)


urlpatterns: list[URLPattern] = [
    path("parties/", party_list, name="party_list"),
    path("parties/register/", party_register, name="party_register"),
    path("parties/<int:party_id>/", party_detail, name="party_detail"),
    path("parties/<int:party_id>/edit/", party_edit, name="party_edit"),
]
