"""``sanxiang evidence fixity`` detects a changed byte and a missing original, and records each failure."""

from __future__ import annotations

import io

import pytest
from django.core.management import CommandError, call_command
from django.test import Client

from conftest import PASSWORD, World
from sanxiang.evidence.models import EvidenceFile
from sanxiang.evidence.tests.conftest import Store, files_under, mp4_bytes, records
from sanxiang.evidence.tests.helpers import create, patch


@pytest.fixture
def stored(world: World, store: Store) -> EvidenceFile:
    client = Client()
    client.login(username="officer", password=PASSWORD)
    data = mp4_bytes(4096)
    patch(client, create(client, len(data))["Location"], 0, data)
    return EvidenceFile.objects.get()


def test_an_intact_store_passes(stored: EvidenceFile) -> None:
    out = io.StringIO()
    call_command("evidence", "fixity", stdout=out)
    assert "checked 1, mismatches 0" in out.getvalue()


def test_a_changed_byte_is_detected(stored: EvidenceFile, store: Store) -> None:
    [original] = files_under(store.root)
    original.chmod(0o644)
    content = bytearray(original.read_bytes())
    content[2000] ^= 0x01
    original.write_bytes(bytes(content))
    out = io.StringIO()
    with pytest.raises(CommandError):
        call_command("evidence", "fixity", stdout=out)
    assert f"MISMATCH file {stored.pk}" in out.getvalue()
    assert records("evidence.fixity_failed")[0]["data"]["digest"] == f"sha256:{stored.sha256}"


def test_a_missing_original_is_detected(stored: EvidenceFile, store: Store) -> None:
    [original] = files_under(store.root)
    original.unlink()
    with pytest.raises(CommandError):
        call_command("evidence", "fixity", stdout=io.StringIO())
    assert records("evidence.fixity_failed")[0]["data"]["found"] == "missing"


def test_the_scheduled_task_reports_mismatches(stored: EvidenceFile, store: Store) -> None:
    from sanxiang.evidence import tasks

    assert tasks.check_fixity() == 0
    [original] = files_under(store.root)
    original.chmod(0o644)
    original.write_bytes(b"replaced")
    assert tasks.check_fixity() == 1
