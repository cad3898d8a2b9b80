"""Playback and download of originals. Thin: fetch through ``access_evidence_by_id``, record the read, stream
the requested byte range from storage. Never serves a file without writing its ``evidence.read`` record first,
and answers "not yours" exactly like "no such file"."""

from __future__ import annotations

from urllib.parse import quote

from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.http.response import HttpResponseBase
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from sanxiang.core import clock
from sanxiang.core.errors import NotFoundOrForbidden
from sanxiang.evidence import actions, selectors
from sanxiang.evidence.models import EvidenceFile
from sanxiang.evidence.ranges import Unsatisfiable, parse_range
from sanxiang.evidence.storage import get_storage
from sanxiang.organizations.selectors import actor_of


def _serve(request: HttpRequest, evidence_id: int, *, mode: str) -> HttpResponseBase:
    try:
        evidence = selectors.access_evidence_by_id(request.user, evidence_id)
    except NotFoundOrForbidden:
        raise Http404(_("Evidence not found.")) from None
    try:
        byte_range = parse_range(request.headers.get("Range"), evidence.size)
    except Unsatisfiable:
        response = HttpResponse(status=416)
        response["Content-Range"] = f"bytes */{evidence.size}"
        return response
    range_text = f"{byte_range[0]}-{byte_range[1] - 1}" if byte_range else None
    actions.do_record_read(
        actor=actor_of(request.user, on=clock.today()), evidence=evidence, mode=mode, byte_range=range_text
    )
    return _stream(evidence, byte_range, attachment=mode == "download")


def _stream(
    evidence: EvidenceFile, byte_range: tuple[int, int] | None, *, attachment: bool
) -> HttpResponseBase:
    start, end = byte_range or (0, evidence.size)
    response = StreamingHttpResponse(
        get_storage().read(evidence.storage_key, start, end),
        status=206 if byte_range else 200,
        content_type=evidence.media_type,
    )
    response["Content-Length"] = str(end - start)
    response["Accept-Ranges"] = "bytes"
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    response["Digest"] = f"sha-256={evidence.sha256}"
    if byte_range:
        response["Content-Range"] = f"bytes {start}-{end - 1}/{evidence.size}"
    disposition = "attachment" if attachment else "inline"
    name = evidence.filename or f"evidence-{evidence.pk}"
    response.headers["Content-Disposition"] = f"{disposition}; filename*=UTF-8''{quote(name, safe='')}"
    return response


@require_GET
def play(request: HttpRequest, evidence_id: int) -> HttpResponseBase:
    return _serve(request, evidence_id, mode="view")


@require_GET
def download(request: HttpRequest, evidence_id: int) -> HttpResponseBase:
    return _serve(request, evidence_id, mode="download")
