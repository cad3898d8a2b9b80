"""The publicity board: drafts that must be published and published decisions that must be withdrawn, each
with its due date, the working days left and a colour (red overdue, amber at most the agency's amber
threshold left; the threshold is the case setting's, DOMAIN R-PUB-07). Reads only; never writes."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Q
from django.utils.translation import gettext as _

from sanxiang.calendar.selectors import get_working_calendar
from sanxiang.cases.board import Colour, amber_days_for, colour_for
from sanxiang.organizations.enums import Role
from sanxiang.organizations.jurisdiction import AnyUser
from sanxiang.organizations.models import RoleGrant
from sanxiang.publicity.enums import PublicationStatus
from sanxiang.publicity.models import Publication
from sanxiang.publicity.selectors_internal import visible_publications

__all__ = ["Colour", "PublicationRow", "publication_board"]


@dataclass(frozen=True)
class PublicationRow:
    publication: Publication
    title: str
    due_on: dt.date
    working_days_left: int
    colour: Colour


def _open(user: AnyUser, *, editors_only: bool) -> list[tuple[Publication, str, dt.date]]:
    publications = visible_publications(user).select_related("agency")
    if editors_only:
        agencies = RoleGrant.objects.filter(user_id=int(user.pk or 0), role=Role.PUBLICITY_EDITOR).values(
            "agency_id"
        )
        publications = publications.filter(agency_id__in=agencies)
    to_publish = publications.filter(
        must_publish=True, status__in=(PublicationStatus.DRAFT, PublicationStatus.APPROVED)
    )
    to_withdraw = publications.filter(
        Q(withdrawal_due__isnull=False), status__in=(PublicationStatus.PUBLISHED, PublicationStatus.CORRECTED)
    )
    rows = [(p, _("Publish %(what)s") % {"what": p}, p.due_on) for p in to_publish]
    rows += [(p, _("Withdraw %(what)s") % {"what": p}, p.withdrawal_due or p.due_on) for p in to_withdraw]
    return rows


def publication_board(user: AnyUser, *, today: dt.date, editors_only: bool = False) -> list[PublicationRow]:
    calendar = get_working_calendar()
    amber: dict[int, int] = {}
    rows = []
    for publication, title, due in _open(user, editors_only=editors_only):
        if publication.agency_id not in amber:
            amber[publication.agency_id] = amber_days_for(publication.agency, on=today)
        colour, left = colour_for(
            due, today=today, amber_days=amber[publication.agency_id], calendar=calendar
        )
        rows.append(PublicationRow(publication, title, due, left, colour))
    return sorted(rows, key=lambda row: (row.due_on, row.publication.pk))
