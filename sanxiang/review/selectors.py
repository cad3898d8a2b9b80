"""Reads of the review engine and its permission chokepoint. A review request is visible within its agency
and to users whose scope covers it (supervisors above); nobody sees sideways, and "not found" equals "not
allowed". Also: who may assign, conclude and extend, the setting in force, the due state of open reviews.
This module must never write."""

from __future__ import annotations

import datetime as dt

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from sanxiang.calendar import deadlines
from sanxiang.calendar.selectors import get_working_calendar
from sanxiang.core.errors import NotFoundOrForbidden
from sanxiang.organizations.enums import Role
from sanxiang.organizations.jurisdiction import AnyUser, holds_role, scope_for
from sanxiang.organizations.models import Agency
from sanxiang.records.writer import Subject
from sanxiang.review.enums import OPEN_STATUSES, ReviewStatus
from sanxiang.review.models import ReviewRequest, ReviewSetting

RED, AMBER, GREEN = "red", "amber", "green"


def visible_requests(user: AnyUser) -> QuerySet[ReviewRequest]:
    scope = scope_for(user)
    if scope.is_empty:
        return ReviewRequest.objects.none()
    return ReviewRequest.objects.filter(scope.agency_filter("agency__"))


def access_request_by_id(user: AnyUser, request_id: int) -> ReviewRequest:
    try:
        return visible_requests(user).select_related("agency", "reviewer").get(pk=request_id)
    except ReviewRequest.DoesNotExist:
        raise NotFoundOrForbidden(_("Review not found.")) from None


def may_assign(user: AnyUser, agency: Agency) -> bool:
    """The agency's legal reviewers and its head assign reviews."""
    return holds_role(user, Role.LEGAL_REVIEWER, agency) or holds_role(user, Role.AGENCY_HEAD, agency)


def may_conclude(user: AnyUser, request: ReviewRequest) -> bool:
    """Only the assigned reviewer concludes and signs."""
    return request.reviewer is not None and request.reviewer.user_id == user.pk and user.is_authenticated


def may_extend(user: AnyUser, agency: Agency) -> bool:
    """The agency head approves an extension (R-LR-05)."""
    return holds_role(user, Role.AGENCY_HEAD, agency)


def requests_of(subject: Subject) -> QuerySet[ReviewRequest]:
    return ReviewRequest.objects.filter(subject_kind=subject.kind, subject_id=subject.id).order_by("-pk")


def open_request(subject: Subject) -> ReviewRequest | None:
    return requests_of(subject).filter(status__in=list(OPEN_STATUSES)).first()


def passed_request(subject: Subject, decision_digest: str) -> ReviewRequest | None:
    """The approved review of exactly this decision, if any: a changed decision needs a new review."""
    return requests_of(subject).filter(status=ReviewStatus.APPROVED, decision_digest=decision_digest).first()


def has_reviewed_penalty(officer_id: int) -> bool:
    """Whether the officer already concluded a penalty review (not a first-time reviewer, 第58条 第2款)."""
    return (
        ReviewRequest.objects.filter(reviewer_id=officer_id, matter_type="penalty")
        .exclude(status__in=list(OPEN_STATUSES))
        .exists()
    )


def setting_for(agency: Agency, *, on: dt.date) -> ReviewSetting | None:
    """The agency's review time limit in force on ``on``, else the nearest ancestor's."""
    chain = [int(part) for part in agency.path.strip("/").split("/") if part.isdigit()] or [agency.pk]
    rows = ReviewSetting.objects.filter(agency_id__in=chain, effective_from__lte=on).order_by(
        "-effective_from"
    )
    by_agency: dict[int, ReviewSetting] = {}
    for row in rows:
        by_agency.setdefault(row.agency_id, row)
    return next((by_agency[a] for a in reversed(chain) if a in by_agency), None)


def due_state(
    request: ReviewRequest, *, today: dt.date, calendar: deadlines.WorkingCalendar | None = None
) -> str:
    """red when past due, amber within the setting's amber working days, else green. A list passes one
    calendar for all its rows."""
    if request.due_on is None or not request.is_open:
        return GREEN
    if today > request.due_on:
        return RED
    setting = setting_for(request.agency, on=request.submitted_on)
    amber = setting.amber_working_days if setting else 2
    calendar = calendar or get_working_calendar()
    left = deadlines.working_days_between(today, request.due_on, calendar=calendar).days
    return AMBER if left <= amber else GREEN


def open_requests_for(user: AnyUser) -> QuerySet[ReviewRequest]:
    return visible_requests(user).filter(status__in=list(OPEN_STATUSES)).select_related("agency", "reviewer")
