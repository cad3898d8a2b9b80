"""Forms of the matters pages: parsing only. Rules live in the actions."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from sanxiang.core.forms import DateInput
from sanxiang.matters.enums import ListKind, PartyKind, Tier
from sanxiang.matters.models import Article
from sanxiang.matters.money import fen_from_yuan


class DraftForm(forms.Form):
    agency = forms.IntegerField(widget=forms.HiddenInput)
    kind = forms.ChoiceField(label=_("List"), choices=ListKind.choices)
    effective_from = forms.DateField(label=_("Takes effect on"), widget=DateInput())
    note = forms.CharField(
        label=_("Reason for the change"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class ApproveForm(forms.Form):
    approving_body = forms.CharField(label=_("Approving body"), max_length=128)
    reference = forms.CharField(label=_("Approval reference"), max_length=128, required=False)
    approved_on = forms.DateField(label=_("Approved on"), widget=DateInput())


class PublishForm(forms.Form):
    effective_from = forms.DateField(label=_("Takes effect on"), required=False, widget=DateInput())


class _ArticleChoice(forms.ModelChoiceField):  # type: ignore[type-arg]  # django-stubs: generic model field
    def label_from_instance(self, obj: Article) -> str:
        return obj.citation


class BenchmarkForm(forms.Form):
    """One tier of a discretion benchmark; amounts are typed in yuan and parsed to fen."""

    code = forms.CharField(label=_("Code"), max_length=32)
    violation = forms.CharField(label=_("Violation"), widget=forms.Textarea(attrs={"rows": 2}))
    article = _ArticleChoice(
        label=_("Legal basis"),
        queryset=Article.objects.filter(repealed_on__isnull=True).select_related("law"),
    )
    party_kind = forms.ChoiceField(label=_("Party"), choices=PartyKind.choices)
    tier = forms.ChoiceField(label=_("Tier"), choices=Tier.choices)
    condition = forms.CharField(label=_("Applies when"), widget=forms.Textarea(attrs={"rows": 2}))
    measures = forms.CharField(label=_("Measures"), max_length=255, required=False)
    min_yuan = forms.CharField(label=_("Minimum fine (yuan)"), required=False)
    max_yuan = forms.CharField(label=_("Maximum fine (yuan)"), required=False)

    def _fen(self, name: str) -> int | None:
        text = self.cleaned_data.get(name, "").strip()
        if not text:
            return None
        try:
            return fen_from_yuan(text)
        except ValueError:
            raise forms.ValidationError(_("Enter an amount in yuan, such as 5000 or 1.50.")) from None

    def clean_min_yuan(self) -> int | None:
        return self._fen("min_yuan")

    def clean_max_yuan(self) -> int | None:
        return self._fen("max_yuan")


class AmendForm(forms.Form):
    text = forms.CharField(label=_("New text"), widget=forms.Textarea(attrs={"rows": 3}))
    effective_from = forms.DateField(label=_("Takes effect on"), widget=DateInput())
