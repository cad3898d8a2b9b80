"""Parsing of the decision pages' input: the portal's search criteria and the editor's action forms. Forms
only parse; the actions validate the rules."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from sanxiang.core.forms import DateInput
from sanxiang.publicity.enums import ExclusionReason, PublicationKind, WithdrawalGround
from sanxiang.publicity.portal import Criteria


class DecisionSearchForm(forms.Form):
    q = forms.CharField(required=False, max_length=64)
    agency = forms.IntegerField(required=False, min_value=1)
    kind = forms.ChoiceField(required=False, choices=[("", ""), *PublicationKind.choices])
    year = forms.IntegerField(required=False, min_value=2000, max_value=2100)
    page = forms.IntegerField(required=False, min_value=1, max_value=10_000)

    def criteria(self, *, kind: str = "") -> Criteria:
        data = self.cleaned_data if self.is_valid() else {}
        return Criteria(
            query=(data.get("q") or "").strip(),
            agency_id=data.get("agency"),
            kind=kind or data.get("kind") or "",
            year=data.get("year"),
            page=data.get("page") or 1,
        )


class MaskForm(forms.Form):
    terms = forms.CharField(label=_("Terms to mask (one a line)"), widget=forms.Textarea(attrs={"rows": 3}))

    def term_list(self) -> list[str]:
        return str(self.cleaned_data["terms"]).splitlines()


class ExcludeForm(forms.Form):
    reason = forms.ChoiceField(label=_("Reason"), choices=ExclusionReason.choices)
    note = forms.CharField(label=_("Explanation"), widget=forms.Textarea(attrs={"rows": 2}))


class MustPublishForm(forms.Form):
    must_publish = forms.BooleanField(label=_("Must be published"), required=False)
    reason = forms.CharField(label=_("Reason for the override"), widget=forms.Textarea(attrs={"rows": 2}))


class OpenWithdrawalForm(forms.Form):
    ground = forms.ChoiceField(label=_("Ground"), choices=WithdrawalGround.choices)
    ground_on = forms.DateField(label=_("Decision changed on"), widget=DateInput())


class WithdrawForm(forms.Form):
    reason = forms.CharField(label=_("Reason shown to the public"), widget=forms.Textarea(attrs={"rows": 2}))


class CorrectForm(forms.Form):
    requested_by = forms.CharField(label=_("Requested by"), max_length=128)
    request = forms.CharField(label=_("Request"), widget=forms.Textarea(attrs={"rows": 2}))
    field = forms.ChoiceField(
        label=_("Item"),
        choices=[
            ("facts", "违法事实"),
            ("content", "内容"),
            ("result", "结果"),
            ("basis", "依据"),
            ("document_number", "决定书文号"),
            ("party_name", "相对人名称"),
        ],
    )
    text = forms.CharField(label=_("Corrected text"), widget=forms.Textarea(attrs={"rows": 2}))


class PublicationRuleForm(forms.Form):
    """A new publication rule of an agency from a date (118号; 行政处罚法 第48条);
    ``check_set_publication_rule`` decides."""

    kind = forms.ChoiceField(label=_("Kind"), choices=PublicationKind.choices)
    effective_from = forms.DateField(label=_("Effective from"), widget=DateInput())
    due_working_days = forms.IntegerField(
        label=_("Publish within (working days)"), min_value=1, max_value=365
    )
    display_months = forms.IntegerField(
        label=_("Shown on the public list for (months)"), min_value=1, max_value=120
    )
    publish_ordinary = forms.BooleanField(
        label=_("Ordinary-procedure decisions must be published"), required=False, initial=True
    )
    publish_simple = forms.BooleanField(
        label=_("Simple-procedure decisions must be published"), required=False
    )
    basis = forms.CharField(label=_("Basis"), max_length=255)
