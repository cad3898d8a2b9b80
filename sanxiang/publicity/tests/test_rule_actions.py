"""Setting a publication rule: periods as data with effective dates (118号; DOMAIN R-PUB-07, R-PUB-12), by
an administrator only, never retroactively, one record per change; a refusal writes nothing."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from sanxiang.cases.tests.case_factories import Desk
from sanxiang.core.errors import InvalidInput, RuleViolation
from sanxiang.publicity.drafts import rule_for
from sanxiang.publicity.rule_actions import check_set_publication_rule
from sanxiang.publicity.tests.conftest import Snapshot

TODAY = dt.date(2026, 8, 21)


def _set(desk: Desk, user: object, **changes: object) -> object:
    arguments: dict[str, object] = {
        "actor_user": user,
        "agency": desk.world.taiyuan,
        "kind": "penalty",
        "effective_from": TODAY,
        "due_working_days": 5,
        "display_months": 6,
        "basis": "太原市人防办公示规定",
    }
    return check_set_publication_rule(**(arguments | changes))  # type: ignore[arg-type]


def test_an_administrator_sets_a_rule_that_applies_from_its_date(desk: Desk) -> None:
    _set(desk, desk.world.admin_user)
    assert rule_for(desk.world.taiyuan, "penalty", on=TODAY).due_working_days == 5
    assert rule_for(desk.world.xiaodian, "penalty", on=TODAY).due_working_days == 5  # inherited below
    assert rule_for(desk.world.taiyuan, "penalty", on=TODAY - dt.timedelta(days=1)).due_working_days == 7
    assert rule_for(desk.world.datong, "penalty", on=TODAY).due_working_days == 7


@pytest.mark.parametrize(
    ("persona", "changes", "error"),
    [
        ("officer_user", {}, RuleViolation),
        ("admin_user", {"effective_from": TODAY - dt.timedelta(days=1)}, InvalidInput),
        ("admin_user", {"basis": " "}, InvalidInput),
        ("admin_user", {"display_months": 0}, InvalidInput),
    ],
)
def test_refusals_write_nothing(
    desk: Desk, snapshot: Callable[[], Snapshot], persona: str, changes: dict[str, object], error: type
) -> None:
    before = snapshot()
    with pytest.raises(error):
        _set(desk, getattr(desk.world, persona), **changes)
    assert snapshot() == before
