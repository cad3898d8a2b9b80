"""Every guard of the engine, one rule per test, named by its article: the act is refused with a message that
names the article, and nothing was written (no case, act, limit, assignment or record entry)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator

import pytest
from django.utils import translation

from conftest import World
from sanxiang.cases import engine
from sanxiang.cases.documents.actions import check_issue_case_document
from sanxiang.cases.engine.acts import context as guard_context
from sanxiang.cases.models import Case
from sanxiang.cases.tests.case_factories import REGISTERED, YUAN, Desk, act, make_desk, notify, open_case
from sanxiang.cases.tests.conftest import Snapshot
from sanxiang.cases.tests.review_factories import pass_review
from sanxiang.core import clock
from sanxiang.core.errors import RuleViolation
from sanxiang.matters import procedures
from sanxiang.organizations.tests import factories as organization_factories

NOW = dt.datetime(2027, 1, 15, 9, tzinfo=dt.UTC)
Counts = Callable[[], Snapshot]


@pytest.fixture(autouse=True)
def _frozen() -> Iterator[None]:
    """A fixed today, and English messages so that a refusal is matched by its article."""
    with clock.frozen_now(NOW), translation.override("en"):
        yield


@pytest.fixture
def desk(world: World) -> Desk:
    return make_desk(world)


def _notified(desk: Desk, **changes: object) -> Case:
    case = open_case(desk, **changes)
    case = act(desk, case, "investigate", REGISTERED)
    case = act(desk, case, "examine", dt.date(2026, 8, 10))
    return notify(desk, case, dt.date(2026, 8, 11))


def test_article_42_registration_needs_two_certified_officers(desk: Desk, counts: Counts) -> None:
    uncertified = organization_factories.make_officer(desk.world.taiyuan, "孙八", certified=False)
    before = counts()
    with pytest.raises(RuleViolation, match="Article"):
        open_case(desk, officers=[desk.world.officer, uncertified])
    assert counts() == before


def test_article_55_an_act_needs_certificates_valid_on_its_day(desk: Desk, counts: Counts) -> None:
    """A certificate that expired before the act's date does not count."""
    expiring = organization_factories.make_officer(desk.world.taiyuan, "周九", valid_to=dt.date(2026, 8, 31))
    case = open_case(desk, officers=[desk.world.officer, expiring])
    before = counts()
    with pytest.raises(RuleViolation, match="42 and 55"):
        act(desk, case, "investigate", dt.date(2026, 9, 1))
    assert counts() == before


def test_article_43_a_declared_conflict_blocks_until_recusal(desk: Desk, counts: Counts) -> None:
    world = desk.world
    case = open_case(desk)
    engine.check_declare_conflict(case, officer=world.colleague, actor_user=world.colleague_user)
    before = counts()
    with pytest.raises(RuleViolation, match="Article 43"):
        act(desk, case, "investigate", REGISTERED)
    assert counts() == before
    replacement = organization_factories.make_officer(world.taiyuan, "吴十")
    engine.check_recuse_officer(
        case, officer=world.colleague, replacement=replacement, actor_user=world.officer_user
    )
    assert act(desk, case, "investigate", REGISTERED).stage == "investigating"


@pytest.mark.parametrize(
    ("grave", "violation_on"), [(False, dt.date(2024, 8, 2)), (True, dt.date(2021, 8, 2))]
)
def test_article_36_limitation(desk: Desk, counts: Counts, grave: bool, violation_on: dt.date) -> None:
    """Two years from the end of the violation, five where life, health or finance was endangered."""
    before = counts()
    with pytest.raises(RuleViolation, match="Article 36"):
        open_case(desk, violation_on=violation_on, grave_harm=grave)
    assert counts() == before


def test_article_36_five_years_for_grave_harm_allows_three_years(desk: Desk) -> None:
    assert open_case(desk, violation_on=dt.date(2023, 8, 3), grave_harm=True).stage == "registered"


