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

    def __init__(self, data: QueryDict | None = None, *, today: dt.date, suggested: ProposedDecision) -> None:
        amount = suggested.amount_fen
        initial = {
            "on": today,
            "amount": yuan(amount) if amount is not None else "",
            "penalty_kinds": list(suggested.penalty_kinds),
            "decision_kinds": list(suggested.decision_kinds),
            "flags": list(suggested.flags),
        }
        super().__init__(data, initial=initial)

    def proposal(self) -> ProposedDecision:
        amount = self.cleaned_data["amount"]
        return ProposedDecision(
            amount,
            tuple(self.cleaned_data["penalty_kinds"]),
            tuple(self.cleaned_data["decision_kinds"]),
            tuple(self.cleaned_data["flags"]),
        )


class AnswersForm(forms.Form):
    """The handler's answers on the decision, recorded on the case before it (行政处罚法 第58条)."""

    flags = forms.MultipleChoiceField(
        label=_("The handler's answers"),
        choices=HandlerFlag.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    on = forms.DateField(label=_("Answered on"), widget=DATE)

    def __init__(self, data: QueryDict | None = None, *, today: dt.date, flags: list[str]) -> None:
        super().__init__(data, initial={"on": today, "flags": flags}, prefix="answers")
