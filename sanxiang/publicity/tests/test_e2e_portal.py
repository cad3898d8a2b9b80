"""Browser journeys in real Chromium (Debian's /usr/bin/chromium) against a live server: the public checks an
officer on the portal, an administrator signs in and opens the officer. Run with ``make e2e`` or
``pytest -m e2e -p no:xdist``."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest
from django.db import connections
from django.utils import translation
from playwright.sync_api import Browser, Page
from pytest_django.live_server_helper import LiveServer

from sanxiang.core import clock
from sanxiang.organizations.enums import AgencyLevel, Role
from sanxiang.organizations.models import Officer
from sanxiang.organizations.tests import factories

pytestmark = pytest.mark.e2e

PASSWORD = "correct-horse-battery"


@dataclass
class Scene:
    officer: Officer
    certificate_number: str


@pytest.fixture
def scene(transactional_db: None) -> Scene:
    province = factories.make_agency("山西省人民防空办公室", level=AgencyLevel.PROVINCE)
    taiyuan = factories.make_agency("太原市人民防空办公室", level=AgencyLevel.CITY, parent=province)
    today = clock.today()
    officer = factories.make_officer(
        taiyuan, "张三", valid_from=today - dt.timedelta(days=365), valid_to=today + dt.timedelta(days=365)
    )
    factories.make_officer(taiyuan, "李四")
    admin = factories.make_user("admin", password=PASSWORD)
    factories.grant(admin, taiyuan, Role.ADMINISTRATOR)
    scene = Scene(officer=officer, certificate_number=officer.certificates.get().number)
    # Close the connection that built the scene before the browser runs: on PostgreSQL it was observed still
    # open (idle) when the test database was dropped after the live-server tests, which failed the teardown.
    connections.close_all()
    return scene


def catalogue_compiled() -> bool:
    with translation.override("zh-hans"):
        return translation.gettext("Valid") == "有效"


# ``scene`` comes before ``live_server`` in every signature: the test database is then set up before the
# server thread starts and dropped after it stops (on PostgreSQL a live connection would block the drop).
def test_public_checks_an_officer_then_an_administrator_opens_it(
    scene: Scene, live_server: LiveServer, page: Page
) -> None:
    page.goto(f"{live_server.url}/portal/")
    page.click("#portal-officers")
    page.fill("#id_q", "张三")
    page.click("form.searchbar button[type=submit]")
    table = page.locator("#public-officers")
    assert "张三" in table.inner_text()
    assert "李四" not in table.inner_text()

    page.click(f"text={scene.certificate_number}")
    verdict = page.locator("#verdict")
    assert verdict.get_attribute("data-state") == "valid"
    assert page.locator("#holder-name").inner_text() == "张三"
    if catalogue_compiled():
        assert "有效" in verdict.inner_text()

    page.goto(f"{live_server.url}/accounts/login/?next=/organizations/officers/{scene.officer.pk}/")
    page.fill("#id_username", "admin")
    page.fill("#id_password", PASSWORD)
    page.click("form button[type=submit].primary")
    page.wait_for_selector("#officer-name")
    assert page.locator("#officer-name").inner_text() == "张三"
    row = page.locator(f'tr[data-certificate="{scene.certificate_number}"] .badge')
    assert row.get_attribute("data-state") == "valid"


def test_the_officer_list_fits_a_phone_screen(
    browser: Browser, live_server: LiveServer, scene: Scene
) -> None:
    context = browser.new_context(locale="zh-CN", viewport={"width": 375, "height": 740}, is_mobile=True)
    try:
        phone = context.new_page()
        phone.goto(f"{live_server.url}/portal/officers/")
        assert "张三" in phone.locator("#public-officers").inner_text()
        overflow = phone.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0
    finally:
        context.close()
