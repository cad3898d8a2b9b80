"""Browser journey in real Chromium against a live server (事前公开): the public goes from the portal home to
the matter catalogue, searches a licence, opens its service guide and sees its flowchart drawn as SVG.
Run with ``make e2e`` or ``pytest -m e2e -p no:xdist``."""

from __future__ import annotations

import os

import pytest
from django.db import connections
from playwright.sync_api import Page
from pytest_django.live_server_helper import LiveServer

from sanxiang.matters import procedures
from sanxiang.matters.models import Matter
from sanxiang.matters.procedures import Procedure
from sanxiang.matters.shanxi import load_shanxi_catalogue
from sanxiang.matters.tests import factories as matter_factories
from sanxiang.organizations.enums import AgencyLevel
from sanxiang.organizations.tests import factories
from sanxiang.publicity.tests.test_e2e_portal import catalogue_compiled
from sanxiang.publicity.tests.test_prepublicity import LICENCE_FLOW

pytestmark = pytest.mark.e2e
SCREENSHOT = os.environ.get("E2E_SCREENSHOT", "")


@pytest.fixture
def catalogue(transactional_db: None, monkeypatch: pytest.MonkeyPatch) -> Matter:
    """The Shanxi catalogue published for the province; the licence procedure defined (the live server runs in
    this process, so the definition reaches it)."""
    factories.make_agency("山西省人民防空办公室", level=AgencyLevel.PROVINCE)
    load_shanxi_catalogue(actor=matter_factories.SYSTEM)
    real_get = procedures.get

    def get(key: str) -> Procedure:
        return LICENCE_FLOW if key == "license" else real_get(key)

    monkeypatch.setattr(procedures, "get", get)
    licence = Matter.objects.get(code="XK-01")
    connections.close_all()  # as in test_e2e_portal: no idle connection may outlive the live server
    return licence


# ``catalogue`` comes before ``live_server``: the database is set up before the server thread starts.
def test_public_walks_from_the_portal_to_a_service_guide_and_its_flowchart(
    catalogue: Matter,
    live_server: LiveServer,
    page: Page,
) -> None:
    page.goto(f"{live_server.url}/portal/")
    page.click("#portal-matters")
    assert page.locator("#version").get_attribute("data-state") == "in_force"
    page.fill("#id_q", "XK-01")
    page.click("form.searchbar button[type=submit]")
    page.click('[data-matter="XK-01"]')

    assert page.locator("#matter-name").inner_text() == catalogue.name
    guide = page.locator("#service-guide").inner_text()
    assert catalogue.accepting_body in guide
    assert "20" in page.locator("#statutory").inner_text()
    svg = page.locator("#flowchart svg")
    assert svg.count() == 1
    assert "受理申请" in (svg.text_content() or "")
    box = svg.bounding_box()
    assert box is not None
    assert box["width"] > 100
    assert box["height"] > 100
    if catalogue_compiled():
        assert "服务指南" in page.content()
        assert "执法流程图" in page.locator("#flowchart-heading").inner_text()
    if SCREENSHOT:  # for a person checking the layout: E2E_SCREENSHOT=/tmp/guide.png
        page.screenshot(path=SCREENSHOT, full_page=True)
