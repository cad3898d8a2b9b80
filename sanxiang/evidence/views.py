"""Evidence pages and streams. Thin: fetch through ``access_evidence_by_id``, record the read, stream the
requested byte range of the original, its access copy or its poster from storage; render the file page, the
subject's list with its gaps, and the upload page (whose tus client talks to /evidence/uploads/ directly).
Never serves bytes without writing an ``evidence.read`` record first, and answers "not yours" exactly like "no
such file"."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import quote

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import AbstractBaseUser
from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from sanxiang.core import clock
from sanxiang.core.errors import InvalidInput, NotFoundOrForbidden, RuleViolation
from sanxiang.evidence import access, actions, forms, gaps, late, requirements, retention, selectors
from sanxiang.evidence.access import POSTER_MEDIA_TYPE
from sanxiang.evidence.models import AccessCopy, Deletion, EvidenceFile, Retention
from sanxiang.evidence.ranges import Unsatisfiable, parse_range
from sanxiang.evidence.storage import get_storage
from sanxiang.organizations.selectors import actor_of, officer_of


def _evidence_or_404(request: HttpRequest, evidence_id: int) -> EvidenceFile:
    try:
        evidence = selectors.access_evidence_by_id(request.user, evidence_id)
    except NotFoundOrForbidden:
        raise Http404(_("Evidence not found.")) from None
    if selectors.is_removed(evidence):
        raise Http404(_("Evidence not found."))
    return evidence


@dataclass(frozen=True)
class Blob:
    """One stored object to stream: an original, an access copy or a poster."""

    key: str
    size: int
    media_type: str
    sha256: str
    filename: str


def _serve(request: HttpRequest, evidence_id: int, *, mode: str) -> HttpResponseBase:
    evidence = _evidence_or_404(request, evidence_id)
    copy = selectors.ready_copy(evidence) if mode in {"copy", "poster"} else None
    if mode in {"copy", "poster"} and (copy is None or (mode == "poster" and not copy.poster_key)):
        raise Http404(_("Evidence not found."))
    blob = _blob(evidence, copy, mode=mode)
    try:
        byte_range = parse_range(request.headers.get("Range"), blob.size)
    except Unsatisfiable:
        response = HttpResponse(status=416)
        response["Content-Range"] = f"bytes */{blob.size}"
        return response
    range_text = f"{byte_range[0]}-{byte_range[1] - 1}" if byte_range else None
    actions.do_record_read(
        actor=actor_of(request.user, on=clock.today()),
        evidence=evidence,
        mode=mode,
        byte_range=range_text,
        copy_sha256=blob.sha256 if copy else None,
    )
    return _stream(blob, byte_range, attachment=mode == "download")


def _blob(evidence: EvidenceFile, copy: AccessCopy | None, *, mode: str) -> Blob:
    name = evidence.filename or f"evidence-{evidence.pk}"
    if copy is not None and mode == "copy":
        audio = access.is_audio(evidence)
        media_type, suffix = access.copy_media_type(evidence), ".m4a" if audio else ".mp4"
        return Blob(copy.video_key, copy.video_size, media_type, copy.video_sha256, f"{name}{suffix}")
    if copy is not None and mode == "poster":
        return Blob(copy.poster_key, copy.poster_size, POSTER_MEDIA_TYPE, copy.poster_sha256, f"{name}.jpg")
    return Blob(evidence.storage_key, evidence.size, evidence.media_type, evidence.sha256, name)


def _stream(blob: Blob, byte_range: tuple[int, int] | None, *, attachment: bool) -> HttpResponseBase:
    start, end = byte_range or (0, blob.size)
    response = StreamingHttpResponse(
        get_storage().read(blob.key, start, end),
        status=206 if byte_range else 200,
        content_type=blob.media_type,
    )
    response["Content-Length"] = str(end - start)
    response["Accept-Ranges"] = "bytes"
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    response["Digest"] = f"sha-256={blob.sha256}"
    if byte_range:
        response["Content-Range"] = f"bytes {start}-{end - 1}/{blob.size}"
    disposition = "attachment" if attachment else "inline"
    response.headers["Content-Disposition"] = (
        f"{disposition}; filename*=UTF-8''{quote(blob.filename, safe='')}"
    )
    return response


@require_GET
def play(request: HttpRequest, evidence_id: int) -> HttpResponseBase:
    return _serve(request, evidence_id, mode="view")


@require_GET
def download(request: HttpRequest, evidence_id: int) -> HttpResponseBase:
    return _serve(request, evidence_id, mode="download")


@login_required
@require_GET
def copy(request: HttpRequest, evidence_id: int) -> HttpResponseBase:
    """The browser-playable access copy, with Range; each request is a recorded read."""
    return _serve(request, evidence_id, mode="copy")


@login_required
@require_GET
def poster(request: HttpRequest, evidence_id: int) -> HttpResponseBase:
    return _serve(request, evidence_id, mode="poster")


@login_required
@require_GET
def file_detail(request: HttpRequest, evidence_id: int) -> HttpResponse:
    """The file page: player (access copy and poster), metadata and the state of the access copy."""
    evidence = _evidence_or_404(request, evidence_id)
    context = {
        "evidence": evidence,
        "copy": AccessCopy.objects.filter(original=evidence).first(),
        "retention": Retention.objects.filter(file=evidence).first(),
        "deletion": Deletion.objects.filter(file=evidence).first(),
        "deletion_form": forms.DeletionForm(),
        "items": selectors.list_items_for(
            request.user, subject=(evidence.subject_kind, evidence.subject_id)
        ).filter(file=evidence),
        "late_reason_form": forms.LateReasonForm(),
        **(late.page_facts(request.user, evidence) if isinstance(request.user, AbstractBaseUser) else {}),
    }
    return render(request, "evidence/file_detail.html", context)


@login_required
@require_GET
def subject_files(request: HttpRequest, subject_kind: str, subject_id: str) -> HttpResponse:
    """The evidence of one subject within the user's jurisdiction, with the gaps between AV segments."""
    subject = (subject_kind, subject_id)
    context = {
        "subject_kind": subject_kind,
        "subject_id": subject_id,
        "files": selectors.list_files_for(request.user, subject=subject),
        "gaps": gaps.list_gaps(request.user, subject=subject),
        "may_explain": officer_of(request.user) is not None,
        "gap_form": forms.GapReasonForm(),
        "exemptions": selectors.list_exemptions_for(request.user, subject=subject),
        "exemption_form": forms.ExemptionForm(),
    }
    return render(request, "evidence/subject_files.html", context)


