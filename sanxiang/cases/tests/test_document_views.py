"""The case page's document and service pages over HTTP with the personas: the officer and colleague of 太原
draft, issue and serve; the supervisor above reads and downloads but cannot act; the outsider of 大同 gets the
404 of a missing case; the anonymous public is sent to sign in."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from conftest import World
from sanxiang.cases.documents.actions import check_issue_case_document
from sanxiang.cases.models import Case, ServiceRecord
from sanxiang.cases.tests.case_factories import Desk, make_desk
from sanxiang.cases.tests.document_helpers import DECIDED, counts, decided_case
from sanxiang.core import clock
from sanxiang.documents.models import IssuedDocument
from sanxiang.records.models import PendingEntry

NOW = dt.datetime(2026, 9, 1, 2, tzinfo=dt.UTC)
MISSING = 999_999


@pytest.fixture(autouse=True)
def _frozen() -> Iterator[None]:
    with clock.frozen_now(NOW):
        yield


@pytest.fixture
def desk(world: World) -> Desk:
    return make_desk(world)


@pytest.fixture
def case(desk: Desk) -> Case:
    return decided_case(desk)


@pytest.fixture
def decision(desk: Desk, case: Case) -> IssuedDocument:
    return check_issue_case_document(
        case, kind="penalty_decision", actor_user=desk.world.officer_user, on=DECIDED
    )


def _login(client: Client, world: World, name: str) -> None:
    client.force_login(getattr(world, f"{name}_user"))


def _pages(case: Case, document: IssuedDocument) -> list[tuple[str, str]]:
    return [
        ("get", reverse("cases:document_draft", args=[case.pk, "penalty_decision"])),
        ("post", reverse("cases:document_issue", args=[case.pk])),
        ("get", reverse("cases:document_download", args=[case.pk, document.pk, "pdf"])),
        ("post", reverse("cases:service_record", args=[case.pk])),
    ]


def test_anonymous_is_sent_to_sign_in(client: Client, case: Case, decision: IssuedDocument) -> None:
    for method, url in _pages(case, decision):
        response = getattr(client, method)(url)
        assert response.status_code == 302
        assert "/accounts/login/" in response["Location"]


def test_outsider_gets_404_like_a_missing_case(
    client: Client, desk: Desk, case: Case, decision: IssuedDocument
) -> None:
    _login(client, desk.world, "outsider")
    before = counts()
    for method, url in _pages(case, decision):
        assert getattr(client, method)(url).status_code == 404
        assert getattr(client, method)(url.replace(f"/{case.pk}/", f"/{MISSING}/")).status_code == 404
    assert counts() == before


@pytest.mark.prints_pdf
def test_supervisor_downloads_but_cannot_issue_or_serve(
    client: Client, desk: Desk, case: Case, decision: IssuedDocument
) -> None:
    _login(client, desk.world, "supervisor")
    response = client.get(reverse("cases:document_download", args=[case.pk, decision.pk, "pdf"]))
    assert response.status_code == 200
    assert response.content.startswith(b"%PDF")
    assert PendingEntry.objects.filter(event_type="document.read").count() == 1
    assert client.get(reverse("cases:document_draft", args=[case.pk, "penalty_decision"])).status_code == 404
    assert client.post(reverse("cases:document_issue", args=[case.pk])).status_code == 404
    page = client.get(reverse("cases:case_detail", args=[case.pk])).content.decode()
    assert 'id="document-list"' in page
    assert 'id="issue-form"' not in page


@pytest.mark.prints_pdf
def test_officer_previews_a_draft_pdf(client: Client, desk: Desk, case: Case) -> None:
    _login(client, desk.world, "officer")
    before = counts()
    response = client.get(reverse("cases:document_draft", args=[case.pk, "penalty_decision"]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert counts() == before  # drafts are neither stored nor recorded


def test_colleague_issues_from_the_case_page(client: Client, desk: Desk, case: Case) -> None:
    _login(client, desk.world, "colleague")
    response = client.post(
        reverse("cases:document_issue", args=[case.pk]),
        {"doc-kind": "penalty_decision", "doc-on": "2026-08-21"},
    )
    assert response.status_code == 302
    document = IssuedDocument.objects.get(kind="penalty_decision")
    assert document.issued_by == desk.world.colleague_user
    page = client.get(reverse("cases:case_detail", args=[case.pk])).content.decode()
    assert document.number in page


def test_a_refused_issue_is_shown_and_writes_nothing(client: Client, desk: Desk, case: Case) -> None:
    _login(client, desk.world, "officer")
    before = counts()
    response = client.post(
        reverse("cases:document_issue", args=[case.pk]),
        {"doc-kind": "no_penalty_decision", "doc-on": "2026-08-21"},
        follow=True,
    )
    assert counts() == before
    assert re.search(r'<li class="error">不予行政处罚决定书[^<]*</li>', response.content.decode())


def test_officer_serves_and_attaches_the_signed_receipt(
    client: Client, desk: Desk, case: Case, decision: IssuedDocument
) -> None:
    _login(client, desk.world, "officer")
    response = client.post(
        reverse("cases:service_record", args=[case.pk]),
        {
            "svc-document": decision.pk,
            "svc-method": "direct",
            "svc-served": "1",
            "svc-served_on": "2026-08-24",
            "svc-recipient": "王某",
        },
    )
    assert response.status_code == 302
    record = ServiceRecord.objects.get(document=decision)  # the notice's service notified the case before
    assert Case.objects.get(pk=case.pk).stage == "served"
    scan = SimpleUploadedFile("回证.pdf", b"%PDF-1.7 signed", content_type="application/pdf")
    client.post(reverse("cases:service_scan", args=[case.pk, record.pk]), {"scan-file": scan})
    record.refresh_from_db()
    assert record.scan_sha256
    download = client.get(reverse("cases:service_scan_download", args=[case.pk, record.pk]))
    assert download.content == b"%PDF-1.7 signed"


def test_electronic_service_without_consent_is_refused_on_the_page(
    client: Client, desk: Desk, case: Case, decision: IssuedDocument
) -> None:
    """行政处罚法 第61条: the refusal is shown and nothing is written."""
    _login(client, desk.world, "officer")
    before = counts()
    response = client.post(
        reverse("cases:service_record", args=[case.pk]),
        {
            "svc-document": decision.pk,
            "svc-method": "electronic",
            "svc-served": "1",
            "svc-served_on": "2026-08-24",
        },
        follow=True,
    )
    assert counts() == before
    assert re.search(r'<li class="error">[^<]*第六十一条[^<]*</li>', response.content.decode())


def test_a_document_of_another_case_is_404(client: Client, desk: Desk, decision: IssuedDocument) -> None:
    other = decided_case(desk)
    _login(client, desk.world, "officer")
    url = reverse("cases:document_download", args=[other.pk, decision.pk, "pdf"])
    assert client.get(url).status_code == 404
