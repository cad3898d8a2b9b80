"""Calendar pages. Thin: parse, pass the permission check, call one action, render.

The year pages and their forms are for administrators only; anyone else signed in gets the same 404 as a
missing page, and the anonymous are sent to sign in. The due-date calculator is open to every signed-in user.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from sanxiang.calendar import actions, deadlines, selectors
from sanxiang.calendar.enums import DayKind, YearStatus
from sanxiang.calendar.forms import AddDayForm, ConfirmYearForm, DueDateForm, RemoveDayForm
from sanxiang.calendar.permissions import require_calendar_administrator
from sanxiang.core import clock
from sanxiang.core.errors import InvalidInput, NotFoundOrForbidden
from sanxiang.records import writer

View = Callable[..., HttpResponse]


def administrator_required(view: View) -> View:
    @login_required
    @wraps(view)
    def wrapped(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
        try:
            require_calendar_administrator(request.user)
        except NotFoundOrForbidden as error:
            raise Http404(error.message) from None
        return view(request, *args, **kwargs)

    return wrapped


def _actor(request: HttpRequest) -> writer.Actor:
    return writer.Actor(user_id=request.user.pk)


def _check_year(year: int) -> None:
    if not actions.FIRST_YEAR <= year <= actions.LAST_YEAR:
        raise Http404(_("Page not found."))


@require_GET
@administrator_required
def index(request: HttpRequest) -> HttpResponse:
    return redirect("calendar:year", year=clock.today().year)


def _render_year(
    request: HttpRequest, year: int, *, error: InvalidInput | None = None, **forms: object
) -> HttpResponse:
    coverage = selectors.get_year(year)
    official = coverage is not None and coverage.status == YearStatus.OFFICIAL
    context = {
        "year": year,
        "coverage": coverage,
        "official": official,
        "days": selectors.list_days(year),
        "computed": selectors.computed_holidays(year, official=official),
        "years": selectors.list_years(),
        "add_form": forms.get("add_form") or AddDayForm(initial={"kind": DayKind.HOLIDAY}),
        "remove_form": forms.get("remove_form") or RemoveDayForm(),
        "confirm_form": forms.get("confirm_form") or ConfirmYearForm(),
        "error": error,
    }
    return render(request, "calendar/year.html", context, status=400 if error or forms else 200)


@require_GET
@administrator_required
def year_view(request: HttpRequest, year: int) -> HttpResponse:
    _check_year(year)
    return _render_year(request, year)


@require_POST
@administrator_required
def add_day(request: HttpRequest, year: int) -> HttpResponse:
    _check_year(year)
    form = AddDayForm(request.POST)
    if not form.is_valid():
        return _render_year(request, year, add_form=form)
    data = form.cleaned_data
    try:
        actions.check_add_day(
            actor=_actor(request), year=year, day=data["date"], kind=DayKind(data["kind"]), name=data["name"]
        )
    except InvalidInput as error:
        return _render_year(request, year, error=error, add_form=form)
    messages.success(request, _("%(date)s was added.") % {"date": data["date"].isoformat()})
    return redirect("calendar:year", year=year)


@require_POST
@administrator_required
def remove_day(request: HttpRequest, year: int) -> HttpResponse:
    _check_year(year)
    form = RemoveDayForm(request.POST)
    if not form.is_valid():
        return _render_year(request, year, remove_form=form)
    try:
        actions.check_remove_day(actor=_actor(request), year=year, day=form.cleaned_data["date"])
    except InvalidInput as error:
        return _render_year(request, year, error=error, remove_form=form)
    messages.success(request, _("%(date)s was removed.") % {"date": form.cleaned_data["date"].isoformat()})
    return redirect("calendar:year", year=year)


@require_POST
@administrator_required
def confirm_year(request: HttpRequest, year: int) -> HttpResponse:
    _check_year(year)
    form = ConfirmYearForm(request.POST)
    if not form.is_valid():
        return _render_year(request, year, confirm_form=form)
    try:
        actions.check_confirm_year(
            actor=_actor(request), year=year, notice_reference=form.cleaned_data["notice_reference"]
        )
    except InvalidInput as error:
        return _render_year(request, year, error=error, confirm_form=form)
    messages.success(request, _("%(year)d is now official.") % {"year": year})
    return redirect("calendar:year", year=year)


@require_GET
@login_required
def due_date(request: HttpRequest) -> HttpResponse:
    """The due-date calculator: any signed-in user; a provisional result is shown as provisional."""
    form = DueDateForm(request.GET or None)
    result = None
    if form.is_valid():
        calendar = selectors.get_working_calendar()
        start, days = form.cleaned_data["start"], form.cleaned_data["days"]
        if form.cleaned_data["unit"] == "working":
            result = deadlines.add_working_days(start, days, calendar=calendar)
        else:
            result = deadlines.add_calendar_days(start, days, calendar=calendar)
    return render(request, "calendar/due.html", {"form": form, "result": result})
