"""The submission form of a case's proposed decision: parsing only (the rules live in ``triggers``)."""

from __future__ import annotations

import datetime as dt

from django import forms
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from sanxiang.cases.case_forms import DATE, AmountField
from sanxiang.cases.legal_review.decisions import DecisionKind, HandlerFlag, PenaltyKind, ProposedDecision
from sanxiang.matters.money import yuan


class SubmitForm(forms.Form):
    amount = AmountField(label=_("Proposed fine (yuan)"), required=False)
    penalty_kinds = forms.MultipleChoiceField(
        label=_("Kinds of penalty"),
        choices=PenaltyKind.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    decision_kinds = forms.MultipleChoiceField(
        label=_("Kind of decision"),
        choices=[(k.value, k.label) for k in DecisionKind if k != DecisionKind.OUTSIDE_BENCHMARK],
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    flags = forms.MultipleChoiceField(
        label=_("The handler's answers"),
        choices=HandlerFlag.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    draft = forms.CharField(label=_("Draft decision"), widget=forms.Textarea(attrs={"rows": 6}))
    on = forms.DateField(label=_("Submitted on"), widget=DATE)

    def __init__(self, data: QueryDict | None = None, *, today: dt.date, amount_fen: int | None) -> None:
        shown = yuan(amount_fen) if amount_fen is not None else ""
        initial = {"on": today, "amount": shown, "penalty_kinds": [PenaltyKind.FINE.value]}
        super().__init__(data, initial=initial)

    def proposal(self) -> ProposedDecision:
        amount = self.cleaned_data["amount"]
        return ProposedDecision(
            amount,
            tuple(self.cleaned_data["penalty_kinds"]),
            tuple(self.cleaned_data["decision_kinds"]),
            tuple(self.cleaned_data["flags"]),
        )
