"""Work items of the evidence app for the home page: recordings uploaded later than the agency's limit
(R-REC-04), for the officers of the agency and the supervisors above it. Reads only, through the
jurisdiction-scoped selector; one query for the count and one for the newest file."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from sanxiang.accounts import worklist
from sanxiang.evidence import lag
from sanxiang.organizations.jurisdiction import AnyUser


def late_upload_items(user: AnyUser) -> list[worklist.WorkItem]:
    late = lag.recent_late_uploads(user)
    count = late.count()
    if not count:
        return []
    newest = late.first()
    assert newest is not None  # count > 0
    hours = (newest.upload_lag_minutes or 0) // 60
    detail = ngettext(
        "%(count)d recording was uploaded later than the limit; the latest %(hours)d hours after it ended.",
        "%(count)d recordings were uploaded later than the limit; the latest %(hours)d hours after it ended.",
        count,
    ) % {"count": count, "hours": hours}
    return [
        worklist.WorkItem(
            title=_("Recordings uploaded late"),
            detail=detail,
            url=reverse("evidence:file_detail", args=[newest.pk]),
            severity="warning",
        )
    ]
