"""Reads of the public portal's decision pages (事后公开): published, corrected and withdrawn publications
only — drafts, approvals, exclusions and expired ones never leave this module — with Chinese text search
(SQLite FTS5 trigram, PostgreSQL pg_trgm; migration 0002), filters by agency, kind and year, and each
publication's record-log leaf and inclusion proof. Only masked items are read. Never writes, except that a
proof may sign a checkpoint first (``records.bundles``)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db import connection
from django.db.models import QuerySet
from django.db.models.expressions import RawSQL

from sanxiang.core import clock
from sanxiang.publicity import events
from sanxiang.publicity.models import PUBLIC_STATUSES, Publication
from sanxiang.records.integrator import get_log
from sanxiang.records.models import Entry

PAGE_SIZE = 20
TRIGRAM = 3  # FTS5's trigram tokenizer matches queries of at least three characters
# The events whose data carry the served document's digest: the leaf a visitor checks.
DOCUMENT_EVENTS = (events.PUBLICATION_PUBLISHED.code, events.PUBLICATION_CORRECTED.code)
PUBLIC_FIELDS = (
    "pk",
    "agency_id",
    "kind",
    "status",
    "decided_on",
    "masked",
    "document_digest",
    "published_at",
    "withdrawal_reason",
    "withdrawn_at",
    "public_until",
)


@dataclass(frozen=True)
class Criteria:
    query: str = ""
    agency_id: int | None = None
    kind: str = ""
    year: int | None = None
    page: int = 1


def public_publications() -> QuerySet[Publication]:
    return Publication.objects.filter(status__in=PUBLIC_STATUSES)


def _search(publications: QuerySet[Publication], query: str) -> QuerySet[Publication]:
    if connection.vendor == "sqlite" and len(query) >= TRIGRAM:
        phrase = '"' + query.replace('"', '""') + '"'
        matches = RawSQL(
            "SELECT rowid FROM publicity_publication_fts WHERE publicity_publication_fts MATCH %s", [phrase]
        )
        return publications.filter(pk__in=matches)
    return publications.filter(search_text__contains=query)  # PostgreSQL: LIKE served by the trigram index


def search(criteria: Criteria) -> tuple[list[Publication], bool]:
    """One page of the public list, newest decision first, and whether there is a next page (no count:
    the list stays fast over millions of rows)."""
    publications = public_publications().select_related("agency").only(*PUBLIC_FIELDS, "agency__name")
    if criteria.query:
        publications = _search(publications, criteria.query)
    if criteria.agency_id is not None:
        publications = publications.filter(agency_id=criteria.agency_id)
    if criteria.kind:
        publications = publications.filter(kind=criteria.kind)
    if criteria.year is not None:
        publications = publications.filter(
            decided_on__gte=dt.date(criteria.year, 1, 1), decided_on__lte=dt.date(criteria.year, 12, 31)
        )
    start = (criteria.page - 1) * PAGE_SIZE
    rows = list(publications.order_by("-decided_on", "-pk")[start : start + PAGE_SIZE + 1])
    return rows[:PAGE_SIZE], len(rows) > PAGE_SIZE


def get_public(publication_id: int) -> Publication | None:
    return public_publications().select_related("agency").filter(pk=publication_id).first()


def leaf_indexes(publication_ids: list[int]) -> dict[int, int]:
    """The leaf index of the entry that recorded each publication's served document (latest first)."""
    rows = Entry.objects.filter(
        log=get_log(),
        subject_kind="publication",
        subject_id__in=[str(pk) for pk in publication_ids],
        event_type__in=DOCUMENT_EVENTS,
    ).values_list("subject_id", "index")
    found: dict[int, int] = {}
    for subject_id, index in rows:
        found[int(subject_id)] = max(index, found.get(int(subject_id), -1))
    return found


def document_entry(publication: Publication) -> Entry | None:
    index = leaf_indexes([publication.pk]).get(publication.pk)
    return None if index is None else Entry.objects.get(log=get_log(), index=index)


def years() -> list[int]:
    return list(range(clock.today().year, 2018, -1))
