"""Upload lag (R-REC-04: upload promptly — local rules say "当天执法活动结束后" or within 24 hours — and
alert when the lag exceeds the configured limit): the limit in force for an agency on a day, setting it,
measuring a new file's lag, and the late uploads a user should see as work items.

The limit is data: ``UploadLagLimit`` rows per agency with an effective date (an agency without its own row
takes its nearest ancestor's), else the deployment's ``SANXIANG_EVIDENCE_UPLOAD_LAG_HOURS`` (default 24).
Never refuses an upload: a late recording is still evidence and is kept; it is flagged and recorded.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from sanxiang.core import clock
from sanxiang.core.errors import InvalidInput
from sanxiang.core.validation import validated
from sanxiang.evidence.lag_models import UploadLagLimit
from sanxiang.evidence.models import EvidenceFile
from sanxiang.evidence.selectors import visible_evidence
from sanxiang.organizations.jurisdiction import AnyUser
from sanxiang.organizations.models import Agency
from sanxiang.records import writer

DEFAULT_HOURS = 24  # deployment fallback only; agencies set their own rows
BEIJING = ZoneInfo("Asia/Shanghai")


def limit_hours(agency: Agency, day: dt.date) -> int:
    """The limit in force for ``agency`` on ``day``: its own latest row, else its nearest ancestor's."""
    ancestors = [agency_id for agency_id in agency.path.strip("/").split("/") if agency_id]
    rows = UploadLagLimit.objects.filter(agency__in=ancestors or [agency.pk], effective_from__lte=day)
    best: dict[int, tuple[dt.date, int]] = {}
    for agency_id, effective_from, hours in rows.values_list("agency_id", "effective_from", "hours"):
        if agency_id not in best or effective_from > best[agency_id][0]:
            best[agency_id] = (effective_from, hours)
    for agency_id in reversed([int(a) for a in ancestors] or [agency.pk]):
        if agency_id in best:
            return best[agency_id][1]
    return int(getattr(settings, "SANXIANG_EVIDENCE_UPLOAD_LAG_HOURS", DEFAULT_HOURS))


def limits_of(agency: Agency) -> QuerySet[UploadLagLimit]:
    """The agency's own rows, newest first (its history; rows are never changed or removed)."""
    return UploadLagLimit.objects.filter(agency=agency).order_by("-effective_from")


def measure(agency: Agency, capture_end: dt.datetime | None, *, now: dt.datetime) -> tuple[int | None, bool]:
    """(lag in minutes, late?) of a file arriving ``now``; (None, False) when the capture end is unknown."""
    if capture_end is None:
        return None, False
    minutes = max(0, int((now - capture_end).total_seconds() // 60))
    day = timezone.localdate(now, timezone=BEIJING)
    return minutes, minutes > limit_hours(agency, day) * 60


@transaction.atomic
def check_set_upload_lag_limit(
    *, actor: writer.Actor, agency: Agency, effective_from: dt.date, hours: int, basis: str
) -> UploadLagLimit:
    """Set the agency's limit from a date (a row for that date is replaced by a new one only through a new
    date: rows are history). Refuses a non-positive limit and an empty basis."""
    if hours < 1:
        raise InvalidInput(_("The upload lag limit must be at least one hour."))
    if not basis.strip():
        raise InvalidInput(_("Name the local rule that sets the upload lag limit."))
    if UploadLagLimit.objects.filter(agency=agency, effective_from=effective_from).exists():
        raise InvalidInput(_("A limit from this date already exists; set a later date."))
    row = UploadLagLimit(agency=agency, effective_from=effective_from, hours=hours, basis=basis.strip())
    validated(row)
    row.save()
    writer.append(
        "evidence.upload_lag_limit_set",
        agency_id=agency.pk,
        actor=actor,
        subject=writer.Subject("agency", str(agency.pk)),
        data={"hours": hours, "effective_from": effective_from.isoformat(), "basis": row.basis},
    )
    return row


def recent_late_uploads(user: AnyUser, *, now: dt.datetime | None = None) -> QuerySet[EvidenceFile]:
    """Late uploads the user may see, uploaded within ``SANXIANG_EVIDENCE_LATE_ALERT_DAYS`` (default 7), whose
    reason a supervisor has not yet acknowledged (``evidence.late``)."""
    days = int(getattr(settings, "SANXIANG_EVIDENCE_LATE_ALERT_DAYS", 7))
    since = (now or clock.now()) - dt.timedelta(days=days)
    late = visible_evidence(user).filter(uploaded_late=True, created_at__gte=since)
    return late.exclude(late_reason__acknowledged_at__isnull=False).order_by("-created_at")
