"""The licensing procedure (行政许可法) with its working-day limits, pause for an excluded period and
extension, and an inspection referred into a penalty case."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from django.utils import translation

from conftest import World
from sanxiang.cases import engine
from sanxiang.cases.models import Case, CaseLimit, LimitState
from sanxiang.cases.tests.case_factories import Desk, act, make_desk, open_case
from sanxiang.core import clock
from sanxiang.core.errors import RuleViolation

NOW = dt.datetime(2027, 1, 15, 9, tzinfo=dt.UTC)
APPLIED = dt.date(2026, 9, 1)  # a Tuesday


@pytest.fixture(autouse=True)
def _frozen() -> Iterator[None]:
    with clock.frozen_now(NOW), translation.override("en"):
        yield


@pytest.fixture
def desk(world: World) -> Desk:
    return make_desk(world)


def _open(case: Case, code: str) -> CaseLimit:
    return CaseLimit.objects.get(case=case, code=code, state__in=[LimitState.OPEN, LimitState.PAUSED])


def _application(desk: Desk) -> Case:
    return open_case(desk, matter=desk.licence, parties=[desk.company], on=APPLIED, proposed_fen=None)


def test_intake_allows_five_working_days(desk: Desk) -> None:
    """行政许可法 第32条: ask for missing materials within 5 working days, or the application counts as
    accepted."""
    case = _application(desk)
    assert (case.stage, case.number) == ("applied", "")
    assert _open(case, "intake").due_on == dt.date(2026, 9, 8)


def test_licence_runs_from_application_to_issue(desk: Desk) -> None:
    """第42条: 20 working days to decide from acceptance; 第44条: 10 working days to issue."""
    case = act(desk, _application(desk), "accept", dt.date(2026, 9, 2))
    assert _open(case, "decide").due_on == dt.date(2026, 9, 30)
    case = act(desk, case, "examine", dt.date(2026, 9, 3))
    case = act(desk, case, "grant", dt.date(2026, 9, 10))
    assert _open(case, "issue").due_on == dt.date(2026, 9, 23)  # Sunday 20 September is worked (调休)
    case = act(desk, case, "issue", dt.date(2026, 9, 11))
    assert case.stage == "issued"
    assert not CaseLimit.objects.filter(case=case).exclude(state=LimitState.STOPPED).exists()


def test_excluded_period_pauses_and_extension_adds_ten_working_days(desk: Desk) -> None:
    """第45条: an expert review from 7 to 11 September (5 working days) is excluded; 第42条: +10 with
    approval."""
    case = act(desk, _application(desk), "accept", dt.date(2026, 9, 2))
    due = _open(case, "decide").due_on
    case = act(desk, case, "examine", dt.date(2026, 9, 3))
    case = act(desk, case, "pause", dt.date(2026, 9, 4))
    assert _open(case, "decide").state == LimitState.PAUSED
    case = act(desk, case, "resume", dt.date(2026, 9, 11))
    paused = _open(case, "decide")
    assert paused.state == LimitState.OPEN
    assert due == dt.date(2026, 9, 30)
    assert paused.due_on == dt.date(2026, 10, 13)  # five working days later, across National Day
    case = act(desk, case, "extend", dt.date(2026, 9, 14))
    assert _open(case, "decide").due_on == dt.date(2026, 10, 27)


def test_inspection_referred_into_a_penalty_case(desk: Desk) -> None:
    world = desk.world
    inspection = open_case(desk, matter=desk.inspection, proposed_fen=None, on=dt.date(2026, 9, 1))
    for name in ("approve", "check", "record_result"):
        inspection = act(desk, inspection, name, dt.date(2026, 9, 2))
    penalty = engine.check_refer_to_penalty(
        inspection,
        actor_user=world.officer_user,
        on=dt.date(2026, 9, 3),
        matter=desk.matter,
        violation_on=dt.date(2026, 9, 2),
        facts="检查发现擅自改变人防工程用途。",
    )
    inspection.refresh_from_db()
    assert inspection.stage == "referred"
    assert (penalty.origin_id, penalty.stage, penalty.procedure_key) == (
        inspection.pk,
        "registered",
        "penalty",
    )
    assert list(penalty.parties.all()) == list(inspection.parties.all())


def test_a_refused_referral_leaves_the_inspection_open(desk: Desk) -> None:
    """Registration refused (limitation, 行政处罚法 第36条): the inspection's refer act is undone too."""
    inspection = open_case(desk, matter=desk.inspection, proposed_fen=None, on=dt.date(2026, 9, 1))
    for name in ("approve", "check", "record_result"):
        inspection = act(desk, inspection, name, dt.date(2026, 9, 2))
    with pytest.raises(RuleViolation, match="Article 36"):
        engine.check_refer_to_penalty(
            inspection,
            actor_user=desk.world.officer_user,
            on=dt.date(2026, 9, 3),
            matter=desk.matter,
            violation_on=dt.date(2020, 1, 1),
            facts="旧事",
        )
    inspection.refresh_from_db()
    assert inspection.stage == "resulted"
    assert not Case.objects.filter(origin=inspection).exists()
