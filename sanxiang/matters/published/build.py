"""Building an agency's published list as it stands on a day: the published versions in force (own or the
nearest ancestor's, ``selectors.version_in_force``) of the lists it is made from, their rows, the date the
list took this form (the latest of those versions' dates) and what changed against the day before (动态调整).
Only published versions are ever read: a draft never reaches a published list. Never writes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from django.db.models import Prefetch

from sanxiang.matters import selectors
from sanxiang.matters.enums import ListKind, MatterType, PublishedListKind
from sanxiang.matters.models import (
    Article,
    BenchmarkEntry,
    FeeStandard,
    InspectionItem,
    ListVersion,
    Matter,
)
from sanxiang.matters.published import tables
from sanxiang.matters.published.diff import Diff, diff_rows
from sanxiang.matters.published.tables import Table
from sanxiang.organizations.models import Agency

SOURCES: dict[PublishedListKind, tuple[ListKind, ...]] = {
    PublishedListKind.POWER: (ListKind.CATALOGUE,),
    PublishedListKind.RESPONSIBILITY: (ListKind.CATALOGUE,),
    PublishedListKind.PENALTY: (ListKind.CATALOGUE, ListKind.BENCHMARKS),
    PublishedListKind.SUPERVISION: (ListKind.CATALOGUE, ListKind.RANDOM_INSPECTION),
    PublishedListKind.FEE: (ListKind.CATALOGUE, ListKind.FEE_STANDARDS),
}


@dataclass(frozen=True)
class Source:
    """A published version a list was built from."""

    pk: int
    kind: str
    kind_label: str
    agency: str
    number: int
    effective_from: dt.date


@dataclass(frozen=True)
class PublishedList:
    kind: PublishedListKind
    agency: Agency
    day: dt.date
    sources: tuple[Source, ...]
    table: Table
    diff: Diff | None  # None when nothing was published the day before this form took effect

    @property
    def effective_from(self) -> dt.date | None:
        return max((source.effective_from for source in self.sources), default=None)

    @property
    def title(self) -> str:
        return f"{self.agency.name}{PublishedListKind(self.kind).label}"


def _articles(prefix: str = "") -> Prefetch[str]:
    return Prefetch(
        f"{prefix}articles", queryset=Article.objects.select_related("law").prefetch_related("ranges")
    )


def _matters(version: ListVersion | None, agency: Agency) -> list[Matter]:
    """The catalogue's matters the agency's level exercises."""
    if version is None:
        return []
    rows = Matter.objects.filter(version=version).prefetch_related(_articles(), "relief_channels")
    order = {kind: index for index, kind in enumerate(MatterType.values)}
    exercised = [matter for matter in rows if agency.level in matter.agency_levels]
    return sorted(exercised, key=lambda matter: (order.get(matter.type, 0), matter.code))


def _entries(model: Any, version: ListVersion | None, *related: str | Prefetch[str]) -> list[Any]:
    if version is None:
        return []
    rows = model.objects.filter(version=version).prefetch_related(_articles(), *related)
    return list(rows.order_by("code", "pk"))


_BUILDERS: dict[PublishedListKind, Callable[[Agency, dict[ListKind, ListVersion | None]], Table]] = {
    PublishedListKind.POWER: lambda agency, v: tables.power_table(
        _matters(v[ListKind.CATALOGUE], agency), body=agency.name
    ),
    PublishedListKind.RESPONSIBILITY: lambda agency, v: tables.responsibility_table(
        _matters(v[ListKind.CATALOGUE], agency), body=agency.name
    ),
    PublishedListKind.PENALTY: lambda agency, v: tables.penalty_table(
        _matters(v[ListKind.CATALOGUE], agency), _entries(BenchmarkEntry, v[ListKind.BENCHMARKS])
    ),
    PublishedListKind.SUPERVISION: lambda agency, v: tables.supervision_table(
        _matters(v[ListKind.CATALOGUE], agency),
        _entries(InspectionItem, v[ListKind.RANDOM_INSPECTION]),
        body=agency.name,
    ),
    PublishedListKind.FEE: lambda agency, v: tables.fee_table(
        _matters(v[ListKind.CATALOGUE], agency),
        _entries(FeeStandard, v[ListKind.FEE_STANDARDS], _articles("exemptions__")),
    ),
}


def _versions(kind: PublishedListKind, agency: Agency, day: dt.date) -> dict[ListKind, ListVersion | None]:
    return {source: selectors.version_in_force(source, agency, on=day) for source in SOURCES[kind]}


def _source(version: ListVersion) -> Source:
    return Source(
        pk=version.pk,
        kind=version.kind,
        kind_label=str(ListKind(version.kind).label),
        agency=version.agency.name,
        number=version.number,
        effective_from=version.effective_from,
    )


def _table_on(kind: PublishedListKind, agency: Agency, day: dt.date) -> tuple[Table, Sequence[ListVersion]]:
    versions = _versions(kind, agency, day)
    return _BUILDERS[kind](agency, versions), [v for v in versions.values() if v is not None]


def published_list(kind: PublishedListKind, agency: Agency, *, on: dt.date) -> PublishedList:
    """The list as it stands on ``on``, with the change against the day before it took this form."""
    table, used = _table_on(kind, agency, on)
    sources = tuple(_source(version) for version in used)
    diff = None
    if sources:
        since = max(source.effective_from for source in sources)
        before, earlier = _table_on(kind, agency, since - dt.timedelta(days=1))
        if earlier:
            diff = diff_rows(before.rows, table.rows, table.columns)
    return PublishedList(kind=kind, agency=agency, day=on, sources=sources, table=table, diff=diff)
