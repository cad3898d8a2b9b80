"""A penalty case from 立案 to 结案 through the engine, its time limits and record entries; the simple
procedure; the licensing and inspection procedures; deadlines across National Day."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest
from django.utils import translation

from conftest import World
from sanxiang.calendar.models import CalendarDay, CalendarYear
from sanxiang.cases.documents.actions import check_issue_case_document
from sanxiang.cases.models import Case, CaseAct, CaseLimit, LimitState
from sanxiang.cases.tests.case_factories import (
    REGISTERED,
    YUAN,
    Desk,
    act,
    make_desk,
    notify,
    open_case,
    serve_decision,
)
from sanxiang.cases.tests.document_helpers import examined_case
from sanxiang.cases.tests.review_factories import discuss, pass_review
from sanxiang.core import clock
from sanxiang.core.errors import ConfigurationError, RuleViolation
from sanxiang.records.selectors import timeline

NOW = dt.datetime(2027, 1, 15, 9, tzinfo=dt.UTC)


@pytest.fixture(autouse=True)
def _frozen() -> Iterator[None]:
    """A fixed today, and English messages so that a refusal is matched by its article."""
    with clock.frozen_now(NOW), translation.override("en"):
        yield


@pytest.fixture
def desk(world: World) -> Desk:
    return make_desk(world)


def _limit(case: Case, code: str) -> CaseLimit:
    return CaseLimit.objects.get(case=case, code=code, state=LimitState.OPEN)


def test_registration_numbers_the_case_and_starts_90_calendar_days(desk: Desk) -> None:
    """行政处罚法 第54条 立案 with a 罚立 number; 第60条: decide within 90 days of registration."""
    case = open_case(desk)
    assert case.stage == "registered"
    assert "罚立" in case.number
    decide = _limit(case, "decide")
    assert decide.basis == "行政处罚法 第60条"
    assert decide.due_on == dt.date(2026, 11, 2)  # 90 days after 3 August is Sunday 1 November: rolled on
    assert [item.event_type for item in timeline("case", case.pk)] == ["number.allocated", "case.registered"]


def test_penalty_case_runs_from_registration_to_closing(desk: Desk) -> None:
    case = open_case(desk)
    steps: list[tuple[str, dt.date, dict[str, Any]]] = [
        ("investigate", dt.date(2026, 8, 4), {}),
        ("examine", dt.date(2026, 8, 20), {}),
        ("notify", dt.date(2026, 8, 24), {"served_on": dt.date(2026, 8, 25)}),  # dated the service day
        ("statement", dt.date(2026, 8, 27), {"note": "当事人申辩"}),
        ("legal_review", dt.date(2026, 9, 1), {}),
        ("collective_discussion", dt.date(2026, 9, 2), {}),
        ("decide", dt.date(2026, 9, 30), {"amount_fen": 15_000 * YUAN}),
        ("serve", dt.date(2026, 10, 9), {}),
        ("execute", dt.date(2026, 10, 20), {}),
        ("close", dt.date(2026, 10, 21), {}),
    ]
    for name, day, data in steps:
        # the legal review and the collective discussion are recorded by their own actions (第58条, 第57条),
        # the notification and the decision's service by the service of their documents (第61条)
        if name == "legal_review":
            case = pass_review(desk, case, day)
        elif name == "collective_discussion":
            case = discuss(desk, case, day)
        elif name == "notify":
            case = notify(desk, case, day, served_on=data["served_on"])
        elif name == "serve":
            case = serve_decision(desk, case, day)
        else:
            case = act(desk, case, name, day, **data)
        if name == "investigate":  # the evidence the decision states (第59条)
            check_issue_case_document(
                case, kind="inspection_record", actor_user=desk.world.officer_user, on=day
            )
    assert case.stage == "closed"
    assert case.closed_on == dt.date(2026, 10, 21)
    assert case.decided_fen == 15_000 * YUAN
    assert list(CaseAct.objects.filter(case=case).values_list("act", flat=True)) == [
        "register",
        *(name for name, _day, _data in steps),
    ]
    assert not CaseLimit.objects.filter(case=case).exclude(state=LimitState.STOPPED).exists()
    events = [item.event_type for item in timeline("case", case.pk)]
    assert events.count("case.act_performed") == len(steps)


def test_service_due_seven_working_days_after_a_decision_skips_national_day(desk: Desk) -> None:
    """行政处罚法 第61条 with 第85条: 7 working days. With the official 2026 schedule (National Day and
    Mid-Autumn off from 1 to 8 October), a decision on 30 September must be served by 15 October."""
    case = _decided(desk, dt.date(2026, 9, 30))
    serve = _limit(case, "serve")
    assert (serve.due_on, serve.provisional) == (dt.date(2026, 10, 15), False)


def test_service_limit_is_provisional_without_the_official_schedule(desk: Desk) -> None:
    """Without the official 2026 schedule the statutory holidays are computed: the due date still skips
    National Day but is marked provisional."""
    CalendarYear.objects.filter(year=2026).delete()
    CalendarDay.objects.filter(date__year=2026).delete()
    case = _decided(desk, dt.date(2026, 9, 30))
    serve = _limit(case, "serve")
    assert (serve.due_on, serve.provisional) == (dt.date(2026, 10, 14), True)


def test_serving_stops_service_and_starts_15_days_to_pay(desk: Desk) -> None:
    """行政处罚法 第67条: pay within 15 days of receipt."""
    case = _decided(desk, dt.date(2026, 9, 1))
    case = serve_decision(desk, case, dt.date(2026, 9, 2))
    pay = _limit(case, "pay")
    assert (pay.started_on, pay.due_on, pay.basis) == (
        dt.date(2026, 9, 2),
        dt.date(2026, 9, 17),
        "行政处罚法 第67条",
    )


def test_an_act_not_in_the_table_is_refused(desk: Desk) -> None:
    case = open_case(desk)
    with pytest.raises(RuleViolation, match="not allowed"):
        act(desk, case, "decide", dt.date(2026, 8, 4), amount_fen=1)


def test_withdrawal_stops_the_decision_limit(desk: Desk) -> None:
    case = act(desk, open_case(desk), "withdraw", dt.date(2026, 8, 5))
    assert case.stage == "withdrawn"
    assert case.closed_on == dt.date(2026, 8, 5)
    assert not CaseLimit.objects.filter(case=case, state=LimitState.OPEN).exists()


def test_simple_procedure_decides_on_the_spot(desk: Desk) -> None:
    """行政处罚法 第51条: a person fined 200 yuan on the spot."""
    case = open_case(desk, procedure_key="penalty_simple", parties=[desk.person], proposed_fen=200 * YUAN)
    case = act(desk, case, "decide", REGISTERED, amount_fen=200 * YUAN)
    assert case.stage == "decided"
    assert _limit(case, "pay").due_on == dt.date(2026, 8, 18)


def _decided(desk: Desk, day: dt.date) -> Case:
    case = notify(desk, examined_case(desk), dt.date(2026, 8, 10))
    return act(desk, case, "decide", day, amount_fen=10_000 * YUAN)


def test_a_case_keeps_its_procedure_version(desk: Desk) -> None:
    """A case registered under another version of the table is not moved by the current one."""
    case = open_case(desk)
    Case.objects.filter(pk=case.pk).update(procedure_version="2017")
    with pytest.raises(ConfigurationError, match="2017"):
        act(desk, case, "investigate", REGISTERED)
