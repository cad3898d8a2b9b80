"""Forms of the case page's service section: parsing only."""

from __future__ import annotations

import datetime as dt

from django import forms
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from sanxiang.cases.models import ServiceMethod
from sanxiang.cases.service.actions import ServiceEntry
from sanxiang.core.forms import DateInput
from sanxiang.documents.models import IssuedDocument

DATE = DateInput()  # the ISO value <input type=date> reads
TEXT = 255


class ServiceForm(forms.Form):
    prefix = "svc"  # the case page also carries the act form
    document = forms.ModelChoiceField(label=_("Document served"), queryset=IssuedDocument.objects.none())
    method = forms.ChoiceField(label=_("Method"), choices=ServiceMethod.choices)
    served = forms.TypedChoiceField(
        label=_("Outcome"),
        choices=[("1", _("Served")), ("0", _("Could not be served"))],
        coerce=lambda value: value == "1",
        initial="1",
    )
    served_on = forms.DateField(label=_("Served on"), widget=DATE, required=False)
    published_on = forms.DateField(label=_("Public notice published on"), widget=DATE, required=False)
    recipient = forms.CharField(label=_("Recipient who signed"), max_length=128, required=False)
    address = forms.CharField(label=_("Place, address or medium"), max_length=TEXT, required=False)
    tracking_number = forms.CharField(label=_("Mail tracking number"), max_length=64, required=False)
    witnesses = forms.CharField(label=_("Witnesses"), max_length=TEXT, required=False)
    av_recorded = forms.BooleanField(label=_("Recorded by photo or video"), required=False)
    refusal_reason = forms.CharField(label=_("Reason for refusing receipt"), max_length=TEXT, required=False)
    whereabouts_unknown = forms.BooleanField(label=_("Whereabouts unknown"), required=False)
    note = forms.CharField(label=_("Note"), widget=forms.Textarea(attrs={"rows": 2}), required=False)

    def __init__(self, data: QueryDict | None = None, *, documents: object, today: dt.date) -> None:
        super().__init__(data, initial={"served_on": today})
        field = self.fields["document"]
        field.queryset = documents  # type: ignore[attr-defined]  # ModelChoiceField
        field.label_from_instance = lambda document: f"{document.title} {document.number}"  # type: ignore[attr-defined]

    def entry(self) -> ServiceEntry:
        data = self.cleaned_data
        return ServiceEntry(
            method=data["method"],
            served=data["served"],
            served_on=data["served_on"] if data["served"] else None,
            published_on=data["published_on"],
            recipient=data["recipient"],
            address=data["address"],
            tracking_number=data["tracking_number"],
            witnesses=data["witnesses"],
            av_recorded=data["av_recorded"],
            refusal_reason=data["refusal_reason"],
            whereabouts_unknown=data["whereabouts_unknown"],
            note=data["note"],
        )


class ScanForm(forms.Form):
    prefix = "scan"
    file = forms.FileField(label=_("Signed service receipt (PDF, JPEG or PNG)"))
