"""The case's legal-review page for officers and supervisors: whether the proposed decision is major (the
catalogue rules that fired, shown to the officer), the reviews of the case with their status and outcome,
the submission (送审) of the proposed decision with its draft, and the handler's answers recorded on the
case before the decision.

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
from sanxiang.cases.case_guidance import answer_labels
from sanxiang.cases.legal_review.actions import check_submit_for_review
from sanxiang.cases.legal_review.answers import check_record_handler_answers, may_answer
from sanxiang.cases.legal_review.forms import AnswersForm, SubmitForm
from sanxiang.cases.legal_review.gate import proposal_for_act, subject_of, suggested_proposal
from sanxiang.cases.legal_review.triggers import needs_legal_review
from sanxiang.cases.models import Case
from sanxiang.core import clock
from sanxiang.core.errors import InvalidInput, NotFoundOrForbidden, RuleViolation
from sanxiang.core.forms import show_refusal
from sanxiang.matters import procedures
from sanxiang.organizations.jurisdiction import AnyUser
from sanxiang.review import selectors as review_selectors


def _case_or_404(request: HttpRequest, case_id: int) -> Case:
    try:
        return case_selectors.access_case_by_id(request.user, case_id)
    except NotFoundOrForbidden as error:
        raise Http404(error.message) from None


def section(case: Case, *, user: AnyUser | None = None, answers: AnswersForm | None = None) -> dict[str, Any]:
    """What the case page shows of legal review: whether the decision as proposed now is major, the
    latest review with its status, and the handler's answers (a form for the handling officers while the
    decision is ahead)."""
    today = clock.today()
    need = needs_legal_review(case, proposal_for_act(case, "decide", {}, on=today), on=today)
    latest = review_selectors.requests_of(subject_of(case)).first()
    if answers is None and user is not None and case_selectors.may_handle(user, case) and may_answer(case):
        answers = AnswersForm(today=today, flags=list(case.handler_flags))
    return {
        "need": need,
        "latest": latest,
        "passed": case.legal_review_passed,
        "answers": answer_labels(case.handler_flags),
        "answers_form": answers,
    }


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
    form = SubmitForm(request.POST, today=clock.today(), suggested=suggested_proposal(case))
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


@login_required
@require_POST
def legal_review_answers(request: HttpRequest, case_id: int) -> HttpResponse:
    """Record the handler's answers on the case (only its handling officers)."""
    case = _case_or_404(request, case_id)
    if not case_selectors.may_handle(request.user, case):
        raise Http404(_("Case not found."))
    form = AnswersForm(request.POST, today=clock.today(), flags=list(case.handler_flags))
    if form.is_valid():
        try:
            check_record_handler_answers(
                case, actor_user=request.user, flags=form.cleaned_data["flags"], on=form.cleaned_data["on"]
            )
        except (InvalidInput, RuleViolation) as error:
            show_refusal(form, error)
        else:
            messages.success(request, _("The handler's answers were recorded."))
            return redirect("cases:case_detail", case.pk)
    return _render(request, case, form=None, answers=form, status=400)


def _render(
    request: HttpRequest,
    case: Case,
    *,
    form: SubmitForm | None,
    answers: AnswersForm | None = None,
    status: int = 200,
) -> HttpResponse:
    may_submit = case_selectors.may_handle(request.user, case) and "legal_review" in {
        t.act for t in procedures.get(case.procedure_key).acts_from(case.stage)
    }
    if form is None and may_submit:
        form = SubmitForm(today=clock.today(), suggested=suggested_proposal(case))
    context = {
        "case": case,
        **section(case, user=request.user, answers=answers),
        "reviews": review_selectors.requests_of(subject_of(case)).select_related("reviewer"),
        "form": form if may_submit or form is not None else None,
    }
    return render(request, "cases/legal_review.html", context, status=status)


urlpatterns: list[URLPattern] = [
    path("<int:case_id>/legal-review/", legal_review_page, name="legal_review"),
    path("<int:case_id>/legal-review/submit/", legal_review_submit, name="legal_review_submit"),
    path("<int:case_id>/legal-review/answers/", legal_review_answers, name="legal_review_answers"),
]
