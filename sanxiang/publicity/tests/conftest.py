"""Fixtures for the publicity tests: the clock after the decision day, the 太原 desk with the officer as
publicity editor, a count of rows and record entries (a refusal writes nothing), the stand-in PDF print of
the tests that do not read it, PostgreSQL-only skipping."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from django.db import connection

from conftest import World
from sanxiang.cases.tests.case_factories import Desk, make_desk
from sanxiang.core import clock
from sanxiang.documents.tests.printing import use_stand_in_unless_marked
from sanxiang.publicity.models import Correction, Publication, PublicationRule, Push
from sanxiang.publicity.tests.helpers import NOW, make_editor
from sanxiang.records.models import PendingEntry


@pytest.fixture(autouse=True)
def _pdf_printer(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """The stand-in PDF print unless the test is marked ``prints_pdf`` (``documents.tests.printing``)."""
    use_stand_in_unless_marked(request, monkeypatch)


@pytest.fixture(autouse=True)
def _postgres_only(request: pytest.FixtureRequest) -> None:
    if request.node.get_closest_marker("postgres") and connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (set DATABASE_URL)")


@pytest.fixture
def now() -> Iterator[None]:
    with clock.frozen_now(NOW):
        yield


@pytest.fixture
def desk(world: World, now: None) -> Desk:
    desk = make_desk(world)
    make_editor(desk)
    return desk


Snapshot = tuple[object, ...]


@pytest.fixture
def snapshot(db: None) -> Callable[[], Snapshot]:
    """Call before and after: equal results mean nothing of ours and no record entry was written."""

    def take() -> Snapshot:
        return (
            PendingEntry.objects.count(),
            Correction.objects.count(),
            Push.objects.count(),
            PublicationRule.objects.count(),
            tuple(
                Publication.objects.order_by("pk").values_list(
                    "status",
                    "document_digest",
                    "must_publish",
                    "withdrawal_reason",
                    "withdrawal_due",
                    "confidentiality_digest",
                    "exclusion",
                )
            ),
        )

    return take
