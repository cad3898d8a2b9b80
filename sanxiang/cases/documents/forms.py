"""Forms of the case page's document section: parsing only."""

from __future__ import annotations

import datetime as dt

from django import forms
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from sanxiang.core.forms import DateInput
from sanxiang.documents.kinds import DocumentKind

DATE = DateInput()  # the ISO value <input type=date> reads


class IssueForm(forms.Form):
    prefix = "doc"  # the case page also carries the act form
    kind = forms.ChoiceField(label=_("Document"))
    on = forms.DateField(label=_("Dated"), widget=DATE)
    supersedes = forms.IntegerField(label=_("Corrects document no."), required=False, min_value=1)

    def __init__(self, data: QueryDict | None = None, *, kinds: list[DocumentKind], today: dt.date) -> None:
        super().__init__(data, initial={"on": today})
        self.fields["kind"].choices = [(k.code, k.title) for k in kinds]  # type: ignore[attr-defined]
