"""SM3 digests of evidence when the deployment asks for them (R-REC-04: hash at ingest, SM3 preferred):
computed while streaming next to SHA-256, recorded in ``evidence.added``, re-checked by fixity; a platform
without SM3 refuses the upload before any byte is kept."""

from __future__ import annotations

import hashlib
import io
from typing import Any

import pytest
from django.core.management import CommandError, call_command
from django.test import Client
from django.utils import translation

from conftest import PASSWORD, World
from sanxiang.evidence.models import EvidenceFile, Upload
from sanxiang.evidence.tests.conftest import Store, mp4_bytes, records
from sanxiang.evidence.tests.helpers import create, patch
from sanxiang.records.models import PendingEntry

needs_sm3 = pytest.mark.skipif("sm3" not in hashlib.algorithms_available, reason="OpenSSL lacks SM3")


def _officer() -> Client:
    client = Client()
    client.login(username="officer", password=PASSWORD)
    return client


@needs_sm3
def test_sm3_is_computed_while_streaming_and_recorded(world: World, store: Store, settings: Any) -> None:
    """Both digests come from the bytes written, across chunks; the record carries both."""
    settings.SANXIANG_EVIDENCE_SM3 = True
    data = mp4_bytes(300_000)
    client = _officer()
    location = create(client, len(data))["Location"]
    patch(client, location, 0, data[:100_000])
    patch(client, location, 100_000, data[100_000:])
    evidence = EvidenceFile.objects.get()
    assert evidence.sha256 == hashlib.sha256(data).hexdigest()
    assert evidence.sm3 == hashlib.new("sm3", data).hexdigest()
    assert records("evidence.added")[0]["data"]["digest_sm3"] == f"sm3:{evidence.sm3}"
    call_command("evidence", "fixity", stdout=io.StringIO())


@needs_sm3
def test_fixity_checks_the_recorded_sm3_too(world: World, store: Store, settings: Any) -> None:
    """A file whose recorded SM3 no longer matches its bytes is a fixity failure even if SHA-256 holds."""
    settings.SANXIANG_EVIDENCE_SM3 = True
    data = mp4_bytes(5000)
    client = _officer()
    patch(client, create(client, len(data))["Location"], 0, data)
    EvidenceFile.objects.update(sm3="0" * 64)
    out = io.StringIO()
    with pytest.raises(CommandError):
        call_command("evidence", "fixity", stdout=out)
    assert (
        records("evidence.fixity_failed")[0]["data"]["found"] == f"sm3:{hashlib.new('sm3', data).hexdigest()}"
    )


def test_without_the_setting_no_sm3_is_computed(world: World, store: Store) -> None:
    data = mp4_bytes(5000)
    client = _officer()
    patch(client, create(client, len(data))["Location"], 0, data)
    assert EvidenceFile.objects.get().sm3 == ""
    assert records("evidence.added")[0]["data"].get("digest_sm3") is None


def test_sm3_required_without_openssl_support_refuses_the_upload(
    world: World, store: Store, settings: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A deployment that asks for SM3 on a platform whose OpenSSL lacks it gets a clear error when the upload
    is created; nothing is stored and nothing recorded."""
    settings.SANXIANG_EVIDENCE_SM3 = True
    real = hashlib.new

    def without_sm3(name: str, *args: Any, **kwargs: Any) -> Any:
        if name == "sm3":
            raise ValueError("unsupported hash type sm3")
        return real(name, *args, **kwargs)

    monkeypatch.setattr(hashlib, "new", without_sm3)
    before = PendingEntry.objects.count()
    with translation.override("en"):
        response = create(_officer(), 5000)
    assert response.status_code == 500  # the deployment, not the client, is at fault
    assert "SM3" in response.content.decode()
    assert (Upload.objects.count(), EvidenceFile.objects.count(), PendingEntry.objects.count()) == (
        0,
        0,
        before,
    )
