"""Forms of the matters pages: parsing only. Rules live in the actions."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from sanxiang.matters.enums import ListKind


class DraftForm(forms.Form):
    agency = forms.IntegerField(widget=forms.HiddenInput)
    kind = forms.ChoiceField(label=_("List"), choices=ListKind.choices)
    effective_from = forms.DateField(
        label=_("Takes effect on"), widget=forms.DateInput(attrs={"type": "date"})
    )
    note = forms.CharField(
        label=_("Reason for the change"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class ApproveForm(forms.Form):
    approving_body = forms.CharField(label=_("Approving body"), max_length=128)
    reference = forms.CharField(label=_("Approval reference"), max_length=128, required=False)
    approved_on = forms.DateField(label=_("Approved on"), widget=forms.DateInput(attrs={"type": "date"}))


class PublishForm(forms.Form):
    effective_from = forms.DateField(
        label=_("Takes effect on"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
