"""Navigation and home-page work items of publicity, plugged into ``accounts.worklist``: the editor's desk
and the push status page, and the publications whose publication or withdrawal is amber or red (118号;
行政处罚法 第48条 第2款). Never reads or writes anything at import time."""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from sanxiang.accounts import worklist
from sanxiang.core import clock
from sanxiang.organizations.enums import Role
from sanxiang.publicity.deadlines import Colour, publication_board

DESK_ROLES = frozenset({str(Role.PUBLICITY_EDITOR), str(Role.OFFICER), str(Role.SUPERVISOR)})


def register() -> None:
    worklist.register_nav(
        worklist.NavItem(gettext_lazy("Publications"), "publications:desk", roles=DESK_ROLES)
    )
    worklist.register(publication_items)


def publication_items(user: AbstractBaseUser | AnonymousUser) -> list[worklist.WorkItem]:
    """An editor's home page lists the drafts to publish and the withdrawals due that are amber or red."""
    if not user.is_authenticated:
        return []
    items = []
    for row in publication_board(user, today=clock.today(), editors_only=True):
        if row.colour == Colour.GREEN:
            continue
        facts = {"what": row.title, "day": row.due_on, "days": abs(row.working_days_left)}
        title = _("%(what)s due %(day)s") % facts
        if row.working_days_left < 0:
            detail = _("Overdue by %(days)d working days") % facts
        else:
            detail = _("%(days)d working days left") % facts
        severity = "danger" if row.colour == Colour.RED else "warning"
        url = reverse("publications:publication", args=[row.publication.pk])
        items.append(worklist.WorkItem(str(title), str(detail), url, severity))
    return items
