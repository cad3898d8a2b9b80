"""Forms of the party pages: parsing only. Every rule (identifiers, the kind's requirements, duplicates) is
decided by ``cases.actions``, whose refusals the views put back on the form; this module must never decide
one itself."""

from __future__ import annotations

from typing import Any

from django import forms
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from sanxiang.cases.actions import UPDATABLE_FIELDS
from sanxiang.cases.enums import IdKind, PartyKind
from sanxiang.cases.models import Party


class PartyForm(forms.Form):
    """Register a party. Fields that do not apply to the chosen kind are left blank."""

    kind = forms.ChoiceField(label=_("Kind of party"), choices=PartyKind.choices)
    name = forms.CharField(label=_("Name"), max_length=128, required=False)
    id_kind = forms.ChoiceField(
        label=_("Identity document (natural person)"),
        choices=[("", "—"), *IdKind.choices],
        required=False,
    )
    id_number = forms.CharField(
        label=_("Identity document number (natural person)"), max_length=32, required=False
    )
    uscc = forms.CharField(
        label=_("Unified social credit code (organisation, individual business)"),
        max_length=18,
        required=False,
    )
    representative_name = forms.CharField(
        label=_("Legal representative or operator"), max_length=64, required=False
    )
    representative_post = forms.CharField(
        label=_("Post of the representative"), max_length=64, required=False
    )
    phone = forms.CharField(label=_("Phone"), max_length=32, required=False)
    address = forms.CharField(label=_("Address"), max_length=255, required=False)
    service_address = forms.CharField(label=_("Address for service"), max_length=255, required=False)


class PartyEditForm(PartyForm):
    """Change a party's facts; the kind of party is fixed once registered."""

    def __init__(self, data: QueryDict | None = None, *, party: Party) -> None:
        initial = {field: getattr(party, field) for field in UPDATABLE_FIELDS}
        super().__init__(data, initial=initial)
        del self.fields["kind"]

    def changes(self) -> dict[str, Any]:
        """The fields the user changed, for ``check_update_party``."""
        return {field: self.cleaned_data[field] for field in self.changed_data}
