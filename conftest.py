"""Shared fixtures: the personas every permission test uses.

    province ── taiyuan (city) ── xiaodian (county)
             └─ datong (city)

officer and colleague work in taiyuan; outsider works in datong; supervisor supervises from the province.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from sanxiang.accounts.models import User
from sanxiang.organizations.enums import AgencyLevel, Role
from sanxiang.organizations.models import Agency, Officer
from sanxiang.organizations.tests import factories

PASSWORD = "correct-horse-battery"


@dataclass
class World:
    province: Agency
    taiyuan: Agency
    xiaodian: Agency
    datong: Agency
    officer_user: User
    officer: Officer
    colleague_user: User
    colleague: Officer
    outsider_user: User
    outsider: Officer
    supervisor_user: User
    admin_user: User


@pytest.fixture
def world(db: None) -> World:
    province = factories.make_agency(
        "山西省人民防空办公室", level=AgencyLevel.PROVINCE, short_name="省人防办"
    )
    taiyuan = factories.make_agency(
        "太原市人民防空办公室", level=AgencyLevel.CITY, parent=province, short_name="太原市人防办"
    )
    xiaodian = factories.make_agency(
        "小店区人民防空办公室", level=AgencyLevel.COUNTY, parent=taiyuan, short_name="小店区人防办"
    )
    datong = factories.make_agency(
        "大同市人民防空办公室", level=AgencyLevel.CITY, parent=province, short_name="大同市人防办"
    )
    officer_user, colleague_user, outsider_user, supervisor_user, admin_user = (
        User.objects.create_user(username=name, password=PASSWORD)
        for name in ("officer", "colleague", "outsider", "supervisor", "admin")
    )
    officer = factories.make_officer(taiyuan, "张三", user=officer_user)
    colleague = factories.make_officer(taiyuan, "李四", user=colleague_user)
    outsider = factories.make_officer(datong, "王五", user=outsider_user)
    for user, agency in ((officer_user, taiyuan), (colleague_user, taiyuan), (outsider_user, datong)):
        factories.grant(user, agency, Role.OFFICER)
    factories.grant(supervisor_user, province, Role.SUPERVISOR)
    factories.grant(admin_user, taiyuan, Role.ADMINISTRATOR)
    return World(
        province=province,
        taiyuan=taiyuan,
        xiaodian=xiaodian,
        datong=datong,
        officer_user=officer_user,
        officer=officer,
        colleague_user=colleague_user,
        colleague=colleague,
        outsider_user=outsider_user,
        outsider=outsider,
        supervisor_user=supervisor_user,
        admin_user=admin_user,
    )


CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]


@pytest.fixture
def browser(monkeypatch: pytest.MonkeyPatch) -> Iterator[Browser]:
    """Debian's headless Chromium for the browser journeys (tests marked ``e2e``)."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run `bash tools/ensure_debian_packages.sh chromium` as root")
    # Playwright's sync API runs an event loop in this thread; the test's own ORM calls are still synchronous.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    playwright = sync_playwright().start()
    launched = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
    try:
        yield launched
    finally:
        launched.close()
        playwright.stop()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    """A page in a Chinese-language desktop browser context (a module may override it, e.g. with a phone)."""
    context = browser.new_context(locale="zh-CN", viewport={"width": 1280, "height": 900})
    try:
        yield context.new_page()
    finally:
        context.close()


def _transactional(item: pytest.Item) -> bool:
    marker = item.get_closest_marker("django_db")
    fixtures = getattr(item, "fixturenames", ())
    return bool(
        (marker is not None and marker.kwargs.get("transaction"))
        or "transactional_db" in fixtures
        or "live_server" in fixtures
    )


def _serialized(item: pytest.Item) -> bool:
    marker = item.get_closest_marker("django_db")
    return bool(marker is not None and marker.kwargs.get("serialized_rollback"))


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Run the tests that restore the database by serialized rollback before the other transactional tests.

    A transactional test's teardown flushes the database and sends post_migrate, which re-creates content
    types (and the default publication rules) under new keys; a serialized-rollback test set up after that
    would insert its saved rows again and hit their unique constraints. pytest-django has already put the
    non-transactional tests first; this keeps its order otherwise (the sort is stable), in every xdist worker.
    """
    items.sort(key=_order)


def _order(item: pytest.Item) -> int:
    """pytest-django's groups (database tests, transactional tests, tests without a database), with the
    serialized-rollback tests first among the transactional ones."""
    if _transactional(item):
        return 1 if _serialized(item) else 2
    uses_db = item.get_closest_marker("django_db") is not None or "db" in getattr(item, "fixturenames", ())
    return 0 if uses_db else 3
