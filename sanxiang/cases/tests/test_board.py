"""The deadline board with a frozen clock: green, amber (at most the agency's amber threshold of working days
left, a setting) and red (overdue); filters by agency, officer and time limit; jurisdiction."""

from __future__ import annotations

import datetime as dt

import pytest

from conftest import World
from sanxiang.cases import engine
from sanxiang.cases.board import BoardFilter, Colour, deadline_board
from sanxiang.cases.tests.case_factories import Desk, make_desk, open_case
from sanxiang.core import clock


def _at(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, 2, tzinfo=dt.UTC)


@pytest.fixture
def desk(world: World) -> Desk:
    with clock.frozen_now(_at(dt.date(2026, 8, 3))):
        desk = make_desk(world)
        open_case(desk)  # decide by Monday 2 November 2026 (行政处罚法 第60条)
    return desk


@pytest.mark.parametrize(
    ("today", "colour", "left"),
    [
        (dt.date(2026, 10, 28), Colour.GREEN, 3),
        (dt.date(2026, 10, 29), Colour.AMBER, 2),
        (dt.date(2026, 11, 2), Colour.AMBER, 0),
        (dt.date(2026, 11, 3), Colour.RED, -1),
    ],
)
def test_colours(desk: Desk, today: dt.date, colour: Colour, left: int) -> None:
    with clock.frozen_now(_at(today)):
        rows = deadline_board(desk.world.officer_user, today=clock.today())
    assert [(row.limit.code, row.colour, row.working_days_left) for row in rows] == [("decide", colour, left)]


def test_amber_threshold_is_the_agency_setting(desk: Desk) -> None:
    engine.check_set_case_setting(
        actor_user=desk.world.admin_user,
        agency=desk.world.taiyuan,
        effective_from=dt.date(2026, 10, 1),
        hearing_person_fen=500_000,
        hearing_organization_fen=10_000_000,
        amber_working_days=5,
    )
    rows = deadline_board(desk.world.officer_user, today=dt.date(2026, 10, 28))
    assert rows[0].colour == Colour.AMBER


def test_filters_and_jurisdiction(desk: Desk) -> None:
    world = desk.world
    today = dt.date(2026, 10, 1)
    assert len(deadline_board(world.supervisor_user, today=today)) == 1
    assert deadline_board(world.outsider_user, today=today) == []
    assert (
        deadline_board(world.officer_user, today=today, filters=BoardFilter(agency_id=world.datong.pk)) == []
    )
    assert (
        len(deadline_board(world.officer_user, today=today, filters=BoardFilter(officer_id=world.officer.pk)))
        == 1
    )
    assert deadline_board(world.officer_user, today=today, filters=BoardFilter(limit_code="pay")) == []
