"""The upload-lag limit page of an agency (R-REC-04): its dated limits, the one in force today, and a form
for a new limit from a date; and the two forms of a late upload's page (the uploader's reason, a supervisor's
acknowledgement), which fetch the file through ``access_evidence_by_id`` and leave the rules to ``late``.
Thin: fetches the agency through ``jurisdiction`` and requires its administrator role (granted on it or on an
ancestor); ``lag.check_set_upload_lag_limit`` decides and records. Anyone else gets the 404 of a missing
agency, and a refused submission answers 400 with nothing written."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import AbstractBaseUser
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from sanxiang.core import clock
from sanxiang.core.errors import InvalidInput, NotFoundOrForbidden, RuleViolation
from sanxiang.core.forms import show_refusal
from sanxiang.evidence import forms, lag, late, selectors
from sanxiang.evidence.models import EvidenceFile
from sanxiang.organizations import jurisdiction
from sanxiang.organizations.enums import Role
from sanxiang.organizations.models import Agency
from sanxiang.organizations.selectors import actor_of


def _administered(request: HttpRequest, agency_id: int) -> Agency:
    try:
        agency = jurisdiction.access_agency_by_id(request.user, agency_id)
        jurisdiction.require_role(request.user, Role.ADMINISTRATOR, agency)
    except NotFoundOrForbidden:
        raise Http404(_("Agency not found.")) from None
    return agency


@login_required
@require_http_methods(["GET", "POST"])
def upload_lag_limits(request: HttpRequest, agency_id: int) -> HttpResponse:
    agency = _administered(request, agency_id)
    form = forms.UploadLagLimitForm(request.POST if request.method == "POST" else None)
    if form.is_bound and form.is_valid():
        try:
            lag.check_set_upload_lag_limit(
                actor=actor_of(request.user, on=clock.today()), agency=agency, **form.cleaned_data
            )
        except (InvalidInput, RuleViolation) as error:
            show_refusal(form, error)
        else:
            messages.success(request, _("The upload lag limit was saved."))
            return redirect("evidence:upload_lag_limits", agency.pk)
    context = {
        "agency": agency,
        "form": form,
        "rows": lag.limits_of(agency),
        "in_force": lag.limit_hours(agency, clock.today()),
        "today": clock.today(),
    }
    return render(request, "evidence/upload_lag_limits.html", context, status=400 if form.is_bound else 200)


def _late_file(request: HttpRequest, evidence_id: int) -> EvidenceFile:
    try:
        evidence = selectors.access_evidence_by_id(request.user, evidence_id)
    except NotFoundOrForbidden:
        raise Http404(_("Evidence not found.")) from None
    if selectors.is_removed(evidence) or not isinstance(request.user, AbstractBaseUser):
        raise Http404(_("Evidence not found."))
    return evidence


@login_required
@require_POST
def give_late_reason(request: HttpRequest, evidence_id: int) -> HttpResponse:
    evidence = _late_file(request, evidence_id)
    assert isinstance(request.user, AbstractBaseUser)  # _late_file refused anyone else
    form = forms.LateReasonForm(request.POST)
    reason = form.cleaned_data["reason"] if form.is_valid() else request.POST.get("reason", "")
    try:
        late.check_give_late_reason(
            actor=actor_of(request.user, on=clock.today()),
            user=request.user,
            evidence=evidence,
            reason=reason,
        )
    except (InvalidInput, RuleViolation) as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The reason for the late upload was recorded."))
    return redirect("evidence:file_detail", evidence.pk)


@login_required
@require_POST
def acknowledge_late_reason(request: HttpRequest, evidence_id: int) -> HttpResponse:
    evidence = _late_file(request, evidence_id)
    assert isinstance(request.user, AbstractBaseUser)  # _late_file refused anyone else
    try:
        late.check_acknowledge_late_reason(
            actor=actor_of(request.user, on=clock.today()), user=request.user, evidence=evidence
        )
    except (InvalidInput, RuleViolation) as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The reason for the late upload was acknowledged."))
    return redirect("evidence:file_detail", evidence.pk)
