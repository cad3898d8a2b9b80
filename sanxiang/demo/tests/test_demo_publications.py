"""The demo's publications (事后公开): published decisions of every kind the demo has, a withdrawn one with
its public reason, an expired one, inspection results; and no public page shows an unmasked identity number
or mobile (R-PUB-11)."""

from __future__ import annotations

import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from sanxiang.publicity.enums import PublicationKind, PublicationStatus
from sanxiang.publicity.masking import leaks
from sanxiang.publicity.models import Publication

pytestmark = pytest.mark.django_db
HEX = re.compile(r"[0-9a-f]{64}")


@pytest.fixture
def demo() -> None:
    call_command("demo", stdout=StringIO())


def test_the_demo_publishes_every_kind_withdraws_one_and_has_expired_one(demo: None) -> None:
    public = Publication.objects.filter(published_at__isnull=False)
    assert {PublicationKind.PENALTY, PublicationKind.LICENSE, PublicationKind.INSPECTION} <= set(
        public.values_list("kind", flat=True)
    )
    withdrawn = public.get(status=PublicationStatus.WITHDRAWN)
    assert withdrawn.withdrawal_reason.startswith("该处罚决定经行政复议被撤销")
    expired = public.get(status=PublicationStatus.EXPIRED)
    assert expired.kind == PublicationKind.INSPECTION
    assert public.filter(kind=PublicationKind.INSPECTION, status=PublicationStatus.PUBLISHED).exists()


def test_no_public_demo_page_shows_an_identity_number_or_mobile(demo: None, client: Client) -> None:
    """R-PUB-11 over every public decision page of the demo (hex digests left out of the check)."""
    urls = [
        reverse("publicity:decisions"),
        reverse("publicity:inspection_results"),
        reverse("publicity:export_json"),
        reverse("publicity:export_csv"),
    ]
    for publication in Publication.objects.filter(status__in=["published", "corrected", "withdrawn"]):
        urls += [
            reverse("publicity:decision", args=[publication.pk]),
            reverse("publicity:document", args=[publication.pk]),
        ]
    assert len(urls) > 6
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert leaks(HEX.sub("", response.content.decode())) == [], url


def test_the_withdrawn_decision_shows_its_reason_publicly(demo: None, client: Client) -> None:
    withdrawn = Publication.objects.get(status=PublicationStatus.WITHDRAWN)
    page = client.get(reverse("publicity:decision", args=[withdrawn.pk])).content.decode()
    assert 'id="withdrawal-notice"' in page
    assert withdrawn.withdrawal_reason in page
