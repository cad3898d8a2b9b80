"""The case-settings page (/cases/settings/): the 太原 administrator schedules the late charge on levies and
fees (滞纳金, dated data; its total never exceeds the amount due, 行政强制法 第45条) from today on; the
administrator of another agency, the plain officer, the supervisor and the anonymous public are refused with
the 404 of a missing agency (or sent to sign in) and nothing is written; a day in the past is refused."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from conftest import World
from sanxiang.cases.engine import levy_facts
from sanxiang.cases.models import CaseSetting
from sanxiang.cases.settings_selectors import setting_for
from sanxiang.cases.tests.levy_factories import LevyDesk, make_levy_desk, open_levy
from sanxiang.core import clock
from sanxiang.organizations.enums import Role
from sanxiang.organizations.tests import factories
from sanxiang.records.models import PendingEntry

NOW = dt.datetime(2026, 9, 1, 2, tzinfo=dt.UTC)
TODAY = dt.date(2026, 9, 1)


@pytest.fixture(autouse=True)
def _frozen() -> Iterator[None]:
    with clock.frozen_now(NOW):
        yield


def _post(day: dt.date = TODAY, rate: str = "8") -> dict[str, str]:
    return {
        "effective_from": day.isoformat(),
        "hearing_person": "5,000",
        "hearing_organization": "100,000",
        "amber_working_days": "2",
        "levy_late_per_10000": rate,
    }


def _state() -> tuple[int, int]:
    return CaseSetting.objects.count(), PendingEntry.objects.count()


def _path(world: World) -> str:
    return reverse("cases:case_settings", args=[world.taiyuan.pk])


def test_the_administrator_schedules_the_late_charge_from_today(client: Client, world: World) -> None:
    client.force_login(world.admin_user)
    assert client.get(_path(world)).status_code == 200
    before = _state()
    response = client.post(_path(world), _post())
    assert response.status_code == 302
    assert _state() == (before[0] + 1, before[1] + 1)  # the row and its record
    setting = setting_for(world.taiyuan, on=TODAY)
    assert setting is not None
    assert (setting.levy_late_per_10000, setting.hearing_threshold_organization_fen) == (8, 100_000 * 100)
    entry = PendingEntry.objects.filter(event_type="case_setting.set").latest("pk")
    assert b'"levy_late_per_10000":8' in bytes(entry.body).replace(b" ", b"")
    page = client.get(_path(world)).content.decode()
    assert 'data-day="2026-09-01"' in page


def test_a_levy_is_charged_at_the_rate_in_force_on_each_day(client: Client, world: World) -> None:
    """Dated data: the rate scheduled from 10 September applies from that day, not before."""
    desk: LevyDesk = make_levy_desk(world)  # 5 per 10,000 since 1 January
    case = open_levy(desk, TODAY)
    client.force_login(world.admin_user)
    assert client.post(_path(world), _post(TODAY + dt.timedelta(days=9), rate="10")).status_code == 302
    assert levy_facts.late_rate(case, on=TODAY) == 5
    assert levy_facts.late_rate(case, on=TODAY + dt.timedelta(days=9)) == 10


@pytest.mark.parametrize(
    ("values", "field"),
    [
        (_post(TODAY - dt.timedelta(days=1)), "effective_from"),
        (_post(rate="10001"), "levy_late_per_10000"),
        (_post(rate="-1"), "levy_late_per_10000"),
        (_post(rate="abc"), "levy_late_per_10000"),
    ],
)
def test_bad_input_is_refused_and_nothing_is_written(
    client: Client, world: World, values: dict[str, str], field: str
) -> None:
    client.force_login(world.admin_user)
    before = _state()
    response = client.post(_path(world), values)
    assert response.status_code == 400
    assert f'data-error-for="{field}"' in response.content.decode()
    assert _state() == before


def test_the_administrator_of_another_agency_gets_a_404(client: Client, world: World) -> None:
    other: Any = factories.make_user("datong_admin")
    factories.grant(other, world.datong, Role.ADMINISTRATOR)
    client.force_login(other)
    before = _state()
    assert client.get(_path(world)).status_code == 404
    assert client.post(_path(world), _post()).status_code == 404
    assert client.get(reverse("cases:case_settings", args=[world.datong.pk])).status_code == 200
    assert _state() == before


@pytest.mark.parametrize("persona", ["officer", "supervisor", "outsider"])
def test_officers_and_supervisors_get_a_404(client: Client, world: World, persona: str) -> None:
    client.force_login(getattr(world, f"{persona}_user"))
    before = _state()
    assert client.get(_path(world)).status_code == 404
    assert client.post(_path(world), _post()).status_code == 404
    assert client.get(reverse("cases:case_settings_index")).status_code == 404
    assert client.get(reverse("cases:case_settings", args=[999_999])).status_code == 404
    assert _state() == before


def test_the_anonymous_public_is_sent_to_sign_in(client: Client, world: World) -> None:
    before = _state()
    for response in (client.get(_path(world)), client.post(_path(world), _post())):
        assert response.status_code == 302
        assert "/accounts/login/" in response["Location"]
    assert _state() == before


def test_the_index_lists_the_agencies_administered(client: Client, world: World) -> None:
    client.force_login(world.admin_user)
    page = client.get(reverse("cases:case_settings_index")).content.decode()
    assert world.taiyuan.name in page
    assert world.datong.name not in page
