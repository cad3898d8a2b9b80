"""Public endpoints of the record log: the latest signed checkpoint with its cosignatures (text/plain), and
the witness's add-checkpoint endpoint (c2sp.org/tlog-witness). Thin: parse, call, map errors to statuses."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from sanxiang.core.errors import InvalidInput, NotFoundOrForbidden, SanxiangError
from sanxiang.records import checkpoints, cosign, witness

TEXT = "text/plain; charset=utf-8"


@require_GET
def checkpoint(request: HttpRequest) -> HttpResponse:
    """The latest signed checkpoint (C2SP signed note). Public: anyone may hold the log to it."""
    latest = checkpoints.latest()
    if latest is None:
        return HttpResponse("no checkpoint yet\n", status=404, content_type=TEXT)
    return HttpResponse(cosign.served_note(latest), content_type=TEXT)


# Refusals of add-checkpoint and their HTTP statuses (c2sp.org/tlog-witness), most specific first.
_STATUSES: tuple[tuple[type[SanxiangError], int], ...] = (
    (NotFoundOrForbidden, 404),
    (witness.BadSignature, 403),
    (witness.Inconsistent, 422),
    (InvalidInput, 400),
)


@csrf_exempt  # a machine-to-machine endpoint; the log's signature on the checkpoint is the credential
@require_POST
def add_checkpoint(request: HttpRequest) -> HttpResponse:
    """c2sp.org/tlog-witness add-checkpoint: this deployment witnesses another agency's log."""
    try:
        line = witness.check_add_checkpoint(request.body.decode("utf-8"))
    except UnicodeDecodeError:
        return HttpResponse("malformed request\n", status=400, content_type=TEXT)
    except witness.SizeConflict as error:
        return HttpResponse(f"{error.size}\n", status=409, content_type="text/x.tlog.size")
    except SanxiangError as error:
        status = next((code for kind, code in _STATUSES if isinstance(error, kind)), 400)
        return HttpResponse(error.message + "\n", status=status, content_type=TEXT)
    return HttpResponse(line, content_type=TEXT)
