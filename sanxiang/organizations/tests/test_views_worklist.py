"""Certificate work items for administrators: expired (danger) or expiring within 30 days (warning) while the
holder is in post, only within the administrator's subtree, in a constant number of queries."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator

import pytest
from django.contrib.auth.models import AnonymousUser
from pytest_django import DjangoAssertNumQueries

from conftest import World
from sanxiang.core import clock
from sanxiang.organizations import actions
from sanxiang.organizations.enums import CertificateStatus
from sanxiang.organizations.tests import factories
from sanxiang.organizations.worklist_items import CertificateAlert, certificate_work_items

TODAY = dt.date(2026, 6, 1)


@pytest.fixture(autouse=True)
def frozen_today() -> Iterator[None]:
    with clock.frozen_now(dt.datetime(2026, 6, 1, 10, 0, tzinfo=clock.SHANGHAI)):
        yield


def by_url(alerts: list[CertificateAlert]) -> dict[str, str]:
    return {alert.url: alert.severity for alert in alerts}


def url_of(officer_pk: int) -> str:
    return f"/organizations/officers/{officer_pk}/"


def test_expiring_within_30_days_is_a_warning(world: World) -> None:
    soon = factories.make_officer(world.taiyuan, "将到期", valid_to=TODAY + dt.timedelta(days=30))
    later = factories.make_officer(world.taiyuan, "未到期", valid_to=TODAY + dt.timedelta(days=31))
    alerts = by_url(certificate_work_items(world.admin_user))
    assert alerts[url_of(soon.pk)] == "warning"
    assert url_of(later.pk) not in alerts


def test_expired_while_in_post_is_danger(world: World) -> None:
    expired = factories.make_officer(world.xiaodian, "已过期", valid_to=TODAY - dt.timedelta(days=1))
    alerts = certificate_work_items(world.admin_user)
    assert by_url(alerts)[url_of(expired.pk)] == "danger"
    alert = next(a for a in alerts if a.url == url_of(expired.pk))
    assert "已过期" in alert.title
    assert "2026-05-31" in alert.title


def test_officers_not_in_post_raise_nothing(world: World) -> None:
    retired = factories.make_officer(world.taiyuan, "离岗人", valid_to=TODAY - dt.timedelta(days=1))
    actions.check_update_officer(actor=factories.SYSTEM, officer=retired, changes={"is_active": False})
    assert url_of(retired.pk) not in by_url(certificate_work_items(world.admin_user))


def test_a_renewed_certificate_clears_the_alert(world: World) -> None:
    renewed = factories.make_officer(world.taiyuan, "已换证", valid_to=TODAY - dt.timedelta(days=10))
    factories.make_certificate(renewed, valid_from=TODAY - dt.timedelta(days=9), valid_to=dt.date(2031, 1, 1))
    assert url_of(renewed.pk) not in by_url(certificate_work_items(world.admin_user))


def test_suspended_certificates_raise_nothing(world: World) -> None:
    suspended = factories.make_officer(world.taiyuan, "暂扣人", valid_to=TODAY + dt.timedelta(days=5))
    actions.check_change_certificate_status(
        actor=factories.SYSTEM,
        certificate=suspended.certificates.get(),
        status=CertificateStatus.SUSPENDED,
        effective=TODAY,
        reason="调查中",
    )
    assert url_of(suspended.pk) not in by_url(certificate_work_items(world.admin_user))


def test_other_cities_are_not_the_administrators_business(world: World) -> None:
    elsewhere = factories.make_officer(world.datong, "外市人", valid_to=TODAY - dt.timedelta(days=1))
    assert url_of(elsewhere.pk) not in by_url(certificate_work_items(world.admin_user))


@pytest.mark.parametrize("who", ["officer_user", "colleague_user", "outsider_user", "supervisor_user"])
def test_only_administrators_get_certificate_items(world: World, who: str) -> None:
    factories.make_officer(world.taiyuan, "已过期", valid_to=TODAY - dt.timedelta(days=1))
    assert certificate_work_items(getattr(world, who)) == []


def test_anonymous_gets_nothing(world: World) -> None:
    assert certificate_work_items(AnonymousUser()) == []


def test_query_count_does_not_grow_with_officers(
    world: World, django_assert_max_num_queries: DjangoAssertNumQueries
) -> None:
    for n in range(20):
        factories.make_officer(world.xiaodian, f"过期{n}", valid_to=TODAY - dt.timedelta(days=n + 1))
    with django_assert_max_num_queries(3):
        alerts = certificate_work_items(world.admin_user)
    assert len(alerts) == 20


def test_alerts_carry_the_fields_of_a_home_page_work_item(world: World) -> None:
    """accounts.registrations turns each alert into a WorkItem(title, detail, url, severity)."""
    expired = factories.make_officer(world.taiyuan, "已过期", valid_to=TODAY - dt.timedelta(days=1))
    (alert,) = certificate_work_items(world.admin_user)
    assert [field.name for field in dataclasses.fields(alert)] == ["title", "detail", "url", "severity"]
    assert world.taiyuan.name in alert.detail
    assert expired.certificates.get().number in alert.detail
