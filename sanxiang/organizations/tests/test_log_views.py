"""An agency's record-log page: the events done in the agency's name, newest first with their log index,
filtered by event type, subject kind, Beijing date range and acting officer, 50 to a page in a fixed number
of queries. Officers and colleagues see their agency, the supervisor the subtree; an outsider gets a 404 (as
for a missing agency) and the anonymous public is sent to log in."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.db import transaction
from django.test import Client
from django.urls import reverse
from pytest_django import DjangoAssertNumQueries

from conftest import World
from sanxiang.core import clock
from sanxiang.organizations.models import Officer
from sanxiang.records import integrator, registry, writer

if "test.agency_act" not in {event_type.code for event_type in registry.all_types()}:
    registry.register("test.agency_act", "A test act in an agency's name.", {"n": "int"})
    registry.register("test.other_act", "Another test act.", {"n": "int"})

BEIJING_JUNE_1 = dt.datetime(2026, 6, 1, 2, 0, tzinfo=dt.UTC)  # 10:00 in Beijing


def _act(n: int, *, agency_id: int, officer: Officer | None, event: str = "test.agency_act",
         kind: str = "case", when: dt.datetime = BEIJING_JUNE_1) -> None:  # fmt: skip
    actor = (
        writer.Actor(user_id=None, officer_id=officer.pk, certificate_number="1401001")
        if officer
        else writer.SYSTEM
    )
    with clock.frozen_now(when), transaction.atomic():
        writer.append(
            event, agency_id=agency_id, actor=actor, subject=writer.Subject(kind, str(n)), data={"n": n}
        )


def _indexes(html: str) -> list[int]:
    section = html.split('id="agency-log"', 1)[1] if 'id="agency-log"' in html else ""
    return [int(index) for index in re.findall(r'<tr data-index="(\d+)"', section)]


def _get(client: Client, agency_id: int, **params: str) -> tuple[int, str]:
    response = client.get(reverse("organizations:agency_log", args=[agency_id]), params)
    return response.status_code, response.content.decode()


@pytest.fixture
def acts(world: World) -> dict[str, int]:
    """Acts of 太原 (by the officer, the colleague, and another type about evidence), and one of 大同."""
    integrator.integrate()
    _act(1, agency_id=world.taiyuan.pk, officer=world.officer)
    _act(2, agency_id=world.taiyuan.pk, officer=world.colleague, when=BEIJING_JUNE_1 + dt.timedelta(days=1))
    _act(3, agency_id=world.taiyuan.pk, officer=world.officer, event="test.other_act", kind="evidence_file",
         when=BEIJING_JUNE_1 + dt.timedelta(days=2))  # fmt: skip
    _act(4, agency_id=world.datong.pk, officer=world.outsider)
    integrator.integrate()
    return {
        "first": integrator.get_log().size - 4,
    }


@pytest.mark.parametrize("persona", ["officer_user", "colleague_user", "supervisor_user"])
def test_officers_and_the_supervisor_see_the_agency_log(
    client: Client, world: World, acts: dict[str, int], persona: str
) -> None:
    """Newest first, only 太原's acts (not 大同's), each with its index and the acting officer's name."""
    client.force_login(getattr(world, persona))
    status, html = _get(client, world.taiyuan.pk)
    first = acts["first"]
    assert status == 200
    assert _indexes(html)[:3] == [first + 2, first + 1, first]
    assert first + 3 not in _indexes(html)
    assert world.colleague.name in html


def test_outsider_gets_404_and_anonymous_is_sent_to_log_in(
    client: Client, world: World, acts: dict[str, int]
) -> None:
    """Jurisdiction: 大同's officer cannot read 太原's log (same answer as a missing agency)."""
    client.force_login(world.outsider_user)
    assert _get(client, world.taiyuan.pk)[0] == 404
    assert _get(client, 999_999)[0] == 404
    client.logout()
    response = client.get(reverse("organizations:agency_log", args=[world.taiyuan.pk]))
    assert response.status_code == 302
    assert "login" in response["Location"]


def test_filters_by_event_subject_kind_dates_and_officer(
    client: Client, world: World, acts: dict[str, int]
) -> None:
    """Each filter narrows the rows; dates are Beijing calendar days, both ends included."""
    client.force_login(world.officer_user)
    first = acts["first"]
    taiyuan = world.taiyuan.pk
    assert _indexes(_get(client, taiyuan, event_type="test.other_act")[1]) == [first + 2]
    assert _indexes(_get(client, taiyuan, subject_kind="evidence_file")[1]) == [first + 2]
    assert _indexes(_get(client, taiyuan, actor=str(world.colleague.pk))[1]) == [first + 1]
    june_2 = _get(client, taiyuan, since="2026-06-02", until="2026-06-02", event_type="test.agency_act")[1]
    assert _indexes(june_2) == [first + 1]


def test_bad_filters_are_explained_and_show_everything(
    client: Client, world: World, acts: dict[str, int]
) -> None:
    """An end date before the start, an unknown event type or an outsider officer are refused on the form."""
    client.force_login(world.officer_user)
    status, html = _get(
        client, world.taiyuan.pk, since="2026-06-03", until="2026-06-01", actor=str(world.outsider.pk)
    )
    assert status == 200
    assert 'class="errorlist' in html
    assert len(_indexes(html)) >= 3


def test_pages_of_fifty_in_a_fixed_number_of_queries(
    client: Client, world: World, django_assert_num_queries: DjangoAssertNumQueries
) -> None:
    """120 acts: three pages; the page costs the same number of queries whatever the rows."""
    integrator.integrate()
    for n in range(120):
        _act(n, agency_id=world.taiyuan.pk, officer=world.officer if n % 2 else world.colleague)
    integrator.integrate()
    client.force_login(world.officer_user)
    _status, html = _get(client, world.taiyuan.pk, event_type="test.agency_act")
    assert len(_indexes(html)) == 50
    assert 'rel="next"' in html
    assert len(_indexes(_get(client, world.taiyuan.pk, event_type="test.agency_act", page="3")[1])) == 20
    with django_assert_num_queries(10) as captured:
        _get(client, world.taiyuan.pk, event_type="test.agency_act", page="2")
    assert len(captured.captured_queries) == 10  # session, user, scope (2), agency, officers for the form,
    # count, page, officer names, navigation roles: none per row


def test_events_are_shown_by_their_translated_label(client: Client, world: World) -> None:
    """The page names each event in Chinese (the registry's label), never by its code; the filter lists the
    labels too. Test types without a label show their description."""
    integrator.integrate()
    with transaction.atomic():
        writer.append(
            "agency.updated",
            agency_id=world.taiyuan.pk,
            actor=writer.SYSTEM,
            subject=writer.Subject("agency", str(world.taiyuan.pk)),
            data={"fields": {"phone": "0351-1234567"}},
        )
    _act(5, agency_id=world.taiyuan.pk, officer=world.officer)
    integrator.integrate()
    client.force_login(world.officer_user)
    _status, html = _get(client, world.taiyuan.pk)
    table = html.split('id="agency-log"', 1)[1]
    assert re.search(
        r'data-event="agency.updated">.*?<span title="agency.updated">变更执法机关信息</span>', table, re.S
    )
    assert "A test act in an agency&#x27;s name." in table
    assert '<option value="agency.updated">变更执法机关信息</option>' in html
    assert ">agency.updated<" not in html
