"""The calendar's home-page work item: from 1 December, administrators are told while next year's schedule is
not official (deadlines counting into that year are provisional until it is).

This module never imports ``accounts``, which sits above the calendar in the layers: ``accounts`` registers
``work_items`` with its worklist (an ``Alert`` has the fields of ``accounts.worklist.WorkItem``).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.urls import reverse
from django.utils.translation import gettext as _

from sanxiang.calendar import selectors
from sanxiang.calendar.permissions import ADMINISTRATOR_ROLE, is_calendar_administrator

NAV_URL_NAME = "calendar:index"
NAV_ROLES = frozenset({ADMINISTRATOR_ROLE})


@dataclass(frozen=True)
class Alert:
    title: str
    detail: str
    url: str
    severity: str = "warning"


def work_items(user: AbstractBaseUser | AnonymousUser) -> list[Alert]:
    if not is_calendar_administrator(user):
        return []
    year = selectors.missing_next_year()
    if year is None:
        return []
    return [
        Alert(
            title=_("Enter the %(year)d holiday schedule") % {"year": year},
            detail=_(
                "The State Council schedule for %(year)d is not in the calendar yet; deadlines that "
                "reach into %(year)d are provisional until it is entered and marked official."
            )
            % {"year": year},
            url=reverse("calendar:year", args=[year]),
        )
    ]
