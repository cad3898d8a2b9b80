"""The engine's extension points: guards registered by higher layers and listeners called inside the act's
transaction (a listener that raises refuses the act and nothing of it is kept)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from django.utils import translation

from conftest import World
from sanxiang.cases.engine import guards, hooks
from sanxiang.cases.models import Case, CaseAct
from sanxiang.cases.tests.case_factories import Desk, act, make_desk, open_case
from sanxiang.core import clock
from sanxiang.core.errors import RuleViolation
from sanxiang.records.selectors import timeline

NOW = dt.datetime(2027, 1, 15, 9, tzinfo=dt.UTC)


@pytest.fixture(autouse=True)
def _frozen() -> Iterator[None]:
    with clock.frozen_now(NOW), translation.override("en"):
        yield


@pytest.fixture
def desk(world: World) -> Desk:
    return make_desk(world)


@pytest.fixture
def listeners() -> Iterator[dict[str, hooks.AfterAct]]:
    saved = dict(hooks._AFTER_ACT)
    yield hooks._AFTER_ACT
    hooks._AFTER_ACT.clear()
    hooks._AFTER_ACT.update(saved)


def test_a_guard_name_cannot_be_registered_twice_by_accident() -> None:
    with pytest.raises(ValueError, match="already registered"):
        hooks.register_guard("two_certified_officers", guards.two_certified_officers)


def test_a_listener_sees_the_act_after_its_record(desk: Desk, listeners: dict[str, hooks.AfterAct]) -> None:
    seen: list[tuple[str, str, int]] = []

    def listener(done: hooks.ActDone) -> None:
        entries = [item.event_type for item in timeline("case", done.case.pk)]
        seen.append((done.act, done.target, entries.count("case.act_performed")))

    hooks.register_after_act("test", listener)
    case = act(desk, open_case(desk), "investigate", dt.date(2026, 8, 4))
    assert case.stage == "investigating"
    assert seen == [("investigate", "investigating", 1)]


def test_a_listener_that_raises_refuses_the_act_and_keeps_nothing(
    desk: Desk, listeners: dict[str, hooks.AfterAct]
) -> None:
    case = open_case(desk)

    def refuse(done: hooks.ActDone) -> None:
        raise RuleViolation("refused by a listener")

    hooks.register_after_act("test", refuse)
    with pytest.raises(RuleViolation, match="refused by a listener"):
        act(desk, case, "investigate", dt.date(2026, 8, 4))
    assert Case.objects.get(pk=case.pk).stage == "registered"
    assert not CaseAct.objects.filter(case=case, act="investigate").exists()
    assert [item.event_type for item in timeline("case", case.pk)].count("case.act_performed") == 0
