"""The published lists (权力清单, 责任清单, 罚没清单, 监管清单, 收费清单) on the portal and in the management
pages: the anonymous public reads every list built from published versions, with its date and changes, and
downloads it as Excel and CSV; a draft never shows. In the management pages the officer and the supervisor
read, the outsider from 大同 gets 404 exactly like a missing agency, and the anonymous public signs in."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterator

import openpyxl
import pytest
from django.test import Client
from django.urls import reverse
from pytest_django import DjangoAssertNumQueries

from conftest import World
from sanxiang.core import clock
from sanxiang.matters.actions.windows import WindowSpec, check_save_service_window
from sanxiang.matters.enums import PublishedListKind, VersionStatus
from sanxiang.matters.models import Matter
from sanxiang.matters.shanxi import load_shanxi_catalogue
from sanxiang.matters.tests import factories as matter_factories

KINDS = PublishedListKind.values
MISSING = 999_999


@pytest.fixture(autouse=True)
def frozen_today() -> Iterator[None]:
    with clock.frozen_now(dt.datetime(2026, 6, 1, 10, 0, tzinfo=clock.SHANGHAI)):
        yield


@pytest.fixture
def shanxi(world: World) -> World:
    load_shanxi_catalogue(actor=matter_factories.SYSTEM)
    return world


@pytest.mark.parametrize("kind", KINDS)
def test_the_anonymous_public_reads_every_list(client: Client, shanxi: World, kind: str) -> None:
    response = client.get(reverse("publicity:published_list", args=[kind]), {"agency": shanxi.taiyuan.pk})
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="published-rows"' in html
    assert 'id="published-effective"' in html
    assert "太原市人民防空办公室" in html


def test_the_power_list_renders_the_shanxi_catalogue_in_chinese(client: Client, shanxi: World) -> None:
    html = client.get(reverse("publicity:published_list", args=["power_list"])).content.decode()
    assert "权力清单" in html
    assert "《中华人民共和国人民防空法》" in html
    assert "本清单首次发布的版本" in html


def test_placeholders_stay_flagged_on_the_portal(client: Client, shanxi: World) -> None:
    pages = [client.get(reverse("publicity:published_list", args=[kind])).content.decode() for kind in KINDS]
    assert any("data-unconfirmed" in html for html in pages)


@pytest.mark.parametrize("extension", ["xlsx", "csv"])
def test_the_public_downloads_a_list(client: Client, shanxi: World, extension: str) -> None:
    response = client.get(reverse(f"publicity:published_{extension}", args=["power_list"]))
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    if extension == "xlsx":
        sheet = openpyxl.load_workbook(io.BytesIO(response.content)).worksheets[0]
        assert sheet["A2"].value == "事项编码"
    else:
        assert response.content.decode("utf-8").startswith("\ufeff事项编码")


def test_nothing_published_means_no_file_and_a_clear_page(client: Client, world: World) -> None:
    matter_factories.draft(world.province)  # a draft is not published
    html = client.get(reverse("publicity:published_list", args=["power_list"])).content.decode()
    assert 'id="no-version"' in html
    assert client.get(reverse("publicity:published_xlsx", args=["power_list"])).status_code == 404


def test_an_unknown_list_is_404(client: Client, shanxi: World) -> None:
    assert client.get(reverse("publicity:published_list", args=["secret_list"])).status_code == 404


def test_the_portal_home_and_index_link_the_lists(client: Client, shanxi: World) -> None:
    assert reverse("publicity:published_index") in client.get(reverse("publicity:home")).content.decode()
    html = client.get(reverse("publicity:published_index")).content.decode()
    for kind in KINDS:
        assert reverse("publicity:published_list", args=[kind]) in html


def test_a_list_page_runs_a_bounded_number_of_queries(
    client: Client, shanxi: World, django_assert_max_num_queries: DjangoAssertNumQueries
) -> None:
    with django_assert_max_num_queries(40):
        client.get(reverse("publicity:published_list", args=["penalty_list"]))


def test_a_signed_in_outsider_cannot_post(client: Client, shanxi: World) -> None:
    client.force_login(shanxi.outsider_user)
    assert client.post(reverse("publicity:published_list", args=["power_list"])).status_code == 405


# -- management pages ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("who", "expected"),
    [("officer", 200), ("colleague", 200), ("admin", 200), ("supervisor", 200), ("outsider", 404)],
)
def test_the_management_pages_follow_jurisdiction(
    client: Client, shanxi: World, who: str, expected: int
) -> None:
    client.force_login(getattr(shanxi, f"{who}_user"))
    for name in ("matters:published_list", "matters:published_xlsx", "matters:published_csv"):
        response = client.get(reverse(name, args=[shanxi.taiyuan.pk, "penalty_list"]))
        assert response.status_code == expected


def test_an_outsider_sees_the_same_404_as_for_a_missing_agency(client: Client, shanxi: World) -> None:
    client.force_login(shanxi.outsider_user)
    forbidden = client.get(reverse("matters:published_list", args=[shanxi.taiyuan.pk, "power_list"]))
    missing = client.get(reverse("matters:published_list", args=[MISSING, "power_list"]))
    assert forbidden.status_code == missing.status_code == 404


def test_the_management_pages_need_a_login(client: Client, shanxi: World) -> None:
    response = client.get(reverse("matters:published_list", args=[shanxi.taiyuan.pk, "power_list"]))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_the_service_guide_shows_the_windows_where_to_apply(client: Client, shanxi: World) -> None:
    """Seed 二(一)3(3): 受理机构、办公地址、办公时间、办公电话 in the service guide, for the public."""
    spec = WindowSpec("人防窗口", "太原市人民防空办公室", "太原市政务服务中心二层", "工作日", "0351-1234567")
    check_save_service_window(actor=matter_factories.SYSTEM, agency=shanxi.taiyuan, spec=spec)
    licence = Matter.objects.get(code="XK-01", version__status=VersionStatus.PUBLISHED)
    html = client.get(reverse("publicity:matter", args=[licence.pk])).content.decode()
    assert 'id="service-windows"' in html
    assert "太原市政务服务中心二层" in html
