"""The upload-lag limit page (R-REC-04: recordings uploaded promptly, limit set by local rule): the
agency's administrator (granted on it or on an ancestor) sets a dated limit and the change is recorded; a
plain officer, the supervisor, an outsider agency's administrator and the anonymous public are refused and
write nothing."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from conftest import PASSWORD, World
from sanxiang.core import clock
from sanxiang.evidence import lag
from sanxiang.evidence.lag_models import UploadLagLimit
from sanxiang.evidence.tests.conftest import records
from sanxiang.organizations.enums import Role
from sanxiang.organizations.tests import factories
from sanxiang.records.models import PendingEntry

TODAY = dt.date(2026, 5, 2)
GOOD = {"effective_from": "2026-06-01", "hours": "12", "basis": "太原市人防办音像记录规定 第8条"}


@pytest.fixture(autouse=True)
def _today() -> Any:
    with clock.frozen_now(dt.datetime(2026, 5, 2, 9, 0, tzinfo=dt.UTC)):
        yield


def as_(username: str | None) -> Client:
    client = Client()
    if username:
        assert client.login(username=username, password=PASSWORD)
    return client


def _url(world: World) -> str:
    return reverse("evidence:upload_lag_limits", args=[world.taiyuan.pk])


def _written() -> tuple[int, int]:
    return UploadLagLimit.objects.count(), PendingEntry.objects.count()


def test_the_administrator_sets_a_dated_limit_and_it_is_recorded(world: World, settings: Any) -> None:
    settings.SANXIANG_EVIDENCE_UPLOAD_LAG_HOURS = 24
    client = as_("admin")
    page = client.get(_url(world))
    assert page.status_code == 200
    assert "24" in page.content.decode()
    response = client.post(_url(world), GOOD)
    assert response.status_code == 302
    row = UploadLagLimit.objects.get(agency=world.taiyuan)
    assert (row.effective_from, row.hours, row.basis) == (dt.date(2026, 6, 1), 12, GOOD["basis"])
    assert records("evidence.upload_lag_limit_set")[-1]["data"]["hours"] == 12
    assert lag.limit_hours(world.taiyuan, TODAY) == 24  # not yet in force
    assert lag.limit_hours(world.xiaodian, dt.date(2026, 6, 1)) == 12  # inherited below
    assert "太原市人防办音像记录规定" in client.get(_url(world)).content.decode()


def test_an_administrator_of_an_ancestor_may_set_it(world: World) -> None:
    user = get_user_model().objects.create_user(username="provadmin", password=PASSWORD)
    factories.grant(user, world.province, Role.ADMINISTRATOR)
    assert as_("provadmin").post(_url(world), GOOD).status_code == 302
    assert UploadLagLimit.objects.filter(agency=world.taiyuan).count() == 1


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({**GOOD, "hours": "0"}, "hours"),
        ({**GOOD, "hours": "twelve"}, "hours"),
        ({**GOOD, "basis": "   "}, "basis"),
        ({**GOOD, "effective_from": "2026-13-01"}, "effective_from"),
        ({**GOOD, "effective_from": ""}, "effective_from"),
    ],
)
def test_bad_input_is_refused_with_a_message_and_nothing_is_written(
    world: World, data: dict[str, str], field: str
) -> None:
    before = _written()
    response = as_("admin").post(_url(world), data)
    assert response.status_code == 400
    assert f'data-error-for="{field}"' in response.content.decode()
    assert _written() == before


def test_a_second_limit_from_the_same_date_is_refused(world: World) -> None:
    client = as_("admin")
    client.post(_url(world), GOOD)
    before = _written()
    response = client.post(_url(world), {**GOOD, "hours": "6"})
    assert response.status_code == 400
    assert 'id="form-errors"' in response.content.decode()
    assert _written() == before


def test_an_outsider_agencys_administrator_is_refused(world: World) -> None:
    user = get_user_model().objects.create_user(username="datongadmin", password=PASSWORD)
    factories.grant(user, world.datong, Role.ADMINISTRATOR)
    client = as_("datongadmin")
    before = _written()
    assert client.get(_url(world)).status_code == 404
    assert client.post(_url(world), GOOD).status_code == 404
    assert _written() == before
    own = reverse("evidence:upload_lag_limits", args=[world.datong.pk])
    assert client.get(own).status_code == 200  # the same user manages their own agency


@pytest.mark.parametrize("username", ["officer", "supervisor", "outsider"])
def test_officers_and_supervisors_are_refused(world: World, username: str) -> None:
    client = as_(username)
    before = _written()
    assert client.get(_url(world)).status_code == 404
    assert client.post(_url(world), GOOD).status_code == 404
    assert _written() == before


def test_the_anonymous_public_is_sent_to_log_in_and_nothing_is_written(world: World) -> None:
    before = _written()
    for response in (Client().get(_url(world)), Client().post(_url(world), GOOD)):
        assert response.status_code == 302
        assert "login" in response["Location"]
    assert _written() == before


def test_an_unknown_agency_is_not_found(world: World) -> None:
    url = reverse("evidence:upload_lag_limits", args=[999999])
    assert as_("admin").get(url).status_code == 404


def test_the_agency_page_links_to_it_for_its_administrators_only(world: World) -> None:
    agency_page = reverse("organizations:agency_detail", args=[world.taiyuan.pk])
    assert _url(world) in as_("admin").get(agency_page).content.decode()
    assert _url(world) not in as_("officer").get(agency_page).content.decode()