@login_required
@require_POST
def explain_gap(request: HttpRequest, evidence_id: int) -> HttpResponse:
    """Record the reason for the gap before this segment; a refusal is shown on the subject page."""
    evidence = _evidence_or_404(request, evidence_id)
    if not isinstance(request.user, AbstractBaseUser):
        raise Http404(_("Evidence not found."))
    form = forms.GapReasonForm(request.POST)
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    try:
        gaps.check_explain_gap(
            actor=actor_of(request.user, on=clock.today()), user=request.user, after=evidence, reason=reason
        )
    except (InvalidInput, RuleViolation) as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The reason for the gap was recorded."))
    return redirect("evidence:subject_files", evidence.subject_kind, evidence.subject_id)


@login_required
@require_http_methods(["GET"])
def upload_page(request: HttpRequest) -> HttpResponse:
    """Officers upload from the browser; the page's tus client resumes an interrupted upload on retry."""
    officer = officer_of(request.user)
    if officer is None or not officer.is_active:
        raise Http404(_("Evidence not found."))
    initial = {key: request.GET[key] for key in ("subject_kind", "subject_id", "step") if key in request.GET}
    return render(
        request, "evidence/upload.html", {"form": forms.UploadForm(initial=initial), "officer": officer}
    )


def _user_or_404(request: HttpRequest) -> AbstractBaseUser:
    if not isinstance(request.user, AbstractBaseUser):
        raise Http404(_("Evidence not found."))
    return request.user


def _report(request: HttpRequest, action: Callable[[], object], done: str) -> None:
    """Run one action; show its refusal or ``done`` as a message on the page the user returns to."""
    try:
        action()
    except (InvalidInput, RuleViolation) as error:
        messages.error(request, error.message)
    else:
        messages.success(request, done)


@login_required
@require_POST
def request_exemption(request: HttpRequest, subject_kind: str, subject_id: str) -> HttpResponse:
    """An officer asks to close a fully-recorded step of this subject without AV (e.g. equipment failure)."""
    user = _user_or_404(request)
    officer = officer_of(user)
    if officer is None:
        raise Http404(_("Evidence not found."))
    form = forms.ExemptionForm(request.POST)
    data = form.cleaned_data if form.is_valid() else {"matter_code": "", "step": "", "reason": ""}
    _report(
        request,
        lambda: requirements.check_request_exemption(
            actor=actor_of(user, on=clock.today()),
            user=user,
            agency=officer.agency,
            subject=(subject_kind, subject_id),
            **data,
        ),
        _("The exemption was requested."),
    )
    return redirect("evidence:subject_files", subject_kind, subject_id)


@login_required
@require_POST
def approve_exemption(request: HttpRequest, exemption_id: int) -> HttpResponse:
    user = _user_or_404(request)
    try:
        exemption = selectors.access_exemption_by_id(user, exemption_id)
    except NotFoundOrForbidden:
        raise Http404(_("Evidence not found.")) from None
    _report(
        request,
        lambda: requirements.check_approve_exemption(
            actor=actor_of(user, on=clock.today()), user=user, exemption=exemption
        ),
        _("The exemption was approved."),
    )
    return redirect("evidence:subject_files", exemption.subject_kind, exemption.subject_id)


@login_required
@require_POST
def request_deletion(request: HttpRequest, evidence_id: int) -> HttpResponse:
    evidence = _evidence_or_404(request, evidence_id)
    user = _user_or_404(request)
    form = forms.DeletionForm(request.POST)
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    _report(
        request,
        lambda: retention.check_request_deletion(
            actor=actor_of(user, on=clock.today()), user=user, evidence=evidence, reason=reason
        ),
        _("The deletion was requested; a second person must approve it."),
    )
    return redirect("evidence:file_detail", evidence.pk)


@login_required
@require_POST
def approve_deletion(request: HttpRequest, evidence_id: int) -> HttpResponse:
    evidence = _evidence_or_404(request, evidence_id)
    user = _user_or_404(request)
    deletion = Deletion.objects.filter(file=evidence).first()
    if deletion is None:
        raise Http404(_("Evidence not found."))
    _report(
        request,
        lambda: retention.check_approve_deletion(
            actor=actor_of(user, on=clock.today()), user=user, deletion=deletion
        ),
        _("The deletion was approved and the recording removed."),
    )
    return redirect("evidence:subject_files", evidence.subject_kind, evidence.subject_id)
