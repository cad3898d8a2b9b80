"""The management page of an agency's legal-review time limit (R-LR-05, dated data): the versions set and the
form to set one from a day. Only administrators of the agency (or of an agency above it) see and use it;
anyone else gets the 404 of a missing agency. Thin: ``managed_agency``, parse, one action, redirect."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import URLPattern, path
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from sanxiang.core import clock
from sanxiang.core.errors import InvalidInput, RuleViolation
from sanxiang.core.forms import show_refusal
from sanxiang.organizations.enums import Role
from sanxiang.organizations.jurisdiction import holds_role, visible_agencies
from sanxiang.organizations.manage_views import managed_agency
from sanxiang.review import actions, selectors
from sanxiang.review.forms import SettingForm
from sanxiang.review.models import ReviewSetting


@login_required
@require_GET
def setting_home(request: HttpRequest) -> HttpResponse:
    """The time limit of the first agency the user administers (the navigation's entry)."""
    for agency in visible_agencies(request.user).order_by("path"):
        if holds_role(request.user, Role.ADMINISTRATOR, agency):
            return redirect("review:review_settings", agency.pk)
    raise Http404(_("Agency not found."))


@login_required
@require_http_methods(["GET", "POST"])
def review_settings(request: HttpRequest, agency_id: int) -> HttpResponse:
    agency = managed_agency(request, agency_id)
    today = clock.today()
    in_force = selectors.setting_for(agency, on=today)
    initial = {"effective_from": today, "working_days": 7, "extension_days": 3, "amber_working_days": 2}
    if in_force is not None:
        initial.update(
            working_days=in_force.working_days,
            extension_days=in_force.extension_days,
            amber_working_days=in_force.amber_working_days,
        )
    form = SettingForm(request.POST or None, initial=initial)
    if form.is_bound and form.is_valid():
        try:
            actions.check_set_review_setting(actor_user=request.user, agency=agency, **form.cleaned_data)
        except (InvalidInput, RuleViolation) as error:
            show_refusal(form, error)
        else:
            messages.success(request, _("The review time limit was set."))
            return redirect("review:review_settings", agency.pk)
    context = {
        "agency": agency,
        "in_force": in_force,
        "rows": ReviewSetting.objects.filter(agency=agency).order_by("-effective_from"),
        "form": form,
    }
    return render(request, "review/settings.html", context, status=400 if form.errors else 200)


urlpatterns: list[URLPattern] = [
    path("settings/", setting_home, name="review_setting_home"),
    path("settings/<int:agency_id>/", review_settings, name="review_settings"),
]
