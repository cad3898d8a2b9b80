"""The AV requirement in the case workflow (R-REC-02, 国办发〔2018〕118号; 行政处罚法 第47条): a step the
AV-recording list marks for full recording cannot be closed without a linked audio or video file or an
approved exemption; and retention (R-REC-05): a case's recordings get their class when it closes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator

import pytest
from django.utils import translation

from conftest import World
from sanxiang.cases.models import Case
from sanxiang.cases.tests.case_factories import Desk, act, make_desk, open_case
from sanxiang.cases.tests.conftest import Snapshot
from sanxiang.core import clock
from sanxiang.core.errors import RuleViolation
from sanxiang.evidence import requirements
from sanxiang.evidence.models import Retention
from sanxiang.evidence.tests.conftest import Store, add_file, av_list, mp4_bytes
from sanxiang.evidence.tests.conftest import store as store  # noqa: PLC0414 - the fixture, re-exported
from sanxiang.matters.enums import RetentionClass
from sanxiang.organizations.enums import Role
from sanxiang.organizations.selectors import actor_of
from sanxiang.organizations.tests import factories

NOW = dt.datetime(2027, 1, 15, 9, tzinfo=dt.UTC)
ON = dt.date(2026, 9, 1)
T = dt.datetime(2026, 9, 2, 2, tzinfo=dt.UTC)


@pytest.fixture(autouse=True)
def _frozen() -> Iterator[None]:
    with clock.frozen_now(NOW), translation.override("en"):
        yield


@pytest.fixture
def desk(world: World) -> Desk:
    return make_desk(world)


def _inspection(desk: Desk) -> Case:
    case = open_case(desk, matter=desk.inspection, on=ON, proposed_fen=None)
    return act(desk, case, "approve", ON)


def _listed(desk: Desk, step: str, requirement: str = "full", retention: str = "routine") -> None:
    av_list(
        desk.world,
        (desk.inspection.code, step, requirement, retention),
        (desk.matter.code, "investigate", "full", "evidence"),
    )


def test_on_site_check_needs_its_recording_r_rec_02(desk: Desk, counts: Callable[[], Snapshot]) -> None:
    """R-REC-02: the AV list marks 现场检查 (inspect) for full recording; without a file the check is refused
    and nothing is written."""
    _listed(desk, "inspect")
    case = _inspection(desk)
    before = counts()
    with pytest.raises(RuleViolation, match="R-REC-02"):
        act(desk, case, "check", dt.date(2026, 9, 2))
    assert counts() == before


def test_linked_recording_lets_the_check_close_r_rec_02(desk: Desk, store: Store) -> None:
    _listed(desk, "inspect")
    case = _inspection(desk)
    add_file(desk.world, data=mp4_bytes(4096), start=T, step="inspect", subject=("case", str(case.pk)))
    assert act(desk, case, "check", dt.date(2026, 9, 2)).stage == "checked"


def test_approved_exemption_lets_the_check_close_r_rec_02(desk: Desk) -> None:
    """R-REC-02 [L]: an exemption (e.g. 设备故障) approved by a second person who heads a department."""
    _listed(desk, "inspect")
    world = desk.world
    case = _inspection(desk)
    exemption = requirements.check_request_exemption(
        actor=actor_of(world.officer_user, on=ON),
        user=world.officer_user,
        agency=world.taiyuan,
        matter_code=desk.inspection.code,
        subject=("case", str(case.pk)),
        step="inspect",
        reason="执法记录仪故障",
    )
    with pytest.raises(RuleViolation, match="R-REC-02"):
        act(desk, case, "check", dt.date(2026, 9, 2))
    factories.grant(world.colleague_user, world.taiyuan, Role.DEPARTMENT_HEAD)
    requirements.check_approve_exemption(
        actor=actor_of(world.colleague_user, on=ON), user=world.colleague_user, exemption=exemption
    )
    assert act(desk, case, "check", dt.date(2026, 9, 2)).stage == "checked"


def test_recording_as_needed_does_not_block_r_rec_02(desk: Desk) -> None:
    """R-REC-02: 'according to circumstances' steps are not a gate."""
    _listed(desk, "inspect", requirement="as_needed")
    assert act(desk, _inspection(desk), "check", dt.date(2026, 9, 2)).stage == "checked"


def test_examining_closes_the_investigation_step_r_rec_02(desk: Desk) -> None:
    """R-REC-02, 行政处罚法 第47条: the findings are examined only once 调查取证 has its recording."""
    _listed(desk, "inspect")
    case = act(desk, open_case(desk), "investigate", dt.date(2026, 8, 4))
    with pytest.raises(RuleViolation, match="R-REC-02"):
        act(desk, case, "examine", dt.date(2026, 8, 20))


def test_closing_classifies_the_recordings_r_rec_05(desk: Desk, store: Store) -> None:
    """R-REC-05: when the case closes, a routine recording gets its keep-until date (≥ 6 months)."""
    _listed(desk, "inspect")
    case = _inspection(desk)
    evidence = add_file(
        desk.world, data=mp4_bytes(4096), start=T, step="inspect", subject=("case", str(case.pk))
    )
    case = act(desk, case, "check", dt.date(2026, 9, 2))
    case = act(desk, case, "record_result", dt.date(2026, 9, 3))
    assert not Retention.objects.filter(file=evidence).exists()
    case = act(desk, case, "close", dt.date(2026, 9, 4))
    retention = Retention.objects.get(file=evidence)
    assert retention.retention_class == RetentionClass.ROUTINE
    assert retention.matter_code == desk.inspection.code
    assert retention.keep_until is not None
    assert retention.keep_until >= dt.date(2027, 3, 2)
