"""Reads of parties that views and other apps use, and the one permission chokepoint for parties.

A party is visible within the agency that registered it and to the users whose scope covers that agency
(supervisors and administrators above it, through ``organizations.jurisdiction.scope_for``); nobody sees
sideways. "Not found" and "not allowed" raise the same NotFoundOrForbidden. This module must never write.
"""

from __future__ import annotations

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from sanxiang.cases.models import Party
from sanxiang.core.errors import NotFoundOrForbidden
from sanxiang.organizations.enums import Role
from sanxiang.organizations.jurisdiction import AnyUser, holds_role, scope_for
from sanxiang.organizations.models import Agency


def visible_parties(user: AnyUser) -> QuerySet[Party]:
    scope = scope_for(user)
    if scope.is_empty:
        return Party.objects.none()
    return Party.objects.filter(scope.agency_filter("agency__"))


def access_party_by_id(user: AnyUser, party_id: int) -> Party:
    try:
        return visible_parties(user).select_related("agency").get(pk=party_id)
    except Party.DoesNotExist:
        raise NotFoundOrForbidden(_("Party not found.")) from None


def can_register_party(user: AnyUser, agency: Agency) -> bool:
    """Officers register (and change) the parties of their own agency; supervisors only look."""
    return holds_role(user, Role.OFFICER, agency)


def list_parties(user: AnyUser, *, query: str = "") -> QuerySet[Party]:
    """The parties the user may see, with their agency, in a stable order; ``query`` matches the name."""
    parties = visible_parties(user)
    if query:
        parties = parties.filter(name__icontains=query)
    return parties.select_related("agency").order_by("agency__path", "name", "pk")
