"""Browser journey in real Chromium on a phone-sized screen (390 × 844): the handling officer opens the
on-site inspection record of a case, finds it prefilled from the case (enter once), with nothing wider than
the screen, writes what was found and saves it; the record shows on the case page.
Run with ``pytest -m e2e -p no:xdist sanxiang/cases``."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from django.db import connections
from playwright.sync_api import Browser, Page, ViewportSize
from pytest_django.live_server_helper import LiveServer

from conftest import PASSWORD, World
from sanxiang.cases.models import Case, FieldRecord
from sanxiang.cases.tests.case_factories import make_desk, open_case
from sanxiang.core import clock

pytestmark = pytest.mark.e2e

PHONE: ViewportSize = {"width": 390, "height": 844}


@pytest.fixture
def case(transactional_db: None, world: World) -> Iterator[Case]:
    with clock.frozen_now(dt.datetime(2026, 8, 10, 2, tzinfo=dt.UTC)):  # process-wide: the server sees it
        opened = open_case(make_desk(world))
        connections.close_all()  # no idle connection may outlive the live server
        yield opened


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(locale="zh-CN", viewport=PHONE, is_mobile=True, has_touch=True)
    yield context.new_page()
    context.close()


def test_officer_makes_an_inspection_record_on_a_phone(
    case: Case, live_server: LiveServer, page: Page
) -> None:
    path = f"/cases/{case.pk}/field-records/inspection/"
    page.goto(f"{live_server.url}/accounts/login/?next={path}")
    page.fill("#id_username", "officer")
    page.fill("#id_password", PASSWORD)
    page.click("form button[type=submit].primary")
    page.wait_for_selector("#field-record-form")
    assert page.input_value("#id_place") == case.parties.get().address
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    button = page.locator("#field-record-form button[type=submit]").bounding_box()
    assert button is not None
    assert button["height"] >= 44  # a touch target
    page.fill("#id_content", "检查发现人防工程内堆放杂物，防护密闭门被拆除。")
    page.click("#field-record-form button[type=submit]")
    page.wait_for_selector("#field-records details")
    page.click("#field-records summary")
    assert "防护密闭门被拆除" in page.inner_text("#field-records")
    assert FieldRecord.objects.filter(case=case, kind="inspection").count() == 1
