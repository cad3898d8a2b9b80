"""A case's record bundle: whoever may read the case downloads its log entries with inclusion proofs, the
checkpoints and the verifier key, and the standalone verifier accepts it offline; the download is recorded
with the bundle's digest. The outsider from 大同 gets the 404 of a missing case and the anonymous public is
sent to sign in, with nothing recorded; the verifier script itself is public."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse
from pytest_django.fixtures import Settings

from conftest import World
from sanxiang.cases.models import Case
from sanxiang.cases.tests.case_factories import make_desk, open_case
from sanxiang.core import clock
from sanxiang.records import checkpoints, integrator
from sanxiang.records.models import Entry, PendingEntry
from sanxiang.records.tests.helpers import TOOLS, load_bundle_verifier

NOW = dt.datetime(2026, 8, 10, 2, tzinfo=dt.UTC)
EXPORTED = "records.bundle_exported"


@pytest.fixture(autouse=True)
def _frozen() -> Iterator[None]:
    with clock.frozen_now(NOW):
        yield


@pytest.fixture
def case(world: World, settings: Settings, tmp_path: Path) -> Case:
    settings.SANXIANG_LOG_KEY_PATH = tmp_path / "log.pem"
    case = open_case(make_desk(world))
    integrator.integrate()  # the test's transaction never commits: integrate as the commit would
    return case


def _exports() -> list[dict[str, object]]:
    bodies = [bytes(row.body) for row in PendingEntry.objects.filter(event_type=EXPORTED)]
    bodies += [bytes(row.body) for row in Entry.objects.filter(event_type=EXPORTED)]
    return [json.loads(body) for body in bodies]


@pytest.mark.parametrize("who", ["officer", "supervisor"])
def test_a_reader_of_the_case_downloads_a_bundle_that_verifies_offline(
    client: Client, world: World, case: Case, who: str
) -> None:
    client.force_login(getattr(world, f"{who}_user"))
    response = client.get(reverse("cases:case_record_bundle", args=[case.pk]))
    assert response.status_code == 200
    assert f'filename="case-{case.pk}-record-bundle.json"' in response["Content-Disposition"]
    bundle = json.loads(response.content)
    case_entries = Entry.objects.filter(subject_kind="case", subject_id=str(case.pk)).count()
    assert case_entries >= 1
    assert load_bundle_verifier().verify_bundle(bundle, checkpoints.verifier_key()) == case_entries
    [export] = _exports()
    assert export["subject"] == {"kind": "case", "id": str(case.pk)}
    assert export["agency"] == case.agency_id
    assert export["actor"]["user"] == getattr(world, f"{who}_user").pk  # type: ignore[index]
    assert export["data"] == {
        "entries": case_entries,
        "checkpoint_size": integrator.get_log().size,
        "digest": "sha256:" + hashlib.sha256(response.content).hexdigest(),
    }
    page = client.get(reverse("cases:case_detail", args=[case.pk])).content.decode()
    assert 'id="record-bundle-link"' in page


def test_the_outsider_gets_the_missing_404_and_nothing_is_recorded(
    client: Client, world: World, case: Case
) -> None:
    client.force_login(world.outsider_user)
    assert client.get(reverse("cases:case_record_bundle", args=[case.pk])).status_code == 404
    assert client.get(reverse("cases:case_record_bundle", args=[999_999])).status_code == 404
    assert _exports() == []


def test_the_anonymous_public_is_sent_to_sign_in(client: Client, case: Case) -> None:
    response = client.get(reverse("cases:case_record_bundle", args=[case.pk]))
    assert response.status_code == 302
    assert "login" in response["Location"]
    assert _exports() == []


def test_the_verifier_script_is_public(client: Client) -> None:
    response = client.get(reverse("records:verifier_script"))
    assert response.status_code == 200
    assert response.content == (TOOLS / "verify_bundle.py").read_bytes()
    assert 'filename="verify_bundle.py"' in response["Content-Disposition"]
