"""The case page's document pages: preview a draft, issue a document, download an issued one (DOCX or PDF).

Thin: fetch the case through ``case_selectors.access_case_by_id`` (404 for missing and foreign cases
alike), parse with ``forms``, call one action. Drafts and issuing are for officers of the case's agency;
downloads for anyone who sees the case (supervisors included) and are recorded. A refusal is shown on the
case page. This module never writes a model directly.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import URLPattern, path, reverse
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from sanxiang.accounts.models import User
from sanxiang.cases import case_selectors
from sanxiang.cases.documents import actions
from sanxiang.cases.documents.forms import IssueForm
from sanxiang.cases.models import Case
from sanxiang.core import clock
from sanxiang.core.errors import InvalidInput, NotFoundOrForbidden, RuleViolation
from sanxiang.documents import kinds
from sanxiang.documents.actions import do_record_read
from sanxiang.documents.models import IssuedDocument
from sanxiang.documents.rendering import DOCX_MEDIA_TYPE, PDF_MEDIA_TYPE
from sanxiang.documents.selectors import documents_of, read_file

FORMATS = ("pdf", "docx")


def case_or_404(request: HttpRequest, case_id: int, *, handling: bool) -> Case:
    try:
        case = case_selectors.access_case_by_id(request.user, case_id)
    except NotFoundOrForbidden as error:
        raise Http404(error.message) from None
    if handling and not case_selectors.may_handle(request.user, case):
        raise Http404(_("Case not found."))
    return case


def document_or_404(case: Case, document_id: int) -> IssuedDocument:
    document = documents_of("case", str(case.pk)).filter(pk=document_id).first()
    if document is None:
        raise Http404(_("Document not found."))
    return document


def _file(content: bytes, *, name: str, fmt: str, inline: bool) -> HttpResponse:
    media_type = PDF_MEDIA_TYPE if fmt == "pdf" else DOCX_MEDIA_TYPE
    response = HttpResponse(content, content_type=media_type)
    response["Content-Disposition"] = content_disposition_header(not inline, f"{name}.{fmt}") or ""
    response["X-Content-Type-Options"] = "nosniff"
    return response


@login_required
@require_GET
def document_draft(request: HttpRequest, case_id: int, kind: str) -> HttpResponse:
    """A draft of ``kind`` filled from the case, unnumbered and not kept (PDF; DOCX with ?format=docx)."""
    case = case_or_404(request, case_id, handling=True)
    fmt = "docx" if request.GET.get("format") == "docx" else "pdf"
    try:
        docx, printed = actions.render_draft(case, kind=kind, on=clock.today())
    except InvalidInput:
        raise Http404(_("Document not found.")) from None
    title = f"{kinds.get(kind).title}（草稿）"
    return _file(printed if fmt == "pdf" else docx, name=title, fmt=fmt, inline=fmt == "pdf")


@login_required
@require_POST
def document_issue(request: HttpRequest, case_id: int) -> HttpResponse:
    case = case_or_404(request, case_id, handling=True)
    form = IssueForm(request.POST, kinds=kinds.for_procedure(case.procedure_key), today=clock.today())
    if not form.is_valid():
        messages.error(request, _("Choose the document and its date."))
        return redirect(f"{_case_url(case)}#documents")
    supersedes = None
    if form.cleaned_data["supersedes"]:
        supersedes = document_or_404(case, form.cleaned_data["supersedes"])
    assert isinstance(request.user, User)  # login_required
    try:
        document = actions.check_issue_case_document(
            case,
            kind=form.cleaned_data["kind"],
            actor_user=request.user,
            on=form.cleaned_data["on"],
            supersedes=supersedes,
        )
    except (InvalidInput, RuleViolation) as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("%(document)s was issued.") % {"document": document})
    return redirect(f"{_case_url(case)}#documents")


@login_required
@require_GET
def document_download(request: HttpRequest, case_id: int, document_id: int, fmt: str) -> HttpResponse:
    """An issued file, as stored when it was issued; the download is recorded."""
    case = case_or_404(request, case_id, handling=False)
    document = document_or_404(case, document_id)
    if fmt not in FORMATS:
        raise Http404(_("Document not found."))
    assert isinstance(request.user, User)  # login_required
    do_record_read(document, actor_user=request.user, fmt=fmt)
    name = f"{document.title}{document.number}"
    return _file(read_file(document, fmt), name=name, fmt=fmt, inline=False)


def _case_url(case: Case) -> str:
    return reverse("cases:case_detail", args=[case.pk])


urlpatterns: list[URLPattern] = [
    path("<int:case_id>/documents/draft/<slug:kind>/", document_draft, name="document_draft"),
    path("<int:case_id>/documents/issue/", document_issue, name="document_issue"),
    path(
        "<int:case_id>/documents/<int:document_id>.<str:fmt>",
        document_download,
        name="document_download",
    ),
]
