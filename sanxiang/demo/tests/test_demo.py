"""The demo loads on an empty database, is idempotent, and covers every certificate state and role."""

from __future__ import annotations

import datetime as dt
import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from sanxiang.accounts.models import User
from sanxiang.cases.models import Case, CaseLimit
from sanxiang.cases.models.cases import LimitState
from sanxiang.core import clock
from sanxiang.demo import loader
from sanxiang.organizations.enums import AgencyLevel, CertificateState, Role
from sanxiang.organizations.models import Agency, Certificate, Officer, RoleGrant
from sanxiang.records import checkpoints, integrator
from sanxiang.records.models import Entry, PendingEntry

pytestmark = pytest.mark.django_db


def test_demo_loads_shanxi_and_prints_one_login_per_role() -> None:
    out = StringIO()
    call_command("demo", stdout=out)
    assert Agency.objects.filter(level=AgencyLevel.PROVINCE).count() == 1
    cities = set(Agency.objects.filter(level=AgencyLevel.CITY).values_list("short_name", flat=True))
    assert {name.removesuffix("市人防办") for name in cities} == {
        "太原",
        "大同",
        "阳泉",
        "长治",
        "晋城",
        "朔州",
        "晋中",
        "运城",
        "忻州",
        "临汾",
        "吕梁",
    }
    assert Agency.objects.filter(level=AgencyLevel.COUNTY).exists()
    assert 55 <= Officer.objects.count() <= 80
    roles = set(RoleGrant.objects.values_list("role", flat=True))
    assert roles >= {str(role) for role in Role}
    printed = out.getvalue()
    for login in loader.LOGINS:
        assert login.username in printed
        assert User.objects.get(username=login.username).check_password(
            loader._known_passwords()[login.username]
        )


def test_demo_has_certificates_in_every_state() -> None:
    call_command("demo", stdout=StringIO())
    day = dt.date(2026, 11, 26)
    states = {certificate.state_on(day) for certificate in Certificate.objects.all()}
    assert {
        CertificateState.VALID,
        CertificateState.EXPIRED,
        CertificateState.SUSPENDED,
        CertificateState.REVOKED,
    } <= states
    assert Officer.objects.exclude(legal_qualification_number="").count() >= 12


def test_demo_is_idempotent_and_records_only_once() -> None:
    call_command("demo", stdout=StringIO())
    counts = (
        Agency.objects.count(),
        Officer.objects.count(),
        Certificate.objects.count(),
        PendingEntry.objects.count(),
        integrator.get_log().size,
    )
    call_command("demo", stdout=StringIO())
    assert counts == (
        Agency.objects.count(),
        Officer.objects.count(),
        Certificate.objects.count(),
        PendingEntry.objects.count(),
        integrator.get_log().size,
    )


def test_demo_log_is_signed_and_verified_once_by_the_provincial_supervisor(client: Client) -> None:
    call_command("demo", stdout=StringIO())
    call_command("demo", stdout=StringIO())
    [run] = Entry.objects.filter(event_type="records.verified")
    assert json.loads(bytes(run.body))["data"]["ok"] is True
    log = integrator.get_log()
    assert checkpoints.latest(log).size == log.size  # type: ignore[union-attr]
    client.force_login(User.objects.get(username="supervisor"))
    province = Agency.objects.get(level=AgencyLevel.PROVINCE)
    html = client.get(reverse("organizations:log_integrity", args=[province.pk])).content.decode()
    assert 'data-ok="true"' in html


def test_demo_has_penalty_cases_in_every_stage_and_an_overdue_one() -> None:
    """The demo's cases ran through the engine: registered to closed, and one past its 90-day limit
    (行政处罚法 第60条)."""
    call_command("demo", stdout=StringIO())
    stages = set(Case.objects.values_list("stage", flat=True))
    assert {"registered", "investigating", "notified", "decided", "served", "closed"} <= stages
    overdue = CaseLimit.objects.filter(code="decide", state=LimitState.OPEN, due_on__lt=clock.today())
    assert overdue.exists()


def test_the_officer_home_page_shows_the_overdue_case(client: Client) -> None:
    """The officer handling the overdue demo case sees it in red on the home page (行政处罚法 第60条)."""
    call_command("demo", stdout=StringIO())
    client.force_login(User.objects.get(username="officer"))
    items = client.get(reverse("home")).context["items"]
    assert any(item.severity == "danger" and "/cases/" in item.url for item in items)
    client.force_login(User.objects.get(username="datong_officer"))
    assert not any("/cases/" in item.url for item in client.get(reverse("home")).context["items"])


def test_demo_cases_that_reached_a_decision_have_their_documents() -> None:
    """Every demo case with a decision has its numbered decision (its digests recorded); the notification
    and the decision's service of every case were performed by the service of the document, with its
    送达回证 (行政处罚法 第44条, 第61条)."""
    from sanxiang.cases.models import ServiceRecord
    from sanxiang.documents.models import IssuedDocument

    call_command("demo", stdout=StringIO())
    decided = Case.objects.filter(acts__act="decide").distinct()
    assert decided.exists()
    for case in decided:
        decision = IssuedDocument.objects.get(subject_id=str(case.pk), kind="penalty_decision")
        assert "罚决" in decision.number
    served = Case.objects.filter(acts__act="serve").distinct()
    services = ServiceRecord.objects.filter(document__kind="penalty_decision", act_performed=True)
    assert set(services.values_list("case_id", flat=True)) == {case.pk for case in served}
    assert all(service.receipt is not None for service in services)
    notified = Case.objects.filter(acts__act="notify").distinct()
    notices = ServiceRecord.objects.filter(document__kind="penalty_notice", act_performed=True)
    assert set(notices.values_list("case_id", flat=True)) == {case.pk for case in notified}
    assert Entry.objects.filter(event_type="document.issued").exists()
