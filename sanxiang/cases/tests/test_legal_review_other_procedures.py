"""The legal-review gate over the other enforcement decisions (国办发〔2018〕118号 extends the review of major
decisions to all enforcement types): a licence refused (不予许可, 行政许可法 第38条), a levy reduced or
exempted (易地建设费减免), an application to the court for enforcement (申请强制执行, 行政强制法 第53条) and a
fee whose handler answered "major public interest". For each: the rule fires and the decision is refused
without a passed review, writing nothing; it passes after the approval of that very decision; and where the
catalogue does not fire the decision needs no review."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from conftest import World
from sanxiang.cases.legal_review.answers import check_record_handler_answers
from sanxiang.cases.models import Assessment, Case, Enforcement
from sanxiang.cases.tests.case_factories import Desk, act, examined_licence, frozen_in_english, make_desk
from sanxiang.cases.tests.conftest import _counts
from sanxiang.cases.tests.levy_factories import (
    RATE_FEN,
    LevyDesk,
    demanded_coercion,
    make_levy_desk,
    open_levy,
)
from sanxiang.cases.tests.levy_factories import act as levy_act
from sanxiang.cases.tests.review_factories import pass_review, ready_for_review
from sanxiang.core.errors import RuleViolation
from sanxiang.review.models import ReviewRequest

DECIDED = dt.date(2026, 9, 10)
OPENED = dt.date(2026, 9, 1)
ASSESSED = dt.date(2026, 9, 2)
AREA = 120_000  # 1,200.00 m²
EXEMPTION = {"exempt_centi": 20_000, "exemption_code": "JM-01", "exemption_evidence": "保障房认定文件"}

Counts = Callable[[], tuple[int, ...]]


_frozen = frozen_in_english(dt.datetime(2027, 9, 30, 9, tzinfo=dt.UTC))


@pytest.fixture
def everything(db: None) -> Counts:
    """Rows of the case aggregate, assessments, enforcement files, record entries and reviews."""
    return lambda: (
        *_counts(),
        Assessment.objects.count(),
        Enforcement.objects.filter(applied_on__isnull=False).count(),
        ReviewRequest.objects.count(),
    )


@pytest.fixture
def desk(world: World) -> Desk:
    return ready_for_review(make_desk(world))


@pytest.fixture
def levy_desk(world: World) -> LevyDesk:
    return ready_for_review(make_levy_desk(world))


# --- licensing (行政许可法 第38条; catalogue rule FS-06 不予许可、撤销许可) ---


def test_a_licence_refusal_without_review_is_refused_and_writes_nothing(
    desk: Desk, everything: Counts
) -> None:
    case = examined_licence(desk)
    before = everything()
    with pytest.raises(RuleViolation, match=r"FS-06.*国办发〔2018〕118号"):
        act(desk, case, "refuse", DECIDED)
    assert everything() == before
    assert Case.objects.get(pk=case.pk).stage == "examined"


def test_a_licence_refusal_passes_after_the_review_of_the_refusal(desk: Desk) -> None:
    case = pass_review(desk, examined_licence(desk), DECIDED, decision_kinds=["license_refused_or_revoked"])
    assert (case.stage, case.legal_review_passed) == ("examined", True)
    assert act(desk, case, "refuse", DECIDED).stage == "refused"


def test_a_review_of_a_grant_does_not_open_the_gate_for_a_refusal(desk: Desk, everything: Counts) -> None:
    """The review approves one decision: a grant reviewed is not a refusal reviewed (its digest differs)."""
    case = pass_review(desk, examined_licence(desk), DECIDED)
    before = everything()
    with pytest.raises(RuleViolation, match="FS-06"):
        act(desk, case, "refuse", DECIDED)
    assert everything() == before


def test_a_licence_grant_does_not_fire_and_needs_no_review(desk: Desk) -> None:
    assert act(desk, examined_licence(desk), "grant", DECIDED).stage == "granted"


# --- levy (易地建设费减免, catalogue rule FS-09) ---


def test_a_levy_exemption_without_review_is_refused_and_writes_nothing(
    levy_desk: LevyDesk, everything: Counts
) -> None:
    case = open_levy(levy_desk, OPENED)
    before = everything()
    with pytest.raises(RuleViolation, match="FS-09"):
        levy_act(levy_desk, case, "assess", ASSESSED, area_centi=AREA, **EXEMPTION)
    assert everything() == before


def test_a_levy_exemption_is_assessed_after_the_review_of_that_amount(levy_desk: LevyDesk) -> None:
    case = open_levy(levy_desk, OPENED)
    reduced = RATE_FEN * 1_000  # 1,000 m² left after 200 m² of 廉租住房
    case = pass_review(  # a review of another amount does not count
        levy_desk, case, ASSESSED, amount_fen=RATE_FEN * 1_200, decision_kinds=["levy_exemption"]
    )
    with pytest.raises(RuleViolation, match="FS-09"):
        levy_act(levy_desk, case, "assess", ASSESSED, area_centi=AREA, **EXEMPTION)
    case = pass_review(levy_desk, case, ASSESSED, amount_fen=reduced, decision_kinds=["levy_exemption"])
    case = levy_act(levy_desk, case, "assess", ASSESSED, area_centi=AREA, **EXEMPTION)
    assert (case.stage, Assessment.objects.get(case=case).amount_fen) == ("assessed", reduced)


def test_a_levy_without_exemption_does_not_fire(levy_desk: LevyDesk) -> None:
    case = levy_act(levy_desk, open_levy(levy_desk, OPENED), "assess", ASSESSED, area_centi=AREA)
    assert case.stage == "assessed"


# --- fee: only the handler's answers make it major (catalogue rule FS-10) ---


def test_a_fee_the_handler_marked_of_public_interest_waits_for_its_review(
    levy_desk: LevyDesk, everything: Counts
) -> None:
    world = levy_desk.world
    case = open_levy(levy_desk, OPENED, matter=levy_desk.fee)
    assert levy_act(levy_desk, case, "assess", ASSESSED, area_centi=100).stage == "assessed"  # not major
    other = open_levy(levy_desk, OPENED, matter=levy_desk.fee)
    other = check_record_handler_answers(
        other, actor_user=world.officer_user, flags=["public_interest"], on=OPENED
    )
    before = everything()
    with pytest.raises(RuleViolation, match="FS-10"):
        levy_act(levy_desk, other, "assess", ASSESSED, area_centi=100)
    assert everything() == before
    other = pass_review(levy_desk, other, ASSESSED, amount_fen=200)  # the list's 2 yuan × 1.00 m²
    assert levy_act(levy_desk, other, "assess", ASSESSED, area_centi=100).stage == "assessed"


# --- court enforcement (申请人民法院强制执行, catalogue rule FS-08; 行政强制法 第53条) ---


def _demanded(desk: LevyDesk) -> Case:
    return demanded_coercion(desk, area_centi=AREA)


def test_an_application_to_the_court_without_review_is_refused_and_writes_nothing(
    levy_desk: LevyDesk, everything: Counts
) -> None:
    case = _demanded(levy_desk)
    before = everything()
    with pytest.raises(RuleViolation, match="FS-08"):
        levy_act(levy_desk, case, "apply_court", dt.date(2027, 3, 19))
    assert everything() == before
    assert Case.objects.get(pk=case.pk).stage == "demanded"


def test_an_application_to_the_court_follows_the_review_of_the_principal(levy_desk: LevyDesk) -> None:
    """The review approves the application for the principal; the late charge accruing since does not make
    it another decision."""
    case = _demanded(levy_desk)
    principal = Enforcement.objects.get(case=case).principal_fen
    case = pass_review(
        levy_desk, case, dt.date(2027, 3, 18), amount_fen=principal, decision_kinds=["court_enforcement"]
    )
    assert levy_act(levy_desk, case, "apply_court", dt.date(2027, 3, 19)).stage == "applied"


def test_without_the_catalogue_rule_the_application_needs_no_review(world: World) -> None:
    desk = make_levy_desk(world)  # no major-decision catalogue in force: nothing fires
    assert levy_act(desk, _demanded(desk), "apply_court", dt.date(2027, 3, 19)).stage == "applied"
