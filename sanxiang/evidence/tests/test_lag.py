"""Upload lag (R-REC-04, timely upload: "当天执法活动结束后" or within 24 hours by local rule): the limit is
data per agency with an effective date (inherited from the nearest ancestor, else the deployment default); a
file uploaded later is kept, flagged and recorded, and becomes a work item for its agency and supervisors."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import translation

from conftest import World
from sanxiang.core import clock
from sanxiang.core.errors import InvalidInput
from sanxiang.evidence import lag
from sanxiang.evidence.lag_models import UploadLagLimit
from sanxiang.evidence.tests.conftest import T0, Store, add_file, mp4_bytes, records
from sanxiang.evidence.worklist_items import late_upload_items
from sanxiang.records import writer
from sanxiang.records.models import PendingEntry

DAY = dt.date(2026, 5, 2)


def _set(agency: Any, hours: int, since: dt.date = dt.date(2026, 1, 1)) -> None:
    lag.check_set_upload_lag_limit(
        actor=writer.SYSTEM,
        agency=agency,
        effective_from=since,
        hours=hours,
        basis="市人防办音像记录规定 第8条",
    )


def test_the_limit_is_inherited_dated_and_defaults_to_the_deployment(world: World, settings: Any) -> None:
    settings.SANXIANG_EVIDENCE_UPLOAD_LAG_HOURS = 36
    assert lag.limit_hours(world.taiyuan, DAY) == 36
    _set(world.province, 48)
    assert lag.limit_hours(world.xiaodian, DAY) == 48
    _set(world.taiyuan, 12)
    _set(world.taiyuan, 6, since=dt.date(2026, 6, 1))  # not yet in force on DAY
    assert lag.limit_hours(world.taiyuan, DAY) == 12
    assert lag.limit_hours(world.xiaodian, DAY) == 12
    assert lag.limit_hours(world.datong, DAY) == 48
    assert lag.limit_hours(world.taiyuan, dt.date(2026, 6, 1)) == 6


def test_a_late_upload_is_kept_flagged_and_recorded(world: World, store: Store) -> None:
    """24-hour limit; capture ended T0 + 60 s; arriving 30 hours later is late, 2 hours later is not."""
    _set(world.taiyuan, 24)
    with clock.frozen_now(T0 + dt.timedelta(hours=30)):
        late = add_file(world, data=mp4_bytes(3000))
    with clock.frozen_now(T0 + dt.timedelta(hours=2)):
        prompt = add_file(world, data=mp4_bytes(3000, seed=2))
    assert (late.uploaded_late, late.upload_lag_minutes) == (True, 30 * 60 - 1)
    assert (prompt.uploaded_late, prompt.upload_lag_minutes) == (False, 2 * 60 - 1)
    data = records("evidence.added")[0]["data"]
    assert (data["uploaded_late"], data["upload_lag_minutes"]) == (True, 30 * 60 - 1)


def test_without_a_capture_end_no_lag_is_claimed(world: World, store: Store) -> None:
    evidence = add_file(world, data=mp4_bytes(3000), start=None)
    assert (evidence.uploaded_late, evidence.upload_lag_minutes) == (False, None)


@pytest.mark.parametrize(
    ("hours", "basis", "message"),
    [(0, "规定", "at least one hour"), (24, "  ", "local rule"), (24, "规定", "already exists")],
)
def test_bad_limits_are_refused_and_nothing_is_written(
    world: World, hours: int, basis: str, message: str
) -> None:
    _set(world.taiyuan, 24)
    before = (UploadLagLimit.objects.count(), PendingEntry.objects.count())
    with translation.override("en"), pytest.raises(InvalidInput, match=message):
        lag.check_set_upload_lag_limit(
            actor=writer.SYSTEM,
            agency=world.taiyuan,
            effective_from=dt.date(2026, 1, 1),
            hours=hours,
            basis=basis,
        )
    assert (UploadLagLimit.objects.count(), PendingEntry.objects.count()) == before


@pytest.mark.parametrize(
    ("persona", "sees"),
    [("officer_user", True), ("colleague_user", True), ("supervisor_user", True), ("outsider_user", False)],
)
def test_late_uploads_are_work_items_within_jurisdiction(
    world: World, store: Store, persona: str, sees: bool
) -> None:
    _set(world.taiyuan, 24)
    with clock.frozen_now(T0 + dt.timedelta(hours=30)):
        add_file(world, data=mp4_bytes(3000))
    with clock.frozen_now(T0 + dt.timedelta(days=2)), translation.override("en"):
        items = late_upload_items(getattr(world, persona))
        assert late_upload_items(AnonymousUser()) == []
    assert bool(items) is sees
    if sees:
        assert "1 recording was uploaded later than the limit" in items[0].detail
    with clock.frozen_now(T0 + dt.timedelta(days=30)):  # outside the alert window
        assert late_upload_items(getattr(world, persona)) == []
