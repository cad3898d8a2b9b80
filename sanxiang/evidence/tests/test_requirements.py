"""The AV guard hook: a fully-recorded step needs a linked AV file or an exemption approved by a second person
who heads a department or the agency."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from django.utils import translation

from conftest import World
from sanxiang.core.errors import InvalidInput, RuleViolation
from sanxiang.evidence import requirements
from sanxiang.evidence.models import Exemption
from sanxiang.evidence.tests.conftest import Store, add_file, av_list, mp4_bytes, records
from sanxiang.organizations.enums import Role
from sanxiang.organizations.selectors import actor_of
from sanxiang.organizations.tests import factories

ON = dt.date(2026, 5, 2)
SUBJECT = ("case", "42")


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    """The refusals are matched on their English source text, whatever catalogue is compiled."""
    with translation.override("en"):
        yield


@pytest.fixture
def listed(world: World) -> World:
    av_list(
        world,
        ("M-001", "seizure", "full", "evidence"),
        ("M-001", "inspection", "as_needed", "routine"),
    )
    factories.grant(world.colleague_user, world.taiyuan, Role.DEPARTMENT_HEAD)
    return world


def met(world: World, step: str = "seizure", matter: str = "M-001") -> tuple[bool, str]:
    return requirements.av_requirement_met(
        agency=world.taiyuan, matter_code=matter, step=step, subject_kind="case", subject_id="42", on=ON
    )


def request(world: World, user: object = None) -> Exemption:
    requester = user or world.officer_user
    return requirements.check_request_exemption(
        actor=actor_of(requester, on=ON),  # type: ignore[arg-type]
        user=requester,  # type: ignore[arg-type]
        agency=world.taiyuan,
        matter_code="M-001",
        subject=SUBJECT,
        step="seizure",
        reason="执法记录仪故障",
    )


def test_steps_not_listed_for_full_recording_are_met(listed: World) -> None:
    assert met(listed, step="inspection")[0]
    assert met(listed, matter="M-999")[0]
    assert met(listed, step="unknown")[0]


def test_without_an_av_list_in_force_nothing_is_required(world: World) -> None:
    assert requirements.av_requirement_met(
        agency=world.taiyuan, matter_code="M-001", step="seizure", subject_kind="case", subject_id="42", on=ON
    )[0]


def test_full_recording_needs_a_linked_av_file(listed: World, store: Store) -> None:
    ok, reason = met(listed)
    assert not ok
    assert "full recording" in reason
    add_file(listed, data=mp4_bytes(500), step="seizure", subject=("case", "43"))  # another case
    add_file(listed, data=b"%PDF-1.7", step="seizure", media_type="application/pdf")  # not AV
    assert not met(listed)[0]
    add_file(listed, data=mp4_bytes(600), step="seizure")
    assert met(listed)[0]


def test_an_exemption_counts_once_a_second_person_approves(listed: World) -> None:
    exemption = request(listed)
    assert not met(listed)[0]
    approved = requirements.check_approve_exemption(
        actor=actor_of(listed.colleague_user, on=ON), user=listed.colleague_user, exemption=exemption
    )
    assert approved.approved_by_id == listed.colleague_user.pk
    ok, reason = met(listed)
    assert ok
    assert "exemption" in reason
    assert [r["data"]["exemption"] for r in records("evidence.exemption_requested")] == [exemption.pk]
    [entry] = records("evidence.exemption_approved")
    assert entry["data"] == {"exemption": exemption.pk, "requested_by": listed.officer_user.pk}


def test_the_requester_cannot_approve_even_as_head(listed: World) -> None:
    exemption = request(listed, listed.colleague_user)
    with pytest.raises(RuleViolation, match="requested"):
        requirements.check_approve_exemption(
            actor=actor_of(listed.colleague_user, on=ON), user=listed.colleague_user, exemption=exemption
        )
    assert records("evidence.exemption_approved") == []
    assert not met(listed)[0]


@pytest.mark.parametrize("approver", ["officer_user", "outsider_user", "supervisor_user"])
def test_only_a_head_of_the_agency_approves(listed: World, approver: str) -> None:
    exemption = request(listed, listed.colleague_user)
    user = getattr(listed, approver)
    with pytest.raises(RuleViolation):
        requirements.check_approve_exemption(actor=actor_of(user, on=ON), user=user, exemption=exemption)
    assert Exemption.objects.get().approved_at is None
    assert records("evidence.exemption_approved") == []


def test_an_empty_reason_or_an_outsider_request_writes_nothing(listed: World) -> None:
    with pytest.raises(InvalidInput):
        requirements.check_request_exemption(
            actor=actor_of(listed.officer_user, on=ON),
            user=listed.officer_user,
            agency=listed.taiyuan,
            matter_code="M-001",
            subject=SUBJECT,
            step="seizure",
            reason=" ",
        )
    with pytest.raises(RuleViolation):
        request(listed, listed.outsider_user)
    assert not Exemption.objects.exists()
    assert records("evidence.exemption_requested") == []
