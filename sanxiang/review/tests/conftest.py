"""Fixtures of the review engine's tests: a generic decision under review (no case: the engine sits below
cases), a legal department of 太原 with a qualified reviewer, counts to prove a refusal wrote nothing, and
the stand-in PDF print of the tests that do not read it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import pytest
from django.db import connection
from django.utils import translation

from conftest import World
from sanxiang.accounts.models import User
from sanxiang.core import clock
from sanxiang.documents.tests.printing import use_stand_in_unless_marked
from sanxiang.organizations.enums import Role
from sanxiang.organizations.models import Officer
from sanxiang.organizations.tests import factories
from sanxiang.records.models import PendingEntry
from sanxiang.records.writer import Subject
from sanxiang.review import actions
from sanxiang.review.models import Consultation, ReviewRequest, ReviewSetting
from sanxiang.review.tests.factories import legal_officer

SUBMITTED = dt.date(2026, 8, 24)  # a Monday


@dataclass
class Office:
    world: World
    reviewer: Officer
    reviewer_user: User
    head_user: User


@pytest.fixture(autouse=True)
def _frozen() -> Iterator[None]:
    with clock.frozen_now(dt.datetime(2026, 9, 30, 9, tzinfo=dt.UTC)), translation.override("en"):
        yield


@pytest.fixture(autouse=True)
def _pdf_printer(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """The stand-in PDF print unless the test is marked ``prints_pdf`` (``documents.tests.printing``)."""
    use_stand_in_unless_marked(request, monkeypatch)


@pytest.fixture(autouse=True)
def _postgres_only(request: pytest.FixtureRequest) -> None:
    if request.node.get_closest_marker("postgres") and connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (set DATABASE_URL)")


@pytest.fixture
def office(world: World) -> Office:
    reviewer = legal_officer(world, "孙七", "reviewer")
    head = User.objects.create_user(username="head", password="correct-horse-battery")
    factories.grant(head, world.taiyuan, Role.AGENCY_HEAD)
    assert reviewer.user is not None
    return Office(world, reviewer, reviewer.user, head)


def submit(office: Office, subject_id: str = "1", *, matter_type: str = "penalty") -> ReviewRequest:
    world = office.world
    return actions.check_submit_review(
        actor_user=world.officer_user,
        agency=world.taiyuan,
        subject=Subject("decision", subject_id),
        subject_label=f"拟处罚决定 {subject_id}",
        matter_type=matter_type,
        package={"draft": "拟处罚决定书", "facts": "擅自拆除人防工程"},
        decision_digest="sha256:" + "a" * 64,
        handler_ids=[world.officer.pk, world.colleague.pk],
        rules=["FS-02"],
        on=SUBMITTED,
    )


def counts() -> tuple[object, ...]:
    return (
        PendingEntry.objects.count(),
        ReviewRequest.objects.count(),
        Consultation.objects.count(),
        ReviewSetting.objects.count(),
        *ReviewRequest.objects.order_by("pk").values_list("updated_at", flat=True),
    )


@pytest.fixture
def snapshot() -> Callable[[], tuple[object, ...]]:
    return counts
