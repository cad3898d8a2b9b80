"""The public portal over HTTP: open to anyone, only officers with a certificate valid today, only public
fields, and a verification page that tells the state of a certificate on the day it is opened."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from django.test import Client
from django.urls import reverse
from pytest_django import DjangoAssertNumQueries

from conftest import World
from sanxiang.core import clock
from sanxiang.organizations import actions
from sanxiang.organizations.enums import CertificateStatus
from sanxiang.organizations.models import Certificate, Officer
from sanxiang.organizations.tests import factories

TODAY = dt.date(2026, 6, 1)


@pytest.fixture(autouse=True)
def frozen_today() -> Iterator[None]:
    with clock.frozen_now(dt.datetime(2026, 6, 1, 10, 0, tzinfo=clock.SHANGHAI)):
        yield


def only_certificate(officer: Officer) -> Certificate:
    return officer.certificates.get()


def change_status(certificate: Certificate, status: CertificateStatus, effective: dt.date) -> None:
    actions.check_change_certificate_status(
        actor=factories.SYSTEM, certificate=certificate, status=status, effective=effective, reason="test"
    )


def officers_page(client: Client, **params: str) -> str:
    response = client.get(reverse("publicity:officers"), params)
    assert response.status_code == 200
    return response.content.decode()


# -- portal home --------------------------------------------------------------------------------------------


def test_portal_home_is_open_to_the_public(client: Client, db: None) -> None:
    response = client.get(reverse("publicity:home"))
    assert response.status_code == 200
    assert reverse("publicity:officers") in response.content.decode()


def test_portal_home_is_the_same_for_a_signed_in_user(client: Client, world: World) -> None:
    client.force_login(world.outsider_user)
    assert client.get(reverse("publicity:home")).status_code == 200


# -- 执法人员公示 --------------------------------------------------------------------------------


def test_list_shows_certified_officers_of_every_agency_to_the_public(client: Client, world: World) -> None:
    html = officers_page(client)
    for officer in (world.officer, world.colleague, world.outsider):
        assert officer.name in html
        assert only_certificate(officer).number in html


def test_list_leaves_out_officers_without_a_certificate_valid_today(client: Client, world: World) -> None:
    expired = factories.make_officer(world.taiyuan, "过期人", valid_to=dt.date(2026, 5, 31))
    future = factories.make_officer(world.taiyuan, "未生效人", valid_from=dt.date(2026, 6, 2))
    uncertified = factories.make_officer(world.taiyuan, "无证人", certified=False)
    suspended = factories.make_officer(world.taiyuan, "暂扣人")
    change_status(only_certificate(suspended), CertificateStatus.SUSPENDED, TODAY)
    revoked = factories.make_officer(world.taiyuan, "吊销人")
    change_status(only_certificate(revoked), CertificateStatus.REVOKED, dt.date(2026, 1, 1))
    retired = factories.make_officer(world.taiyuan, "离岗人")
    actions.check_update_officer(actor=factories.SYSTEM, officer=retired, changes={"is_active": False})

    html = officers_page(client)

    for officer in (expired, future, uncertified, suspended, revoked, retired):
        assert officer.name not in html
    assert world.officer.name in html


def test_a_suspension_effective_tomorrow_still_lists_the_officer_today(client: Client, world: World) -> None:
    change_status(only_certificate(world.officer), CertificateStatus.SUSPENDED, TODAY + dt.timedelta(days=1))
    assert world.officer.name in officers_page(client)


def test_last_day_of_validity_is_still_valid(client: Client, world: World) -> None:
    last_day = factories.make_officer(world.taiyuan, "末日人", valid_to=TODAY)
    assert last_day.name in officers_page(client)


def test_search_by_name(client: Client, world: World) -> None:
    html = officers_page(client, q="张")
    assert world.officer.name in html
    assert world.colleague.name not in html
    assert world.outsider.name not in html


def test_search_by_certificate_number(client: Client, world: World) -> None:
    number = only_certificate(world.outsider).number
    html = officers_page(client, q=number)
    assert world.outsider.name in html
    assert world.officer.name not in html


def test_filter_by_agency(client: Client, world: World) -> None:
    html = officers_page(client, agency=str(world.datong.pk))
    assert world.outsider.name in html
    assert world.officer.name not in html


@pytest.mark.parametrize("agency", ["999999", "abc", "-1"])
def test_an_unknown_agency_filter_is_ignored(client: Client, world: World, agency: str) -> None:
    html = officers_page(client, agency=agency)
    assert world.officer.name in html
    assert world.outsider.name in html


def test_list_shows_no_personal_data_beyond_the_public_fields(client: Client, world: World) -> None:
    department = factories.make_department(world.taiyuan, "秘密科室")
    reviewer = factories.make_officer(world.taiyuan, "审核人", qualification="A20231234567")
    actions.check_update_officer(
        actor=factories.SYSTEM, officer=reviewer, changes={"department": department, "post": "特别职务"}
    )
    html = officers_page(client)
    assert reviewer.name in html
    for private in ("A20231234567", "秘密科室", "特别职务"):
        assert private not in html
    assert f"/organizations/officers/{reviewer.pk}/" not in html


def test_list_is_paginated(client: Client, world: World) -> None:
    for n in range(30):
        factories.make_officer(world.xiaodian, f"分页{n:02d}")
    first = officers_page(client, agency=str(world.xiaodian.pk))
    second = officers_page(client, agency=str(world.xiaodian.pk), page="2")
    assert "分页00" in first
    assert "分页29" not in first
    assert "分页29" in second
    assert f"agency={world.xiaodian.pk}" in first  # the next-page link keeps the filter


def test_list_query_count_does_not_grow_with_officers(
    client: Client, world: World, django_assert_max_num_queries: DjangoAssertNumQueries
) -> None:
    for n in range(30):
        factories.make_officer(world.xiaodian, f"计数{n:02d}")
    with django_assert_max_num_queries(4):
        response = client.get(reverse("publicity:officers"), {"q": "计数"})
    assert response.status_code == 200


# -- 亮证执法 verification ----------------------------------------------------------------------------


def verify(client: Client, number: str) -> tuple[int, str]:
    response = client.get(reverse("publicity:certificate", args=[number]))
    return response.status_code, response.content.decode()


def test_valid_certificate_says_valid_with_name_agency_and_category(client: Client, world: World) -> None:
    certificate = only_certificate(world.officer)
    status, html = verify(client, certificate.number)
    assert status == 200
    assert 'data-state="valid"' in html
    for fact in (world.officer.name, world.taiyuan.name, certificate.category, "2026-06-01"):
        assert fact in html


@pytest.mark.parametrize(
    ("valid_from", "valid_to", "state"),
    [
        (dt.date(2020, 1, 1), dt.date(2026, 5, 31), "expired"),
        (dt.date(2026, 6, 2), dt.date(2031, 6, 1), "not_yet_valid"),
        (dt.date(2026, 6, 1), dt.date(2026, 6, 1), "valid"),
    ],
)
def test_state_follows_the_validity_dates(
    client: Client, world: World, valid_from: dt.date, valid_to: dt.date, state: str
) -> None:
    officer = factories.make_officer(world.taiyuan, "日期人", valid_from=valid_from, valid_to=valid_to)
    status, html = verify(client, only_certificate(officer).number)
    assert status == 200
    assert f'data-state="{state}"' in html


@pytest.mark.parametrize("status", [CertificateStatus.SUSPENDED, CertificateStatus.REVOKED])
def test_suspended_and_revoked_from_their_effective_day(
    client: Client, world: World, status: CertificateStatus
) -> None:
    certificate = only_certificate(world.officer)
    change_status(certificate, status, TODAY)
    code, html = verify(client, certificate.number)
    assert code == 200
    assert f'data-state="{status}"' in html


def test_a_status_change_effective_later_is_not_yet_shown(client: Client, world: World) -> None:
    certificate = only_certificate(world.officer)
    change_status(certificate, CertificateStatus.REVOKED, TODAY + dt.timedelta(days=1))
    _status, html = verify(client, certificate.number)
    assert 'data-state="valid"' in html


def test_the_page_answers_for_the_day_it_is_opened(client: Client, world: World) -> None:
    number = only_certificate(world.officer).number
    with clock.frozen_now(dt.datetime(2030, 1, 1, 9, 0, tzinfo=clock.SHANGHAI)):
        _status, html = verify(client, number)
    assert 'data-state="expired"' in html


def test_verification_shows_that_the_holder_left_the_post(client: Client, world: World) -> None:
    actions.check_update_officer(actor=factories.SYSTEM, officer=world.officer, changes={"is_active": False})
    _status, html = verify(client, only_certificate(world.officer).number)
    assert 'id="not-in-post"' in html


def test_verification_of_an_officer_in_post_says_nothing_about_leaving(client: Client, world: World) -> None:
    _status, html = verify(client, only_certificate(world.officer).number)
    assert 'id="not-in-post"' not in html


def test_unknown_number_is_a_clear_404(client: Client, db: None) -> None:
    status, html = verify(client, "14999999")
    assert status == 404
    assert 'data-state="unknown"' in html
    assert "14999999" in html


def test_verification_shows_only_public_fields(client: Client, world: World) -> None:
    reviewer = factories.make_officer(world.taiyuan, "审核人", qualification="A20231234567")
    _status, html = verify(client, only_certificate(reviewer).number)
    assert "A20231234567" not in html
    assert "科员" not in html  # the post is internal


def test_lookup_box_redirects_to_the_verification_page(client: Client, world: World) -> None:
    number = only_certificate(world.officer).number
    response = client.get(reverse("publicity:certificate_lookup"), {"number": f" {number} "})
    assert response.status_code == 302
    assert response["Location"] == reverse("publicity:certificate", args=[number])


def test_lookup_with_an_impossible_number_is_a_404(client: Client, db: None) -> None:
    response = client.get(reverse("publicity:certificate_lookup"), {"number": "a/b"})
    assert response.status_code == 404


def test_lookup_without_a_number_goes_back_to_the_portal(client: Client, db: None) -> None:
    response = client.get(reverse("publicity:certificate_lookup"))
    assert response.status_code == 302
    assert response["Location"] == reverse("publicity:home")
