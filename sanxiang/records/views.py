"""Public views of the record log: the latest signed checkpoint as text/plain. Thin; reads only."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_GET

from sanxiang.records import checkpoints


@require_GET
def checkpoint(request: HttpRequest) -> HttpResponse:
    """The latest signed checkpoint (C2SP signed note). Public: anyone may hold the log to it."""
    latest = checkpoints.latest()
    if latest is None:
        return HttpResponse("no checkpoint yet\n", status=404, content_type="text/plain; charset=utf-8")
    return HttpResponse(latest.note, content_type="text/plain; charset=utf-8")
