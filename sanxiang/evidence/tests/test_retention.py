"""Retention: evidence files are never deleted; expired routine recordings go only with two-person approval,
which removes the bytes and keeps the digest in the record. Every refusal writes nothing."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from typing import Any

import pytest
from django.test import Client
from django.utils import translation
from pytest_django.fixtures import Settings

from conftest import PASSWORD, World
from sanxiang.core import clock
from sanxiang.core.errors import ConfigurationError, InvalidInput, RuleViolation
from sanxiang.evidence import actions, retention
from sanxiang.evidence.enums import EvidenceKind
from sanxiang.evidence.models import Deletion, EvidenceFile, Retention
from sanxiang.evidence.storage import get_storage
from sanxiang.evidence.tests.conftest import Store, add_file, av_list, mp4_bytes, records
from sanxiang.matters.enums import RetentionClass
from sanxiang.organizations.enums import Role
from sanxiang.organizations.selectors import actor_of
from sanxiang.organizations.tests import factories
from sanxiang.records import writer

Capture = Callable[..., AbstractContextManager[list[Callable[[], Any]]]]
LATER = dt.datetime(2026, 12, 1, 12, tzinfo=dt.UTC)  # more than six months after the T0 recordings


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    """The refusals are matched on their English source text, whatever catalogue is compiled."""
    with translation.override("en"):
        yield


@pytest.fixture
def listed(world: World, store: Store) -> World:
    av_list(world, ("M-001", "patrol", "as_needed", "routine"), ("M-001", "seizure", "full", "evidence"))
    factories.grant(world.colleague_user, world.taiyuan, Role.AGENCY_HEAD)
    return world


def classify(evidence: EvidenceFile) -> Retention:
    return retention.check_classify_retention(actor=writer.SYSTEM, evidence=evidence, matter_code="M-001")


def request(world: World, evidence: EvidenceFile, reason: str = "保存期满") -> Deletion:
    return retention.check_request_deletion(
        actor=actor_of(world.officer_user, on=LATER.date()),
        user=world.officer_user,
        evidence=evidence,
        reason=reason,
    )


def approve(world: World, deletion: Deletion, user: Any = None) -> Deletion:
    approver = user or world.colleague_user
    return retention.check_approve_deletion(
        actor=actor_of(approver, on=LATER.date()), user=approver, deletion=deletion
    )


def nothing_written() -> None:
    assert not Deletion.objects.exists()
    assert records("evidence.deletion_requested") == records("evidence.deleted") == []


def test_the_class_comes_from_the_av_list(listed: World) -> None:
    routine = classify(add_file(listed, data=mp4_bytes(700), step="patrol"))
    assert routine.retention_class == RetentionClass.ROUTINE
    assert routine.keep_until == dt.date(2026, 5, 1) + dt.timedelta(days=183)
    assert classify(add_file(listed, data=mp4_bytes(800), step="seizure")).retention_class == "evidence"
    assert classify(add_file(listed, data=mp4_bytes(900), step="unlisted")).retention_class == "evidence"
    assert [r["data"]["class"] for r in records("evidence.retention_classified")] == [
        "routine",
        "evidence",
        "evidence",
    ]


def test_routine_retention_is_configurable_but_never_under_six_months(
    listed: World, settings: Settings
) -> None:
    settings.SANXIANG_EVIDENCE_ROUTINE_DAYS = 365
    assert classify(add_file(listed, data=mp4_bytes(700), step="patrol")).keep_until == dt.date(2027, 5, 1)
    settings.SANXIANG_EVIDENCE_ROUTINE_DAYS = 30
    with pytest.raises(ConfigurationError):
        classify(add_file(listed, data=mp4_bytes(710), step="patrol"))


def test_an_expired_routine_file_is_deleted_by_two_people(
    listed: World, django_capture_on_commit_callbacks: Capture
) -> None:
    evidence = add_file(listed, data=mp4_bytes(700), step="patrol")
    classify(evidence)
    path = get_storage().path(evidence.storage_key)  # type: ignore[attr-defined]
    assert path.exists()
    with clock.frozen_now(LATER), django_capture_on_commit_callbacks(execute=True):
        deletion = approve(listed, request(listed, evidence))
    assert deletion.approved_by_id == listed.colleague_user.pk
    assert not path.exists()
    assert EvidenceFile.objects.filter(pk=evidence.pk).exists()  # the register keeps the row
    [deleted] = records("evidence.deleted")
    assert deleted["data"]["digest"] == f"sha256:{evidence.sha256}"
    assert deleted["data"]["requested_by"] == listed.officer_user.pk
    client = Client()
    client.login(username="officer", password=PASSWORD)
    for view in ("play", "download", ""):
        assert client.get(f"/evidence/files/{evidence.pk}/{view}").status_code == 404


@pytest.mark.parametrize("step", ["seizure", "unlisted"])
def test_evidence_is_never_deletable(listed: World, step: str) -> None:
    evidence = add_file(listed, data=mp4_bytes(700), step=step)
    classify(evidence)
    with clock.frozen_now(LATER + dt.timedelta(days=3650)), pytest.raises(RuleViolation, match="never"):
        request(listed, evidence)
    nothing_written()


def test_an_unclassified_file_or_one_in_the_register_is_evidence(listed: World) -> None:
    unclassified = add_file(listed, data=mp4_bytes(700), step="patrol")
    in_register = add_file(listed, data=mp4_bytes(710), step="patrol")
    classify(in_register)
    actions.check_register_item(
        actor=writer.SYSTEM,
        agency=listed.taiyuan,
        kind=EvidenceKind.AUDIOVISUAL,
        title="巡查录像",
        subject=("case", "42"),
        step="patrol",
        file=in_register,
    )
    for evidence in (unclassified, in_register):
        with clock.frozen_now(LATER), pytest.raises(RuleViolation, match="never"):
            request(listed, evidence)
    nothing_written()
    assert classify(in_register).retention_class == RetentionClass.EVIDENCE  # in the register wins


def test_before_expiry_and_without_a_reason_nothing_is_written(listed: World) -> None:
    evidence = add_file(listed, data=mp4_bytes(700), step="patrol")
    classify(evidence)
    with clock.frozen_now(dt.datetime(2026, 6, 1, tzinfo=dt.UTC)), pytest.raises(RuleViolation):
        request(listed, evidence)
    with clock.frozen_now(LATER), pytest.raises(InvalidInput):
        request(listed, evidence, reason="  ")
    nothing_written()


@pytest.mark.parametrize("who", ["officer_user", "supervisor_user", "outsider_user"])
def test_the_requester_or_a_non_head_cannot_approve(listed: World, who: str) -> None:
    evidence = add_file(listed, data=mp4_bytes(700), step="patrol")
    classify(evidence)
    with clock.frozen_now(LATER):
        deletion = request(listed, evidence)
        with pytest.raises(RuleViolation):
            approve(listed, deletion, getattr(listed, who))
    assert Deletion.objects.get().approved_at is None
    assert records("evidence.deleted") == []
    assert get_storage().path(evidence.storage_key).exists()  # type: ignore[attr-defined]
