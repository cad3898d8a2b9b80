"""Browser journey in real Chromium against a live server (行政处罚法 第48条; 国办发〔2018〕118号): an officer
issues a penalty decision on the case page; the publicity editor masks nothing more, passes the
confidentiality check, approves and publishes the draft; the decision is on the portal within its due date and
the visitor's browser verifies it against the signed checkpoint (Web Crypto SHA-256 and Ed25519); then it is
withdrawn with a public reason, which the portal shows. Run with ``make e2e`` or
``pytest -m e2e -p no:xdist``.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connections
from playwright.sync_api import Browser, Page
from pytest_django.live_server_helper import LiveServer

from conftest import PASSWORD, World
from sanxiang.cases.models import Case
from sanxiang.cases.tests.case_factories import act, agency_head_user, make_desk, notify, open_case
from sanxiang.core import clock
from sanxiang.organizations.enums import Role
from sanxiang.organizations.tests import factories
from sanxiang.publicity.models import Publication
from sanxiang.publicity.tests.helpers import make_editor, restore_default_rules
from sanxiang.records import integrator

pytestmark = pytest.mark.e2e


@pytest.fixture
def notified(transactional_db: None, world: World) -> Case:
    """A penalty case of 太原 notified four days ago, ready to be decided today."""
    restore_default_rules()
    desk = make_desk(world)
    make_editor(desk)
    factories.grant(agency_head_user(world), world.taiyuan, Role.OFFICER)  # the head made by make_desk
    today = clock.today()
    case = open_case(
        desk,
        on=today - dt.timedelta(days=10),
        violation_on=today - dt.timedelta(days=20),
        parties=[desk.person],
        facts="赵六擅自拆除人民防空工程，联系电话13800000000。",
    )
    for name in ("investigate", "examine"):
        case = act(desk, case, name, today - dt.timedelta(days=9))
    case = notify(desk, case, today - dt.timedelta(days=4))
    connections.close_all()  # see test_e2e_portal: no idle connection may outlive the scene
    return case


def _editor_act(page: Page, button: str) -> None:
    page.click(button)
    page.wait_for_load_state("networkidle")


def _sign_in(page: Page, live_server: LiveServer, username: str, then: str) -> None:
    page.goto(f"{live_server.url}/accounts/login/?next={then}")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("form button[type=submit].primary")


def test_a_decision_is_published_verified_and_withdrawn(
    notified: Case, live_server: LiveServer, browser: Browser, page: Page
) -> None:
    chief = browser.new_context(locale="zh-CN").new_page()  # the agency head decides (行政处罚法 第57条)
    _sign_in(chief, live_server, "head", f"/cases/{notified.pk}/")
    chief.select_option("#act-form #id_act", "decide")
    chief.fill("#act-form #id_on", clock.today().isoformat())
    chief.fill("#act-form #id_amount", "10,000")
    chief.click("#act-form button[type=submit]")
    chief.wait_for_load_state("networkidle")
    chief.context.close()

    _sign_in(page, live_server, "officer", f"/cases/{notified.pk}/")

    publication = Publication.objects.get(case=notified)
    page.goto(f"{live_server.url}/publications/{publication.pk}/")
    assert "1101**********002X" in page.locator("#side-by-side").inner_text()
    assert "13800000000" in page.locator("#side-by-side td.original").all_inner_texts()[4]
    assert "13800000000" not in " ".join(page.locator("#side-by-side td.masked").all_inner_texts())
    for button in ("#act-clear", "#act-approve", "#act-publish"):
        _editor_act(page, button)
    assert page.locator("#status").get_attribute("data-status") == "published"
    publication.refresh_from_db()
    assert publication.published_at is not None
    assert publication.published_at.astimezone(clock.SHANGHAI).date() <= publication.due_on  # 118号: 7 WD

    integrator.integrate()  # the server integrates on commit unless busy; the page would say "pending" then
    page.goto(f"{live_server.url}/portal/decisions/")
    page.click(f'tr[data-publication="{publication.pk}"] a')
    page.wait_for_selector('#verify-result[data-state="ok"]', timeout=15_000)
    assert page.locator('#verify-steps li[data-ok="1"]').count() == 4
    assert "13800000000" not in page.content()

    page.goto(f"{live_server.url}/publications/{publication.pk}/")
    page.select_option("#id_ground", "revoked")
    page.fill("#id_ground_on", clock.today().isoformat())
    _editor_act(page, "#act-open-withdrawal")
    page.fill("#id_reason", "该处罚决定经行政复议被撤销。")
    _editor_act(page, "#act-withdraw")
    page.goto(f"{live_server.url}/portal/decisions/{publication.pk}/")
    assert page.locator("#withdrawal-reason").inner_text() == "该处罚决定经行政复议被撤销。"
