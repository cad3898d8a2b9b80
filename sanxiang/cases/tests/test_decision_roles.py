"""Who decides: the procedure tables reserve each decision act to the agency head (行政机关负责人) — a penalty
(行政处罚法 第57条), a licence granted or refused (行政许可法 第38条), an application to the court signed by
the head (行政强制法 第55条). Any other officer, the head of another agency, an anonymous or unknown actor is
refused with the article, and nothing is written."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from django.contrib.auth.models import AnonymousUser

from conftest import World
from sanxiang.accounts.models import User
from sanxiang.cases import engine
from sanxiang.cases.case_selectors import next_acts
from sanxiang.cases.models import Case
from sanxiang.cases.tests.case_factories import (
    YUAN,
    Desk,
    act,
    agency_head_user,
    examined_licence,
    frozen_in_english,
    make_desk,
    notified_case,
)
from sanxiang.cases.tests.levy_factories import act as levy_act
from sanxiang.cases.tests.levy_factories import demanded_coercion, make_levy_desk, open_levy
from sanxiang.core.errors import RuleViolation
from sanxiang.organizations.enums import Role
from sanxiang.organizations.tests import factories

DECIDE = dt.date(2026, 8, 24)
Counts = Callable[[], tuple[int, ...]]


_frozen = frozen_in_english(dt.datetime(2027, 9, 30, 9, tzinfo=dt.UTC))


@pytest.fixture
def desk(world: World) -> Desk:
    return make_desk(world)


def _notified(desk: Desk) -> Case:
    return notified_case(desk, proposed_fen=20_000 * YUAN)  # served through cases.service (行政处罚法 第61条)


def _decide_as(case: Case, user: User | AnonymousUser, name: str = "decide") -> Case:
    return engine.check_perform_act(
        case, act=name, actor_user=user, on=DECIDE, data={"amount_fen": 20_000 * YUAN}
    )


def test_article_57_an_officer_who_is_not_the_head_cannot_decide_and_nothing_is_written(
    desk: Desk, counts: Counts
) -> None:
    case = _notified(desk)
    before = counts()
    for user in (desk.world.officer_user, desk.world.admin_user, AnonymousUser()):
        with pytest.raises(RuleViolation, match=r"Agency head.*行政处罚法 第57条"):
            _decide_as(case, user)
        with pytest.raises(RuleViolation, match=r"Agency head.*行政处罚法 第57条"):
            _decide_as(case, user, "decide_no_penalty")
    assert counts() == before
    assert Case.objects.get(pk=case.pk).decided_on is None


def test_the_head_of_another_agency_cannot_decide(desk: Desk, counts: Counts) -> None:
    world = desk.world
    other_head = User.objects.create_user(username="datong_head", password="x")
    factories.grant(other_head, world.datong, Role.AGENCY_HEAD)
    factories.grant(other_head, world.taiyuan, Role.OFFICER)  # an officer here, head elsewhere
    case = _notified(desk)
    before = counts()
    with pytest.raises(RuleViolation, match="第57条"):
        _decide_as(case, other_head)
    assert counts() == before


def test_the_agency_head_decides(desk: Desk) -> None:
    decided = _decide_as(_notified(desk), agency_head_user(desk.world))
    assert (decided.stage, decided.decided_fen) == ("decided", 20_000 * YUAN)


def test_the_case_page_shows_who_may_decide(desk: Desk) -> None:
    """The next acts are evaluated for the user looking: blocked for the officer, open for the head."""
    case = _notified(desk)

    def blocked(user: User) -> tuple[str, ...]:
        return next(
            a.blocked_by for a in next_acts(case, on=DECIDE, user=user) if a.transition.act == "decide"
        )

    assert any("第57条" in message for message in blocked(desk.world.officer_user))
    assert not blocked(agency_head_user(desk.world))


def test_article_38_only_the_head_grants_or_refuses_a_licence(desk: Desk, counts: Counts) -> None:
    case = examined_licence(desk)
    before = counts()
    for name in ("grant", "refuse"):
        with pytest.raises(RuleViolation, match="行政许可法 第38条"):
            engine.check_perform_act(
                case, act=name, actor_user=desk.world.officer_user, on=dt.date(2026, 9, 10)
            )
    assert counts() == before
    assert act(desk, case, "grant", dt.date(2026, 9, 10)).stage == "granted"


def test_article_55_only_the_head_signs_the_application_to_the_court(world: World, counts: Counts) -> None:
    desk = make_levy_desk(world)
    case = demanded_coercion(desk, area_centi=100)
    before = counts()
    with pytest.raises(RuleViolation, match="行政强制法 第55条"):
        engine.check_perform_act(
            case, act="apply_court", actor_user=world.officer_user, on=dt.date(2027, 3, 19)
        )
    assert counts() == before
    assert levy_act(desk, case, "apply_court", dt.date(2027, 3, 19)).stage == "applied"


def test_the_levy_assessment_is_not_reserved_to_the_head(world: World) -> None:
    """No article reserves the assessment (核定) to the head: a handling officer assesses."""
    desk = make_levy_desk(world)
    case = engine.check_perform_act(
        open_levy(desk, dt.date(2026, 9, 1)),
        act="assess",
        actor_user=world.officer_user,
        on=dt.date(2026, 9, 2),
        data={"area_centi": 100},
    )
    assert case.stage == "assessed"
