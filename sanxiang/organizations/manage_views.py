"""Management forms for administrators: officers, certificates, training, login links and role grants.

Thin: each view parses with a form from ``organizations.forms``, fetches through ``jurisdiction.access_*``,
requires the administrator role on the target agency (granted there or on an ancestor), calls one action and
redirects with a message. Writes are POST only; the refusals of an action (InvalidInput, RuleViolation) are
shown on the form and nothing is written. A user who may not manage an agency or officer gets the same 404 as
for a missing id. This module must never write to a model directly nor decide a rule an action decides.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from django import forms as django_forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect, QueryDict
from django.shortcuts import redirect, render
from django.urls import URLPattern, path, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from sanxiang.core import clock
from sanxiang.core.errors import InvalidInput, NotFoundOrForbidden, RuleViolation
from sanxiang.core.forms import show_refusal
from sanxiang.organizations import actions, forms, jurisdiction, selectors
from sanxiang.organizations.enums import CertificateStatus, Role
from sanxiang.organizations.models import Agency, Certificate, Officer, RoleGrant
from sanxiang.records import writer

T = TypeVar("T")
FORM_TEMPLATE = "organizations/manage/form.html"


# -- chokepoints: visible *and* administered, else the 404 of a missing id --------------------------------


def managed_agency(request: HttpRequest, agency_id: int) -> Agency:
    try:
        agency = jurisdiction.access_agency_by_id(request.user, agency_id)
        jurisdiction.require_role(request.user, Role.ADMINISTRATOR, agency)
    except NotFoundOrForbidden:
        raise Http404(_("Agency not found.")) from None
    return agency


def managed_officer(request: HttpRequest, officer_id: int) -> Officer:
    try:
        officer = jurisdiction.access_officer_by_id(request.user, officer_id)
        jurisdiction.require_role(request.user, Role.ADMINISTRATOR, officer.agency)
    except NotFoundOrForbidden:
        raise Http404(_("Officer not found.")) from None
    return officer


def _managed_certificate(request: HttpRequest, officer_id: int, certificate_id: int) -> Certificate:
    officer = managed_officer(request, officer_id)
    certificate = officer.certificates.filter(pk=certificate_id).first()
    if certificate is None:
        raise Http404(_("Certificate not found."))
    certificate.officer = officer
    return certificate


def grants_of(agency: Agency) -> list[RoleGrant]:
    """Who holds which role in ``agency`` (the agency itself, not its subtree), for its administrators."""
    grants = RoleGrant.objects.filter(agency=agency).select_related("user", "user__officer")
    return list(grants.order_by("role", "user__username"))


# -- the shared form cycle ----------------------------------------------------------------------------------


def _posted(request: HttpRequest) -> QueryDict | None:
    return request.POST if request.method == "POST" else None


def _actor(request: HttpRequest) -> writer.Actor:
    return selectors.actor_of(request.user, on=clock.today())


def _submit(request: HttpRequest, form: django_forms.Form, write: Callable[[dict[str, Any]], T]) -> T | None:
    """Run ``write`` (one action) on a posted, parsed form; None when the form or the action refused."""
    if request.method != "POST" or not form.is_valid():
        return None
    try:
        return write(form.cleaned_data)
    except (InvalidInput, RuleViolation) as error:
        show_refusal(form, error)
        return None


def _form_page(
    request: HttpRequest,
    form: django_forms.Form,
    *,
    title: str,
    back: tuple[str, str],
    submit: str,
    **extra: Any,
) -> HttpResponse:
    """The one form template; ``back`` is (address, label) of the page the form belongs to. A refused
    submission answers 400 so that nothing (a proxy, a test, a script) mistakes it for success."""
    back_url, back_label = back
    context = {
        "form": form,
        "title": title,
        "back_url": back_url,
        "back_label": back_label,
        "submit_label": submit,
        **extra,
    }
    return render(request, FORM_TEMPLATE, context, status=400 if form.is_bound else 200)


def _officer_page(officer: Officer) -> tuple[str, str]:
    return reverse("organizations:officer_detail", args=[officer.pk]), officer.name


def _to_officer(request: HttpRequest, officer: Officer, message: str) -> HttpResponseRedirect:
    messages.success(request, message)
    return redirect("organizations:officer_detail", officer.pk)


# -- officers -----------------------------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def officer_add(request: HttpRequest, agency_id: int) -> HttpResponse:
    agency = managed_agency(request, agency_id)
    form = forms.OfficerCreateForm(_posted(request), agency=agency)
    officer = _submit(
        request,
        form,
        lambda data: actions.check_create_officer(actor=_actor(request), agency=agency, **data),
    )
    if officer is not None:
        return _to_officer(request, officer, _("Officer %(name)s was added.") % {"name": officer.name})
    back = (reverse("organizations:agency_detail", args=[agency.pk]), agency.short_name)
    return _form_page(request, form, title=_("Add an officer"), back=back, submit=_("Add officer"))


@login_required
@require_http_methods(["GET", "POST"])
def officer_edit(request: HttpRequest, officer_id: int) -> HttpResponse:
    officer = managed_officer(request, officer_id)
    form = forms.OfficerEditForm(_posted(request), officer=officer)
    if form.is_bound and form.is_valid() and not form.has_changed():
        messages.info(request, _("Nothing was changed."))
        return redirect("organizations:officer_detail", officer.pk)
    updated = _submit(
        request,
        form,
        lambda data: actions.check_update_officer(actor=_actor(request), officer=officer, changes=data),
    )
    if updated is not None:
        return _to_officer(request, updated, _("The officer's facts were saved."))
    return _form_page(request, form, title=_("Edit officer"), back=_officer_page(officer), submit=_("Save"))


@login_required
@require_http_methods(["GET", "POST"])
def link_login(request: HttpRequest, officer_id: int) -> HttpResponse:
    officer = managed_officer(request, officer_id)
    form = forms.LinkLoginForm(_posted(request), officer=officer)

    def link(data: dict[str, Any]) -> Officer:
        actions.check_link_officer(actor=_actor(request), officer=officer, user_id=data["username"])
        return officer

    if _submit(request, form, link) is not None:
        return _to_officer(request, officer, _("The officer was linked to the login."))
    return _form_page(
        request,
        form,
        title=_("Link to a login"),
        back=_officer_page(officer),
        submit=_("Link"),
        note=_("The officer will sign in with this login; it may belong to one officer only."),
    )


# -- certificates and training ------------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def certificate_issue(request: HttpRequest, officer_id: int) -> HttpResponse:
    officer = managed_officer(request, officer_id)
    form = forms.CertificateForm(_posted(request))
    certificate = _submit(
        request,
        form,
        lambda data: actions.check_issue_certificate(actor=_actor(request), officer=officer, **data),
    )
    if certificate is not None:
        message = _("Certificate %(number)s was issued.") % {"number": certificate.number}
        return _to_officer(request, officer, message)
    return _form_page(
        request, form, title=_("Issue a certificate"), back=_officer_page(officer), submit=_("Issue")
    )


@login_required
@require_http_methods(["GET", "POST"])
def certificate_status(request: HttpRequest, officer_id: int, certificate_id: int) -> HttpResponse:
    certificate = _managed_certificate(request, officer_id, certificate_id)
    officer = certificate.officer
    # Suggest the likely change: reinstate a suspended certificate, otherwise suspend it.
    suspended = certificate.status == CertificateStatus.SUSPENDED
    likely = CertificateStatus.VALID if suspended else CertificateStatus.SUSPENDED
    initial = {"effective": clock.today(), "status": likely}
    form = forms.CertificateStatusForm(_posted(request), initial=initial)
    changed = _submit(
        request,
        form,
        lambda data: actions.check_change_certificate_status(
            actor=_actor(request), certificate=certificate, **data
        ),
    )
    if changed is not None:
        message = _("Certificate %(number)s is now: %(status)s.") % {
            "number": changed.number,
            "status": CertificateStatus(changed.status).label,
        }
        return _to_officer(request, officer, message)
    return _form_page(
        request,
        form,
        title=_("Change the status of certificate %(number)s") % {"number": certificate.number},
        back=_officer_page(officer),
        submit=_("Change status"),
        certificate=certificate,
        note=_("Suspension and revocation count from the effective date. A revoked certificate is final."),
    )


@login_required
@require_http_methods(["GET", "POST"])
def training_record(request: HttpRequest, officer_id: int) -> HttpResponse:
    officer = managed_officer(request, officer_id)
    form = forms.TrainingForm(_posted(request))
    record = _submit(
        request,
        form,
        lambda data: actions.check_record_training(actor=_actor(request), officer=officer, **data),
    )
    if record is not None:
        return _to_officer(request, officer, _("Training was recorded."))
    return _form_page(
        request, form, title=_("Record training"), back=_officer_page(officer), submit=_("Record")
    )


# -- roles --------------------------------------------------------------------------------------------------


def _roles_page(request: HttpRequest, agency: Agency, form: forms.GrantRoleForm) -> HttpResponse:
    context = {"agency": agency, "role_grants": grants_of(agency), "grant_form": form}
    status = 400 if form.is_bound else 200
    return render(request, "organizations/manage/roles.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def roles(request: HttpRequest, agency_id: int) -> HttpResponse:
    """The users holding roles in the agency; POST grants one to an existing login."""
    agency = managed_agency(request, agency_id)
    form = forms.GrantRoleForm(_posted(request), agency=agency)
    grant = _submit(
        request,
        form,
        lambda data: actions.check_grant_role(
            actor=_actor(request), user_id=data["username"], agency=agency, role=data["role"]
        ),
    )
    if grant is None:
        return _roles_page(request, agency, form)
    messages.success(request, _("The role %(role)s was granted.") % {"role": Role(grant.role).label})
    return redirect("organizations:agency_roles", agency.pk)


@login_required
@require_POST
def role_withdraw(request: HttpRequest, agency_id: int) -> HttpResponse:
    agency = managed_agency(request, agency_id)
    form = forms.RevokeRoleForm(request.POST, agency=agency)

    def withdraw(data: dict[str, Any]) -> Role:
        actions.check_revoke_role(
            actor=_actor(request), user_id=data["user"], agency=agency, role=data["role"]
        )
        role: Role = data["role"]
        return role

    role = _submit(request, form, withdraw)
    if role is None:
        refusals = [str(message) for message in form.non_field_errors()]
        for message in refusals or [_("The role could not be withdrawn.")]:
            messages.error(request, message)
    else:
        messages.success(request, _("The role %(role)s was withdrawn.") % {"role": role.label})
    return redirect("organizations:agency_roles", agency.pk)


urlpatterns: list[URLPattern] = [
    path("<int:agency_id>/officers/add/", officer_add, name="officer_add"),
    path("<int:agency_id>/roles/", roles, name="agency_roles"),
    path("<int:agency_id>/roles/withdraw/", role_withdraw, name="agency_role_withdraw"),
    path("officers/<int:officer_id>/edit/", officer_edit, name="officer_edit"),
    path("officers/<int:officer_id>/login/", link_login, name="officer_link_login"),
    path("officers/<int:officer_id>/certificates/add/", certificate_issue, name="certificate_issue"),
    path(
        "officers/<int:officer_id>/certificates/<int:certificate_id>/status/",
        certificate_status,
        name="certificate_status",
    ),
    path("officers/<int:officer_id>/training/add/", training_record, name="training_record"),
]
