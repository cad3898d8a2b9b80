"""Home-page work items and navigation of the matters app, plugged into ``accounts.worklist`` (a lower layer,
which matters may import). Never reads or writes anything at import time."""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.utils.translation import gettext_lazy as _

from sanxiang.accounts import worklist
from sanxiang.matters import worklist_items


def _items(user: AbstractBaseUser | AnonymousUser) -> list[worklist.WorkItem]:
    return [
        worklist.WorkItem(item.title, item.detail, item.url, item.severity)
        for item in worklist_items.catalogue_work_items(user)
    ]


def register() -> None:
    worklist.register(_items)
    worklist.register_nav(worklist.NavItem(_("Enforcement matters"), "matters:index"))
