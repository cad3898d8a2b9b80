"""The shared layout (base.html) as the public and a signed-in user see it: usable offline (no external
resources), a language switch, a phone viewport, and the signed-in user's name with a sign-out button."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django.urls import reverse

from conftest import World

PAGES = ["publicity:home", "publicity:officers"]


@pytest.mark.parametrize("name", PAGES)
def test_pages_load_nothing_from_outside_the_deployment(client: Client, db: None, name: str) -> None:
    html = client.get(reverse(name)).content.decode()
    external = re.findall(r'(?:src|href)="(?:https?:)?//[^"]+"', html)
    assert external == []


@pytest.mark.parametrize("name", PAGES)
def test_pages_have_a_language_switch_and_a_phone_viewport(client: Client, db: None, name: str) -> None:
    html = client.get(reverse(name)).content.decode()
    assert f'action="{reverse("set_language")}"' in html
    assert 'value="zh-hans"' in html
    assert 'value="en"' in html
    assert 'name="viewport" content="width=device-width, initial-scale=1"' in html


def test_chinese_is_the_default_language(client: Client, db: None) -> None:
    html = client.get(reverse("publicity:home")).content.decode()
    assert '<html lang="zh-hans">' in html


def test_the_language_switch_changes_the_page_language(client: Client, db: None) -> None:
    client.post(reverse("set_language"), {"language": "en", "next": "/portal/"})
    html = client.get(reverse("publicity:home")).content.decode()
    assert '<html lang="en">' in html


def test_a_signed_in_user_sees_their_name_and_a_sign_out_button(client: Client, world: World) -> None:
    client.force_login(world.officer_user)
    html = client.get(reverse("publicity:home")).content.decode()
    assert f'<span class="who">{world.officer_user}</span>' in html
    assert f'action="{reverse("accounts:logout")}"' in html


def test_the_public_sees_a_sign_in_link(client: Client, db: None) -> None:
    html = client.get(reverse("publicity:home")).content.decode()
    assert f'href="{reverse("accounts:login")}"' in html
    assert 'class="who"' not in html
