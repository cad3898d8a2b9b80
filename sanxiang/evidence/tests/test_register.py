"""The evidence register and the equipment register: each write recorded, camera items awaiting review."""

from __future__ import annotations

import datetime as dt

import pytest

from conftest import World
from sanxiang.core.errors import InvalidInput, RuleViolation
from sanxiang.evidence import actions, selectors
from sanxiang.evidence.enums import DeviceStatus, EvidenceKind
from sanxiang.evidence.tests.conftest import Registered, records
from sanxiang.records import writer

ACTOR = writer.SYSTEM


def _item(world: World, *, from_device: bool) -> object:
    return actions.check_register_item(
        actor=ACTOR,
        agency=world.taiyuan,
        kind=EvidenceKind.AUDIOVISUAL if from_device else EvidenceKind.DOCUMENTARY,
        title="执法记录仪视频" if from_device else "营业执照复印件",
        subject=("case", "42"),
        step="inspection",
        from_device=from_device,
    )


def test_a_camera_item_needs_review_until_reviewed(world: World) -> None:
    item = _item(world, from_device=True)
    assert item.needs_review  # type: ignore[attr-defined]
    reviewed = actions.check_review_item(actor=ACTOR, item=item, reviewer=world.colleague, note="完整清晰")  # type: ignore[arg-type]
    assert not reviewed.needs_review
    assert reviewed.reviewed_by == world.colleague
    assert [r["data"]["needs_review"] for r in records("evidence.item_registered")] == [True]
    assert records("evidence.item_reviewed")[0]["data"]["note"] == "完整清晰"


def test_a_documentary_item_needs_no_review_and_refuses_one(world: World) -> None:
    item = _item(world, from_device=False)
    with pytest.raises(RuleViolation):
        actions.check_review_item(actor=ACTOR, item=item, reviewer=world.colleague, note="")  # type: ignore[arg-type]


def test_an_outsider_cannot_review(world: World) -> None:
    item = _item(world, from_device=True)
    with pytest.raises(RuleViolation):
        actions.check_review_item(actor=ACTOR, item=item, reviewer=world.outsider, note="")  # type: ignore[arg-type]


def test_items_are_listed_within_jurisdiction(world: World) -> None:
    _item(world, from_device=True)
    assert selectors.list_items_for(world.officer_user, subject=("case", "42")).count() == 1
    assert selectors.list_items_for(world.outsider_user, subject=("case", "42")).count() == 0


def test_the_equipment_register_records_status_and_maintenance(world: World, camera: Registered) -> None:
    actions.do_log_maintenance(
        actor=ACTOR, device=camera.device, date=dt.date(2026, 11, 1), note="更换电池", user_id=None
    )
    actions.do_set_device_status(
        actor=ACTOR, device=camera.device, status=DeviceStatus.MAINTENANCE, note="送修"
    )
    camera.device.refresh_from_db()
    assert camera.device.status == DeviceStatus.MAINTENANCE
    assert camera.device.maintenance.get().note == "更换电池"
    assert [r["type"] for r in _device_records()] == [
        "evidence.device_registered",
        "evidence.device_maintained",
        "evidence.device_status_changed",
    ]
    assert camera.token not in str(_device_records())


def _device_records() -> list[dict[str, object]]:
    return [
        *records("evidence.device_registered"),
        *records("evidence.device_maintained"),
        *records("evidence.device_status_changed"),
    ]


def test_a_device_number_is_registered_once(world: World, camera: Registered) -> None:
    with pytest.raises(InvalidInput):
        actions.check_register_device(actor=ACTOR, agency=world.taiyuan, number="TY-CAM-001", model="x")


def test_a_device_officer_must_be_of_its_agency(world: World) -> None:
    with pytest.raises(InvalidInput):
        actions.check_register_device(
            actor=ACTOR, agency=world.taiyuan, number="X-1", model="x", officer=world.outsider
        )


def test_a_device_token_can_be_given_on_a_command_line(world: World) -> None:
    # A token starting with "-" would be read by ``sanxiang upload --token …`` as an option.
    tokens = [
        actions.check_register_device(actor=ACTOR, agency=world.taiyuan, number=f"TOK-{n}", model="x")[1]
        for n in range(40)
    ]
    assert all(token.startswith(actions.TOKEN_PREFIX) for token in tokens)
    assert len(set(tokens)) == len(tokens)
