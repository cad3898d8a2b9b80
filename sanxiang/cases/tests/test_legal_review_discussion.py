"""集体讨论 (行政处罚法 第57条 第2款): a complex case or grave violation is decided only after the agency
heads' discussion of that decision; the act needs its meeting record; the chair is an agency head."""

from __future__ import annotations

import datetime as dt

import pytest

from conftest import World
from sanxiang.cases.legal_review.discussion import check_record_discussion
from sanxiang.cases.models import Case
from sanxiang.cases.tests.case_factories import YUAN, Desk, act, frozen_in_english, make_desk, notified_case
from sanxiang.cases.tests.conftest import _counts
from sanxiang.cases.tests.review_factories import (
    discuss,
    make_head,
    pass_review,
    ready_for_review,
)
from sanxiang.core.errors import InvalidInput, RuleViolation

DAY = dt.date(2026, 8, 20)


_frozen = frozen_in_english(dt.datetime(2027, 1, 15, 9, tzinfo=dt.UTC))


@pytest.fixture
def desk(world: World) -> Desk:
    return ready_for_review(make_desk(world))


def _reviewed_complex(desk: Desk) -> Case:
    """Reviewed with the handler's answer "complex" (FS-11 fires, and 第57条 第2款 applies)."""
    return pass_review(desk, notified_case(desk), DAY, flags=("complex",))


def test_article_57_2_a_complex_case_waits_for_the_collective_discussion(desk: Desk) -> None:
    case = _reviewed_complex(desk)
    before = _counts()
    with pytest.raises(RuleViolation, match="Article 57, paragraph 2"):
        act(desk, case, "decide", DAY, amount_fen=20_000 * YUAN)
    assert _counts() == before
    case = discuss(desk, case, DAY)
    assert case.stage == "discussed"
    assert act(desk, case, "decide", DAY, amount_fen=20_000 * YUAN).stage == "decided"


def test_article_57_2_an_ordinary_case_needs_no_discussion(desk: Desk) -> None:
    case = notified_case(desk)
    assert act(desk, case, "decide", DAY, amount_fen=20_000 * YUAN).stage == "decided"


def test_the_discussion_act_without_its_record_is_refused_and_writes_nothing(desk: Desk) -> None:
    case = _reviewed_complex(desk)
    before = _counts()
    with pytest.raises(RuleViolation, match="Article 57"):
        act(desk, case, "collective_discussion", DAY)
    assert _counts() == before


def test_article_57_the_chair_is_an_agency_head(desk: Desk) -> None:
    case = _reviewed_complex(desk)
    head = make_head(desk)
    world = desk.world
    before = _counts()
    with pytest.raises(InvalidInput) as error:
        check_record_discussion(
            case,
            actor_user=world.officer_user,
            held_on=DAY,
            chair=world.officer,
            attendees=[head, world.officer, world.colleague],
            opinions="同意",
            conclusion="同意",
        )
    assert set(error.value.errors) == {"chair"}
    assert _counts() == before
