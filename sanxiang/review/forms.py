"""Forms of the review pages: parsing only (the checklist's rules live in ``review.checklist``)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.db.models import QuerySet
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from sanxiang.core.forms import DateInput
from sanxiang.organizations.models import Officer
from sanxiang.review.enums import ChecklistItem, ConsultationKind, Outcome

DATE = DateInput()
VERDICTS = [("", "—"), ("pass", _("Passed")), ("fail", _("Failed"))]


class AssignForm(forms.Form):
    reviewer = forms.ModelChoiceField(label=_("Reviewer"), queryset=Officer.objects.none())
    on = forms.DateField(label=_("Date"), widget=DATE)

    def __init__(self, data: QueryDict | None = None, *, staff: QuerySet[Officer], today: dt.date) -> None:
        super().__init__(data, initial={"on": today})
        self.fields["reviewer"].queryset = staff  # type: ignore[attr-defined]  # ModelChoiceField


class ConcludeForm(forms.Form):
    outcome = forms.ChoiceField(label=_("Outcome"), choices=Outcome.choices)
    opinion = forms.CharField(label=_("Review opinion"), widget=forms.Textarea(attrs={"rows": 4}))
    on = forms.DateField(label=_("Date"), widget=DATE)

    def __init__(self, data: QueryDict | None = None, *, today: dt.date, prefill: dict[str, str]) -> None:
        super().__init__(data, initial={"on": today})
        for item in ChecklistItem:
            self.fields[f"{item.value}_verdict"] = forms.ChoiceField(
                label=item.label, choices=VERDICTS, required=False
            )
            self.fields[f"{item.value}_comment"] = forms.CharField(
                label=_("Comment"), required=False, initial=prefill.get(item.value, "")
            )

    def answers(self) -> dict[str, dict[str, Any]]:
        """The checklist answers; an item left blank has no ``passed`` and is refused by the action."""
        result: dict[str, dict[str, Any]] = {}
        for item in ChecklistItem:
            verdict = self.cleaned_data.get(f"{item.value}_verdict", "")
            comment = self.cleaned_data.get(f"{item.value}_comment", "")
            result[item.value] = {"comment": comment}
            if verdict:
                result[item.value]["passed"] = verdict == "pass"
        return result


class ConsultForm(forms.Form):
    kind = forms.ChoiceField(label=_("Adviser"), choices=ConsultationKind.choices)
    adviser_name = forms.CharField(label=_("Adviser name"), max_length=64)
    asked_on = forms.DateField(label=_("Asked on"), widget=DATE)
    answered_on = forms.DateField(label=_("Answered on"), widget=DATE)
    opinion = forms.CharField(label=_("Opinion"), widget=forms.Textarea(attrs={"rows": 3}))


class DateForm(forms.Form):
    on = forms.DateField(label=_("Date"), widget=DATE)


class TransferForm(forms.Form):
    """The next step of a suspected-crime transfer; which fields count depends on the step."""

    approve = forms.TypedChoiceField(
        label=_("Decision"),
        choices=[("yes", _("Approve the transfer")), ("no", _("Do not transfer"))],
        coerce=lambda value: value == "yes",
        required=False,
    )
    reason = forms.CharField(label=_("Reason"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    police_body = forms.CharField(label=_("Public security organ"), max_length=128, required=False)
    on = forms.DateField(label=_("Date"), widget=DATE)


class SettingForm(forms.Form):
    """An agency's review time limit from a day (R-LR-05)."""

    effective_from = forms.DateField(label=_("Effective from"), widget=DATE)
    working_days = forms.IntegerField(label=_("Working days to review"))
    extension_days = forms.IntegerField(label=_("Working days of an extension (with the head's approval)"))
    amber_working_days = forms.IntegerField(label=_("Amber from working days left"))
