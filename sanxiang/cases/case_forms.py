"""Forms of the case pages: parsing only. Which matters, parties and officers are offered is passed in by
the view from selectors; every rule (guards, dates, limitation) is decided by ``cases.engine``, whose refusals
the views put back on the form. This module must never decide a rule itself."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.db.models import QuerySet
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from sanxiang.cases.models import Party
from sanxiang.core.forms import DateInput
from sanxiang.matters.models import Matter
from sanxiang.matters.money import fen_from_yuan
from sanxiang.organizations.models import Officer

DATE = DateInput()  # the ISO value <input type=date> reads


class AmountField(forms.CharField):
    """An amount in yuan typed as text ("20,000"), cleaned to fen."""

    def to_python(self, value: Any) -> int | None:  # type: ignore[override]  # fen, not text
        text = super().to_python(value)
        if not text:
            return None
        try:
            return fen_from_yuan(text)
        except ValueError:
            raise forms.ValidationError(_("Give an amount in yuan, such as 20,000.")) from None


class CaseRegisterForm(forms.Form):
    matter = forms.ModelChoiceField(label=_("Enforcement matter"), queryset=Matter.objects.none())
    simple = forms.BooleanField(label=_("Simple procedure on the spot"), required=False)
    parties = forms.ModelMultipleChoiceField(label=_("Parties"), queryset=Party.objects.none())
    officers = forms.ModelMultipleChoiceField(label=_("Handling officers"), queryset=Officer.objects.none())
    violation_on = forms.DateField(label=_("Violation ended on"), widget=DATE)
    grave_harm = forms.BooleanField(
        label=_("Endangers life, health or financial safety with harm (five-year limitation)"), required=False
    )
    facts = forms.CharField(label=_("Facts"), widget=forms.Textarea(attrs={"rows": 4}), max_length=4000)
    proposed = AmountField(label=_("Proposed fine (yuan)"), required=False)
    legal_review_required = forms.BooleanField(label=_("Legal review required"), required=False)
    registered_on = forms.DateField(label=_("Registered on"), widget=DATE)

    def __init__(
        self,
        data: QueryDict | None = None,
        *,
        matters: QuerySet[Matter],
        parties: QuerySet[Party],
        officers: QuerySet[Officer],
        today: dt.date,
    ) -> None:
        super().__init__(data, initial={"registered_on": today})
        self.fields["matter"].queryset = matters  # type: ignore[attr-defined]  # ModelChoiceField
        self.fields["parties"].queryset = parties  # type: ignore[attr-defined]  # ModelChoiceField
        self.fields["officers"].queryset = officers  # type: ignore[attr-defined]  # ModelChoiceField


class AreaField(AmountField):
    """An area in m² typed as text ("1,200.50"), cleaned to hundredths of a m²."""

    def to_python(self, value: Any) -> int | None:  # type: ignore[override]  # hundredths, not text
        try:
            return super().to_python(value)
        except forms.ValidationError:
            raise forms.ValidationError(_("Give an area in m², such as 1,200.50.")) from None


class ActForm(forms.Form):
    act = forms.ChoiceField(label=_("Act"))
    on = forms.DateField(label=_("Date of the act"), widget=DATE)
    amount = AmountField(
        label=_("Amount (yuan): the fine proposed when examining or decided, the sum paid"), required=False
    )
    area = AreaField(label=_("Shelter area that should be built (m²), when assessing"), required=False)
    exempt_area = AreaField(label=_("Exempted area (m²)"), required=False)
    exemption_code = forms.ChoiceField(label=_("Exemption on the coded list"), required=False)
    exemption_evidence = forms.CharField(
        label=_("Evidence of the exemption"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
    new_facts = forms.CharField(
        label=_("New facts found after the statement"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
    )
    note = forms.CharField(label=_("Note"), widget=forms.Textarea(attrs={"rows": 2}), required=False)

    def __init__(
        self,
        data: QueryDict | None = None,
        *,
        acts: list[tuple[str, str]],
        today: dt.date,
        initial: dict[str, Any] | None = None,
        exemptions: list[tuple[str, str]] | None = None,
        assessing: bool = False,
    ) -> None:
        super().__init__(data, initial={"on": today, **(initial or {})})
        self.fields["act"].choices = acts  # type: ignore[attr-defined]  # ChoiceField
        self.fields["exemption_code"].choices = [("", "—"), *(exemptions or [])]  # type: ignore[attr-defined]
        if not assessing:  # the area and exemption fields belong to levy and fee assessments
            for name in ("area", "exempt_area", "exemption_code", "exemption_evidence"):
                self.fields[name].widget = forms.HiddenInput()

    def act_data(self) -> dict[str, Any]:
        """The data the engine reads for the act."""
        data: dict[str, Any] = {
            "note": self.cleaned_data["note"],
            "new_facts": self.cleaned_data["new_facts"],
        }
        if self.cleaned_data["amount"] is not None:
            data["amount_fen"] = self.cleaned_data["amount"]
        if self.cleaned_data["area"] is not None:
            data["area_centi"] = self.cleaned_data["area"]
        if self.cleaned_data["exempt_area"] is not None:
            data["exempt_centi"] = self.cleaned_data["exempt_area"]
        if self.cleaned_data["exemption_code"]:
            data["exemption_code"] = self.cleaned_data["exemption_code"]
            data["exemption_evidence"] = self.cleaned_data["exemption_evidence"]
        return data


class CaseSettingForm(forms.Form):
    """The agency's dated case settings (parsing only; the action decides the rules)."""

    effective_from = forms.DateField(label=_("Takes effect on"), widget=DATE)
    hearing_person = AmountField(label=_("Hearing threshold for individuals (yuan)"))
    hearing_organization = AmountField(label=_("Hearing threshold for organisations (yuan)"))
    amber_working_days = forms.IntegerField(label=_("Amber when at most this many working days are left"))
    levy_late_per_10000 = forms.IntegerField(
        label=_("Late charge on levies and fees, per 10,000 of the amount due a day (0: none)"),
        help_text=_("For example 5 for 0.05 % a day. The total never exceeds the amount due."),
    )
