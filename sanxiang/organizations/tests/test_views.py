"""Agency and officer pages over HTTP with the personas: the officer and colleague in 太原, the outsider in
大同, the provincial supervisor, the 太原 administrator and the anonymous public. Anything outside a user's
jurisdiction is a 404 identical to a missing id."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest
from django.test import Client
from django.urls import reverse
from pytest_django import DjangoAssertNumQueries
from pytest_django.fixtures import Settings

from conftest import World
from sanxiang.core import clock
from sanxiang.organizations import actions
from sanxiang.organizations.enums import AgencyLevel, CertificateStatus
from sanxiang.organizations.models import Agency, Officer
from sanxiang.organizations.tests import factories

if TYPE_CHECKING:  # the user model is named through Django: accounts sits a layer above organizations
    from django.contrib.auth.models import _User as User

MISSING = 999_999


@pytest.fixture(autouse=True)
def frozen_today() -> Iterator[None]:
    with clock.frozen_now(dt.datetime(2026, 6, 1, 10, 0, tzinfo=clock.SHANGHAI)):
        yield


def get(client: Client, user: User | None, name: str, *args: int, **params: str) -> tuple[int, str]:
    if user is not None:
        client.force_login(user)
    response = client.get(reverse(f"organizations:{name}", args=args), params)
    return response.status_code, response.content.decode()


def persona(world: World, name: str) -> User:
    user: User = getattr(world, f"{name}_user")
    return user


def agency(world: World, name: str) -> Agency:
    found: Agency = getattr(world, name)
    return found


# -- anonymous ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "needs_id"),
    [
        ("agency_list", False),
        ("agency_detail", True),
        ("officer_list", False),
        ("officer_detail", True),
        ("officer_card", True),
    ],
)
def test_anonymous_is_sent_to_sign_in(client: Client, world: World, name: str, needs_id: bool) -> None:
    args = [world.officer.pk if "officer" in name else world.taiyuan.pk] if needs_id else []
    response = client.get(reverse(f"organizations:{name}", args=args))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


# -- agency list --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("who", "expected"),
    [
        ("officer", {"taiyuan"}),
        ("colleague", {"taiyuan"}),
        ("outsider", {"datong"}),
        ("admin", {"taiyuan", "xiaodian"}),
        ("supervisor", {"province", "taiyuan", "xiaodian", "datong"}),
    ],
)
def test_agency_list_shows_the_users_part_of_the_tree(
    client: Client, world: World, who: str, expected: set[str]
) -> None:
    status, html = get(client, persona(world, who), "agency_list")
    assert status == 200
    for name in ("province", "taiyuan", "xiaodian", "datong"):
        assert (f'data-agency="{agency(world, name).pk}"' in html) == (name in expected)


def test_agency_list_counts_officers_in_post(client: Client, world: World) -> None:
    retired = factories.make_officer(world.taiyuan, "离岗人")
    actions.check_update_officer(actor=factories.SYSTEM, officer=retired, changes={"is_active": False})
    _status, html = get(client, world.officer_user, "agency_list")
    assert f'?agency={world.taiyuan.pk}">2</a>' in html


def test_agency_list_query_count(
    client: Client, world: World, django_assert_max_num_queries: DjangoAssertNumQueries
) -> None:
    for n in range(10):
        county = factories.make_agency(f"县{n}人民防空办公室", level=AgencyLevel.COUNTY, parent=world.datong)
        factories.make_officer(county, f"县官{n}")
    client.force_login(world.supervisor_user)
    with django_assert_max_num_queries(6):
        response = client.get(reverse("organizations:agency_list"))
    assert response.status_code == 200


# -- agency detail ------------------------------------------------------------------------------------------


def test_agency_detail_shows_the_enforcement_body_facts(client: Client, world: World) -> None:
    factories.make_department(world.taiyuan, "法制科")
    actions.check_entrust_organization(
        actor=factories.SYSTEM,
        principal=world.taiyuan,
        name="太原市人防工程服务中心",
        scope="人防工程检查",
        valid_from=dt.date(2025, 1, 1),
    )
    status, html = get(client, world.officer_user, "agency_detail", world.taiyuan.pk)
    assert status == 200
    for fact in (
        world.taiyuan.name,
        world.taiyuan.region,
        "法制科",
        "太原市人防工程服务中心",
        "人防工程检查",
    ):
        assert fact in html
    assert 'id="officer-count">2</a>' in html


@pytest.mark.parametrize(
    ("who", "target", "expected"),
    [
        ("officer", "taiyuan", 200),
        ("colleague", "taiyuan", 200),
        ("officer", "xiaodian", 404),  # an officer's jurisdiction does not extend to the counties
        ("officer", "datong", 404),
        ("outsider", "taiyuan", 404),
        ("admin", "xiaodian", 200),
        ("admin", "province", 404),
        ("supervisor", "xiaodian", 200),
        ("supervisor", "datong", 200),
    ],
)
def test_agency_detail_jurisdiction(
    client: Client, world: World, who: str, target: str, expected: int
) -> None:
    status, _html = get(client, persona(world, who), "agency_detail", agency(world, target).pk)
    assert status == expected


def normalised(content: bytes, path: str) -> bytes:
    """The page minus what differs by request alone: the CSRF token and the page's own address (the
    language switch returns to it)."""
    content = re.sub(rb'name="csrfmiddlewaretoken" value="[^"]*"', b"", content)
    return content.replace(path.encode(), b"<path>")


def test_agency_outside_jurisdiction_looks_exactly_like_a_missing_one(client: Client, world: World) -> None:
    client.force_login(world.outsider_user)
    forbidden_path = reverse("organizations:agency_detail", args=[world.taiyuan.pk])
    missing_path = reverse("organizations:agency_detail", args=[MISSING])
    forbidden, missing = client.get(forbidden_path), client.get(missing_path)
    assert forbidden.status_code == missing.status_code == 404
    assert normalised(forbidden.content, forbidden_path) == normalised(missing.content, missing_path)


# -- officer list -------------------------------------------------------------------------------------------


def names_in(html: str, *officers: Officer) -> set[str]:
    return {officer.name for officer in officers if f'data-officer="{officer.pk}"' in html}


@pytest.mark.parametrize(
    ("who", "expected"),
    [
        ("officer", {"张三", "李四"}),
        ("colleague", {"张三", "李四"}),
        ("outsider", {"王五"}),
        ("admin", {"张三", "李四"}),
        ("supervisor", {"张三", "李四", "王五"}),
    ],
)
def test_officer_list_shows_only_officers_in_jurisdiction(
    client: Client, world: World, who: str, expected: set[str]
) -> None:
    status, html = get(client, persona(world, who), "officer_list")
    assert status == 200
    assert names_in(html, world.officer, world.colleague, world.outsider) == expected


def test_officer_list_search_by_name_and_by_certificate_number(client: Client, world: World) -> None:
    client.force_login(world.supervisor_user)
    _status, by_name = get(client, None, "officer_list", q="李")
    assert names_in(by_name, world.officer, world.colleague, world.outsider) == {"李四"}
    number = world.outsider.certificates.get().number
    _status, by_number = get(client, None, "officer_list", q=number)
    assert names_in(by_number, world.officer, world.colleague, world.outsider) == {"王五"}


def test_officer_list_filter_by_agency(client: Client, world: World) -> None:
    client.force_login(world.supervisor_user)
    _status, html = get(client, None, "officer_list", agency=str(world.datong.pk))
    assert names_in(html, world.officer, world.colleague, world.outsider) == {"王五"}


def test_officer_list_ignores_an_agency_filter_outside_jurisdiction(client: Client, world: World) -> None:
    _status, html = get(client, world.officer_user, "officer_list", agency=str(world.datong.pk))
    assert names_in(html, world.officer, world.colleague, world.outsider) == {"张三", "李四"}


def test_officer_list_shows_the_certificate_state_today(client: Client, world: World) -> None:
    expired = factories.make_officer(world.taiyuan, "过期人", valid_to=dt.date(2026, 5, 1))
    suspended = factories.make_officer(world.taiyuan, "暂扣人")
    actions.check_change_certificate_status(
        actor=factories.SYSTEM,
        certificate=suspended.certificates.get(),
        status=CertificateStatus.SUSPENDED,
        effective=dt.date(2026, 5, 1),
        reason="调查中",
    )
    uncertified = factories.make_officer(world.taiyuan, "无证人", certified=False)
    _status, html = get(client, world.officer_user, "officer_list")
    rows = {
        row.split('data-officer="')[1].split('"')[0]: row
        for row in html.split("<tr")[1:]
        if "data-officer" in row
    }
    assert 'data-state="valid"' in rows[str(world.officer.pk)]
    assert 'data-state="expired"' in rows[str(expired.pk)]
    assert 'data-state="suspended"' in rows[str(suspended.pk)]
    assert 'data-state="none"' in rows[str(uncertified.pk)]


def test_officer_with_a_renewed_certificate_shows_as_valid(client: Client, world: World) -> None:
    renewed = factories.make_officer(world.taiyuan, "换证人", valid_to=dt.date(2026, 1, 1))
    factories.make_certificate(renewed, valid_from=dt.date(2026, 1, 2), valid_to=dt.date(2031, 1, 1))
    _status, html = get(client, world.officer_user, "officer_list", q="换证人")
    assert 'data-state="valid"' in html
    assert 'data-state="expired"' not in html


def test_officer_list_is_paginated(client: Client, world: World) -> None:
    for n in range(30):
        factories.make_officer(world.taiyuan, f"分页{n:02d}")
    _status, first = get(client, world.officer_user, "officer_list", q="分页")
    _status, second = get(client, None, "officer_list", q="分页", page="2")
    assert "分页00" in first
    assert "分页29" not in first
    assert "分页29" in second


def test_officer_list_query_count_does_not_grow_with_officers(
    client: Client, world: World, django_assert_max_num_queries: DjangoAssertNumQueries
) -> None:
    for n in range(30):
        officer = factories.make_officer(world.xiaodian, f"计数{n:02d}")
        factories.make_certificate(officer, valid_from=dt.date(2020, 1, 1), valid_to=dt.date(2023, 12, 31))
    client.force_login(world.supervisor_user)
    with django_assert_max_num_queries(12):
        response = client.get(reverse("organizations:officer_list"), {"q": "计数"})
    assert response.status_code == 200


# -- officer detail -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("who", "expected"),
    [("officer", 200), ("colleague", 200), ("admin", 200), ("supervisor", 200), ("outsider", 404)],
)
def test_officer_detail_jurisdiction(client: Client, world: World, who: str, expected: int) -> None:
    status, _html = get(client, persona(world, who), "officer_detail", world.officer.pk)
    assert status == expected


def test_officer_outside_jurisdiction_looks_exactly_like_a_missing_one(client: Client, world: World) -> None:
    client.force_login(world.outsider_user)
    forbidden_path = reverse("organizations:officer_detail", args=[world.officer.pk])
    missing_path = reverse("organizations:officer_detail", args=[MISSING])
    forbidden, missing = client.get(forbidden_path), client.get(missing_path)
    assert forbidden.status_code == missing.status_code == 404
    assert normalised(forbidden.content, forbidden_path) == normalised(missing.content, missing_path)


def test_officer_detail_shows_certificates_training_and_qualification(client: Client, world: World) -> None:
    reviewer = factories.make_officer(world.taiyuan, "审核人", qualification="A20231234567")
    old = factories.make_certificate(reviewer, valid_from=dt.date(2018, 1, 1), valid_to=dt.date(2023, 12, 31))
    for day, hours in ((dt.date(2025, 3, 1), 16), (dt.date(2025, 9, 1), 24), (dt.date(2026, 4, 1), 8)):
        actions.check_record_training(
            actor=factories.SYSTEM, officer=reviewer, completed_on=day, topic="培训", hours=hours
        )
    status, html = get(client, world.colleague_user, "officer_detail", reviewer.pk)
    assert status == 200
    assert "A20231234567" in html
    assert f'data-certificate="{old.number}"' in html
    old_row = html.split(f'data-certificate="{old.number}"')[1].split("</tr>")[0]
    assert 'data-state="expired"' in old_row
    assert '<tr data-year="2025"><td>2025</td><td class="num">40</td>' in html
    assert '<tr data-year="2026"><td>2026</td><td class="num">8</td>' in html


def test_only_administrators_see_the_card_link(client: Client, world: World) -> None:
    card = reverse("organizations:officer_card", args=[world.officer.pk])
    _status, as_admin = get(client, world.admin_user, "officer_detail", world.officer.pk)
    _status, as_colleague = get(client, world.colleague_user, "officer_detail", world.officer.pk)
    assert card in as_admin
    assert card not in as_colleague


# -- certificate card ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("who", "expected"),
    [("admin", 200), ("officer", 404), ("colleague", 404), ("supervisor", 404), ("outsider", 404)],
)
def test_card_is_for_administrators_of_the_agency(
    client: Client, world: World, who: str, expected: int
) -> None:
    status, _html = get(client, persona(world, who), "officer_card", world.officer.pk)
    assert status == expected


def test_admin_of_the_city_prints_cards_for_its_counties(client: Client, world: World) -> None:
    county_officer = factories.make_officer(world.xiaodian, "县官")
    status, _html = get(client, world.admin_user, "officer_card", county_officer.pk)
    assert status == 200


def test_card_carries_a_qr_code_to_the_public_verification_page(
    client: Client, world: World, settings: Settings
) -> None:
    settings.SANXIANG_PUBLIC_URL = "https://zf.example.gov.cn"
    number = world.officer.certificates.get().number
    _status, html = get(client, world.admin_user, "officer_card", world.officer.pk)
    assert f'data-url="https://zf.example.gov.cn/portal/certificates/{number}/"' in html
    assert "<svg" in html
    assert "<path" in html


def test_card_leaves_out_expired_and_revoked_certificates(client: Client, world: World) -> None:
    old = factories.make_certificate(
        world.officer, valid_from=dt.date(2018, 1, 1), valid_to=dt.date(2023, 12, 31)
    )
    current = world.officer.certificates.exclude(pk=old.pk).get()
    _status, html = get(client, world.admin_user, "officer_card", world.officer.pk)
    assert f'data-certificate="{current.number}"' in html
    assert f'data-certificate="{old.number}"' not in html


def test_no_card_for_an_officer_no_longer_in_post(client: Client, world: World) -> None:
    actions.check_update_officer(actor=factories.SYSTEM, officer=world.officer, changes={"is_active": False})
    status, html = get(client, world.admin_user, "officer_card", world.officer.pk)
    assert status == 200
    assert 'id="no-card"' in html
    assert "<svg" not in html
