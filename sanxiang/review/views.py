"""Review pages: the list of visible reviews, a review's page (package, pre-checks, advisers, checklist),
assigning a reviewer, extending the time limit, concluding, attaching an adviser's opinion, the print
page of the 法制审核意见书 and its issued DOCX and PDF.

Thin: parse with ``review.forms``, fetch through ``selectors.access_request_by_id`` (404 for outsiders and
missing ids alike), call one action, render. A write by someone without the right role answers the same 404.
This module must never write to a model directly."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.forms import Form
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import URLPattern, path
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from sanxiang.accounts.models import User
from sanxiang.calendar.selectors import get_working_calendar
from sanxiang.core import clock
from sanxiang.core.errors import InvalidInput, NotFoundOrForbidden, RuleViolation
from sanxiang.core.forms import show_refusal
from sanxiang.documents.actions import do_record_read
from sanxiang.documents.rendering import DOCX_MEDIA_TYPE, PDF_MEDIA_TYPE
from sanxiang.documents.selectors import read_file
from sanxiang.organizations.enums import Role
from sanxiang.organizations.jurisdiction import holds_role
from sanxiang.records.writer import Subject
from sanxiang.review import actions, forms, selectors, transfer
from sanxiang.review.eligibility import legal_staff
from sanxiang.review.enums import ChecklistItem
from sanxiang.review.models import CrimeTransfer, ReviewRequest, TransferStep
from sanxiang.review.opinion import opinion_context
from sanxiang.review.opinion_documents import opinion_document
from sanxiang.review.staffing import MIN_PERCENT, staffing_report

LIST_SHOWN = 200
OPINION_FORMATS = ("pdf", "docx")


def _request_or_404(request: HttpRequest, request_id: int) -> ReviewRequest:
    try:
        return selectors.access_request_by_id(request.user, request_id)
    except NotFoundOrForbidden as error:
        raise Http404(error.message) from None


@login_required
@require_GET
def review_list(request: HttpRequest) -> HttpResponse:
    today, calendar = clock.today(), get_working_calendar()
    rows = [
        (review, selectors.due_state(review, today=today, calendar=calendar))
        for review in selectors.visible_requests(request.user).select_related("agency", "reviewer")[
            :LIST_SHOWN
        ]
    ]
    return render(request, "review/review_list.html", {"rows": rows})


@login_required
@require_GET
def staffing(request: HttpRequest) -> HttpResponse:
    """Legal reviewers against enforcement officers per visible agency, under 5 % flagged (118号)."""
    rows = staffing_report(request.user, today=clock.today())
    return render(request, "review/staffing.html", {"rows": rows, "minimum": MIN_PERCENT})


@login_required
@require_GET
def review_detail(request: HttpRequest, request_id: int) -> HttpResponse:
    return _render(request, _request_or_404(request, request_id))


@login_required
@require_POST
def review_assign(request: HttpRequest, request_id: int) -> HttpResponse:
    review = _request_or_404(request, request_id)
    if not selectors.may_assign(request.user, review.agency):
        raise Http404(_("Review not found."))
    form = forms.AssignForm(request.POST, staff=legal_staff(review.agency_id), today=clock.today())
    if form.is_valid():
        return _attempt(
            request,
            review,
            form,
            lambda: actions.check_assign_reviewer(
                review,
                actor_user=request.user,
                reviewer=form.cleaned_data["reviewer"],
                on=form.cleaned_data["on"],
            ),
            key="assign_form",
        )
    return _render(request, review, status=400, forms_shown={"assign_form": form})


@login_required
@require_POST
def review_extend(request: HttpRequest, request_id: int) -> HttpResponse:
    review = _request_or_404(request, request_id)
    if not selectors.may_extend(request.user, review.agency):
        raise Http404(_("Review not found."))
    form = forms.DateForm({"on": clock.today()})
    form.is_valid()
    return _attempt(
        request,
        review,
        form,
        lambda: actions.check_extend_review(review, actor_user=request.user, on=clock.today()),
        key="extend_form",
    )


@login_required
@require_POST
def review_conclude(request: HttpRequest, request_id: int) -> HttpResponse:
    review = _request_or_404(request, request_id)
    if not selectors.may_conclude(request.user, review):
        raise Http404(_("Review not found."))
    form = forms.ConcludeForm(request.POST, today=clock.today(), prefill={})
    if form.is_valid():
        return _attempt(
            request,
            review,
            form,
            lambda: actions.check_conclude_review(
                review,
                actor_user=request.user,
                outcome=form.cleaned_data["outcome"],
                answers=form.answers(),
                opinion=form.cleaned_data["opinion"],
                on=form.cleaned_data["on"],
            ),
            key="conclude_form",
        )
    return _render(request, review, status=400, forms_shown={"conclude_form": form})


@login_required
@require_POST
def review_consult(request: HttpRequest, request_id: int) -> HttpResponse:
    review = _request_or_404(request, request_id)
    if not (
        selectors.may_conclude(request.user, review) or selectors.may_assign(request.user, review.agency)
    ):
        raise Http404(_("Review not found."))
    form = forms.ConsultForm(request.POST, prefix="consult")
    if form.is_valid():
        return _attempt(
            request,
            review,
            form,
            lambda: actions.check_record_consultation(review, actor_user=request.user, **form.cleaned_data),
            key="consult_form",
        )
    return _render(request, review, status=400, forms_shown={"consult_form": form})


@login_required
@require_POST
def review_transfer(request: HttpRequest, request_id: int) -> HttpResponse:
    """The next step of the suspected-crime transfer; the head decides, officers of the agency record."""
    review = _request_or_404(request, request_id)
    row = CrimeTransfer.objects.filter(request=review).first()
    agency = review.agency
    allowed = holds_role(request.user, Role.OFFICER, agency) or holds_role(
        request.user, Role.AGENCY_HEAD, agency
    )
    if row is None or not allowed:
        raise Http404(_("Review not found."))
    form = forms.TransferForm(request.POST, prefix="transfer")
    if form.is_valid():
        data = form.cleaned_data
        return _attempt(
            request, review, form, lambda: _transfer_step(row, request, data), key="transfer_form"
        )
    return _render(request, review, status=400, forms_shown={"transfer_form": form})


def _transfer_step(row: CrimeTransfer, request: HttpRequest, data: dict[str, Any]) -> object:
    user, on = request.user, data["on"]
    if row.step == TransferStep.REPORTED:
        return transfer.check_decide_transfer(
            row, actor_user=user, approve=bool(data["approve"]), reason=data["reason"], on=on
        )
    if row.step == TransferStep.APPROVED:
        return transfer.check_record_transfer(row, actor_user=user, police_body=data["police_body"], on=on)
    if row.step == TransferStep.TRANSFERRED:
        return transfer.check_record_acceptance(row, actor_user=user, on=on)
    return transfer.check_record_handover(row, actor_user=user, on=on)


@login_required
@require_GET
def review_opinion(request: HttpRequest, request_id: int) -> HttpResponse:
    """The 法制审核意见书, print-friendly; only a concluded review has one."""
    review = _request_or_404(request, request_id)
    if review.is_open:
        raise Http404(_("Review not found."))
    return render(request, "review/opinion.html", {"review": review, "doc": opinion_context(review)})


@login_required
@require_GET
def review_opinion_file(request: HttpRequest, request_id: int, fmt: str) -> HttpResponse:
    """The issued 法制审核意见书 (DOCX or PDF), as stored when the review concluded; the download is
    recorded."""
    review = _request_or_404(request, request_id)
    document = opinion_document(review)
    if document is None or fmt not in OPINION_FORMATS:
        raise Http404(_("Review not found."))
    assert isinstance(request.user, User)  # login_required
    do_record_read(document, actor_user=request.user, fmt=fmt)
    response = HttpResponse(
        read_file(document, fmt), content_type=PDF_MEDIA_TYPE if fmt == "pdf" else DOCX_MEDIA_TYPE
    )
    name = f"{document.title}-{review.subject_label}.{fmt}"
    response["Content-Disposition"] = content_disposition_header(True, name) or "attachment"
    response["X-Content-Type-Options"] = "nosniff"
    return response


def _attempt(
    request: HttpRequest, review: ReviewRequest, form: Form, call: Callable[[], object], *, key: str
) -> HttpResponse:
    """Run one action; a refusal is shown on the form it came from (400)."""
    try:
        call()
    except (InvalidInput, RuleViolation) as error:
        show_refusal(form, error)
        return _render(request, review, status=400, forms_shown={key: form})
    messages.success(request, _("Saved."))
    return redirect("review:review_detail", review.pk)


def _render(
    request: HttpRequest,
    review: ReviewRequest,
    *,
    status: int = 200,
    forms_shown: dict[str, Form] | None = None,
) -> HttpResponse:
    today = clock.today()
    shown = dict(forms_shown or {})
    user = request.user
    if review.is_open and selectors.may_assign(user, review.agency) and review.reviewer is None:
        shown.setdefault("assign_form", forms.AssignForm(staff=legal_staff(review.agency_id), today=today))
    if review.is_open and selectors.may_conclude(user, review):
        prefill = {c["item"]: c["message"] for c in review.package.get("prechecks", []) if "item" in c}
        shown.setdefault("conclude_form", forms.ConcludeForm(today=today, prefill=prefill))
    if review.is_open and (selectors.may_conclude(user, review) or selectors.may_assign(user, review.agency)):
        shown.setdefault("consult_form", forms.ConsultForm(prefix="consult"))
    crime = CrimeTransfer.objects.filter(request=review).first()
    if crime is not None and crime.step not in (TransferStep.NOT_APPROVED, TransferStep.HANDED_OVER):
        shown.setdefault("transfer_form", forms.TransferForm(prefix="transfer", initial={"on": today}))
    context = {
        "review": review,
        "crime": crime,
        "crime_state": transfer.timer_state(crime, today=today) if crime else "",
        "package": review.package,
        "due_state": selectors.due_state(review, today=today),
        "may_extend": review.is_open and not review.extended and selectors.may_extend(user, review.agency),
        "consultations": review.consultations.order_by("answered_on", "pk"),
        "earlier": selectors.requests_of(Subject(review.subject_kind, review.subject_id)).exclude(
            pk=review.pk
        ),
        "items": list(ChecklistItem),
        "opinion_document": None if review.is_open else opinion_document(review),
        **shown,
    }
    return render(request, "review/review_detail.html", context, status=status)


urlpatterns: list[URLPattern] = [
    path("", review_list, name="review_list"),
    path("staffing/", staffing, name="staffing"),
    path("<int:request_id>/", review_detail, name="review_detail"),
    path("<int:request_id>/assign/", review_assign, name="review_assign"),
    path("<int:request_id>/extend/", review_extend, name="review_extend"),
    path("<int:request_id>/conclude/", review_conclude, name="review_conclude"),
    path("<int:request_id>/consult/", review_consult, name="review_consult"),
    path("<int:request_id>/opinion/", review_opinion, name="review_opinion"),
    path("<int:request_id>/opinion.<str:fmt>", review_opinion_file, name="review_opinion_file"),
    path("<int:request_id>/transfer/", review_transfer, name="review_transfer"),
]
