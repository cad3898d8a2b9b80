"""The interface is Chinese by default, whatever the browser asks for; the language switch changes it."""

from __future__ import annotations

from django.conf import settings
from django.test import Client
from django.urls import reverse


def test_chinese_by_default_even_for_an_english_browser(db: None, client: Client) -> None:
    response = client.get(reverse("publicity:home"), HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert response["Content-Language"] == "zh-hans"
    assert "行政执法公示平台" in response.content.decode()


def test_the_language_switch_selects_english(db: None, client: Client) -> None:
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    assert client.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
    response = client.get(reverse("publicity:home"))
    assert response["Content-Language"] == "en"
    assert "Enforcement publicity portal" in response.content.decode()


def test_an_unknown_language_cookie_falls_back_to_chinese(db: None, client: Client) -> None:
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "xx"
    assert client.get(reverse("publicity:home"))["Content-Language"] == "zh-hans"
