"""Login, logout, throttling after repeated failures, and the home page per persona."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client, override_settings
from django.urls import reverse

from conftest import World
from sanxiang.accounts.models import LoginAttempt
from sanxiang.core import clock
from sanxiang.organizations.tests import factories
from sanxiang.records.models import PendingEntry

PASSWORD = "correct-horse-battery"


def _login(client: Client, username: str, password: str, address: str = "10.0.0.1") -> int:
    response = client.post(
        reverse("accounts:login"), {"username": username, "password": password}, REMOTE_ADDR=address
    )
    return response.status_code


def test_login_with_the_right_password_redirects_home(world: World, client: Client) -> None:
    assert _login(client, "officer", PASSWORD) == 302
    assert client.get(reverse("home")).status_code == 200
    assert LoginAttempt.objects.filter(username="officer", succeeded=True).count() == 1


def test_wrong_password_is_refused_and_logged(world: World, client: Client) -> None:
    assert _login(client, "officer", "wrong-password") == 200
    assert LoginAttempt.objects.filter(username="officer", succeeded=False).count() == 1
    response = client.get(reverse("home"))
    assert "accounts/welcome.html" in [template.name for template in response.templates]


@override_settings(LOGIN_FAILURE_LIMIT=3, LOGIN_FAILURE_WINDOW_SECONDS=600)
def test_throttled_after_repeated_failures_even_with_the_right_password(world: World, client: Client) -> None:
    for _attempt in range(3):
        _login(client, "officer", "wrong-password")
    response = client.post(reverse("accounts:login"), {"username": "officer", "password": PASSWORD})
    assert response.status_code == 200
    assert response.context["form"].errors["__all__"][0]
    assert response.context["form"].has_error("__all__", code="throttled")
    assert PendingEntry.objects.filter(event_type="account.throttled").count() == 1


@override_settings(LOGIN_FAILURE_LIMIT=3, LOGIN_FAILURE_WINDOW_SECONDS=600)
def test_throttle_also_applies_per_address_across_usernames(world: World, client: Client) -> None:
    for name in ("a", "b", "c"):
        _login(client, name, "x", address="10.9.9.9")
    response = client.post(
        reverse("accounts:login"), {"username": "officer", "password": PASSWORD}, REMOTE_ADDR="10.9.9.9"
    )
    assert response.context["form"].has_error("__all__", code="throttled")


@override_settings(LOGIN_FAILURE_LIMIT=3, LOGIN_FAILURE_WINDOW_SECONDS=600)
def test_throttle_lifts_after_the_window(world: World, client: Client) -> None:
    for _attempt in range(3):
        _login(client, "officer", "wrong-password")
    later = clock.now() + dt.timedelta(seconds=601)
    with clock.frozen_now(later):
        assert _login(client, "officer", PASSWORD) == 302


def test_logout_needs_post(world: World, client: Client) -> None:
    client.force_login(world.officer_user)
    assert client.get(reverse("accounts:logout")).status_code == 405
    assert client.post(reverse("accounts:logout")).status_code == 302


def test_login_does_not_redirect_off_site(world: World, client: Client) -> None:
    response = client.post(
        reverse("accounts:login"),
        {"username": "officer", "password": PASSWORD, "next": "https://evil.example/"},
    )
    assert response["Location"] == reverse("home")


@pytest.mark.parametrize("persona", ["officer_user", "outsider_user", "supervisor_user", "admin_user"])
def test_home_page_renders_for_each_persona(world: World, client: Client, persona: str) -> None:
    client.force_login(getattr(world, persona))
    response = client.get(reverse("home"))
    assert response.status_code == 200
    assert "accounts/home.html" in [template.name for template in response.templates]


def test_home_page_for_the_anonymous_public_is_the_welcome_page(db: None, client: Client) -> None:
    response = client.get(reverse("home"))
    assert response.status_code == 200
    assert "accounts/welcome.html" in [template.name for template in response.templates]


def test_home_page_shows_an_administrator_the_certificates_to_renew(world: World, client: Client) -> None:
    """Work items come from the lower layers: an expired certificate of an officer in post is listed."""
    factories.make_officer(
        world.taiyuan, "赵六", valid_from=dt.date(2020, 1, 1), valid_to=dt.date(2025, 1, 1)
    )
    client.force_login(world.admin_user)
    response = client.get(reverse("home"))
    details = " ".join(f"{item.title} {item.detail}" for item in response.context["items"])
    assert "赵六" in details
    assert any(item.severity == "danger" for item in response.context["items"])


def test_home_page_does_not_show_another_citys_certificates(world: World, client: Client) -> None:
    factories.make_officer(world.datong, "孙七", valid_from=dt.date(2020, 1, 1), valid_to=dt.date(2025, 1, 1))
    client.force_login(world.admin_user)
    response = client.get(reverse("home"))
    assert "孙七" not in " ".join(f"{item.title} {item.detail}" for item in response.context["items"])


def test_navigation_follows_roles(world: World, client: Client) -> None:
    client.force_login(world.officer_user)
    officer_nav = {item["url"] for item in client.get(reverse("home")).context["nav_items"]}
    client.force_login(world.admin_user)
    admin_nav = {item["url"] for item in client.get(reverse("home")).context["nav_items"]}
    assert reverse("calendar:index") in admin_nav
    assert reverse("calendar:index") not in officer_nav
    assert reverse("organizations:officer_list") in officer_nav


def test_import_is_in_the_navigation_of_administrators_only(world: World, client: Client) -> None:
    client.force_login(world.admin_user)
    admin_nav = {item["url"] for item in client.get(reverse("home")).context["nav_items"]}
    client.force_login(world.officer_user)
    officer_nav = {item["url"] for item in client.get(reverse("home")).context["nav_items"]}
    assert reverse("organizations:officer_import") in admin_nav
    assert reverse("organizations:officer_import") not in officer_nav


def test_administrators_are_told_when_the_record_log_falls_behind(world: World, client: Client) -> None:
    """Entries written by the world fixture stay pending here (its transaction never commits)."""
    later = clock.now() + dt.timedelta(hours=1)
    with clock.frozen_now(later):
        client.force_login(world.admin_user)
        admin_items = client.get(reverse("home")).context["items"]
        client.force_login(world.officer_user)
        officer_items = client.get(reverse("home")).context["items"]
    assert any(item.url == reverse("records:checkpoint") for item in admin_items)
    assert not any(item.url == reverse("records:checkpoint") for item in officer_items)


def test_an_officer_is_told_their_own_certificate_expires_soon(world: World, client: Client) -> None:
    certificate = world.officer.certificates.get()
    with clock.frozen_now(dt.datetime.combine(certificate.valid_to, dt.time(9), tzinfo=clock.SHANGHAI)):
        client.force_login(world.officer_user)
        items = client.get(reverse("home")).context["items"]
        client.force_login(world.colleague_user)
        colleague_items = client.get(reverse("home")).context["items"]
    assert any(world.officer.name in item.title and item.severity == "warning" for item in items)
    assert not any(world.officer.name in item.title for item in colleague_items)
