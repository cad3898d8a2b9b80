"""Internal pages for an agency's service windows (办事窗口): everyone in the jurisdiction (and supervisors
above it) reads them; the agency's administrators add, change and remove them. An agency outside the user's
reach, or an edit by a user who may only read, answers 404 exactly like a missing one. Thin: parse, fetch
through the chokepoints, call one action, render."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import URLPattern, path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from sanxiang.core import clock
from sanxiang.core.errors import NotFoundOrForbidden, SanxiangError
from sanxiang.core.forms import show_refusal
from sanxiang.matters import selectors
from sanxiang.matters.actions.windows import (
    WindowSpec,
    check_remove_service_window,
    check_save_service_window,
)
from sanxiang.matters.models import ServiceWindow
from sanxiang.organizations.models import Agency
from sanxiang.organizations.selectors import actor_of


class WindowForm(forms.Form):
    name = forms.CharField(label=gettext_lazy("Window"), max_length=128)
    accepting_body = forms.CharField(label=gettext_lazy("Accepting body"), max_length=128)
    address = forms.CharField(label=gettext_lazy("Office address"), max_length=255)
    hours = forms.CharField(label=gettext_lazy("Office hours"), max_length=128)
    phone = forms.CharField(label=gettext_lazy("Office phone"), max_length=32)
    matter_code = forms.CharField(
        label=gettext_lazy("Matter code"),
        max_length=32,
        required=False,
        help_text=gettext_lazy("Blank: every matter of the agency."),
    )
    unconfirmed_note = forms.CharField(
        label=gettext_lazy("What to confirm"),
        max_length=255,
        required=False,
        help_text=gettext_lazy("Blank once confirmed."),
    )

    def spec(self) -> WindowSpec:
        data = self.cleaned_data
        return WindowSpec(**{**data, "matter_code": data["matter_code"].strip().upper()})


def _agency_or_404(request: HttpRequest, agency_id: int, *, edit: bool = False) -> Agency:
    try:
        agency = selectors.access_agency_lists_by_id(request.user, agency_id)
    except NotFoundOrForbidden as error:
        raise Http404(error.message) from None
    if edit and not selectors.may_edit(request.user, agency):
        raise Http404(_("Agency not found."))
    return agency


def _window_or_404(agency: Agency, window_id: int) -> ServiceWindow:
    window = ServiceWindow.objects.filter(agency=agency, pk=window_id).first()
    if window is None:
        raise Http404(_("Service window not found."))
    return window


def _back(agency: Agency) -> HttpResponse:
    return HttpResponseRedirect(reverse("matters:windows", args=[agency.pk]))


@login_required
@require_GET
def window_list(request: HttpRequest, agency_id: int) -> HttpResponse:
    agency = _agency_or_404(request, agency_id)
    context = {
        "agency": agency,
        "windows": list(selectors.windows_of(agency)),
        "may_edit": selectors.may_edit(request.user, agency),
    }
    return render(request, "matters/windows.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def window_edit(request: HttpRequest, agency_id: int, window_id: int | None = None) -> HttpResponse:
    """Add a window (no ``window_id``) or change one."""
    agency = _agency_or_404(request, agency_id, edit=True)
    window = _window_or_404(agency, window_id) if window_id is not None else None
    initial = {name: getattr(window, name) for name in WindowForm.base_fields} if window else None
    form = WindowForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            check_save_service_window(
                actor=actor_of(request.user, on=clock.today()), agency=agency, spec=form.spec(), window=window
            )
        except SanxiangError as error:
            show_refusal(form, error)
        else:
            messages.success(request, _("Service window saved."))
            return _back(agency)
    context = {"agency": agency, "form": form, "window": window}
    return render(request, "matters/window_form.html", context, status=400 if form.errors else 200)


@login_required
@require_POST
def window_remove(request: HttpRequest, agency_id: int, window_id: int) -> HttpResponse:
    agency = _agency_or_404(request, agency_id, edit=True)
    window = _window_or_404(agency, window_id)
    check_remove_service_window(actor=actor_of(request.user, on=clock.today()), window=window)
    messages.success(request, _("Service window removed."))
    return _back(agency)


urlpatterns: list[URLPattern] = [
    path("windows/<int:agency_id>/", window_list, name="windows"),
    path("windows/<int:agency_id>/new/", window_edit, name="window_new"),
    path("windows/<int:agency_id>/<int:window_id>/edit/", window_edit, name="window_edit"),
    path("windows/<int:agency_id>/<int:window_id>/remove/", window_remove, name="window_remove"),
]
