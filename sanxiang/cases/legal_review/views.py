"""The case's legal-review page for officers and supervisors: whether the proposed decision is major (the
catalogue rules that fired, shown to the officer), the reviews of the case with their status and outcome,
and the submission (送审) of the proposed decision with its draft.

Thin: fetch through ``case_selectors.access_case_by_id`` (404 for outsiders and missing ids alike), parse,
call one action, render. Only officers of the case's agency submit. Never writes a model directly."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import URLPattern, path
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from sanxiang.cases import case_selectors
from sanxiang.cases.legal_review.actions import check_submit_for_review
from sanxiang.cases.legal_review.forms import SubmitForm
from sanxiang.cases.legal_review.gate import proposal_for_act, subject_of
from sanxiang.cases.legal_review.triggers import needs_legal_review
from sanxiang.cases.models import Case
from sanxiang.core import clock
from sanxiang.core.errors import InvalidInput, NotFoundOrForbidden, RuleViolation
from sanxiang.core.forms import show_refusal
from sanxiang.matters import procedures
from sanxiang.review import selectors as review_selectors


def _case_or_404(request: HttpRequest, case_id: int) -> Case:
    try:
        return case_selectors.access_case_by_id(request.user, case_id)
    except NotFoundOrForbidden as error:
        raise Http404(error.message) from None


def section(case: Case) -> dict[str, Any]:
    """What the case page shows of legal review: whether the decision as proposed now is major, and the
    latest review with its status."""
    today = clock.today()
    need = needs_legal_review(case, proposal_for_act(case, "decide", {}), on=today)
    latest = review_selectors.requests_of(subject_of(case)).first()
    return {"need": need, "latest": latest, "passed": case.legal_review_passed}


@login_required
@require_GET
def legal_review_page(request: HttpRequest, case_id: int) -> HttpResponse:
    case = _case_or_404(request, case_id)
    return _render(request, case, form=None)


@login_required
@require_POST
def legal_review_submit(request: HttpRequest, case_id: int) -> HttpResponse:
    case = _case_or_404(request, case_id)
    if not case_selectors.may_handle(request.user, case):
        raise Http404(_("Case not found."))
    form = SubmitForm(request.POST, today=clock.today(), amount_fen=case.proposed_fen)
    if form.is_valid():
        try:
            review = check_submit_for_review(
                case,
                actor_user=request.user,
                proposed=form.proposal(),
                draft=form.cleaned_data["draft"],
                on=form.cleaned_data["on"],
            )
        except (InvalidInput, RuleViolation) as error:
            show_refusal(form, error)
        else:
            messages.success(request, _("The decision was submitted for legal review."))
            return redirect("review:review_detail", review.pk)
    return _render(request, case, form=form, status=400)


def _render(request: HttpRequest, case: Case, *, form: SubmitForm | None, status: int = 200) -> HttpResponse:
    may_submit = case_selectors.may_handle(request.user, case) and "legal_review" in {
        t.act for t in procedures.get(case.procedure_key).acts_from(case.stage)
    }
    if form is None and may_submit:
        form = SubmitForm(today=clock.today(), amount_fen=case.proposed_fen)
    context = {
        "case": case,
        **section(case),
        "reviews": review_selectors.requests_of(subject_of(case)).select_related("reviewer"),
        "form": form if may_submit or form is not None else None,
    }
    return render(request, "cases/legal_review.html", context, status=status)


urlpatterns: list[URLPattern] = [
    path("<int:case_id>/legal-review/", legal_review_page, name="legal_review"),
    path("<int:case_id>/legal-review/submit/", legal_review_submit, name="legal_review_submit"),
]
