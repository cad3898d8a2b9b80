"""The case page's service pages: record an attempt, complete a public notice once deemed served, attach and
download the signed 送达回证 scan.

Thin: fetch the case through the documents views' chokepoint (``access_case_by_id``, 404 for missing and
foreign cases alike), parse, call one action, redirect to the case page with the refusal or success shown.
Writes are for officers of the case's agency; the scan download for anyone who sees the case.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import URLPattern, path, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from sanxiang.accounts.models import User
from sanxiang.cases.documents.views import case_or_404
from sanxiang.cases.models import Case, ServiceRecord
from sanxiang.cases.service import actions, selectors
from sanxiang.cases.service.forms import ScanForm, ServiceForm
from sanxiang.core import clock
from sanxiang.core.errors import InvalidInput, RuleViolation
from sanxiang.documents import storage

SCAN_TYPES = {b"%PDF-": "application/pdf", b"\xff\xd8\xff": "image/jpeg", b"\x89PNG": "image/png"}


def _service_or_404(case: Case, service_id: int) -> ServiceRecord:
    record = ServiceRecord.objects.filter(case=case, pk=service_id).select_related("document").first()
    if record is None:
        raise Http404(_("Service record not found."))
    return record


def _back(case: Case) -> HttpResponse:
    return redirect(reverse("cases:case_detail", args=[case.pk]) + "#service")


@login_required
@require_POST
def service_record(request: HttpRequest, case_id: int) -> HttpResponse:
    case = case_or_404(request, case_id, handling=True)
    form = ServiceForm(request.POST, documents=selectors.servable_documents(case), today=clock.today())
    if not form.is_valid():
        messages.error(request, _("Please correct the service form: %(errors)s") % {"errors": _errors(form)})
        return _back(case)
    assert isinstance(request.user, User)  # login_required
    try:
        actions.check_record_service(
            case, document=form.cleaned_data["document"], actor_user=request.user, entry=form.entry()
        )
    except (InvalidInput, RuleViolation) as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The service was recorded."))
    return _back(case)


@login_required
@require_POST
def service_complete(request: HttpRequest, case_id: int, service_id: int) -> HttpResponse:
    case = case_or_404(request, case_id, handling=True)
    record = _service_or_404(case, service_id)
    assert isinstance(request.user, User)  # login_required
    try:
        actions.check_complete_deemed_service(record, actor_user=request.user)
    except (InvalidInput, RuleViolation) as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The public notice is now deemed served."))
    return _back(case)


@login_required
@require_POST
def service_scan(request: HttpRequest, case_id: int, service_id: int) -> HttpResponse:
    case = case_or_404(request, case_id, handling=True)
    record = _service_or_404(case, service_id)
    form = ScanForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, _("Choose the scanned receipt."))
        return _back(case)
    assert isinstance(request.user, User)  # login_required
    try:
        actions.check_attach_signed_receipt(
            record, actor_user=request.user, content=form.cleaned_data["file"].read()
        )
    except (InvalidInput, RuleViolation) as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The signed receipt is on file."))
    return _back(case)


@login_required
@require_GET
def service_scan_download(request: HttpRequest, case_id: int, service_id: int) -> HttpResponse:
    case = case_or_404(request, case_id, handling=False)
    record = _service_or_404(case, service_id)
    if not record.scan_key:
        raise Http404(_("Service record not found."))
    content = storage.read(record.scan_key)
    media_type = next((t for sig, t in SCAN_TYPES.items() if content.startswith(sig)), "application/pdf")
    response = HttpResponse(content, content_type=media_type)
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Disposition"] = "attachment"
    return response


def _errors(form: ServiceForm) -> str:
    parts = []
    for name, errors in form.errors.items():
        label = str(form.fields[name].label) if name in form.fields else ""
        parts.append(f"{label} {' '.join(str(error) for error in errors)}".strip())
    return "; ".join(parts)


urlpatterns: list[URLPattern] = [
    path("<int:case_id>/service/", service_record, name="service_record"),
    path("<int:case_id>/service/<int:service_id>/complete/", service_complete, name="service_complete"),
    path("<int:case_id>/service/<int:service_id>/scan/", service_scan, name="service_scan"),
    path(
        "<int:case_id>/service/<int:service_id>/scan/download/",
        service_scan_download,
        name="service_scan_download",
    ),
]
