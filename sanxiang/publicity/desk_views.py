"""The editor's desk (internal, signed in): the publications of the agencies a user may see (drafts,
approvals, the archive of expired, withdrawn and excluded ones), one publication with its masked text beside
the original and the editor's acts, and the push status page. Thin: parse, ``access_publication_by_id``
(404 for missing and forbidden alike), one action, render. Officers and supervisors read; only the agency's
publicity editor acts (403 otherwise)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from sanxiang.core import clock
from sanxiang.core.errors import NotFoundOrForbidden, SanxiangError
from sanxiang.core.forms import show_refusal
from sanxiang.publicity import actions, documents
from sanxiang.publicity.deadlines import publication_board
from sanxiang.publicity.enums import PublicationStatus
from sanxiang.publicity.forms_decisions import (
    CorrectForm,
    ExcludeForm,
    MaskForm,
    MustPublishForm,
    OpenWithdrawalForm,
    WithdrawForm,
)
from sanxiang.publicity.models import Publication
from sanxiang.publicity.selectors_internal import access_publication_by_id, list_publications, visible_pushes

PER_PAGE = 25
FORMS: dict[str, type[forms.Form]] = {
    "mask": MaskForm,
    "exclude": ExcludeForm,
    "must_publish": MustPublishForm,
    "open_withdrawal": OpenWithdrawalForm,
    "withdraw": WithdrawForm,
    "correct": CorrectForm,
}


def _access(request: HttpRequest, publication_id: int) -> Publication:
    try:
        return access_publication_by_id(request.user, publication_id)
    except NotFoundOrForbidden as error:
        raise Http404 from error


@login_required
@require_GET
def desk(request: HttpRequest) -> HttpResponse:
    status = request.GET.get("status", "")
    if status not in PublicationStatus.values:
        status = ""
    page = Paginator(list_publications(request.user, status=status), PER_PAGE).get_page(
        request.GET.get("page")
    )
    board = publication_board(request.user, today=clock.today())
    colours = {row.publication.pk: row for row in board}
    context = {
        "page": page,
        "status": status,
        "statuses": PublicationStatus.choices,
        "colours": colours,
        "board": board,
    }
    return render(request, "publicity/desk.html", context)


def _detail(
    request: HttpRequest,
    publication: Publication,
    bound: dict[str, forms.Form] | None = None,
    status: int = 200,
) -> HttpResponse:
    forms_shown = {name: form_class() for name, form_class in FORMS.items()}
    forms_shown.update(bound or {})
    rows = [
        (label, publication.items.get(key, ""), publication.masked.get(key, ""))
        for key, label in documents.ITEMS
    ]
    context = {
        "publication": publication,
        "rows": rows,
        "may_edit": actions.may_edit(request.user, publication),
        "cleared": publication.confidentiality_digest == publication.document_digest,
        "forms": forms_shown,
        "corrections": publication.corrections.order_by("corrected_at"),
        "pushes": publication.pushes.order_by("created_at"),
    }
    return render(request, "publicity/publication_detail.html", context, status=status)


@login_required
@require_GET
def publication_detail(request: HttpRequest, publication_id: int) -> HttpResponse:
    return _detail(request, _access(request, publication_id))


Act = Callable[[Publication, Any, forms.Form], Publication]
ACTS: dict[str, Act] = {
    "clear": lambda p, u, f: actions.check_clear_confidentiality(p, actor_user=u),
    "approve": lambda p, u, f: actions.check_approve_publication(p, actor_user=u),
    "publish": lambda p, u, f: actions.check_publish_publication(p, actor_user=u),
    "mask": lambda p, u, f: actions.check_mask_more(p, actor_user=u, terms=f.term_list()),  # type: ignore[attr-defined]
    "exclude": lambda p, u, f: actions.check_exclude_publication(
        p, actor_user=u, reason=f.cleaned_data["reason"], note=f.cleaned_data["note"]
    ),
    "must_publish": lambda p, u, f: actions.check_set_must_publish(
        p, actor_user=u, must_publish=f.cleaned_data["must_publish"], reason=f.cleaned_data["reason"]
    ),
    "open_withdrawal": lambda p, u, f: actions.check_open_withdrawal(
        p, actor_user=u, ground=f.cleaned_data["ground"], ground_on=f.cleaned_data["ground_on"]
    ),
    "withdraw": lambda p, u, f: actions.check_withdraw_publication(
        p, actor_user=u, reason=f.cleaned_data["reason"]
    ),
    "correct": lambda p, u, f: actions.check_correct_publication(
        p,
        actor_user=u,
        requested_by=f.cleaned_data["requested_by"],
        request=f.cleaned_data["request"],
        changes={f.cleaned_data["field"]: f.cleaned_data["text"]},
    ),
}


@login_required
@require_POST
def publication_act(request: HttpRequest, publication_id: int, act: str) -> HttpResponse:
    """One editor act on a publication; a refusal is shown on its form and changes nothing."""
    publication = _access(request, publication_id)
    if act not in ACTS:
        raise Http404
    if not actions.may_edit(request.user, publication):
        raise PermissionDenied
    form: forms.Form = FORMS[act](request.POST) if act in FORMS else forms.Form(request.POST)
    if not form.is_valid():
        return _detail(request, publication, {act: form}, status=400)
    try:
        ACTS[act](publication, request.user, form)
    except SanxiangError as error:
        show_refusal(form, error)
        return _detail(request, publication, {act: form, "refusal": form}, status=400)
    return redirect("publications:publication", publication.pk)


@login_required
@require_GET
def push_status(request: HttpRequest) -> HttpResponse:
    """Every push of the publications a user may see: endpoint, event, key, state, attempts, last error."""
    page = Paginator(visible_pushes(request.user).order_by("-created_at", "-pk"), PER_PAGE).get_page(
        request.GET.get("page")
    )
    return render(request, "publicity/push_status.html", {"page": page})
