"""Parsing of the portal's query strings. Parsing only: no reads, no decisions."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from sanxiang.organizations.models import Agency


class OfficerSearchForm(forms.Form):
    """Search 执法人员公示 by name or certificate number, optionally within one agency."""

    q = forms.CharField(label=_("Name or certificate number"), required=False, max_length=64, strip=True)
    agency = forms.TypedChoiceField(label=_("Agency"), required=False, coerce=int, empty_value=None)

    def __init__(self, data: Any, *, agencies: Iterable[Agency]) -> None:
        super().__init__(data)
        agency_field = self.fields["agency"]
        assert isinstance(agency_field, forms.TypedChoiceField)
        agency_field.choices = [("", _("All agencies")), *((agency.pk, agency.name) for agency in agencies)]

    def criteria(self) -> tuple[int | None, str]:
        """(agency id, query), with anything invalid ignored: a public search never fails."""
        self.is_valid()
        return self.cleaned_data.get("agency"), self.cleaned_data.get("q") or ""