def test_articles_44_and_62_no_decision_before_the_notice_is_served(desk: Desk, counts: Counts) -> None:
    """The notice issued on 11 August is served on 20 August: until it is served no decision can be taken,
    and the decision's guard refuses any day before the service."""
    case = open_case(desk)
    case = act(desk, case, "investigate", REGISTERED)
    case = act(desk, case, "examine", dt.date(2026, 8, 10))
    check_issue_case_document(
        case, kind="penalty_notice", actor_user=desk.world.officer_user, on=dt.date(2026, 8, 11)
    )
    before = counts()
    with pytest.raises(RuleViolation, match="not allowed"):
        act(desk, case, "decide", dt.date(2026, 8, 18), amount_fen=10_000 * YUAN)
    assert counts() == before
    case = notify(desk, case, dt.date(2026, 8, 11), served_on=dt.date(2026, 8, 20))
    procedure = procedures.get("penalty")
    early = guard_context(case, procedure, "decide", dt.date(2026, 8, 18), {})
    assert "Articles 44 and 62" in " ".join(engine.refusals(("notified_before_decision",), early))
    assert act(desk, case, "decide", dt.date(2026, 8, 20), amount_fen=10_000 * YUAN).stage == "decided"


def test_article_45_no_heavier_penalty_after_the_statement(desk: Desk, counts: Counts) -> None:
    case = act(desk, _notified(desk), "statement", dt.date(2026, 8, 12))
    before = counts()
    with pytest.raises(RuleViolation, match="Article 45"):
        act(desk, case, "decide", dt.date(2026, 8, 20), amount_fen=30_000 * YUAN)
    assert counts() == before


def test_article_45_heavier_penalty_with_recorded_new_facts(desk: Desk) -> None:
    case = act(desk, _notified(desk), "statement", dt.date(2026, 8, 12))
    case = act(desk, case, "decide", dt.date(2026, 8, 20), amount_fen=30_000 * YUAN, new_facts="新查明的事实")
    assert case.decided_fen == 30_000 * YUAN


def test_article_58_legal_review_must_pass_before_decision(desk: Desk, counts: Counts) -> None:
    case = _notified(desk, legal_review_required=True)
    before = counts()
    with pytest.raises(RuleViolation, match="Article 58"):
        act(desk, case, "decide", dt.date(2026, 8, 20), amount_fen=10_000 * YUAN)
    assert counts() == before
    case = pass_review(desk, case, dt.date(2026, 8, 19), amount_fen=10_000 * YUAN)
    assert act(desk, case, "decide", dt.date(2026, 8, 20), amount_fen=10_000 * YUAN).stage == "decided"


def test_article_63_no_hearing_below_the_agency_threshold(desk: Desk, counts: Counts) -> None:
    """The threshold is the agency's setting: 100,000 yuan for organisations; 20,000 proposed."""
    case = _notified(desk)
    before = counts()
    with pytest.raises(RuleViolation, match="Article 63"):
        act(desk, case, "hearing", dt.date(2026, 8, 20))
    assert counts() == before


def test_article_63_hearing_at_the_threshold_of_the_setting_in_force(desk: Desk) -> None:
    """A later setting lowering the organisations' threshold gives the party the right."""
    engine.check_set_case_setting(
        actor_user=desk.world.admin_user,
        agency=desk.world.taiyuan,
        effective_from=dt.date(2026, 8, 1),
        hearing_person_fen=5_000 * YUAN,
        hearing_organization_fen=20_000 * YUAN,
        amber_working_days=2,
    )
    assert act(desk, _notified(desk), "hearing", dt.date(2026, 8, 20)).stage == "heard"


@pytest.mark.parametrize(("party", "amount"), [("person", 201), ("company", 3_001)])
def test_article_51_simple_procedure_caps(desk: Desk, counts: Counts, party: str, amount: int) -> None:
    case = open_case(desk, procedure_key="penalty_simple", parties=[getattr(desk, party)])
    before = counts()
    with pytest.raises(RuleViolation, match="Article 51"):
        act(desk, case, "decide", REGISTERED, amount_fen=amount * YUAN)
    assert counts() == before


def test_every_guard_a_procedure_names_is_implemented() -> None:
    from sanxiang.matters import procedures

    for procedure in procedures.all_procedures():
        assert procedure.guard_names() <= set(engine.GUARDS), procedure.key


def test_refusals_in_chinese_name_the_article(desk: Desk) -> None:
    with translation.override("zh-hans"), pytest.raises(RuleViolation, match="第三十六条"):
        open_case(desk, violation_on=dt.date(2024, 8, 2))
