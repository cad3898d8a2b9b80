"""Work items for administrators' home pages: live list versions whose entries cite amended or repealed
articles (stale), and values still marked "to be confirmed". Reads only; returns plain dataclasses with the
fields of ``accounts.worklist.WorkItem`` (``registrations`` converts them)."""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext as _

from sanxiang.matters import selectors
from sanxiang.matters.models import ListVersion
from sanxiang.organizations.jurisdiction import AnyUser


@dataclass(frozen=True)
class CatalogueAlert:
    title: str
    detail: str
    url: str
    severity: str  # "warning" | "danger"


def catalogue_work_items(user: AnyUser) -> list[CatalogueAlert]:
    """For each live version of a list the user administers: its stale rows, then its unconfirmed values."""
    if not user.is_authenticated:
        return []
    versions = selectors.live_versions().filter(agency__in=selectors.administered_agencies(user))
    by_id = {version.pk: version for version in versions.select_related("agency")}
    if not by_id:
        return []
    scope = ListVersion.objects.filter(pk__in=list(by_id))
    alerts = [_stale(by_id[pk], count) for pk, count in sorted(selectors.stale_counts(scope).items())]
    alerts += [
        _unconfirmed(by_id[pk], count) for pk, count in sorted(selectors.unconfirmed_counts(scope).items())
    ]
    return alerts


def _url(version: ListVersion) -> str:
    return reverse("matters:version_detail", args=[version.pk])


def _stale(version: ListVersion, count: int) -> CatalogueAlert:
    return CatalogueAlert(
        title=_("%(version)s: %(count)d entries cite amended or repealed articles")
        % {"version": version, "count": count},
        detail=_("Draft a new version citing the current texts."),
        url=_url(version),
        severity="danger",
    )


def _unconfirmed(version: ListVersion, count: int) -> CatalogueAlert:
    return CatalogueAlert(
        title=_("%(version)s: %(count)d values are still to be confirmed")
        % {"version": version, "count": count},
        detail=_("They were loaded as placeholders; check them against the official texts."),
        url=_url(version),
        severity="warning",
    )
