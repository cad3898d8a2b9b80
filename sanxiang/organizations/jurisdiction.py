"""Jurisdiction: which agencies a user may see, and the ``access_*`` chokepoints for agencies and officers.

An officer sees their own agency; a supervisor or administrator sees the subtree below their agency; nobody
sees sideways. "Not found" and "not allowed" raise the same NotFoundOrForbidden, so the error never tells an
outsider that an object exists. Every view that shows an agency's or officer's data goes through here.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from sanxiang.core.errors import NotFoundOrForbidden
from sanxiang.organizations.enums import SUBTREE_ROLES, Role
from sanxiang.organizations.models import Agency, Officer, RoleGrant

AnyUser = AbstractBaseUser | AnonymousUser


@dataclass(frozen=True)
class Scope:
    """The agencies a user sees: ``agency_ids`` exactly, plus every agency whose path starts with one of
    ``subtree_paths``. ``everything`` is for superusers (deployment operators) only."""

    agency_ids: frozenset[int]
    subtree_paths: frozenset[str]
    everything: bool = False

    def agency_filter(self, prefix: str = "") -> Q:
        """A Q over a model that reaches Agency through ``prefix`` (e.g. "agency__")."""
        if self.everything:
            return Q()
        condition = Q(**{f"{prefix}pk__in": sorted(self.agency_ids)})
        for path in self.subtree_paths:
            condition |= Q(**{f"{prefix}path__startswith": path})
        return condition

    @property
    def is_empty(self) -> bool:
        return not (self.everything or self.agency_ids or self.subtree_paths)


NOBODY = Scope(agency_ids=frozenset(), subtree_paths=frozenset())


def scope_for(user: AnyUser) -> Scope:
    if not user.is_authenticated or not user.is_active:
        return NOBODY
    if getattr(user, "is_superuser", False):
        return Scope(agency_ids=frozenset(), subtree_paths=frozenset(), everything=True)
    own: set[int] = set()
    paths: set[str] = set()
    for grant in RoleGrant.objects.filter(user_id=user.pk).select_related("agency"):
        if grant.role in SUBTREE_ROLES:
            paths.add(grant.agency.path)
        else:
            own.add(grant.agency_id)
    officer_agency = Officer.objects.filter(user_id=user.pk, is_active=True).values_list(
        "agency_id", flat=True
    )
    own.update(officer_agency)
    return Scope(agency_ids=frozenset(own), subtree_paths=frozenset(paths))


def roles_of(user: AnyUser) -> set[Role]:
    if not user.is_authenticated:
        return set()
    return {Role(role) for role in RoleGrant.objects.filter(user_id=user.pk).values_list("role", flat=True)}


def holds_role(user: AnyUser, role: Role, agency: Agency) -> bool:
    """Whether ``user`` holds ``role`` for ``agency``: granted on it, or on an ancestor for subtree roles."""
    if not user.is_authenticated:
        return False
    if getattr(user, "is_superuser", False):
        return True
    grants = RoleGrant.objects.filter(user_id=user.pk, role=role).select_related("agency")
    for grant in grants:
        if grant.agency_id == agency.pk:
            return True
        if role in SUBTREE_ROLES and agency.path.startswith(grant.agency.path):
            return True
    return False


def visible_agencies(user: AnyUser) -> QuerySet[Agency]:
    scope = scope_for(user)
    if scope.is_empty:
        return Agency.objects.none()
    return Agency.objects.filter(scope.agency_filter())


def visible_officers(user: AnyUser) -> QuerySet[Officer]:
    scope = scope_for(user)
    if scope.is_empty:
        return Officer.objects.none()
    return Officer.objects.filter(scope.agency_filter("agency__"))


def access_agency_by_id(user: AnyUser, agency_id: int) -> Agency:
    try:
        return visible_agencies(user).get(pk=agency_id)
    except Agency.DoesNotExist:
        raise NotFoundOrForbidden(_("Agency not found.")) from None


def access_officer_by_id(user: AnyUser, officer_id: int) -> Officer:
    try:
        return visible_officers(user).select_related("agency", "department").get(pk=officer_id)
    except Officer.DoesNotExist:
        raise NotFoundOrForbidden(_("Officer not found.")) from None


def require_role(user: AnyUser, role: Role, agency: Agency) -> None:
    """Refuse with the same error as an unknown object: an outsider learns nothing about ``agency``."""
    if not holds_role(user, role, agency):
        raise NotFoundOrForbidden(_("Agency not found."))
