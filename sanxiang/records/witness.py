"""This deployment as a witness of other agencies' record logs (c2sp.org/tlog-witness, add-checkpoint).

Owns: the logs it witnesses (``SANXIANG_WITNESS_LOGS``: each log's verifier key, optionally followed by a
space and its hash, ``sha256`` by default), its cosigner key (Ed25519 PEM at ``SANXIANG_WITNESS_KEY_PATH``,
named ``SANXIANG_WITNESS_NAME``) and the one operation: check a new checkpoint's log signature and its
consistency with the last checkpoint it cosigned for that log, move its view forward, and return a
cosignature/v1 line. Never cosigns a checkpoint that is not consistent with what it saw before: that is how
a rewritten history or a split view (two versions of one log shown to different people) is caught.
"""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import load_pem_private_key
from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _

from sanxiang.core import clock
from sanxiang.core.errors import ConfigurationError, InvalidInput, NotFoundOrForbidden, RuleViolation
from sanxiang.records import checkpoints, events, merkle, notes, writer
from sanxiang.records.models import WitnessedLog


class SizeConflict(InvalidInput):
    """The request's old size is not the size this witness holds for the log (HTTP 409 with that size)."""

    def __init__(self, message: str, *, size: int) -> None:
        super().__init__(message)
        self.size = size


class BadSignature(RuleViolation):
    """The checkpoint is not signed by the log's key (HTTP 403)."""


class Inconsistent(RuleViolation):
    """The consistency proof does not hold: the log rewrote what the witness saw (HTTP 422)."""


@dataclass(frozen=True)
class WatchedLog:
    verifier: notes.Verifier
    hash_algorithm: str


@dataclass(frozen=True)
class Request:
    old: int
    proof: list[bytes]
    note: str


def watched_logs() -> dict[str, WatchedLog]:
    """The logs this deployment witnesses, by origin."""
    logs = {}
    for line in getattr(settings, "SANXIANG_WITNESS_LOGS", []):
        vkey, _space, algorithm = line.strip().partition(" ")
        try:
            verifier = notes.parse_vkey(vkey)
            merkle.hasher(algorithm or "sha256")
        except notes.NoteError as error:
            raise ConfigurationError(
                _("A log key in SANXIANG_WITNESS_LOGS is malformed: %(error)s.") % {"error": error}
            ) from None
        logs[verifier.name] = WatchedLog(verifier, algorithm or "sha256")
    return logs


def name() -> str:
    return str(getattr(settings, "SANXIANG_WITNESS_NAME", "sanxiang.local/witness"))


def signing_key() -> Ed25519PrivateKey:
    """The witness's cosigner key; generated on first use unless ``SANXIANG_LOG_KEY_GENERATE`` is false."""
    path = Path(settings.SANXIANG_WITNESS_KEY_PATH)
    if not path.exists():
        if not getattr(settings, "SANXIANG_LOG_KEY_GENERATE", True):
            raise ConfigurationError(_("The witness key %(path)s is missing.") % {"path": path})
        checkpoints.generate_key_file(path)
    key = load_pem_private_key(path.read_bytes(), password=None)
    if not isinstance(key, Ed25519PrivateKey):
        raise ConfigurationError(_("The witness key %(path)s is not Ed25519.") % {"path": path})
    return key


def verifier_key() -> str:
    """The witness's cosigner vkey (type 0x04), for the logs that want its cosignatures."""
    return notes.vkey(name(), signing_key().public_key(), kind=notes.COSIGNATURE_V1)


def parse_request(body: str) -> Request:
    """``old <size>``, one base64 proof hash per line, an empty line, the signed checkpoint."""
    head, separator, note = body.partition("\n\n")
    lines = head.split("\n")
    if not separator or not lines[0].startswith("old ") or not lines[0][4:].isdigit():
        raise InvalidInput(_("Malformed add-checkpoint request."))
    try:
        proof = [base64.b64decode(line, validate=True) for line in lines[1:]]
    except binascii.Error:
        raise InvalidInput(_("Malformed add-checkpoint request.")) from None
    return Request(old=int(lines[0][4:]), proof=proof, note=note)


def _open(request: Request) -> tuple[WatchedLog, str, int, bytes]:
    try:
        text, _signatures = notes.split(request.note)
        origin, size, root = notes.parse_checkpoint(text)
    except notes.NoteError:
        raise InvalidInput(_("Malformed add-checkpoint request.")) from None
    watched = watched_logs().get(origin)
    if watched is None:
        raise NotFoundOrForbidden(_("This witness does not watch the log %(origin)s.") % {"origin": origin})
    try:
        notes.open_note(request.note, watched.verifier)
    except notes.NoteError:
        raise BadSignature(_("The checkpoint is not signed by the log's key.")) from None
    return watched, text, size, root


@transaction.atomic
def check_add_checkpoint(body: str) -> str:
    """Verify and cosign; returns the cosignature line. Refuses a stale old size (SizeConflict), a bad
    signature, a checkpoint smaller than the old size and a proof that does not hold (Inconsistent)."""
    request = parse_request(body)
    watched, text, size, root = _open(request)
    state, _created = WitnessedLog.objects.select_for_update().get_or_create(origin=watched.verifier.name)
    if request.old != state.size:
        raise SizeConflict(
            _("The witness holds size %(size)d of this log, not %(old)d.")
            % {"size": state.size, "old": request.old},
            size=state.size,
        )
    if size < request.old:
        raise InvalidInput(_("The checkpoint is smaller than the size the witness already holds."))
    tree = merkle.TreeHasher(watched.hash_algorithm)
    if request.old and not merkle.verify_consistency(
        tree, old=request.old, new=size, old_root=bytes(state.root), new_root=root, proof=request.proof
    ):
        raise Inconsistent(
            _("The checkpoint at size %(size)d is not consistent with the one cosigned at size %(old)d.")
            % {"size": size, "old": request.old}
        )
    do_advance(state, size=size, root=root)
    return notes.cosign(text, name=name(), key=signing_key(), timestamp=int(clock.now().timestamp()))


def do_advance(state: WitnessedLog, *, size: int, root: bytes) -> None:
    old = state.size
    state.size, state.root, state.updated_at = size, root, clock.now()
    state.save(update_fields=["size", "root", "updated_at"])
    writer.append(
        events.WITNESSED.code,
        agency_id=None,
        actor=writer.SYSTEM,
        subject=writer.Subject("witnessed_log", str(state.pk)),
        data={"origin": state.origin, "old_size": old, "size": size, "root": base64.b64encode(root).decode()},
    )
