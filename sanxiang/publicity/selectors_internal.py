"""Reads of the editor's desk (internal): publications of the agencies a user may see, through one
chokepoint ``access_publication_by_id`` that gives the same error for missing and forbidden. The public
portal never uses this module (``publicity.portal`` serves only what is public)."""

from __future__ import annotations

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from sanxiang.core.errors import NotFoundOrForbidden
from sanxiang.organizations.jurisdiction import AnyUser, scope_for
from sanxiang.publicity.models import Publication, Push


def visible_publications(user: AnyUser) -> QuerySet[Publication]:
    scope = scope_for(user)
    if scope.is_empty:
        return Publication.objects.none()
    return Publication.objects.filter(scope.agency_filter("agency__"))


def access_publication_by_id(user: AnyUser, publication_id: int) -> Publication:
    try:
        return (
            visible_publications(user)
            .select_related("agency", "case", "party", "rule")
            .get(pk=publication_id)
        )
    except Publication.DoesNotExist:
        raise NotFoundOrForbidden(_("Publication not found.")) from None


def list_publications(user: AnyUser, *, status: str = "") -> QuerySet[Publication]:
    publications = visible_publications(user).select_related("agency", "party")
    if status:
        publications = publications.filter(status=status)
    return publications.order_by("due_on", "-pk")


def visible_pushes(user: AnyUser) -> QuerySet[Push]:
    return Push.objects.filter(publication__in=visible_publications(user)).select_related("publication")
