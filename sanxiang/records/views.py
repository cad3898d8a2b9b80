"""Public endpoints of the record log: the latest signed checkpoint with its cosignatures (text/plain), the
standalone bundle verifier (``tools/verify_bundle.py``: standard library and ``cryptography``) for whoever
holds a bundle, and the witness's add-checkpoint endpoint (c2sp.org/tlog-witness). Thin: parse, call, map
errors to statuses."""

from __future__ import annotations

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
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


VERIFIER = settings.BASE_DIR / "tools" / "verify_bundle.py"


@require_GET
def verifier_script(request: HttpRequest) -> HttpResponse:
    """The offline verifier of record bundles, as the project ships it. Public: it holds no data."""
    if not VERIFIER.is_file():
        raise Http404("verify_bundle.py is not part of this installation")
    response = HttpResponse(VERIFIER.read_bytes(), content_type="text/x-python; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="verify_bundle.py"'
    return response


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
