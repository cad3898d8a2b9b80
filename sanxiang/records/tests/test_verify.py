"""Verification, proofs and bundles: an intact log verifies; an edit made with the triggers dropped is
reported with its index; proof files and bundles verify offline and fail when altered."""

from __future__ import annotations

import base64
import io
import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.utils import translation

from sanxiang.records import checkpoints, guards, integrator, merkle, verify
from sanxiang.records.tests.helpers import TOOLS, append, load_bundle_verifier


@pytest.fixture
def log_of_ten(settings: Any, tmp_path: Path) -> None:
    """Ten entries (subject thing:1 for even n, thing:2 for odd), with checkpoints at sizes 4 and 10."""
    settings.SANXIANG_LOG_KEY_PATH = tmp_path / "log.pem"
    for n in range(4):
        append(n, subject_id=str(1 + n % 2))
    checkpoints.publish()
    for n in range(4, 10):
        append(n, subject_id=str(1 + n % 2))
    checkpoints.publish()


def _tamper(sql: str, params: list[Any]) -> None:
    guards.remove(connection)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
    guards.install(connection)


def _verify() -> verify.Report:
    with translation.override("en"):
        return verify.verify_log(integrator.get_log(), chunk=3)


@pytest.mark.django_db
@pytest.mark.usefixtures("log_of_ten")
def test_intact_log_verifies() -> None:
    """Every leaf, the head and both checkpoints check out; the command says so."""
    report = _verify()
    assert report.ok, report.problems
    assert (report.size, report.checkpoints) == (10, 2)
    out = io.StringIO()
    call_command("records", "verify", stdout=out)
    assert "10" in out.getvalue()


@pytest.mark.django_db
@pytest.mark.usefixtures("log_of_ten")
def test_edited_body_is_reported_with_its_index() -> None:
    """An entry body changed behind the triggers' back is named by index, and the command exits non-zero."""
    _tamper('UPDATE records_entry SET body = %s WHERE "index" = 6', [b'{"forged":true}'])
    report = _verify()
    assert report.first_bad_index == 6
    with pytest.raises(CommandError, match="6"):
        call_command("records", "verify", stderr=io.StringIO())


@pytest.mark.django_db
@pytest.mark.usefixtures("log_of_ten")
def test_consistent_rewrite_is_caught_by_the_earlier_checkpoint() -> None:
    """Rewriting a body *and* its leaf hash fools the leaf check but not the signed checkpoints: the
    report points at the first range that no longer reproduces a checkpoint."""
    tree = merkle.TreeHasher("sha256")
    body = b'{"forged":true}'
    _tamper('UPDATE records_entry SET body = %s, leaf_hash = %s WHERE "index" = 2', [body, tree.leaf(body)])
    report = _verify()
    assert not report.ok
    assert report.first_bad_index == 0
    assert any("size 4" in problem for problem in report.problems), report.problems


@pytest.mark.django_db
@pytest.mark.usefixtures("log_of_ten")
def test_deleted_entry_is_reported() -> None:
    """A removed entry leaves a gap that verify names."""
    _tamper('DELETE FROM records_entry WHERE "index" = 8', [])
    assert _verify().first_bad_index == 8


@pytest.mark.django_db
@pytest.mark.usefixtures("log_of_ten")
def test_forged_checkpoint_signature_is_reported() -> None:
    """A checkpoint whose note was altered fails its signature check."""
    _tamper("UPDATE records_checkpoint SET note = replace(note, '\n4\n', '\n5\n') WHERE size = 4", [])
    assert any("4" in problem for problem in _verify().problems)


@pytest.mark.django_db
@pytest.mark.usefixtures("log_of_ten")
def test_proof_file_verifies_against_its_checkpoint(tmp_path: Path) -> None:
    """`records proof INDEX` writes a tlog-proof@v1 file whose hashes prove the entry in the checkpoint."""
    out = tmp_path / "7.tlog-proof"
    call_command("records", "proof", "7", "--out", str(out))
    tool = load_bundle_verifier()
    index, proof, note = tool.parse_proof(out.read_text())
    _origin, size, root = tool.parse_checkpoint(
        tool.open_note(note, tool.parse_vkey(checkpoints.verifier_key()))
    )
    leaf = bytes(integrator.get_log().entries.get(index=7).leaf_hash)
    assert (index, size) == (7, 10)
    assert tool.verify_inclusion(
        tool.hash_function("sha256"), index=7, size=size, leaf=leaf, proof=proof, root=root
    )


