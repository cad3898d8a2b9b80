"""Navigation and home-page work items of the cases app, plugged into ``accounts.worklist`` (a lower layer,
which cases may import). Never reads or writes anything at import time."""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from sanxiang.accounts import worklist
from sanxiang.cases.board import Colour, deadline_board
from sanxiang.cases.models import CaseOfficer
from sanxiang.core import clock
from sanxiang.matters import procedures
from sanxiang.organizations.enums import Role

PARTY_ROLES = frozenset({str(Role.OFFICER), str(Role.SUPERVISOR)})


def register() -> None:
    worklist.register_nav(worklist.NavItem(_("Cases"), "cases:case_list", roles=PARTY_ROLES))
    worklist.register_nav(worklist.NavItem(_("Deadline board"), "cases:deadline_board", roles=PARTY_ROLES))
    worklist.register_nav(worklist.NavItem(_("Parties"), "cases:party_list", roles=PARTY_ROLES))
    worklist.register_nav(
        worklist.NavItem(
            _("Case settings"), "cases:case_settings_index", roles=frozenset({str(Role.ADMINISTRATOR)})
        )
    )
    worklist.register(deadline_items)


def deadline_items(user: AbstractBaseUser | AnonymousUser) -> list[worklist.WorkItem]:
    """An officer's home page lists the time limits of their own cases that are amber or red."""
    if not user.is_authenticated:
        return []
    own_cases = set(CaseOfficer.objects.filter(officer__user_id=user.pk).values_list("case_id", flat=True))
    if not own_cases:
        return []
    today = clock.today()
    items = []
    for row in deadline_board(user, today=today):
        limit = row.limit
        if limit.case_id not in own_cases or row.colour == Colour.GREEN:
            continue
        label = procedures.get(limit.case.procedure_key).limit(limit.code).label
        facts = {"case": limit.case, "limit": label, "day": limit.due_on, "days": abs(row.working_days_left)}
        title = _("%(case)s: %(limit)s due %(day)s") % facts
        if row.working_days_left < 0:
            detail = _("Overdue by %(days)d working days") % facts
        else:
            detail = _("%(days)d working days left") % facts
        severity = "danger" if row.colour == Colour.RED else "warning"
        url = reverse("cases:case_detail", args=[limit.case_id])
        items.append(worklist.WorkItem(str(title), str(detail), url, severity))
    return items
