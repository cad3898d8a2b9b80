"""Playback and download: the jurisdiction personas, HTTP Range, and a read record for every view."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from conftest import PASSWORD, World
from sanxiang.evidence.models import EvidenceFile
from sanxiang.evidence.tests.conftest import Store, mp4_bytes, records
from sanxiang.evidence.tests.helpers import create, patch

DATA = mp4_bytes(50_000)


@pytest.fixture
def evidence(world: World, store: Store) -> EvidenceFile:
    client = Client()
    client.login(username="officer", password=PASSWORD)
    location = create(client, len(DATA))["Location"]
    assert patch(client, location, 0, DATA).status_code == 204
    return EvidenceFile.objects.get()


def _as(username: str | None) -> Client:
    client = Client()
    if username:
        assert client.login(username=username, password=PASSWORD)
    return client


def _page(response: object) -> str:
    content = getattr(response, "content", b"").decode()
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", content)


@pytest.mark.parametrize("username", ["officer", "colleague", "supervisor", "admin"])
def test_the_agency_and_its_supervisors_may_read(evidence: EvidenceFile, username: str) -> None:
    client = _as(username)
    for view in ("play", "download"):
        response = client.get(f"/evidence/files/{evidence.pk}/{view}")
        assert response.status_code == 200
        assert b"".join(response.streaming_content) == DATA  # type: ignore[attr-defined]
        assert response["Content-Length"] == str(len(DATA))
    reads = records("evidence.read")
    assert [read["data"]["mode"] for read in reads] == ["view", "download"]
    assert {read["actor"]["user"] for read in reads} == {_user_id(username)}


def _user_id(username: str) -> int:
    from django.contrib.auth import get_user_model

    return int(get_user_model().objects.get(username=username).pk)


@pytest.mark.parametrize("username", ["outsider", None])
def test_outsiders_and_the_public_get_the_same_404_as_a_missing_file(
    evidence: EvidenceFile, username: str | None
) -> None:
    client = _as(username)
    for view in ("play", "download"):
        refused = client.get(f"/evidence/files/{evidence.pk}/{view}")
        missing = client.get(f"/evidence/files/{evidence.pk + 1000}/{view}")
        assert refused.status_code == missing.status_code == 404
        refused_page = _page(refused).replace(f"/evidence/files/{evidence.pk}/", "")
        assert refused_page == _page(missing).replace(f"/evidence/files/{evidence.pk + 1000}/", "")
    assert records("evidence.read") == []


def test_range_requests_serve_the_slice_and_record_it(evidence: EvidenceFile) -> None:
    client = _as("officer")
    response = client.get(f"/evidence/files/{evidence.pk}/play", headers={"Range": "bytes=100-199"})
    assert response.status_code == 206
    assert response["Content-Range"] == f"bytes 100-199/{len(DATA)}"
    assert b"".join(response.streaming_content) == DATA[100:200]  # type: ignore[attr-defined]
    tail = client.get(f"/evidence/files/{evidence.pk}/play", headers={"Range": "bytes=-10"})
    assert b"".join(tail.streaming_content) == DATA[-10:]  # type: ignore[attr-defined]
    assert [r["data"]["range"] for r in records("evidence.read")] == [
        "100-199",
        f"{len(DATA) - 10}-{len(DATA) - 1}",
    ]


def test_an_unsatisfiable_range_is_416(evidence: EvidenceFile) -> None:
    response = _as("officer").get(f"/evidence/files/{evidence.pk}/play", headers={"Range": "bytes=99999999-"})
    assert response.status_code == 416
    assert response["Content-Range"] == f"bytes */{len(DATA)}"


def test_every_read_is_recorded(evidence: EvidenceFile) -> None:
    client = _as("colleague")
    for _ in range(3):
        b"".join(client.get(f"/evidence/files/{evidence.pk}/play").streaming_content)  # type: ignore[attr-defined]
    assert len(records("evidence.read")) == 3
