"""Witness cosignatures on this log's checkpoints (c2sp.org/tlog-cosignature).

Owns: the witnesses the log accepts (``SANXIANG_LOG_WITNESSES``: cosigner vkeys of other agencies, signature
type 0x04), the add-checkpoint request a witness needs (c2sp.org/tlog-witness: ``old <size>``, the consistency
proof from the size that witness last cosigned, the signed checkpoint), storing a returned cosignature line
after checking it against that witness's key and our checkpoint, and the checkpoint as served (its signed
note followed by its cosignature lines). Never alters a stored checkpoint: cosignatures live beside it.
"""

from __future__ import annotations

import base64
import datetime as dt

from django.conf import settings
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from sanxiang.core.errors import ConfigurationError, InvalidInput
from sanxiang.records import checkpoints, events, notes, treestore, writer
from sanxiang.records.integrator import get_log
from sanxiang.records.models import Checkpoint, Cosignature


def configured() -> list[notes.Verifier]:
    """The witnesses whose cosignatures this log accepts."""
    witnesses = []
    for text in getattr(settings, "SANXIANG_LOG_WITNESSES", []):
        try:
            witnesses.append(notes.parse_vkey(text, kind=notes.COSIGNATURE_V1))
        except notes.NoteError as error:
            raise ConfigurationError(
                _("A witness key in SANXIANG_LOG_WITNESSES is malformed: %(error)s.") % {"error": error}
            ) from None
    return witnesses


def witness_named(name: str) -> notes.Verifier:
    for witness in configured():
        if witness.name == name:
            return witness
    raise InvalidInput(_("%(name)s is not a configured witness of this log.") % {"name": name})


def last_cosigned_size(witness: str) -> int:
    """The largest of our checkpoint sizes ``witness`` has cosigned (0 when none): its view of the log."""
    size = Cosignature.objects.filter(checkpoint__log=get_log(), witness=witness).aggregate(
        size=Max("checkpoint__size")
    )["size"]
    return int(size or 0)


def add_checkpoint_request(witness: str) -> str:
    """The c2sp.org/tlog-witness add-checkpoint body for ``witness``: our latest checkpoint, proved
    consistent with the one it last cosigned."""
    witness_named(witness)
    checkpoint = checkpoints.sign_if_grown()
    old = last_cosigned_size(witness)
    proof = treestore.consistency_proof(get_log(), old=old, new=checkpoint.size)
    lines = "".join(base64.b64encode(hash_).decode() + "\n" for hash_ in proof)
    return f"old {old}\n{lines}\n{checkpoint.note}"


def _parse_line(line: str) -> tuple[str, str]:
    if not line.startswith(notes.DASH) or " " not in line[len(notes.DASH) :]:
        raise InvalidInput(_("This is not a signed-note signature line."))
    name = line[len(notes.DASH) :].rpartition(" ")[0]
    return name, line + "\n"


@transaction.atomic
def check_add_cosignatures(text: str, *, checkpoint: Checkpoint | None = None) -> list[Cosignature]:
    """Store each cosignature line of ``text`` on ``checkpoint`` (default: the latest) after checking it.
    Refuses lines of unknown witnesses, lines that do not verify, and a second line from one witness."""
    checkpoint = checkpoint or checkpoints.sign_if_grown()
    lines = [line for line in text.splitlines() if line.strip()]
    if not lines:
        raise InvalidInput(_("No cosignature line was given."))
    stored = []
    for line in lines:
        name, full = _parse_line(line)
        witness = witness_named(name)
        try:
            timestamp = notes.open_cosignature(checkpoint.note + full, witness)
        except notes.NoteError:
            raise InvalidInput(
                _("The cosignature of %(name)s does not verify on the checkpoint at size %(size)d.")
                % {"name": name, "size": checkpoint.size}
            ) from None
        if Cosignature.objects.filter(checkpoint=checkpoint, witness=name).exists():
            raise InvalidInput(
                _("%(name)s has already cosigned the checkpoint at size %(size)d.")
                % {"name": name, "size": checkpoint.size}
            )
        stored.append(do_add_cosignature(checkpoint, witness=name, timestamp=timestamp, line=full))
    return stored


def do_add_cosignature(checkpoint: Checkpoint, *, witness: str, timestamp: int, line: str) -> Cosignature:
    signed_at = dt.datetime.fromtimestamp(timestamp, tz=dt.UTC)
    cosignature = Cosignature.objects.create(
        checkpoint=checkpoint, witness=witness, signed_at=signed_at, line=line
    )
    writer.append(
        events.COSIGNED.code,
        agency_id=None,
        actor=writer.SYSTEM,
        subject=writer.Subject("checkpoint", str(checkpoint.size)),
        data={"witness": witness, "size": checkpoint.size, "signed_at": signed_at.isoformat()},
    )
    return cosignature


def served_note(checkpoint: Checkpoint) -> str:
    """The checkpoint's signed note followed by its witnesses' cosignature lines (what /log/checkpoint,
    proof files and bundles carry)."""
    lines = [c.line for c in Cosignature.objects.filter(checkpoint=checkpoint).order_by("witness")]
    return notes.add_lines(checkpoint.note, lines) if lines else checkpoint.note
