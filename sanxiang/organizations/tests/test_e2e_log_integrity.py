"""Browser journey in real Chromium against a live server: the provincial supervisor opens the record log's
integrity page from the agency page, watches a running verification's progress until it ends (the page
reloads itself), then verifies the log and sees the recorded result.
Run with ``pytest -m e2e -p no:xdist``."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.db import connections, transaction
from django.urls import reverse
from playwright.sync_api import Page
from pytest_django.fixtures import Settings
from pytest_django.live_server_helper import LiveServer

from sanxiang.organizations.enums import AgencyLevel, Role
from sanxiang.organizations.models import Agency
from sanxiang.organizations.tests import factories
from sanxiang.records import checkpoints, integrator, verification, writer
from sanxiang.records.models import Entry

pytestmark = pytest.mark.e2e

PASSWORD = "correct-horse-battery"


@pytest.fixture
def province(transactional_db: None, settings: Settings, tmp_path: Path) -> Agency:
    settings.SANXIANG_LOG_KEY_PATH = tmp_path / "log.pem"
    province = factories.make_agency("山西省人民防空办公室", level=AgencyLevel.PROVINCE)
    user = factories.make_user("supervisor", password=PASSWORD)
    factories.grant(user, province, Role.SUPERVISOR)
    for n in range(3):
        with transaction.atomic():
            writer.append(
                "agency.updated",
                agency_id=province.pk,
                actor=writer.SYSTEM,
                subject=writer.Subject("agency", str(province.pk)),
                data={"fields": {"name": [f"old{n}", f"new{n}"]}},
            )
    checkpoints.publish()
    connections.close_all()  # see publicity's e2e test: no idle connection may outlive the live server
    return province


def test_the_supervisor_watches_a_run_end_then_verifies_the_log(
    province: Agency, live_server: LiveServer, page: Page
) -> None:
    detail = reverse("organizations:agency_detail", args=[province.pk])
    page.goto(f"{live_server.url}/accounts/login/?next={detail}")
    page.fill("#id_username", "supervisor")
    page.fill("#id_password", PASSWORD)
    page.click("form button[type=submit].primary")
    page.wait_for_selector("#log-integrity-link")

    log = verification.check_start(actor=writer.SYSTEM)  # a run in a worker, as in production
    page.click("#log-integrity-link")
    page.wait_for_selector("#verify-progress:not([hidden])")
    assert page.locator("#verify-form").count() == 0
    verification.abandon(log)  # the run ends: the page notices and reloads itself
    page.wait_for_selector("#verify-form", timeout=10_000)
    assert page.locator("#verify-progress").is_hidden()

    page.click("#verify-form button[type=submit]")
    page.wait_for_selector('#verification-runs tr[data-ok="true"]')
    assert "完好" in page.locator("#verification-runs").inner_text()
    [run] = Entry.objects.filter(event_type="records.verified")
    assert run.agency_id == province.pk
    assert integrator.get_log().size == run.index + 1
    connections.close_all()
