"""Forms for the management pages: officers, certificates, training, login links and role grants.

Parsing only: each form turns POSTed text into typed values and resolves a username or a department to its
row. Rules (periods in order, unique numbers, positive hours, what a revoked certificate may do) belong to
``organizations.actions``; a form must never write, and never decide who may act.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from sanxiang.core.forms import DateInput
from sanxiang.organizations.enums import CertificateStatus, Role
from sanxiang.organizations.models import Agency, Department, Officer


def _date_field(label: Any) -> forms.DateField:
    return forms.DateField(label=label, widget=DateInput(), input_formats=["%Y-%m-%d"])


def _departments_of(agency: Agency) -> forms.ModelChoiceField[Department]:
    """Only the agency's own departments are offered; any other id is refused as an invalid choice."""
    return forms.ModelChoiceField(
        queryset=Department.objects.filter(agency=agency).order_by("name"),
        label=_("Department"),
        required=False,
        empty_label=_("(none)"),
    )


class OfficerCreateForm(forms.Form):
    name = forms.CharField(label=pgettext_lazy("person", "Name"), max_length=64)
    post = forms.CharField(label=_("Post"), max_length=64, required=False)
    legal_qualification_number = forms.CharField(
        label=_("Legal profession qualification certificate number"), max_length=32, required=False
    )

    def __init__(self, *args: Any, agency: Agency, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["department"] = _departments_of(agency)
        self.order_fields(["name", "post", "department", "legal_qualification_number"])


class OfficerEditForm(OfficerCreateForm):
    is_active = forms.BooleanField(label=_("In post"), required=False)

    def __init__(self, *args: Any, officer: Officer, **kwargs: Any) -> None:
        kwargs.setdefault(
            "initial",
            {
                "name": officer.name,
                "post": officer.post,
                "department": officer.department_id,
                "legal_qualification_number": officer.legal_qualification_number,
                "is_active": officer.is_active,
            },
        )
        super().__init__(*args, agency=officer.agency, **kwargs)


class CertificateForm(forms.Form):
    number = forms.CharField(label=_("Certificate number"), max_length=32)
    category = forms.CharField(label=_("Enforcement category"), max_length=64)
    region = forms.CharField(label=_("Enforcement region"), max_length=128)
    issued_by = forms.CharField(label=_("Issued by"), max_length=128)
    valid_from = _date_field(_("Valid from"))
    valid_to = _date_field(_("Valid until"))


class CertificateStatusForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Change"),
        choices=[
            (CertificateStatus.SUSPENDED.value, _("Suspend")),
            (CertificateStatus.REVOKED.value, _("Revoke (final)")),
            (CertificateStatus.VALID.value, _("Reinstate")),
        ],
    )
    effective = _date_field(_("Effective from"))
    reason = forms.CharField(label=_("Reason"), max_length=255)

    def clean_status(self) -> CertificateStatus:
        return CertificateStatus(self.cleaned_data["status"])


class TrainingForm(forms.Form):
    completed_on = _date_field(_("Completed on"))
    topic = forms.CharField(label=_("Topic"), max_length=255)
    # The action refuses hours <= 0 with its own message; the form only insists on a whole number.
    hours = forms.IntegerField(label=_("Hours"), max_value=32767)


def _user_id_by_username(username: str) -> int:
    user_id: int | None = (
        get_user_model().objects.filter(username=username).values_list("pk", flat=True).first()
    )
    if user_id is None:
        raise forms.ValidationError(_("No login has this username."), code="unknown_user")
    return user_id


class LinkLoginForm(forms.Form):
    """``cleaned_data["username"]`` is the id of the login to link."""

    username = forms.CharField(label=_("Username"), max_length=150)

    def __init__(self, *args: Any, officer: Officer, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.officer = officer

    def clean_username(self) -> int:
        return _user_id_by_username(self.cleaned_data["username"].strip())


class GrantRoleForm(forms.Form):
    """``cleaned_data["username"]`` is the id of the login that receives the role."""

    username = forms.CharField(label=_("Username"), max_length=150)
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)

    def __init__(self, *args: Any, agency: Agency, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.agency = agency

    def clean_username(self) -> int:
        return _user_id_by_username(self.cleaned_data["username"].strip())

    def clean_role(self) -> Role:
        return Role(self.cleaned_data["role"])


class RevokeRoleForm(forms.Form):
    """One withdraw button: the grant is named by user id and role within the agency of the page."""

    user = forms.IntegerField(widget=forms.HiddenInput)
    role = forms.ChoiceField(choices=Role.choices, widget=forms.HiddenInput)

    def __init__(self, *args: Any, agency: Agency, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.agency = agency

    def clean_role(self) -> Role:
        return Role(self.cleaned_data["role"])
