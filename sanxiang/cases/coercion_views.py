"""The page that opens a coercion case (申请人民法院强制执行) from a served fine or a levy in arrears.
Thin: only handling officers of the case's agency reach it, and only for such a case (everyone else
gets the 404 of a missing case); the form is prefilled from the origin (enter once); the engine's
refusal (e.g. the court window of 行政强制法 第53条) is shown on the form. This module must never write
to a model directly.
"""

from __future__ import annotations

import datetime as dt

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import URLPattern, path
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from sanxiang.cases import case_selectors, engine
from sanxiang.cases.engine.enforcement import ORIGIN_STAGES
from sanxiang.cases.models import Case
from sanxiang.core import clock
from sanxiang.core.errors import InvalidInput, NotFoundOrForbidden, RuleViolation
from sanxiang.core.forms import DateInput, show_refusal
from sanxiang.matters.models import Matter


class CoercionForm(forms.Form):
    matter = forms.ModelChoiceField(label=gettext_lazy("Enforcement matter"), queryset=Matter.objects.none())
    on = forms.DateField(label=gettext_lazy("Date of the act"), widget=DateInput())
    facts = forms.CharField(
        label=gettext_lazy("Facts"), widget=forms.Textarea(attrs={"rows": 3}), max_length=4000
    )


def may_open_coercion(case: Case) -> bool:
    return case.stage in ORIGIN_STAGES.get(case.procedure_key, ())


@login_required
@require_http_methods(["GET", "POST"])
def coercion_new(request: HttpRequest, case_id: int) -> HttpResponse:
    try:
        origin = case_selectors.access_case_by_id(request.user, case_id)
    except NotFoundOrForbidden as error:
        raise Http404(error.message) from None
    if not case_selectors.may_handle(request.user, origin) or not may_open_coercion(origin):
        raise Http404(_("Case not found."))
    today = clock.today()
    form = CoercionForm(request.POST or None, initial=_initial(origin, today))
    form.fields["matter"].queryset = case_selectors.matters_for_cases(  # type: ignore[attr-defined]
        origin.agency, on=today
    ).filter(workflow_key="coercion")
    if form.is_bound and form.is_valid():
        try:
            case = engine.check_open_coercion(origin, actor_user=request.user, **form.cleaned_data)
        except (InvalidInput, RuleViolation) as error:
            show_refusal(form, error)
        else:
            messages.success(request, _("Case %(case)s was registered.") % {"case": case})
            return redirect("cases:case_detail", case.pk)
    context = {"case": origin, "form": form}
    return render(request, "cases/coercion_form.html", context, status=400 if form.is_bound else 200)


def _initial(origin: Case, today: dt.date) -> dict[str, object]:
    return {"on": today, "facts": f"{origin}：逾期未履行，复议和诉讼期限届满，申请人民法院强制执行。"}


urlpatterns: list[URLPattern] = [path("<int:case_id>/coercion/", coercion_new, name="coercion_new")]
