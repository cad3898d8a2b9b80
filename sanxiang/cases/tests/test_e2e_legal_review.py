"""Browser journey in real Chromium against a live server (行政处罚法 第58条): an officer submits a major
penalty for legal review, the reviewer returns it for more material, the officer supplements and submits
again, the reviewer approves — and only then can the agency head record the decision (refused before); the
officer, who is not the head, cannot record it even after the approval (第57条).
Run with ``pytest -m e2e -p no:xdist sanxiang/cases``."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connections
from playwright.sync_api import Browser, Page
from pytest_django.live_server_helper import LiveServer

from conftest import PASSWORD, World
from sanxiang.cases.models import Case
from sanxiang.cases.tests.case_factories import (
    REGISTERED,
    YUAN,
    act,
    agency_head_user,
    make_desk,
    notify,
    open_case,
)
from sanxiang.cases.tests.review_factories import make_reviewer, publish_catalogue
from sanxiang.core import clock
from sanxiang.organizations.enums import Role
from sanxiang.organizations.tests import factories
from sanxiang.review.enums import ChecklistItem, ReviewStatus
from sanxiang.review.models import ReviewRequest

pytestmark = pytest.mark.e2e


@pytest.fixture
def case(transactional_db: None, world: World) -> Case:
    """A major penalty (60,000 yuan for a company, catalogue rule FS-02) notified and ready for review; the
    agency head 常建军 also acts as an officer of 太原."""
    desk = make_desk(world)
    publish_catalogue(desk)
    make_reviewer(desk)
    factories.grant(agency_head_user(world), world.taiyuan, Role.OFFICER)  # 常建军, made by make_desk
    case = open_case(desk, proposed_fen=60_000 * YUAN)
    for name in ("investigate", "examine"):
        case = act(desk, case, name, REGISTERED)
    case = notify(desk, case, dt.date(2026, 8, 10))
    connections.close_all()  # see publicity's e2e test: no idle connection may outlive the live server
    return case


def _today() -> str:
    """The date inputs are filled as the browser sends them (ISO); acts are dated today."""
    return clock.today().isoformat()


def _login(browser: Browser, server: LiveServer, username: str) -> Page:
    page = browser.new_context(locale="zh-CN").new_page()
    page.goto(f"{server.url}/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("form button[type=submit].primary")
    page.wait_for_load_state()
    return page


def _submit(page: Page, server: LiveServer, case: Case, draft: str) -> None:
    page.goto(f"{server.url}/cases/{case.pk}/legal-review/")
    assert page.locator('#fired-rules [data-rule="FS-02"]').count() == 1  # shown to the officer
    page.fill("#id_draft", draft)
    page.fill("#submit-form #id_on", _today())
    page.click("#submit-form button[type=submit]")
    page.wait_for_selector('#review-status[data-status="submitted"]')


def _review(page: Page, server: LiveServer, outcome: str, failed: str = "") -> None:
    review = ReviewRequest.objects.order_by("-pk").first()
    assert review is not None
    page.goto(f"{server.url}/review/{review.pk}/")
    page.select_option("#id_reviewer", label="孙七")
    page.fill("#assign-form #id_on", _today())
    page.click("#assign-form button[type=submit]")
    page.wait_for_selector("#conclude-form")
    for item in ChecklistItem:
        page.select_option(f"#id_{item.value}_verdict", "fail" if item.value == failed else "pass")
    if failed:
        page.fill(f"#id_{failed}_comment", "缺少现场检查笔录")
    page.select_option("#id_outcome", outcome)
    page.fill("#conclude-form #id_on", _today())
    page.fill("#id_opinion", "经审核，同意。" if outcome == "approved" else "请补充现场检查笔录。")
    page.click("#conclude-form button[type=submit]")
    page.wait_for_selector(f'#review-status[data-status="{outcome}"]')


def _decide(page: Page, server: LiveServer, case: Case) -> None:
    page.goto(f"{server.url}/cases/{case.pk}/")
    page.select_option("#id_act", "decide")
    page.fill("#id_amount", "60,000")
    page.fill("#act-form #id_on", _today())
    page.click("#act-form button[type=submit]")
    page.wait_for_load_state()


def test_a_major_penalty_is_decided_only_after_its_review_passed(
    case: Case, live_server: LiveServer, browser: Browser
) -> None:
    officer = _login(browser, live_server, "officer")
    reviewer = _login(browser, live_server, "reviewer")
    head = _login(browser, live_server, "head")

    _submit(officer, live_server, case, "拟对当事人处以罚款人民币60000元。")
    _review(reviewer, live_server, "returned", failed="evidence")
    assert ReviewRequest.objects.get().status == ReviewStatus.RETURNED

    _decide(head, live_server, case)  # refused: the review has not passed
    assert "第五十八条" in head.locator("#act-form").inner_text()
    assert Case.objects.get(pk=case.pk).decided_on is None

    _submit(officer, live_server, case, "拟对当事人处以罚款人民币60000元（已补充现场检查笔录）。")
    _review(reviewer, live_server, "approved")
    assert reviewer.locator("#outcome").count() == 1

    _decide(officer, live_server, case)  # refused: the decision is the agency head's (第57条)
    assert "第57条" in officer.locator("#act-form").inner_text()
    assert Case.objects.get(pk=case.pk).decided_on is None

    _decide(head, live_server, case)
    decided = Case.objects.get(pk=case.pk)
    assert (decided.stage, decided.decided_fen) == ("decided", 60_000 * YUAN)
