"""The publication-rule page (国办发〔2018〕118号 working-day periods; 行政处罚法 第48条 must-publish; DOMAIN
R-PUB-07..09, R-PUB-12): an administrator of the agency (or above) sees the rules in force and sets a new
one from a date, recorded in the log; a plain officer, an editor, an outsider agency's administrator and the
anonymous public are refused and write nothing; bad input is refused with a message."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from conftest import PASSWORD, World
from sanxiang.cases.tests.case_factories import Desk
from sanxiang.core import clock
from sanxiang.organizations.enums import Role
from sanxiang.organizations.tests import factories
from sanxiang.publicity.drafts import rule_for
from sanxiang.publicity.models import PublicationRule
from sanxiang.publicity.tests.conftest import Snapshot
from sanxiang.publicity.tests.helpers import NOW
from sanxiang.records.models import PendingEntry

TODAY = NOW.date()
GOOD = {
    "kind": "penalty",
    "effective_from": (TODAY + dt.timedelta(days=10)).isoformat(),
    "due_working_days": "5",
    "display_months": "6",
    "publish_ordinary": "on",
    "basis": "太原市人防办行政执法公示办法 第6条",
}


def _url(world: World, agency: Any = None) -> str:
    return reverse("publications:rules", args=[(agency or world.taiyuan).pk])


def as_(user: Any) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def _user_with(world: World, name: str, agency: Any, role: Role) -> Any:
    user = get_user_model().objects.create_user(username=name, password=PASSWORD)
    factories.grant(user, agency, role)
    return user


def test_the_administrator_sees_the_defaults_and_sets_a_dated_rule(desk: Desk) -> None:
    world = desk.world
    client = as_(world.admin_user)
    page = client.get(_url(world)).content.decode()
    assert page.count('data-origin="default"') == 6  # every kind falls back to the migration's defaults
    assert "国办发〔2018〕118号" in page
    response = client.post(_url(world), GOOD)
    assert response.status_code == 302
    rule = PublicationRule.objects.get(agency=world.taiyuan)
    assert (rule.kind, rule.due_working_days, rule.display_months) == ("penalty", 5, 6)
    assert (rule.publish_ordinary, rule.publish_simple) == (True, False)
    entry = PendingEntry.objects.filter(event_type="publication_rule.set").last()
    assert entry is not None
    on = TODAY + dt.timedelta(days=10)
    assert rule_for(world.xiaodian, "penalty", on=on).due_working_days == 5  # inherited below
    assert rule_for(world.taiyuan, "penalty", on=TODAY).due_working_days == 7  # not retroactive
    with clock.frozen_now(NOW + dt.timedelta(days=10)):
        page = client.get(_url(world)).content.decode()
    assert "太原市人防办行政执法公示办法" in page
    assert page.count('data-origin="own"') == 1
    assert page.count('data-origin="default"') == 5


def test_an_administrator_above_may_set_a_subordinate_agencys_rule(desk: Desk) -> None:
    user = _user_with(desk.world, "provadmin", desk.world.province, Role.ADMINISTRATOR)
    assert as_(user).post(_url(desk.world), GOOD).status_code == 302
    assert PublicationRule.objects.filter(agency=desk.world.taiyuan).count() == 1


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"due_working_days": "0"}, "due_working_days"),
        ({"display_months": "121"}, "display_months"),
        ({"kind": "gossip"}, "kind"),
        ({"basis": "  "}, "basis"),
        ({"effective_from": "2026-02-30"}, "effective_from"),
        ({"effective_from": (TODAY - dt.timedelta(days=1)).isoformat()}, "effective_from"),
    ],
)
def test_bad_input_is_refused_with_a_message_and_nothing_is_written(
    desk: Desk, snapshot: Callable[[], Snapshot], changes: dict[str, str], field: str
) -> None:
    before = snapshot()
    response = as_(desk.world.admin_user).post(_url(desk.world), GOOD | changes)
    assert response.status_code == 400
    assert f'data-error-for="{field}"' in response.content.decode()
    assert snapshot() == before


def test_a_second_rule_of_the_same_kind_from_the_same_date_is_refused(
    desk: Desk, snapshot: Callable[[], Snapshot]
) -> None:
    client = as_(desk.world.admin_user)
    client.post(_url(desk.world), GOOD)
    before = snapshot()
    response = client.post(_url(desk.world), GOOD | {"due_working_days": "3"})
    assert response.status_code == 400
    assert 'id="form-errors"' in response.content.decode()
    assert snapshot() == before


def test_an_outsider_agencys_administrator_is_refused(desk: Desk, snapshot: Callable[[], Snapshot]) -> None:
    user = _user_with(desk.world, "datongadmin", desk.world.datong, Role.ADMINISTRATOR)
    client = as_(user)
    before = snapshot()
    assert client.get(_url(desk.world)).status_code == 404
    assert client.post(_url(desk.world), GOOD).status_code == 404
    assert snapshot() == before
    assert client.get(_url(desk.world, desk.world.datong)).status_code == 200  # their own agency


@pytest.mark.parametrize("persona", ["officer_user", "supervisor_user", "outsider_user", "editor"])
def test_officers_editors_and_supervisors_are_refused(
    desk: Desk, snapshot: Callable[[], Snapshot], persona: str
) -> None:
    user = (
        _user_with(desk.world, "ed2", desk.world.taiyuan, Role.PUBLICITY_EDITOR)
        if persona == "editor"
        else getattr(desk.world, persona)
    )
    client = as_(user)
    before = snapshot()
    assert client.get(_url(desk.world)).status_code == 404
    assert client.post(_url(desk.world), GOOD).status_code == 404
    assert snapshot() == before


def test_the_anonymous_public_is_sent_to_log_in(desk: Desk, snapshot: Callable[[], Snapshot]) -> None:
    before = snapshot()
    for response in (Client().get(_url(desk.world)), Client().post(_url(desk.world), GOOD)):
        assert response.status_code == 302
        assert "login" in response["Location"]
    assert snapshot() == before
