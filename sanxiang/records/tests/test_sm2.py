"""The optional SM2 line on checkpoints (国密, GB/T 32918): signed next to the Ed25519 line when configured
and gmssl_pyx is installed, checked by `records verify` and by the standalone verifier's --sm2-vkey; a
deployment that asks for SM2 without the package gets a clear configuration error."""

from __future__ import annotations

import importlib
import io
import json
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.db import connection
from django.utils import translation

from sanxiang.core.errors import ConfigurationError
from sanxiang.records import checkpoints, guards, integrator, notes, sm2, verify
from sanxiang.records.tests.helpers import append, load_bundle_verifier

needs_gmssl = pytest.mark.skipif(not sm2.available(), reason="gmssl_pyx is not installed")


@pytest.fixture
def sm2_log(settings: Any, tmp_path: Path) -> None:
    settings.SANXIANG_LOG_KEY_PATH = tmp_path / "log.pem"
    settings.SANXIANG_LOG_SM2_KEY_PATH = tmp_path / "log_sm2.json"
    for n in range(3):
        append(n)


@needs_gmssl
@pytest.mark.django_db
@pytest.mark.usefixtures("sm2_log")
def test_checkpoint_carries_an_sm2_line_that_verifies(tmp_path: Path) -> None:
    """Both lines sign the same text; the Ed25519 one still opens with the log's vkey (interoperable), the
    SM2 one with the SM2 vkey, in `records verify` and in the standalone verifier."""
    checkpoint = checkpoints.publish()
    text, lines = notes.split(checkpoint.note)
    assert len(lines) == 2
    assert notes.open_note(checkpoint.note, checkpoints.verifier()) == text
    key = sm2.parse_vkey(checkpoints.sm2_verifier_key() or "")
    assert sm2.verify_note(checkpoint.note, key) is True
    assert (tmp_path / "log_sm2.json").stat().st_mode & 0o777 == 0o600
    assert verify.verify_log(integrator.get_log()).ok
    path = tmp_path / "bundle.json"
    call_command("records", "export", "--subject", "thing:1", str(path), stdout=io.StringIO())
    bundle = json.loads(path.read_text())
    assert bundle["sm2_vkey"] == key.vkey()
    tool = load_bundle_verifier()
    assert tool.verify_bundle(bundle, checkpoints.verifier_key(), sm2_vkey=bundle["sm2_vkey"]) == 3


@needs_gmssl
@pytest.mark.django_db
@pytest.mark.usefixtures("sm2_log")
def test_altered_sm2_line_is_reported(tmp_path: Path) -> None:
    """An SM2 signature changed behind the triggers' back is reported by verify and the verifier."""
    checkpoint = checkpoints.publish()
    sm2_line = checkpoint.note.rstrip("\n").rsplit("\n", 1)[1]
    blob = sm2_line.rsplit(" ", 1)[1]
    forged_blob = blob[:20] + ("A" if blob[20] != "A" else "B") + blob[21:]
    forged = checkpoint.note.replace(blob, forged_blob)
    guards.remove(connection)
    with connection.cursor() as cursor:
        cursor.execute("UPDATE records_checkpoint SET note = %s WHERE id = %s", [forged, checkpoint.pk])
    guards.install(connection)
    with translation.override("en"):
        report = verify.verify_log(integrator.get_log())
    assert any("SM2" in problem for problem in report.problems), report.problems
    tool = load_bundle_verifier()
    with pytest.raises(tool.VerifyError, match="SM2"):
        tool.check_sm2(forged, checkpoints.sm2_verifier_key())


@pytest.mark.django_db
@pytest.mark.usefixtures("sm2_log")
def test_sm2_without_gmssl_is_a_clear_configuration_error(monkeypatch: pytest.MonkeyPatch) -> None:
    """Asking for SM2 on a platform without gmssl_pyx refuses to sign, naming the package; nothing is
    stored."""
    real = importlib.import_module

    def without_gmssl(name: str, package: str | None = None) -> Any:
        if name == "gmssl_pyx":
            raise ImportError(name)
        return real(name, package)

    monkeypatch.setattr(importlib, "import_module", without_gmssl)
    assert not sm2.available()
    with translation.override("en"), pytest.raises(ConfigurationError, match="gmssl_pyx"):
        checkpoints.publish()
    assert checkpoints.latest() is None


@pytest.mark.django_db
def test_without_the_setting_checkpoints_have_only_the_ed25519_line(settings: Any, tmp_path: Path) -> None:
    """SM2 is opt-in: unset, a checkpoint has one signature line and no SM2 key is made."""
    settings.SANXIANG_LOG_KEY_PATH = tmp_path / "log.pem"
    settings.SANXIANG_LOG_SM2_KEY_PATH = None
    append(1)
    _text, lines = notes.split(checkpoints.publish().note)
    assert len(lines) == 1
    assert checkpoints.sm2_verifier_key() is None
