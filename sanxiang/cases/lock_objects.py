"""Row locks for the case aggregate, always taken in this order to rule out deadlocks:

    case  →  party  →  number counter

The number counter comes last because it serialises every issuer of the same (agency, code, year) until the
issuing transaction commits: take it as late as possible. On PostgreSQL these are ``SELECT … FOR UPDATE`` row
locks; on SQLite the transaction already holds the database write lock from ``BEGIN IMMEDIATE``. This module
must never lock anything outside the case aggregate, and never joins other tables into a locking query (a
FOR UPDATE over a join would lock the agency row too).
"""

from __future__ import annotations

from sanxiang.cases.models import Case, NumberCounter, Party


def lock_case(case_id: int) -> Case:
    """The case row, locked until the transaction ends: every act on a case takes it first."""
    return Case.objects.select_for_update().get(pk=case_id)


def lock_party(party_id: int) -> Party:
    """The party row, locked until the transaction ends."""
    return Party.objects.select_for_update().get(pk=party_id)


def lock_counter(*, agency_id: int, code: str, year: int) -> NumberCounter:
    """The counter of (agency, code, year), created on first use and locked until the transaction ends.

    Creation is race-free: INSERT … ON CONFLICT DO NOTHING (INSERT OR IGNORE on SQLite) waits for a concurrent
    creator's transaction and then does nothing, so exactly one row exists and every caller locks that row.
    """
    counter = _select_counter(agency_id=agency_id, code=code, year=year)
    if counter is not None:
        return counter
    NumberCounter.objects.bulk_create(
        [NumberCounter(agency_id=agency_id, code=code, year=year, last=0)], ignore_conflicts=True
    )
    counter = _select_counter(agency_id=agency_id, code=code, year=year)
    if counter is None:  # pragma: no cover - the row was inserted or already existed just above
        raise RuntimeError("number counter vanished")
    return counter


def _select_counter(*, agency_id: int, code: str, year: int) -> NumberCounter | None:
    return NumberCounter.objects.select_for_update().filter(agency_id=agency_id, code=code, year=year).first()
