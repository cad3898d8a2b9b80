"""The record log's integrity page (记录日志完整性) for the supervisors and administrators of a top-level
agency, who answer for the deployment's log: its size and root, the latest signed checkpoint with its
witnesses' cosignatures, what waits to be integrated, the verifier key, and every verification asked for
from here (each recorded in the log itself). A verification runs as a task (in the request where tasks are
eager); the page shows its progress while it runs. Thin: access, then ``records.verification``.

Anyone else, including a lower agency's supervisor, gets a 404: the page itself holds nothing secret (the
checkpoint is public), but running a verification costs the server a full pass over the log.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import URLPattern, path
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from sanxiang.core import clock
from sanxiang.core.errors import NotFoundOrForbidden, SanxiangError
from sanxiang.organizations import jurisdiction, selectors
from sanxiang.organizations.enums import Role
from sanxiang.organizations.models import Agency
from sanxiang.records import checkpoints, integrator, tasks, verification
from sanxiang.records.models import PendingEntry
from sanxiang.records.selectors import timeline

RUNS_SHOWN = 20
User = get_user_model()
AUDIT_ROLES = (Role.SUPERVISOR, Role.ADMINISTRATOR)


@dataclass(frozen=True)
class Run:
    """One recorded verification, from its ``records.verified`` entry (``index`` None while pending)."""

    index: int | None
    time: Any
    by: str
    data: dict[str, Any]


def _auditable(request: HttpRequest, agency_id: int) -> Agency:
    """A top-level agency the user supervises or administers; 404 otherwise (an outsider learns nothing)."""
    try:
        agency = jurisdiction.access_agency_by_id(request.user, agency_id)
    except NotFoundOrForbidden as error:
        raise Http404(error.message) from None
    if not may_audit(request.user, agency):
        raise Http404(_("Agency not found."))
    return agency


def may_audit(user: Any, agency: Agency) -> bool:
    """Whether ``user`` supervises or administers ``agency`` and it is a top-level agency (also for links)."""
    roles = (jurisdiction.holds_role(user, role, agency) for role in AUDIT_ROLES)
    return agency.parent_id is None and any(roles)


def _runs(log_id: int) -> list[Run]:
    """The latest runs, newest first: the log's own timeline (the runs are its only events)."""
    items = [item for item in timeline("log", log_id) if item.event_type == "records.verified"]
    items = items[::-1][:RUNS_SHOWN]
    ids = {item.actor.get("user") for item in items}
    users = {user.pk: user.get_full_name() or user.get_username() for user in User.objects.filter(pk__in=ids)}
    return [
        Run(item.index, item.time, users.get(item.actor.get("user") or 0, ""), item.data) for item in items
    ]


@login_required
@require_GET
def log_integrity(request: HttpRequest, agency_id: int) -> HttpResponse:
    agency = _auditable(request, agency_id)
    log = integrator.get_log()
    latest = checkpoints.latest(log)
    context = {
        "agency": agency,
        "log": log,
        "root": bytes(log.root).hex(),
        "checkpoint": latest,
        "cosignatures": list(latest.cosignatures.order_by("witness")) if latest else [],
        "pending": PendingEntry.objects.count(),
        "pending_alert": integrator.pending_alert(),
        "vkey": checkpoints.verifier_key(),
        "running": verification.progress(log),
        "runs": _runs(log.pk),
    }
    return render(request, "organizations/log_integrity.html", context)


@login_required
@require_POST
def log_verify(request: HttpRequest, agency_id: int) -> HttpResponse:
    agency = _auditable(request, agency_id)
    actor = selectors.actor_of(request.user, on=clock.today())
    try:
        log = verification.check_start(actor=actor)
    except SanxiangError as error:
        messages.error(request, error.message)
        return redirect("organizations:log_integrity", agency.pk)
    try:
        tasks.verify_log.delay(actor.as_json(), agency.pk)
    except Exception:
        verification.abandon(log)  # not queued: the next request may start one
        raise
    if verification.progress(log) is None:  # ran in this request (eager tasks)
        messages.success(request, _("The record log was verified; the result is recorded below."))
    else:
        messages.info(request, _("The verification has started; this page shows its progress."))
    return redirect("organizations:log_integrity", agency.pk)


@login_required
@require_GET
def log_verify_progress(request: HttpRequest, agency_id: int) -> JsonResponse:
    _auditable(request, agency_id)
    running = verification.progress()
    if running is None:
        return JsonResponse({"running": False})
    state = {"running": True, "done": running.done, "total": running.total, "percent": running.percent}
    return JsonResponse(state)


urlpatterns: list[URLPattern] = [
    path("<int:agency_id>/log/integrity/", log_integrity, name="log_integrity"),
    path("<int:agency_id>/log/integrity/verify/", log_verify, name="log_verify"),
    path("<int:agency_id>/log/integrity/progress/", log_verify_progress, name="log_verify_progress"),
]
