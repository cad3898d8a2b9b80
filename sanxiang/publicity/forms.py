"""Parsing of the portal's query strings. Parsing only: no reads, no decisions."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from sanxiang.matters.enums import MatterType
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


class ListPageForm(forms.Form):
    """Which agency's list and which published version a 事前公开 page shows; for the matter list, also a
    search by name or code and a type filter. Anything invalid is ignored: a public page never fails."""

    agency = forms.TypedChoiceField(label=_("Agency"), required=False, coerce=int, empty_value=None)
    version = forms.IntegerField(required=False, min_value=1)
    q = forms.CharField(label=_("Name or code"), required=False, max_length=64, strip=True)
    type = forms.ChoiceField(
        label=_("Type"), required=False, choices=[("", _("All types")), *MatterType.choices]
    )

    def __init__(self, data: Any, *, agencies: Iterable[Agency]) -> None:
        super().__init__(data)
        agency_field = self.fields["agency"]
        assert isinstance(agency_field, forms.TypedChoiceField)
        agency_field.choices = [("", ""), *((agency.pk, agency.name) for agency in agencies)]

    def criteria(self) -> ListCriteria:
        self.is_valid()
        data = self.cleaned_data
        return ListCriteria(
            agency_id=data.get("agency"),
            version_id=data.get("version"),
            query=data.get("q") or "",
            type=data.get("type") or None,
        )


@dataclass(frozen=True)
class ListCriteria:
    agency_id: int | None
    version_id: int | None
    query: str
    type: str | None
