"""Who may review: a reviewer of the agency's legal department or a designated legal reviewer
(Role.LEGAL_REVIEWER), in post, not a handler of the decision (行政处罚法 第43条 回避; DOMAIN.md R-LR-04),
and — for a first penalty review — holding the 法律职业资格 (行政处罚法 第58条 第2款). Reads only."""

from __future__ import annotations

from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from sanxiang.organizations.enums import DepartmentKind, Role
from sanxiang.organizations.models import Officer, RoleGrant
from sanxiang.review.models import ReviewRequest
from sanxiang.review.selectors import has_reviewed_penalty


def is_legal_staff(officer: Officer) -> bool:
    """In the agency's legal department, or granted the legal-reviewer role for the agency."""
    if officer.department is not None and officer.department.kind == DepartmentKind.LEGAL:
        return True
    return (
        officer.user_id is not None
        and RoleGrant.objects.filter(
            user_id=officer.user_id, agency_id=officer.agency_id, role=Role.LEGAL_REVIEWER
        ).exists()
    )


def reviewer_refusals(request: ReviewRequest, reviewer: Officer) -> list[str]:
    refusals: list[str] = []
    if reviewer.agency_id != request.agency_id or not reviewer.is_active or not is_legal_staff(reviewer):
        refusals.append(_("The reviewer must be legal staff of the agency, in post."))
    if reviewer.pk in request.handler_ids:
        refusals.append(
            _("An officer who handled the case cannot review it (Administrative Penalty Law, Article 43).")
        )
    first_penalty = request.matter_type == "penalty" and not has_reviewed_penalty(reviewer.pk)
    if first_penalty and not reviewer.has_legal_qualification:
        refusals.append(
            _(
                "A first-time penalty reviewer must hold the legal profession qualification "
                "(Administrative Penalty Law, Article 58, paragraph 2)."
            )
        )
    return refusals


def legal_staff(agency_id: int) -> QuerySet[Officer]:
    """The officers of the agency who may be assigned reviews (before the per-request checks)."""
    reviewers = RoleGrant.objects.filter(agency_id=agency_id, role=Role.LEGAL_REVIEWER).values("user_id")
    return (
        Officer.objects.filter(agency_id=agency_id, is_active=True)
        .filter(Q(department__kind=DepartmentKind.LEGAL) | Q(user_id__in=reviewers))
        .order_by("name", "pk")
    )
