"""The tus 1.0 endpoint (core, creation, expiration, checksum, termination). Thin: parses headers, finds the
principal, calls uploads.*, turns domain errors into tus status codes. Never touches bytes or rows itself."""

from __future__ import annotations

import uuid
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import CsrfViewMiddleware
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from sanxiang.core.errors import InvalidInput, NotFoundOrForbidden, RuleViolation, SanxiangError
from sanxiang.evidence import conf, tus, uploads
from sanxiang.evidence.auth import Principal, principal_of
from sanxiang.evidence.models import Upload

_STATUS: list[tuple[type[SanxiangError], int]] = [
    (uploads.ChecksumMismatch, tus.CHECKSUM_MISMATCH),
    (uploads.OffsetConflict, 409),
    (uploads.TooLarge, 413),
    (uploads.TypeRefused, 415),
    (uploads.UploadBusy, 423),
    (NotFoundOrForbidden, 404),
    (InvalidInput, 400),
    (RuleViolation, 403),
]


def _response(status: int, message: str = "", **headers: str) -> HttpResponse:
    response = HttpResponse(message, status=status, content_type="text/plain; charset=utf-8")
    response["Tus-Resumable"] = tus.VERSION
    response["Cache-Control"] = "no-store"
    for name, value in headers.items():
        response[name.replace("_", "-")] = value
    return response


def _error(error: SanxiangError) -> HttpResponse:
    status = next((code for kind, code in _STATUS if isinstance(error, kind)), 500)
    return _response(status, error.message)


def _csrf_refused(request: HttpRequest) -> bool:
    """Session uploads (browsers) need the CSRF header; device-token uploads carry no cookie to forge."""
    if request.headers.get(tus.DEVICE_TOKEN_HEADER):
        return False
    middleware = CsrfViewMiddleware(lambda _request: HttpResponse())
    return middleware.process_view(request, lambda _request: HttpResponse(), (), {}) is not None


def _options() -> HttpResponse:
    return _response(
        204,
        Tus_Version=tus.VERSION,
        Tus_Extension=tus.EXTENSIONS,
        Tus_Max_Size=str(conf.max_bytes()),
        Tus_Checksum_Algorithm=",".join(tus.CHECKSUM_ALGORITHMS),
    )


def _guarded(request: HttpRequest, handler: Callable[[Principal], HttpResponse]) -> HttpResponse:
    """Every tus request but OPTIONS: version, principal, CSRF for sessions, domain errors as statuses."""
    if request.method == "OPTIONS":
        return _options()
    if request.headers.get("Tus-Resumable") != tus.VERSION:
        return _response(412, _("Unsupported tus version."), Tus_Version=tus.VERSION)
    principal = principal_of(request)
    if principal is None:
        return _response(401, _("Log in as an officer or present a registered device token."))
    if request.method != "HEAD" and _csrf_refused(request):
        return _response(403, _("CSRF check failed."))
    return _handled(principal, handler)


def _handled(principal: Principal, handler: Callable[[Principal], HttpResponse]) -> HttpResponse:
    try:
        return handler(principal)
    except tus.ProtocolError as error:
        return _response(400, str(error))
    except SanxiangError as error:
        return _error(error)


def _state_headers(upload: Upload) -> dict[str, str]:
    headers = {"Upload_Offset": str(upload.offset), "Upload_Length": str(upload.length)}
    if upload.metadata:
        headers["Upload_Metadata"] = tus.encode_metadata(upload.metadata)
    if upload.evidence_file is not None:
        headers[tus.DIGEST_HEADER.replace("-", "_")] = upload.evidence_file.sha256
        headers[tus.EVIDENCE_HEADER.replace("-", "_")] = str(upload.evidence_file.pk)
    else:
        headers["Upload_Expires"] = tus.http_date(upload.expires_at)
    return headers


@csrf_exempt
def collection(request: HttpRequest) -> HttpResponse:
    def create(principal: Principal) -> HttpResponse:
        if request.method != "POST":
            return _response(405)
        length = tus.parse_length(request.headers.get("Upload-Length"), "Upload-Length")
        raw = tus.parse_metadata(request.headers.get("Upload-Metadata", ""))
        upload = uploads.create_upload(principal=principal, length=length, raw_metadata=raw)
        location = request.build_absolute_uri(reverse("evidence:upload", args=[upload.id]))
        return _response(201, Location=location, **_state_headers(upload))

    return _guarded(request, create)


@csrf_exempt
def resource(request: HttpRequest, upload_id: uuid.UUID) -> HttpResponse:
    def handle(principal: Principal) -> HttpResponse:
        if request.method == "HEAD":
            upload = uploads.access_upload(principal, upload_id)
            upload = uploads.resume_unfinished(upload, principal=principal)
            return _response(200, **_state_headers(upload))
        if request.method == "PATCH":
            return _patch(request, principal, upload_id)
        if request.method == "DELETE":
            uploads.terminate(principal=principal, upload_id=upload_id)
            return _response(204)
        return _response(405)

    return _guarded(request, handle)


def _patch(request: HttpRequest, principal: Principal, upload_id: uuid.UUID) -> HttpResponse:
    if request.content_type != tus.OFFSET_CONTENT_TYPE:
        return _response(415, _("PATCH bodies must be application/offset+octet-stream."))
    offset = tus.parse_length(request.headers.get("Upload-Offset"), "Upload-Offset")
    length = tus.parse_length(request.headers.get("Content-Length"), "Content-Length")
    checksum_header = request.headers.get("Upload-Checksum")
    checksum = tus.parse_checksum(checksum_header) if checksum_header else None
    upload = uploads.write_chunk(
        principal=principal,
        upload_id=upload_id,
        offset=offset,
        stream=request,  # type: ignore[arg-type]  # HttpRequest is file-like (read) over the WSGI input
        content_length=length,
        checksum=checksum,
    )
    return _response(204, **_state_headers(upload))