@pytest.mark.django_db
@pytest.mark.usefixtures("log_of_ten")
def test_bundle_verifies_offline_and_alterations_fail(tmp_path: Path) -> None:
    """An exported bundle passes the standalone verifier (also as a separate process); altering an entry,
    the subject or the earlier checkpoint makes it fail."""
    path = tmp_path / "bundle.json"
    call_command("records", "export", "--subject", "thing:2", str(path), stdout=io.StringIO())
    bundle = json.loads(path.read_text())
    vkey = checkpoints.verifier_key()
    tool = load_bundle_verifier()
    assert tool.verify_bundle(bundle, vkey) == 5
    assert [entry["index"] for entry in bundle["entries"]] == [1, 3, 5, 7, 9]
    run = subprocess.run(  # noqa: S603 - our own tool, fixed arguments
        [sys.executable, str(TOOLS / "verify_bundle.py"), str(path), "--vkey", vkey],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    forged_body = base64.b64encode(base64.b64decode(bundle["entries"][0]["body"]).replace(b'"n":1', b'"n":2'))
    alterations: list[Callable[[dict[str, Any]], None]] = [
        lambda b: b["entries"][0].update(body=forged_body.decode()),
        lambda b: b.update(subject={"kind": "thing", "id": "1"}),
        lambda b: b["checkpoints"][0].update(consistency=b["checkpoints"][0]["consistency"][:-1]),
    ]
    for alter in alterations:
        altered = json.loads(path.read_text())
        alter(altered)
        with pytest.raises(tool.VerifyError):
            tool.verify_bundle(altered, vkey)


@pytest.mark.django_db
@pytest.mark.usefixtures("log_of_ten")
def test_proof_and_export_refuse_bad_arguments(tmp_path: Path) -> None:
    """An index outside the checkpoint and a subject without KIND:ID are refused with a command error."""
    with pytest.raises(CommandError):
        call_command("records", "proof", "10")
    with pytest.raises(CommandError):
        call_command("records", "export", "--subject", "thing", str(tmp_path / "b.json"))


@pytest.mark.django_db
@pytest.mark.parametrize("chunk", [1, 2, 3, 8, 16, 17, 64])
def test_any_chunk_size_reproduces_checkpoints_at_unaligned_sizes(
    settings: Any, tmp_path: Path, chunk: int
) -> None:
    """Chunks are cut at checkpoint sizes into aligned complete subtrees: whatever the chunk size, every
    checkpoint (at sizes 1, 5, 16, 17, 33 and 40) is reproduced, and an edited body inside a subtree hashed
    level by level is still named by its own index."""
    settings.SANXIANG_LOG_KEY_PATH = tmp_path / "log.pem"
    for n in range(40):
        append(n)
        if n + 1 in (1, 5, 16, 17, 33, 40):
            checkpoints.publish()
    report = verify.verify_log(integrator.get_log(), chunk=chunk)
    assert report.ok, report.problems
    assert (report.size, report.checkpoints) == (40, 6)
    _tamper('UPDATE records_entry SET body = %s WHERE "index" = 21', [b'{"forged":true}'])
    with translation.override("en"):
        report = verify.verify_log(integrator.get_log(), chunk=chunk)
    assert report.first_bad_index == 21
    assert any("size 33" in problem for problem in report.problems), report.problems


@pytest.mark.django_db
@pytest.mark.usefixtures("log_of_ten")
def test_verify_refuses_a_chunk_or_jobs_below_one() -> None:
    for option in ("--jobs", "--chunk"):
        with pytest.raises(CommandError, match="at least 1"), translation.override("en"):
            call_command("records", "verify", option, "0", stdout=io.StringIO())
