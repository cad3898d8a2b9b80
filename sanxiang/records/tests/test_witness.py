"""Witness cosignatures (c2sp.org/tlog-cosignature, tlog-witness add-checkpoint): a witness cosigns only a
checkpoint signed by the log and consistent with the last one it cosigned; the log stores only lines that
verify against a configured witness key; the standalone verifier requires each given witness's cosignature.

Here one deployment plays both parts (the log, and another agency's witness of it), configured by settings.
"""

from __future__ import annotations

import base64
import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse
from django.utils import translation

from sanxiang.core.errors import InvalidInput
from sanxiang.records import checkpoints, cosign, notes, witness
from sanxiang.records.models import Cosignature, Entry, PendingEntry, WitnessedLog
from sanxiang.records.tests.helpers import TOOLS, append, load_bundle_verifier

WITNESS = "shanxi.example.gov.cn/witness"


@pytest.fixture
def witnessed(settings: Any, tmp_path: Path) -> str:
    """A log of six entries with a checkpoint; this deployment also witnesses it. Returns the witness vkey."""
    settings.SANXIANG_LOG_KEY_PATH = tmp_path / "log.pem"
    settings.SANXIANG_WITNESS_KEY_PATH = tmp_path / "witness.pem"
    settings.SANXIANG_WITNESS_NAME = WITNESS
    for n in range(6):
        append(n, subject_id=str(n % 2))
    checkpoints.publish()
    settings.SANXIANG_WITNESS_LOGS = [checkpoints.verifier_key()]
    vkey = witness.verifier_key()
    settings.SANXIANG_LOG_WITNESSES = [vkey]
    return vkey


def _round_trip() -> str:
    """Our log asks the witness, the witness answers, the log stores the line; returns the line."""
    line = witness.check_add_checkpoint(cosign.add_checkpoint_request(WITNESS))
    cosign.check_add_cosignatures(line)
    return line


def _counts() -> tuple[int, int, list[int]]:
    return (
        Cosignature.objects.count(),
        Entry.objects.count() + PendingEntry.objects.count(),
        list(WitnessedLog.objects.values_list("size", flat=True)),
    )


def test_cosignature_lines_round_trip_and_bind_their_timestamp() -> None:
    """cosignature/v1 signs 'cosignature/v1', 'time T' and the checkpoint text; another time fails."""
    key = Ed25519PrivateKey.generate()
    vkey = notes.vkey(WITNESS, key.public_key(), kind=notes.COSIGNATURE_V1)
    text = notes.checkpoint_text("example.com/log", 3, bytes(32))
    line = notes.cosign(text, name=WITNESS, key=key, timestamp=1_700_000_000)
    note = notes.sign(text, name="example.com/log", key=Ed25519PrivateKey.generate()) + line
    verifier = notes.parse_vkey(vkey, kind=notes.COSIGNATURE_V1)
    assert notes.open_cosignature(note, verifier) == 1_700_000_000
    blob = bytearray(base64.b64decode(line.rsplit(" ", 1)[1]))
    blob[11] ^= 1  # another timestamp
    forged = note.replace(line.rsplit(" ", 1)[1].strip(), base64.b64encode(bytes(blob)).decode())
    with pytest.raises(notes.NoteError):
        notes.open_cosignature(forged, verifier)
    with pytest.raises(notes.NoteError):
        notes.parse_vkey(vkey)  # a cosigner key is not a log key


