"""Gaps between consecutive AV segments of one act: found by capture times, explained with a reason."""

from __future__ import annotations

import datetime as dt

import pytest

from conftest import World
from sanxiang.core.errors import InvalidInput, RuleViolation
from sanxiang.evidence import gaps
from sanxiang.evidence.models import EvidenceFile, GapReason
from sanxiang.evidence.tests.conftest import T0, Store, add_file, mp4_bytes, records
from sanxiang.organizations.selectors import actor_of

MINUTE = dt.timedelta(minutes=1)


def segments(
    world: World, *starts_and_lengths: tuple[int, int], step: str = "inspection"
) -> list[EvidenceFile]:
    return [
        add_file(
            world,
            data=mp4_bytes(1000, seed=i + len(step)),
            start=T0 + dt.timedelta(seconds=s),
            seconds=n,
            step=step,
        )
        for i, (s, n) in enumerate(starts_and_lengths)
    ]


def test_a_pause_over_the_threshold_is_a_gap_and_overlaps_are_not(world: World, store: Store) -> None:
    first, second, third, fourth = segments(world, (0, 60), (100, 60), (150, 100), (400, 10))
    found = gaps.find_gaps([fourth, third, first, second], threshold=MINUTE)
    # 60→100 is 40 s (under a minute); 160 overlaps 150; 250→400 is 150 s.
    assert [(g.before, g.after, g.seconds) for g in found] == [(third, fourth, 150)]


def test_the_threshold_is_configurable(world: World, store: Store, settings: object) -> None:
    segments(world, (0, 60), (100, 60))
    setattr(settings, "SANXIANG_EVIDENCE_GAP_SECONDS", 30)  # noqa: B010 - pytest-django settings fixture
    [gap] = gaps.list_gaps(world.officer_user, subject=("case", "42"))
    assert gap.seconds == 40
    assert gap.reason is None


def test_segments_of_other_steps_and_files_without_times_are_separate(world: World, store: Store) -> None:
    segments(world, (0, 60))
    segments(world, (600, 60), step="hearing")
    add_file(world, data=mp4_bytes(900, seed=99), start=None)
    assert gaps.list_gaps(world.officer_user, subject=("case", "42")) == []


def test_an_officer_explains_a_gap_and_it_is_recorded(world: World, store: Store) -> None:
    first, second = segments(world, (0, 60), (300, 60))
    actor = actor_of(world.colleague_user, on=T0.date())
    explained = gaps.check_explain_gap(
        actor=actor, user=world.colleague_user, after=second, reason="  电池更换  "
    )
    assert (explained.before, explained.seconds, explained.reason) == (first, 240, "电池更换")
    [gap] = gaps.list_gaps(world.supervisor_user, subject=("case", "42"))
    assert gap.reason == explained
    [entry] = records("evidence.gap_explained")
    assert entry["data"] == {"before": first.pk, "after": second.pk, "seconds": 240, "reason": "电池更换"}
    assert gaps.list_gaps(world.outsider_user, subject=("case", "42")) == []


@pytest.mark.parametrize("reason", ["", "   "])
def test_an_empty_reason_is_refused_and_nothing_written(world: World, store: Store, reason: str) -> None:
    _first, second = segments(world, (0, 60), (300, 60))
    with pytest.raises(InvalidInput):
        gaps.check_explain_gap(
            actor=actor_of(world.officer_user, on=T0.date()),
            user=world.officer_user,
            after=second,
            reason=reason,
        )
    assert not GapReason.objects.exists()
    assert records("evidence.gap_explained") == []


def test_no_gap_an_outsider_and_a_second_explanation_are_refused(world: World, store: Store) -> None:
    first, second = segments(world, (0, 60), (300, 60))
    actor = actor_of(world.officer_user, on=T0.date())
    with pytest.raises(RuleViolation):
        gaps.check_explain_gap(actor=actor, user=world.officer_user, after=first, reason="x")
    with pytest.raises(RuleViolation):
        gaps.check_explain_gap(actor=actor, user=world.outsider_user, after=second, reason="x")
    gaps.check_explain_gap(actor=actor, user=world.officer_user, after=second, reason="设备故障")
    with pytest.raises(RuleViolation):
        gaps.check_explain_gap(actor=actor, user=world.officer_user, after=second, reason="again")
    assert len(records("evidence.gap_explained")) == 1
