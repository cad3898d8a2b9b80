"""Service windows (办事窗口: 受理机构、办公地址、办公时间、办公电话, seed 二(一)3(3)): 太原's
administrator adds, changes and removes them, each write recorded; a window naming an unknown matter is
refused and nothing is written; the officer and the supervisor read; the outsider from 大同 gets 404; the
anonymous public signs in."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from conftest import World
from sanxiang.core.errors import InvalidInput
from sanxiang.matters.actions.windows import WindowSpec, check_save_service_window
from sanxiang.matters.models import ServiceWindow
from sanxiang.matters.shanxi.windows import load_service_windows
from sanxiang.matters.tests import factories
from sanxiang.matters.tests.helpers import table_counts
from sanxiang.records.models import PendingEntry

SYSTEM = factories.SYSTEM
FORM = {
    "name": "人防窗口",
    "accepting_body": "太原市人民防空办公室",
    "address": "太原市政务服务中心二层",
    "hours": "工作日 9:00-12:00 13:00-17:00",
    "phone": "0351-1234567",
    "matter_code": "",
}


@pytest.fixture
def window(world: World) -> ServiceWindow:
    spec = WindowSpec(**FORM)
    return check_save_service_window(actor=SYSTEM, agency=world.taiyuan, spec=spec)


def test_saving_a_window_is_recorded(world: World) -> None:
    before = PendingEntry.objects.count()
    check_save_service_window(actor=SYSTEM, agency=world.taiyuan, spec=WindowSpec(**FORM))
    assert list(PendingEntry.objects.order_by("pk").values_list("event_type", flat=True)[before:]) == [
        "service_window.saved"
    ]


def test_a_window_for_an_unknown_matter_is_refused_and_nothing_is_written(world: World) -> None:
    before = table_counts()
    with pytest.raises(InvalidInput, match="XK-99"):
        check_save_service_window(
            actor=SYSTEM, agency=world.taiyuan, spec=WindowSpec(**{**FORM, "matter_code": "XK-99"})
        )
    assert table_counts() == before


def test_a_window_may_name_a_matter_of_the_catalogue(world: World) -> None:
    catalogue = factories.draft(world.taiyuan)
    factories.add_matter(catalogue, [factories.make_article(22)], code="XK-01")
    spec = WindowSpec(**{**FORM, "matter_code": "XK-01"})
    assert check_save_service_window(actor=SYSTEM, agency=world.taiyuan, spec=spec).matter_code == "XK-01"


def test_the_administrator_adds_changes_and_removes_a_window(client: Client, world: World) -> None:
    client.force_login(world.admin_user)
    assert client.post(reverse("matters:window_new", args=[world.taiyuan.pk]), FORM).status_code == 302
    window = ServiceWindow.objects.get(agency=world.taiyuan)
    edit = reverse("matters:window_edit", args=[world.taiyuan.pk, window.pk])
    assert "太原市政务服务中心二层" in client.get(edit).content.decode()
    assert client.post(edit, {**FORM, "phone": "0351-7654321"}).status_code == 302
    window.refresh_from_db()
    assert window.phone == "0351-7654321"
    refused = client.post(edit, {**FORM, "matter_code": "XK-99"})
    assert refused.status_code == 400
    assert "XK-99" in refused.content.decode()
    remove = reverse("matters:window_remove", args=[world.taiyuan.pk, window.pk])
    assert client.post(remove).status_code == 302
    assert not ServiceWindow.objects.exists()


@pytest.mark.parametrize(("who", "read"), [("officer", 200), ("supervisor", 200), ("outsider", 404)])
def test_only_the_administrator_edits_windows(
    client: Client, world: World, window: ServiceWindow, who: str, read: int
) -> None:
    client.force_login(getattr(world, f"{who}_user"))
    assert client.get(reverse("matters:windows", args=[world.taiyuan.pk])).status_code == read
    before = table_counts()
    for url in (
        reverse("matters:window_new", args=[world.taiyuan.pk]),
        reverse("matters:window_edit", args=[world.taiyuan.pk, window.pk]),
        reverse("matters:window_remove", args=[world.taiyuan.pk, window.pk]),
    ):
        assert client.post(url, FORM).status_code == 404
    assert table_counts() == before


def test_a_window_of_another_agency_is_404_for_the_administrator(
    client: Client, world: World, window: ServiceWindow
) -> None:
    client.force_login(world.admin_user)
    url = reverse("matters:window_edit", args=[world.datong.pk, window.pk])
    assert client.get(url).status_code == 404


def test_anonymous_is_sent_to_sign_in(client: Client, world: World) -> None:
    response = client.get(reverse("matters:windows", args=[world.taiyuan.pk]))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_demo_windows_stay_flagged_until_the_office_saves_them(client: Client, world: World) -> None:
    """SHANXI.md has no window data: loaded windows are placeholders, marked until confirmed."""
    agencies = [world.province, world.taiyuan]
    assert load_service_windows(actor=SYSTEM, agencies=agencies) == 2
    assert load_service_windows(actor=SYSTEM, agencies=agencies) == 0  # loading twice adds nothing
    window = ServiceWindow.objects.get(agency=world.taiyuan)
    assert window.unconfirmed
    client.force_login(world.admin_user)
    assert "待确认" in client.get(reverse("matters:windows", args=[world.taiyuan.pk])).content.decode()
    edit = reverse("matters:window_edit", args=[world.taiyuan.pk, window.pk])
    assert client.post(edit, {**FORM, "unconfirmed_note": ""}).status_code == 302
    window.refresh_from_db()
    assert not window.unconfirmed
