"""Navigation and home-page work items of the review engine, plugged into ``accounts.worklist``: open
reviews near or past their time limit (amber / red) for the assigned reviewer and the agency's legal
reviewers and head (R-LR-05 escalation); suspected-crime transfers whose running step is near or past its
timer (行政执法机关移送涉嫌犯罪案件的规定 第5条, 第12条) for those who act on it. Never reads or writes
anything at import time."""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from sanxiang.accounts import worklist
from sanxiang.core import clock
from sanxiang.organizations.enums import Role
from sanxiang.review import selectors, transfer
from sanxiang.review.models import CrimeTransfer

REVIEW_ROLES = frozenset(
    {str(Role.OFFICER), str(Role.LEGAL_REVIEWER), str(Role.AGENCY_HEAD), str(Role.SUPERVISOR)}
)

STAFFING_ROLES = frozenset({str(Role.AGENCY_HEAD), str(Role.LEGAL_REVIEWER), str(Role.SUPERVISOR)})


def register() -> None:
    worklist.register_nav(worklist.NavItem(_("Legal reviews"), "review:review_list", roles=REVIEW_ROLES))
    worklist.register_nav(
        worklist.NavItem(_("Legal review staffing"), "review:staffing", roles=STAFFING_ROLES)
    )
    worklist.register_nav(
        worklist.NavItem(
            _("Legal review time limit"),
            "review:review_setting_home",
            roles=frozenset({str(Role.ADMINISTRATOR)}),
        )
    )
    worklist.register(review_items)
    worklist.register(transfer_items)


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


TRANSFER_TITLES = {
    "reported": _("Decide whether to transfer the suspected crime in %(subject)s by %(day)s"),
    "approved": _("Transfer the suspected crime in %(subject)s to the public security organ by %(day)s"),
    "accepted": _("Hand over the exhibits of %(subject)s by %(day)s"),
}


def transfer_items(user: AbstractBaseUser | AnonymousUser) -> list[worklist.WorkItem]:
    """Running transfers of the visible reviews in amber or red, for who acts on their step."""
    if not user.is_authenticated:
        return []
    today = clock.today()
    rows = CrimeTransfer.objects.filter(
        request__in=selectors.visible_requests(user), step__in=list(transfer.RUNNING)
    ).select_related("request__agency")
    items = []
    for row in rows:
        state = transfer.timer_state(row, today=today)
        if state == transfer.GREEN or not transfer.acts_on(user, row):
            continue
        facts = {"subject": row.request.subject_label, "day": transfer.running_due(row)}
        detail = _("Overdue") if state == transfer.RED else _("Due soon")
        severity = "danger" if state == transfer.RED else "warning"
        url = reverse("review:review_detail", args=[row.request_id])
        items.append(worklist.WorkItem(str(TRANSFER_TITLES[row.step] % facts), str(detail), url, severity))
    return items
