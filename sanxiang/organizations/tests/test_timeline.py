"""The record-log timeline on officer and agency pages: the subject's events in log order with their index
(or pending), Beijing time, a label, the actor by name and the key facts; only for users who may see the page,
in a bounded number of queries."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest
from django.test import Client
from django.urls import reverse
from pytest_django import DjangoAssertNumQueries

from conftest import World
from sanxiang.core import clock
from sanxiang.organizations import actions, timeline_labels
from sanxiang.organizations.enums import AgencyLevel, CertificateStatus, Role
from sanxiang.organizations.selectors import actor_of
from sanxiang.organizations.tests import factories
from sanxiang.records import integrator

if TYPE_CHECKING:  # the user model is named through Django: accounts sits a layer above organizations
    from django.contrib.auth.models import _User as User

MOMENT = dt.datetime(2026, 6, 1, 2, 30, tzinfo=dt.UTC)  # 10:30 in Beijing


@pytest.fixture(autouse=True)
def frozen_now() -> Iterator[None]:
    with clock.frozen_now(MOMENT):
        yield


def page(client: Client, user: User, name: str, pk: int) -> tuple[int, str]:
    client.force_login(user)
    response = client.get(reverse(f"organizations:{name}", args=[pk]))
    return response.status_code, response.content.decode()


def timeline_rows(html: str) -> list[tuple[str, str]]:
    """(event type, index) of each timeline row, in page order."""
    section = html.split('id="timeline"', 1)[1] if 'id="timeline"' in html else ""
    return re.findall(r'<tr data-event="([^"]+)" data-index="([^"]+)">', section)


def row_of(html: str, event_type: str) -> str:
    return html.split(f'<tr data-event="{event_type}"', 1)[1].split("</tr>", 1)[0]


def test_officer_events_appear_in_log_order_with_their_index(client: Client, world: World) -> None:
    integrator.integrate()
    actions.check_record_training(
        actor=factories.SYSTEM, officer=world.officer, completed_on=dt.date(2026, 5, 1), topic="培训", hours=8
    )
    _status, html = page(client, world.colleague_user, "officer_detail", world.officer.pk)
    rows = timeline_rows(html)
    assert [event for event, _index in rows] == [
        "officer.created",
        "certificate.issued",
        "officer.linked",
        "training.recorded",
    ]
    indexes = [index for _event, index in rows]
    assert indexes[-1] == "pending"
    integrated = [int(index) for index in indexes[:-1]]
    assert integrated == sorted(integrated)
    assert len(set(integrated)) == 3


def test_pending_events_are_marked_pending(client: Client, world: World) -> None:
    _status, html = page(client, world.officer_user, "officer_detail", world.officer.pk)
    assert {index for _event, index in timeline_rows(html)} == {"pending"}


def test_times_are_shown_in_beijing_time(client: Client, world: World) -> None:
    actions.check_record_training(
        actor=factories.SYSTEM, officer=world.officer, completed_on=dt.date(2026, 5, 1), topic="培训", hours=8
    )
    _status, html = page(client, world.officer_user, "officer_detail", world.officer.pk)
    assert "2026-06-01 10:30:00" in row_of(html, "training.recorded")


def test_actor_is_named_by_their_officer_name_or_username(client: Client, world: World) -> None:
    factories.grant(world.officer_user, world.taiyuan, Role.ADMINISTRATOR)
    actions.check_record_training(
        actor=actor_of(world.officer_user, on=clock.today()),
        officer=world.colleague,
        completed_on=dt.date(2026, 5, 1),
        topic="行政处罚法",
        hours=8,
    )
    actions.check_change_certificate_status(
        actor=actor_of(world.admin_user, on=clock.today()),
        certificate=world.colleague.certificates.get(),
        status=CertificateStatus.SUSPENDED,
        effective=dt.date(2026, 6, 1),
        reason="调查中",
    )
    _status, html = page(client, world.officer_user, "officer_detail", world.colleague.pk)
    training = row_of(html, "training.recorded")
    assert world.officer.name in training  # 张三, through his login
    assert world.officer.certificates.get().number in training  # and the certificate he acted under
    assert "行政处罚法" in training
    status_change = row_of(html, "certificate.status_changed")
    assert "admin" in status_change  # an administrator without an officer record: the username
    assert "调查中" in status_change


def test_agency_page_shows_the_agencys_events(client: Client, world: World) -> None:
    _status, html = page(client, world.admin_user, "agency_detail", world.taiyuan.pk)
    events_shown = [event for event, _index in timeline_rows(html)]
    assert events_shown[0] == "agency.created"
    assert events_shown.count("role.granted") == 3  # officer, colleague, admin
    granted = html.split('<tr data-event="role.granted"')[1:]
    assert any(world.officer.name in row for row in granted)  # the grantee by officer name


@pytest.mark.parametrize(
    ("who", "name", "target", "expected"),
    [
        ("outsider", "officer_detail", "officer", 404),
        ("outsider", "agency_detail", "taiyuan", 404),
        ("officer", "officer_detail", "outsider", 404),
        ("supervisor", "officer_detail", "officer", 200),
        ("colleague", "agency_detail", "taiyuan", 200),
    ],
)
def test_timeline_is_shown_only_to_those_who_may_see_the_page(
    client: Client, world: World, *, who: str, name: str, target: str, expected: int
) -> None:
    user: User = getattr(world, f"{who}_user")
    status, html = page(client, user, name, getattr(world, target).pk)
    assert status == expected
    assert bool(timeline_rows(html)) is (expected == 200)


def test_officer_page_query_count_does_not_grow_with_events(
    client: Client, world: World, django_assert_max_num_queries: DjangoAssertNumQueries
) -> None:
    actors = [actor_of(user, on=clock.today()) for user in (world.officer_user, world.admin_user)]
    for n in range(30):
        actions.check_record_training(
            actor=actors[n % 2],
            officer=world.officer,
            completed_on=dt.date(2026, 5, 1),
            topic="培训",
            hours=1,
        )
    department = factories.make_department(world.taiyuan, "执法科")
    actions.check_update_officer(actor=actors[1], officer=world.officer, changes={"department": department})
    client.force_login(world.admin_user)
    with django_assert_max_num_queries(13):
        response = client.get(reverse("organizations:officer_detail", args=[world.officer.pk]))
    assert response.status_code == 200
    assert "执法科" in row_of(response.content.decode(), "officer.updated")


# -- labels -------------------------------------------------------------------------------------------------


def test_unknown_event_data_is_shown_as_it_is() -> None:
    names = timeline_labels.Names(users={}, departments={})
    assert timeline_labels.facts_for("no.such.event", {"phone": "0351", "n": 2}, names) == [
        ("phone", "0351"),
        ("n", "2"),
    ]


def test_agency_and_import_events_show_their_facts() -> None:
    names = timeline_labels.Names(users={}, departments={})
    created = timeline_labels.facts_for(
        "agency.created", {"code": "A1", "name": "太原", "level": "city"}, names
    )
    assert [value for _label, value in created] == ["太原", "A1", str(AgencyLevel.CITY.label)]
    updated = timeline_labels.facts_for("agency.updated", {"fields": {"phone": "0351"}}, names)
    assert updated == [("phone", "0351")]
    imported = timeline_labels.facts_for(
        "officers.imported", {"file_digest": "sha256:ab", "rows": 3, "created": 2, "updated": 1}, names
    )
    assert [value for _label, value in imported] == ["3", "2", "1"]


def test_a_link_shows_the_login_by_username(client: Client, world: World) -> None:
    """The officer's own name would say nothing here: the login is named by its username."""
    _status, html = page(client, world.colleague_user, "officer_detail", world.officer.pk)
    details = row_of(html, "officer.linked").rsplit("<td", 1)[1]
    assert world.officer_user.username in details
    assert world.officer.name not in details
