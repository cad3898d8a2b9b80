"""The field-record page (询问笔录, 现场检查笔录): a form built for a phone or tablet at the scene,
prefilled from
the case (enter once). Thin: only handling officers of the case's agency reach it (everyone else gets the 404
of a missing case); parse, call ``field_records.check_add_field_record``, redirect to the case. This
module must
never write to a model directly.
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import URLPattern, path
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from sanxiang.cases import case_selectors, field_records
from sanxiang.cases.models import FieldRecordKind
from sanxiang.core.errors import InvalidInput, NotFoundOrForbidden, RuleViolation
from sanxiang.core.forms import show_refusal

WHEN = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


class FieldRecordForm(forms.Form):
    kind = forms.ChoiceField(label=gettext_lazy("Kind"), choices=FieldRecordKind.choices)
    step = forms.CharField(widget=forms.HiddenInput, required=False, max_length=64)
    place = forms.CharField(label=gettext_lazy("Place"), max_length=255)
    started_at = forms.DateTimeField(label=gettext_lazy("Started at"), widget=WHEN)
    ended_at = forms.DateTimeField(label=gettext_lazy("Ended at"), widget=WHEN)
    persons = forms.CharField(
        label=gettext_lazy("Persons present or inquired"), widget=forms.Textarea(attrs={"rows": 2})
    )
    content = forms.CharField(
        label=gettext_lazy("Record (questions and answers, or what was found)"),
        widget=forms.Textarea(attrs={"rows": 12}),
        max_length=20_000,
    )


@login_required
@require_http_methods(["GET", "POST"])
def field_record_new(request: HttpRequest, case_id: int, kind: str) -> HttpResponse:
    try:
        case = case_selectors.access_case_by_id(request.user, case_id)
    except NotFoundOrForbidden as error:
        raise Http404(error.message) from None
    if not case_selectors.may_handle(request.user, case) or kind not in FieldRecordKind.values:
        raise Http404(_("Case not found."))
    form = FieldRecordForm(request.POST or None, initial=field_records.prefill(case, kind))
    if form.is_bound and form.is_valid():
        try:
            field_records.check_add_field_record(
                case, actor_user=request.user, draft=field_records.FieldRecordDraft(**form.cleaned_data)
            )
        except (InvalidInput, RuleViolation) as error:
            show_refusal(form, error)
        else:
            messages.success(request, _("The field record was made."))
            return redirect("cases:case_detail", case.pk)
    context = {"case": case, "form": form, "kind_label": FieldRecordKind(kind).label}
    return render(request, "cases/field_record_form.html", context, status=400 if form.is_bound else 200)


urlpatterns: list[URLPattern] = [
    path("<int:case_id>/field-records/<str:kind>/", field_record_new, name="field_record_new"),
]
