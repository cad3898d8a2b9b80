"""Navigation and home-page work items of the review engine, plugged into ``accounts.worklist``: open
reviews near or past their time limit (amber / red) for the assigned reviewer and the agency's legal
reviewers and head (R-LR-05 escalation). Never reads or writes anything at import time."""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from sanxiang.accounts import worklist
from sanxiang.core import clock
from sanxiang.organizations.enums import Role
from sanxiang.review import selectors

REVIEW_ROLES = frozenset(
    {str(Role.OFFICER), str(Role.LEGAL_REVIEWER), str(Role.AGENCY_HEAD), str(Role.SUPERVISOR)}
)

STAFFING_ROLES = frozenset({str(Role.AGENCY_HEAD), str(Role.LEGAL_REVIEWER), str(Role.SUPERVISOR)})


def register() -> None:
    worklist.register_nav(worklist.NavItem(_("Legal reviews"), "review:review_list", roles=REVIEW_ROLES))
    worklist.register_nav(
        worklist.NavItem(_("Legal review staffing"), "review:staffing", roles=STAFFING_ROLES)
    )
    worklist.register(review_items)


def review_items(user: AbstractBaseUser | AnonymousUser) -> list[worklist.WorkItem]:
    """Open reviews in amber or red for their reviewer, and for the agency's legal reviewers and head."""
    if not user.is_authenticated:
        return []
    today = clock.today()
    items = []
    for request in selectors.open_requests_for(user):
        mine = request.reviewer is not None and request.reviewer.user_id == user.pk
        if not (mine or selectors.may_assign(user, request.agency)):
            continue
        state = selectors.due_state(request, today=today)
        if state == selectors.GREEN:
            continue
        facts = {"subject": request.subject_label, "day": request.due_on}
        title = _("Legal review of %(subject)s due %(day)s") % facts
        detail = _("Overdue") if state == selectors.RED else _("Due soon")
        severity = "danger" if state == selectors.RED else "warning"
        url = reverse("review:review_detail", args=[request.pk])
        items.append(worklist.WorkItem(str(title), str(detail), url, severity))
    return items
