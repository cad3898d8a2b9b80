"""The management page of an agency's legal-review time limit (R-LR-05, data with effective dates): its
administrator sets it from a day and the next review is due accordingly, recorded in the log; bad numbers
are refused with the field named and nothing written; the administrator of another agency, a plain officer,
the supervisor above (who does not administer) and the anonymous public are refused."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client

from conftest import PASSWORD, World
from sanxiang.accounts.models import User
from sanxiang.organizations.enums import Role
from sanxiang.organizations.tests import factories
from sanxiang.records.models import PendingEntry
from sanxiang.review.models import ReviewSetting
from sanxiang.review.tests.conftest import Office, submit

GOOD = {"effective_from": "2026-08-01", "working_days": "7", "extension_days": "3", "amber_working_days": "2"}


def _client(username: str | None) -> Client:
    client = Client()
    if username:
        client.login(username=username, password=PASSWORD)
    return client


def _outsider_admin(world: World) -> str:
    user = User.objects.create_user(username="datong_admin", password=PASSWORD)
    factories.grant(user, world.datong, Role.ADMINISTRATOR)
    return "datong_admin"


def test_the_administrator_sets_the_time_limit_and_the_next_review_follows_it(office: Office) -> None:
    world = office.world
    client = _client("admin")
    page = client.get(f"/review/settings/{world.taiyuan.pk}/")
    assert page.status_code == 200
    assert 'id="setting-form"' in page.content.decode()
    response = client.post(f"/review/settings/{world.taiyuan.pk}/", GOOD)
    assert (response.status_code, response["Location"]) == (302, f"/review/settings/{world.taiyuan.pk}/")
    row = ReviewSetting.objects.get(agency=world.taiyuan)
    assert (row.working_days, row.extension_days, row.amber_working_days) == (7, 3, 2)
    assert PendingEntry.objects.filter(event_type="review.setting_set").count() == 1
    assert submit(office).due_on == dt.date(2026, 9, 2)  # 7 working days after Monday 24 August
    assert 'data-days="7"' in client.get(f"/review/settings/{world.taiyuan.pk}/").content.decode()


def test_the_navigation_entry_leads_the_administrator_to_the_agency(office: Office) -> None:
    response = _client("admin").get("/review/settings/")
    assert response["Location"] == f"/review/settings/{office.world.taiyuan.pk}/"
    assert _client("officer").get("/review/settings/").status_code == 404


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"working_days": "0"}, "working_days"),
        ({"working_days": "61"}, "working_days"),
        ({"extension_days": "-1"}, "extension_days"),
        ({"amber_working_days": "7"}, "amber_working_days"),
        ({"effective_from": "not a day"}, "effective_from"),
    ],
)
def test_bad_numbers_are_refused_and_nothing_is_written(
    office: Office, changes: dict[str, str], field: str
) -> None:
    before = PendingEntry.objects.count()
    response = _client("admin").post(f"/review/settings/{office.world.taiyuan.pk}/", {**GOOD, **changes})
    assert response.status_code == 400
    assert f'id="id_{field}"' in response.content.decode()
    assert response.context["form"].errors[field]
    assert not ReviewSetting.objects.exists()
    assert PendingEntry.objects.count() == before


@pytest.mark.parametrize("username", ["outsider_admin", "officer", "supervisor", "reviewer", None])
def test_others_are_refused_and_nothing_is_written(office: Office, username: str | None) -> None:
    world = office.world
    if username == "outsider_admin":
        username = _outsider_admin(world)
    client = _client(username)
    for method in (client.get, client.post):
        response = method(f"/review/settings/{world.taiyuan.pk}/", GOOD)
        if username is None:
            assert (response.status_code, response["Location"].startswith("/accounts/login/")) == (302, True)
        else:
            assert response.status_code == 404
    assert not ReviewSetting.objects.exists()


def test_the_outsider_admin_manages_only_their_own_agency(office: Office) -> None:
    world = office.world
    client = _client(_outsider_admin(world))
    assert client.get(f"/review/settings/{world.datong.pk}/").status_code == 200
    assert client.post(f"/review/settings/{world.datong.pk}/", GOOD).status_code == 302
    assert list(ReviewSetting.objects.values_list("agency", flat=True)) == [world.datong.pk]
