"""Four administrators open a draft of the same list at the same moment, each on its own connection: exactly
one draft is created and recorded, the others are refused by the database's one-open-version constraint (never
by a check-then-act in Python). PostgreSQL only: SQLite serialises writers by itself."""

from __future__ import annotations

import datetime as dt
import threading

import pytest
from django.db import connection, connections

from sanxiang.core.errors import RuleViolation
from sanxiang.matters import actions
from sanxiang.matters.enums import ListKind
from sanxiang.matters.models import ListVersion
from sanxiang.organizations.enums import AgencyLevel
from sanxiang.organizations.models import Agency
from sanxiang.organizations.tests import factories
from sanxiang.records import writer
from sanxiang.records.models import Entry, PendingEntry

WORKERS = 4

pytestmark = [
    pytest.mark.postgres,
    # serialized_rollback restores the data the migrations seed (calendar, record log) after the flush.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def _draft(agency_id: int, start: threading.Barrier, outcomes: list[str]) -> None:
    try:
        agency = Agency.objects.get(pk=agency_id)
        start.wait(timeout=30)
        actions.check_draft_version(
            actor=writer.SYSTEM, kind=ListKind.CATALOGUE, agency=agency, effective_from=dt.date(2026, 7, 1)
        )
        outcomes.append("drafted")
    except RuleViolation:
        outcomes.append("refused")
    except Exception as error:  # reported to the test thread
        outcomes.append(repr(error))
    finally:
        connections.close_all()


def test_only_one_of_concurrent_drafts_is_opened() -> None:
    if connection.vendor != "postgresql":
        pytest.skip("SQLite's in-memory test database locks whole tables across threads")
    agency = factories.make_agency("山西省人民防空办公室", level=AgencyLevel.PROVINCE)
    start, outcomes = threading.Barrier(WORKERS), list[str]()
    threads = [threading.Thread(target=_draft, args=(agency.pk, start, outcomes)) for _ in range(WORKERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert sorted(outcomes) == ["drafted"] + ["refused"] * (WORKERS - 1)
    assert ListVersion.objects.filter(agency=agency).count() == 1
    drafted = "list_version.drafted"  # committed entries leave the outbox for the log on commit
    assert (
        Entry.objects.filter(event_type=drafted).count()
        + PendingEntry.objects.filter(event_type=drafted).count()
        == 1
    )
