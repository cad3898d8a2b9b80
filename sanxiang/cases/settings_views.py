"""The case-settings pages of an agency's administrators (mounted at /cases/settings/): the agencies they
administer, and for one agency its dated rows with the form scheduling a new one (hearing thresholds, amber
threshold, the late charge on levies and fees). Thin: the administrator role on the agency (granted there or
above) is checked at one chokepoint that answers the 404 of a missing id to anyone else; one action writes."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import URLPattern, path
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from sanxiang.accounts.models import User
from sanxiang.cases.case_forms import CaseSettingForm
from sanxiang.cases.settings_actions import check_schedule_case_setting
from sanxiang.cases.settings_selectors import setting_for, settings_of
from sanxiang.core import clock
from sanxiang.core.errors import InvalidInput, NotFoundOrForbidden, RuleViolation
from sanxiang.core.forms import show_refusal
from sanxiang.organizations import jurisdiction
from sanxiang.organizations.enums import Role
from sanxiang.organizations.models import Agency


def access_administered_agency_by_id(user: Any, agency_id: int) -> Agency:
    """The agency when ``user`` administers it; the same error for a missing and a foreign agency."""
    agency = jurisdiction.access_agency_by_id(user, agency_id)
    jurisdiction.require_role(user, Role.ADMINISTRATOR, agency)
    return agency


@login_required
@require_GET
def settings_index(request: HttpRequest) -> HttpResponse:
    agencies = [
        agency
        for agency in jurisdiction.visible_agencies(request.user).order_by("path")
        if jurisdiction.holds_role(request.user, Role.ADMINISTRATOR, agency)
    ]
    if not agencies:
        raise Http404(_("Agency not found."))
    return render(request, "cases/case_settings_index.html", {"agencies": agencies})


@login_required
@require_http_methods(["GET", "POST"])
def case_settings(request: HttpRequest, agency_id: int) -> HttpResponse:
    try:
        agency = access_administered_agency_by_id(request.user, agency_id)
    except NotFoundOrForbidden:
        raise Http404(_("Agency not found.")) from None
    today = clock.today()
    form = CaseSettingForm(request.POST or None, initial=_initial(agency))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            assert isinstance(request.user, User)  # login_required
            check_schedule_case_setting(
                actor_user=request.user,
                agency=agency,
                effective_from=data["effective_from"],
                hearing_person_fen=data["hearing_person"],
                hearing_organization_fen=data["hearing_organization"],
                amber_working_days=data["amber_working_days"],
                levy_late_per_10000=data["levy_late_per_10000"],
            )
        except (InvalidInput, RuleViolation) as error:
            show_refusal(form, error)
        else:
            messages.success(request, _("The case settings were scheduled."))
            return redirect("cases:case_settings", agency.pk)
    context = {
        "agency": agency,
        "form": form,
        "rows": settings_of(agency),
        "in_force": setting_for(agency, on=today),
        "today": today,
    }
    return render(request, "cases/case_settings.html", context, status=400 if form.is_bound else 200)


def _initial(agency: Agency) -> dict[str, object]:
    """Enter once: the values in force today, to be changed from the chosen day."""
    today = clock.today()
    current = setting_for(agency, on=today)
    initial: dict[str, object] = {"effective_from": today}
    if current is not None:
        initial.update(
            hearing_person=f"{current.hearing_threshold_person_fen / 100:.2f}",
            hearing_organization=f"{current.hearing_threshold_organization_fen / 100:.2f}",
            amber_working_days=current.amber_working_days,
            levy_late_per_10000=current.levy_late_per_10000,
        )
    return initial


urlpatterns: list[URLPattern] = [
    path("settings/", settings_index, name="case_settings_index"),
    path("settings/<int:agency_id>/", case_settings, name="case_settings"),
]
