"""Checkpoints: key generation, signing only when the tree grew, the public endpoint, the CLI."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.test import Client

from sanxiang.core.errors import ConfigurationError
from sanxiang.records import checkpoints, integrator, notes
from sanxiang.records.models import Checkpoint
from sanxiang.records.tests.helpers import append


@pytest.fixture
def key_path(settings: Any, tmp_path: Path) -> Path:
    settings.SANXIANG_LOG_KEY_PATH = tmp_path / "keys" / "log.pem"
    return Path(settings.SANXIANG_LOG_KEY_PATH)


@pytest.mark.django_db
def test_key_is_generated_once_and_kept_private(key_path: Path) -> None:
    """The first use generates an Ed25519 key readable only by its owner; later uses load the same key."""
    first = checkpoints.verifier_key()
    assert key_path.stat().st_mode & 0o777 == 0o600
    assert checkpoints.verifier_key() == first
    assert first.startswith(integrator.origin() + "+")


@pytest.mark.django_db
def test_missing_key_is_a_configuration_error_when_generation_is_off(key_path: Path, settings: Any) -> None:
    """Production loads its key from the configured path and refuses to invent one."""
    settings.SANXIANG_LOG_KEY_GENERATE = False
    with pytest.raises(ConfigurationError):
        checkpoints.signing_key()


@pytest.mark.django_db
def test_checkpoint_is_signed_only_when_the_tree_grew(key_path: Path) -> None:
    """A checkpoint is a valid C2SP signed note of the head; publishing twice without growth signs once."""
    append(1)
    first = checkpoints.publish()
    assert checkpoints.publish() == first
    text = notes.open_note(first.note, checkpoints.verifier())
    log = integrator.get_log()
    assert notes.parse_checkpoint(text) == (log.origin, 1, bytes(log.root))
    append(2)
    assert checkpoints.publish().size == 2
    assert Checkpoint.objects.count() == 2


@pytest.mark.django_db
def test_checkpoint_endpoint_serves_the_latest_note_as_plain_text(key_path: Path, client: Client) -> None:
    """/log/checkpoint is public text/plain; before any checkpoint it answers 404."""
    assert client.get("/log/checkpoint").status_code == 404
    append(1)
    latest = checkpoints.publish()
    response = client.get("/log/checkpoint")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    assert response.content.decode() == latest.note


@pytest.mark.django_db
def test_commands_print_checkpoint_and_vkey(key_path: Path) -> None:
    """`records checkpoint` prints the signed note; `records vkey` the key that verifies it."""
    append(1)
    out, key = io.StringIO(), io.StringIO()
    call_command("records", "checkpoint", stdout=out)
    call_command("records", "vkey", stdout=key)
    assert notes.open_note(out.getvalue(), notes.parse_vkey(key.getvalue())).startswith(integrator.origin())


@pytest.mark.django_db
def test_integrate_command_reports_and_warns_about_old_entries(settings: Any) -> None:
    """`records integrate` integrates and warns on stderr when entries waited past the threshold."""
    settings.SANXIANG_RECORDS_PENDING_ALERT_SECONDS = -1
    append(1)
    out, err = io.StringIO(), io.StringIO()
    call_command("records", "integrate", stdout=out, stderr=err)
    assert "1" in out.getvalue()
    assert err.getvalue()
    assert integrator.get_log().size == 1


@pytest.mark.django_db
def test_beat_task_integrates_and_signs(key_path: Path) -> None:
    """The Celery task used by the beat schedule integrates and returns the signed size."""
    from sanxiang.records import tasks

    append(1)
    append(2)
    assert tasks.publish_checkpoint() == 2
