"""Browser journey in real Chromium against a live server: a penalty case from 立案 to 结案 through the pages,
as the people who do it — the officer registers, investigates, records the inspection and serves; the
department head examines the findings (审查); the agency head decides (决定, 行政处罚法 第57条). The fine of
5,000 yuan for a company stays below the hearing threshold and needs no legal review. The decision PDF is
downloaded and its text is extracted: it is Chinese and carries the decision's number.

Run with ``pytest -m e2e -p no:xdist sanxiang/cases``."""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.db import connections
from playwright.sync_api import Browser, Page
from pypdf import PdfReader
from pytest_django.fixtures import Settings
from pytest_django.live_server_helper import LiveServer

from conftest import PASSWORD, World
from sanxiang.cases.models import Case
from sanxiang.cases.tests.case_factories import Desk, make_desk
from sanxiang.core import clock
from sanxiang.documents.models import IssuedDocument
from sanxiang.organizations.enums import Role
from sanxiang.organizations.tests import factories

pytestmark = pytest.mark.e2e


@dataclass
class Office:
    desk: Desk
    heads: tuple[str, str]  # usernames of the department head and the agency head


@pytest.fixture
def office(transactional_db: None, world: World, settings: Settings, tmp_path: Path) -> Office:
    settings.SANXIANG_DOCUMENT_STORAGE = str(tmp_path / "documents")
    desk = make_desk(world)
    today = clock.today()
    for username, name, role in (
        ("section", "赵科长", Role.DEPARTMENT_HEAD),
        ("chief", "钱主任", Role.AGENCY_HEAD),
    ):
        user = factories.make_user(username, password=PASSWORD)
        factories.make_officer(
            world.taiyuan,
            name,
            user=user,
            valid_from=today - dt.timedelta(days=365),
            valid_to=today + dt.timedelta(days=365),
        )
        factories.grant(user, world.taiyuan, Role.OFFICER)  # heads are enforcement officers too
        factories.grant(user, world.taiyuan, role)
    connections.close_all()  # see publicity's e2e test: no idle connection may outlive the live server
    return Office(desk=desk, heads=("section", "chief"))


def _signed_in(browser: Browser, server: LiveServer, username: str) -> Page:
    page = browser.new_context(locale="zh-CN", accept_downloads=True).new_page()
    page.goto(f"{server.url}/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("form button[type=submit].primary")
    page.wait_for_load_state()
    return page


def _act(page: Page, act: str, *, amount: str = "") -> None:
    page.select_option("#act-form #id_act", act)
    if amount:
        page.fill("#act-form #id_amount", amount)
    page.click("#act-form button[type=submit]")
    page.wait_for_selector("#case-stage")


def _issue(page: Page, kind: str) -> None:
    page.select_option("#id_doc-kind", kind)
    page.click("#issue-form button[type=submit]")
    page.wait_for_selector(f'#document-list tr[data-document="{kind}"]')


def _serve(page: Page, title: str) -> None:
    value = page.locator(f'#id_svc-document option:has-text("{title}")').first.get_attribute("value")
    page.select_option("#id_svc-document", value)
    page.select_option("#id_svc-method", "direct")
    page.fill("#id_svc-recipient", "王经理")
    page.click("#service-form button[type=submit]")
    page.wait_for_selector("#service-list")


def _stage(case_id: int) -> str:
    return Case.objects.get(pk=case_id).stage


# ``office`` (the database) comes before ``live_server``, as in publicity's e2e test.
@pytest.mark.prints_pdf
def test_a_penalty_case_from_registration_to_closing(
    office: Office, live_server: LiveServer, browser: Browser
) -> None:
    desk = office.desk
    officer = _signed_in(browser, live_server, "officer")
    officer.goto(f"{live_server.url}/cases/register/")
    officer.select_option("#id_matter", str(desk.matter.pk))
    officer.select_option("#id_parties", [str(desk.company.pk)])
    officer.select_option("#id_officers", [str(desk.world.officer.pk), str(desk.world.colleague.pk)])
    officer.fill("#id_violation_on", (clock.today() - dt.timedelta(days=20)).isoformat())
    officer.fill("#id_facts", "当事人擅自拆除人民防空工程防护设备，经现场检查属实。")
    officer.fill("#id_proposed", "5000")
    officer.click("form button[type=submit].primary")
    officer.wait_for_load_state()
    errors = officer.locator("[data-error-for]").evaluate_all("els => els.map(e => e.dataset.errorFor)")
    assert officer.locator("#case-number").count() == 1, errors
    case_id = int(officer.url.rstrip("/").rsplit("/", 1)[-1])
    case_url = officer.url

    _act(officer, "investigate")
    _issue(officer, "inspection_record")

    head = _signed_in(browser, live_server, office.heads[0])
    head.goto(case_url)
    _act(head, "examine")
    assert _stage(case_id) == "examined"

    officer.goto(case_url)
    _issue(officer, "penalty_notice")
    _serve(officer, "行政处罚事先告知书")
    assert _stage(case_id) == "notified"  # serving the notice performed the notification (第44条)

    chief = _signed_in(browser, live_server, office.heads[1])
    chief.goto(case_url)
    _act(chief, "decide", amount="5000")
    assert _stage(case_id) == "decided"

    officer.goto(case_url)
    _issue(officer, "penalty_decision")
    decision = IssuedDocument.objects.get(kind="penalty_decision", subject_id=str(case_id))
    with officer.expect_download() as download_info:
        officer.click(f'#document-list tr[data-id="{decision.pk}"] a[data-format="pdf"]')
    text = "".join(
        page.extract_text()
        for page in PdfReader(io.BytesIO(Path(download_info.value.path()).read_bytes())).pages
    )
    assert "行政处罚决定书" in text
    assert decision.number in text
    assert desk.company.name in text
    assert "伍仟元整" in text

    _serve(officer, "行政处罚决定书")
    assert _stage(case_id) == "served"
    _act(officer, "execute")
    _act(officer, "close")
    assert _stage(case_id) == "closed"
    assert officer.locator("#case-stage").inner_text().strip()
