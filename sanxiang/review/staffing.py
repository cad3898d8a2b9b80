"""Staffing of legal review per agency (seed 二(三)2(1); 国办发〔2018〕118号: legal-review staff 原则上不少
于本单位执法人员总数的5%; DOMAIN.md R-LR-04): legal reviewers (legal department or designated) against
enforcement officers (in post, certificate valid today), flagging agencies under 5 %, and the reviewers'
training record (seed 二(三)2(2)). Reads only, within the user's jurisdiction (supervisors see their
subtree)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Q, Sum

from sanxiang.organizations.enums import DepartmentKind, Role
from sanxiang.organizations.jurisdiction import AnyUser, visible_agencies
from sanxiang.organizations.models import Agency, Officer, RoleGrant, TrainingRecord

# 国办发〔2018〕118号 (national): at least 5 % of the agency's enforcement officers, as a percentage.
MIN_PERCENT = 5


@dataclass(frozen=True)
class ReviewerRow:
    officer: Officer
    qualified: bool
    training_hours: int


@dataclass(frozen=True)
class StaffingRow:
    agency: Agency
    officers: int
    reviewers: tuple[ReviewerRow, ...]

    @property
    def percent(self) -> int | None:
        return None if self.officers == 0 else len(self.reviewers) * 100 // self.officers

    @property
    def under(self) -> bool:
        """Under 5 % (integer comparison: reviewers × 100 < 5 × officers)."""
        return self.officers > 0 and len(self.reviewers) * 100 < MIN_PERCENT * self.officers


def staffing_report(user: AnyUser, *, today: dt.date) -> list[StaffingRow]:
    return [_row(agency, today=today) for agency in visible_agencies(user).order_by("path")]


def _row(agency: Agency, *, today: dt.date) -> StaffingRow:
    in_post = Officer.objects.filter(agency=agency, is_active=True)
    certified = in_post.filter(certificates__valid_from__lte=today, certificates__valid_to__gte=today).filter(
        Q(certificates__status="valid") | Q(certificates__status_changed_on__gt=today)
    )
    designated = RoleGrant.objects.filter(agency=agency, role=Role.LEGAL_REVIEWER).values("user_id")
    reviewers = in_post.filter(Q(department__kind=DepartmentKind.LEGAL) | Q(user_id__in=designated)).order_by(
        "name", "pk"
    )
    year_start = today.replace(month=1, day=1)
    rows = tuple(
        ReviewerRow(
            officer,
            officer.has_legal_qualification,
            TrainingRecord.objects.filter(
                officer=officer, completed_on__gte=year_start, completed_on__lte=today
            ).aggregate(total=Sum("hours"))["total"]
            or 0,
        )
        for officer in reviewers
    )
    return StaffingRow(agency, certified.distinct().count(), rows)
