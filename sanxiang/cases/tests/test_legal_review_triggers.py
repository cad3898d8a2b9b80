"""needs_legal_review: each rule of the major-decision catalogue fires or not (行政处罚法 第58条;
国办发〔2018〕118号; DOMAIN.md R-LR-01, R-LR-02), against the catalogue in force on the decision date."""

from __future__ import annotations

import datetime as dt

import pytest

from conftest import World
from sanxiang.cases.legal_review.decisions import ProposedDecision
from sanxiang.cases.legal_review.triggers import DecisionFacts, evaluate, needs_legal_review
from sanxiang.cases.models import Case
from sanxiang.cases.tests.case_factories import (
    REGISTERED,
    YUAN,
    Desk,
    act,
    frozen_in_english,
    make_desk,
    notify,
    open_case,
)
from sanxiang.cases.tests.review_factories import publish_catalogue
from sanxiang.matters.enums import ListKind
from sanxiang.matters.models import MajorDecisionRule
from sanxiang.matters.selectors import version_in_force

DAY = dt.date(2026, 8, 20)


_frozen = frozen_in_english(dt.datetime(2027, 1, 15, 9, tzinfo=dt.UTC))


@pytest.fixture
def desk(world: World) -> Desk:
    desk = make_desk(world)
    publish_catalogue(desk)
    return desk


def _codes(case: Case, on: dt.date = DAY, **proposal: object) -> set[str]:
    return {rule.code for rule in needs_legal_review(case, ProposedDecision(**proposal), on=on).fired}  # type: ignore[arg-type]


def test_article_58_amount_for_an_organisation_fires_at_the_threshold(desk: Desk) -> None:
    """R-LR-02: 单位 at or above the catalogue's threshold (50,000 yuan here)."""
    case = open_case(desk)
    assert "FS-02" in _codes(case, amount_fen=50_000 * YUAN)
    assert "FS-02" not in _codes(case, amount_fen=49_999 * YUAN)


def test_article_58_amount_for_a_person_uses_the_individuals_threshold(desk: Desk) -> None:
    """R-LR-02: 个人 (natural persons and individual businesses) against the individuals' threshold."""
    case = open_case(desk, parties=[desk.person])
    assert _codes(case, amount_fen=5_000 * YUAN) == {"FS-01"}
    assert _codes(case, amount_fen=4_999 * YUAN) == set()


def test_118_licence_revocation_fires_a_warning_does_not(desk: Desk) -> None:
    """R-LR-02: 吊销许可证件 is major; 警告 alone is not."""
    case = open_case(desk)
    assert "FS-03" in _codes(case, penalty_kinds=("licence_revocation",))
    assert _codes(case, penalty_kinds=("warning",)) == set()


def test_118_order_to_suspend_business_fires(desk: Desk) -> None:
    """R-LR-02: 责令停产停业."""
    case = open_case(desk)
    assert "FS-04" in _codes(case, penalty_kinds=("business_suspension",))
    assert "FS-04" not in _codes(case, penalty_kinds=("fine",))


def test_article_58_item_2_hearing_held_fires(desk: Desk) -> None:
    """行政处罚法 第58条 第1款 第二项: a hearing was held (the person's hearing threshold is 5,000 yuan)."""
    case = open_case(desk, parties=[desk.person], proposed_fen=3_000 * YUAN)
    case = act(desk, case, "investigate", REGISTERED)
    case = act(desk, case, "examine", REGISTERED, amount_fen=6_000 * YUAN)  # the examination proposes it
    case = notify(desk, case, dt.date(2026, 8, 10))
    assert "FS-05" not in _codes(case, amount_fen=1_000 * YUAN)
    case = act(desk, case, "hearing", dt.date(2026, 8, 17))
    assert "FS-05" in _codes(case, amount_fen=1_000 * YUAN)


def test_118_licence_refused_or_revoked_fires_for_licensing_only(desk: Desk) -> None:
    """R-LR-02: 不予许可 / 撤销许可 — a licensing rule does not fire on a penalty decision."""
    rule = MajorDecisionRule.objects.get(code="FS-06")
    kinds = frozenset({"license_refused_or_revoked"})
    facts = DecisionFacts("license", None, frozenset(), frozenset(), kinds, frozenset(), False)
    assert [fired.code for fired in evaluate([rule], facts)] == ["FS-06"]
    penalty = DecisionFacts("penalty", None, frozenset(), frozenset(), kinds, frozenset(), False)
    assert evaluate([rule], penalty) == []


@pytest.mark.parametrize(
    ("flag", "code"), [("public_interest", "FS-10"), ("complex", "FS-11"), ("social_impact", "FS-12")]
)
def test_article_58_items_1_and_3_handler_answers_fire(desk: Desk, flag: str, code: str) -> None:
    """行政处罚法 第58条 第1款 第一、三项 and 118号: the handler's answers on public interest, complexity and
    social impact."""
    case = open_case(desk)
    assert code in _codes(case, flags=(flag,))
    assert code not in _codes(case, flags=())


def test_article_58_item_4_required_by_law_marked_at_registration(desk: Desk) -> None:
    """行政处罚法 第58条 第1款 第四项: a case marked at registration as required by law."""
    assert "LAW" in _codes(open_case(desk, legal_review_required=True))
    assert "LAW" not in _codes(open_case(desk))


def test_the_catalogue_in_force_on_the_decision_date_applies(desk: Desk) -> None:
    """R-LR-02: the list in force on the decision date; before its effective day nothing fires."""
    case = open_case(desk)
    assert _codes(case, on=dt.date(2026, 6, 30), amount_fen=90_000 * YUAN) == set()
    assert "FS-02" in _codes(case, on=dt.date(2026, 7, 1), amount_fen=90_000 * YUAN)


def test_the_fired_rules_name_their_catalogue_for_the_officer(desk: Desk) -> None:
    need = needs_legal_review(open_case(desk), ProposedDecision(60_000 * YUAN), on=DAY)
    version = version_in_force(ListKind.MAJOR_DECISIONS, desk.world.taiyuan, on=DAY)
    assert version is not None
    assert need.required
    assert need.catalogue == f"{version.agency.short_name} 2026-07-01"
    assert need.fired[0].description == "单位较大数额"