@pytest.mark.django_db
def test_witness_cosigns_and_the_log_serves_and_exports_the_cosignature(
    witnessed: str, tmp_path: Path
) -> None:
    """The cosignature is stored beside the checkpoint (the signed note never changes), served at
    /log/checkpoint, carried in bundles, and required by the standalone verifier's --witness."""
    _round_trip()
    latest = checkpoints.latest()
    assert latest is not None
    assert WITNESS not in latest.note
    served = Client().get(reverse("records:checkpoint")).content.decode()
    assert served.startswith(latest.note)
    assert f"\u2014 {WITNESS} " in served
    assert WitnessedLog.objects.get().size == latest.size
    path = tmp_path / "bundle.json"
    call_command("records", "export", "--subject", "thing:1", str(path), stdout=io.StringIO())
    bundle = json.loads(path.read_text())
    tool = load_bundle_verifier()
    assert tool.verify_bundle(bundle, checkpoints.verifier_key(), witnesses=[witnessed]) == 3
    other = notes.vkey(WITNESS, Ed25519PrivateKey.generate().public_key(), kind=notes.COSIGNATURE_V1)
    with pytest.raises(tool.VerifyError, match="not cosigned"):
        tool.verify_bundle(bundle, checkpoints.verifier_key(), witnesses=[other])
    run = subprocess.run(  # noqa: S603 - our own tool, fixed arguments
        [sys.executable, str(TOOLS / "verify_bundle.py"), str(path), "--vkey", checkpoints.verifier_key(),
         "--witness", witnessed],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr


@pytest.mark.django_db
def test_witness_moves_forward_only_with_a_consistency_proof(witnessed: str) -> None:
    """After a first cosignature the witness needs a proof from its size; the log sends one and both move.
    The exchange itself is recorded in the log (records.witnessed, records.cosigned)."""
    _round_trip()
    for n in range(6, 11):
        append(n)
    checkpoints.publish()
    request = cosign.add_checkpoint_request(WITNESS)
    assert request.startswith("old 6\n")
    assert request.count("\n\n") == 2  # proof lines, then the signed checkpoint
    _round_trip()
    latest = checkpoints.latest()
    assert latest is not None
    assert latest.size > 11  # the entries, and the log's own records of the first exchange
    assert WitnessedLog.objects.get().size == latest.size == cosign.last_cosigned_size(WITNESS)


@pytest.mark.django_db
def test_stale_old_size_is_a_conflict_naming_the_witness_size(witnessed: str) -> None:
    """tlog-witness: an old size other than the one the witness holds answers 409 with that size, and
    nothing moves."""
    _round_trip()
    before = _counts()
    request = cosign.add_checkpoint_request(WITNESS).replace("old 6\n", "old 0\n", 1)
    response = Client().post(reverse("records:add_checkpoint"), request, content_type="text/plain")
    assert (response.status_code, response.content) == (409, b"6\n")
    assert _counts() == before


@pytest.mark.django_db
def test_rewritten_history_is_refused_by_the_witness(witnessed: str, tmp_path: Path) -> None:
    """A checkpoint signed by the log's key but not consistent with what the witness cosigned (a split view
    or a rewritten history) is refused with 422; the witness keeps its view and writes no record."""
    _round_trip()
    key = checkpoints.signing_key()
    forged_text = notes.checkpoint_text(checkpoints.latest().log.origin, 9, bytes(32))  # type: ignore[union-attr]
    forged = notes.sign(forged_text, name=checkpoints.latest().log.origin, key=key)  # type: ignore[union-attr]
    request = "old 6\n" + base64.b64encode(bytes(32)).decode() + "\n\n" + forged
    before = _counts()
    response = Client().post(reverse("records:add_checkpoint"), request, content_type="text/plain")
    assert response.status_code == 422
    assert _counts() == before


@pytest.mark.django_db
def test_unknown_log_bad_signature_and_malformed_requests_are_refused(witnessed: str) -> None:
    """An unwatched origin answers 404, a checkpoint not signed by the log 403, garbage 400; GET is not
    allowed. Nothing is stored in any case."""
    url = reverse("records:add_checkpoint")
    request = cosign.add_checkpoint_request(WITNESS)
    stranger = notes.sign(
        notes.checkpoint_text("other.example/log", 1, bytes(32)), name="other.example/log",
        key=Ed25519PrivateKey.generate(),
    )  # fmt: skip
    origin = checkpoints.latest().log.origin  # type: ignore[union-attr]
    impostor = notes.sign(
        notes.checkpoint_text(origin, 6, bytes(32)), name=origin, key=Ed25519PrivateKey.generate()
    )
    before = _counts()
    client = Client()
    assert client.post(url, "old 0\n\n" + stranger, content_type="text/plain").status_code == 404
    assert client.post(url, "old 0\n\n" + impostor, content_type="text/plain").status_code == 403
    assert client.post(url, "hello", content_type="text/plain").status_code == 400
    assert client.get(url).status_code == 405
    assert _counts() == before
    assert client.post(url, request, content_type="text/plain").status_code == 200


@pytest.mark.django_db
def test_log_refuses_unknown_forged_and_repeated_cosignatures(witnessed: str, settings: Any) -> None:
    """Only a configured witness's line that verifies on our checkpoint is stored, once; refusals store
    nothing and write no record."""
    line = witness.check_add_checkpoint(cosign.add_checkpoint_request(WITNESS))
    before = _counts()
    stranger = notes.cosign(
        checkpoints.latest().note.partition("\n\n")[0] + "\n",  # type: ignore[union-attr]
        name="stranger.example/w", key=Ed25519PrivateKey.generate(), timestamp=1,
    )  # fmt: skip
    blob = line.rsplit(" ", 1)[1].strip()
    forged = line.replace(blob, blob[:-6] + ("AAAAA=" if not blob.endswith("AAAAA=") else "BBBBB="))
    for bad in (stranger, forged, "not a line", ""):
        with pytest.raises(InvalidInput):
            cosign.check_add_cosignatures(bad)
    assert _counts() == before
    cosign.check_add_cosignatures(line)
    with translation.override("en"), pytest.raises(InvalidInput, match="already"):
        cosign.check_add_cosignatures(line)


@pytest.mark.django_db
def test_commands_run_the_whole_exchange(witnessed: str, tmp_path: Path) -> None:
    """cosign-request | witness | cosign-add, as an operator would pipe them between two deployments."""
    request, line = tmp_path / "request.txt", tmp_path / "line.txt"
    out = io.StringIO()
    call_command("records", "cosign-request", WITNESS, stdout=out)
    request.write_text(out.getvalue())
    out = io.StringIO()
    call_command("records", "witness", str(request), stdout=out)
    line.write_text(out.getvalue())
    out = io.StringIO()
    call_command("records", "cosign-add", str(line), stdout=out)
    assert Cosignature.objects.filter(witness=WITNESS).count() == 1
    out = io.StringIO()
    call_command("records", "witness-vkey", stdout=out)
    assert out.getvalue().strip() == witnessed
    with pytest.raises(CommandError):
        call_command("records", "cosign-request", "nobody.example/w")
