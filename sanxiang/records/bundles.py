"""Offline evidence: c2sp.org/tlog-proof@v1 files for one entry, and subject bundles (entries, their proofs,
the latest checkpoint, earlier checkpoints with consistency proofs, the verifier key) as described in
docs/records-format.md. Builds text; the only writes are signing a checkpoint first when the tree has grown,
so that proofs are always against a checkpoint covering every integrated entry, and the record of an export
asked for from the web (``do_export_bundle``)."""

from __future__ import annotations

import base64
import hashlib
import json
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from sanxiang.core.errors import InvalidInput
from sanxiang.records import checkpoints, cosign, treestore, writer
from sanxiang.records.integrator import get_log
from sanxiang.records.models import Checkpoint, Entry, Log

PROOF_HEADER = "c2sp.org/tlog-proof@v1"
BUNDLE_FORMAT = "sanxiang.records.bundle/v1"


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


def proof_text(log: Log, *, index: int, checkpoint: Checkpoint) -> str:
    """The tlog-proof of entry ``index`` against ``checkpoint``."""
    if not 0 <= index < checkpoint.size:
        raise InvalidInput(_("Entry %(index)d is not covered by the latest checkpoint.") % {"index": index})
    hashes = treestore.inclusion_proof(log, index=index, size=checkpoint.size)
    lines = [PROOF_HEADER, f"index {index}", *(_b64(hash_) for hash_ in hashes)]
    return "\n".join(lines) + "\n\n" + cosign.served_note(checkpoint)


def latest_checkpoint() -> tuple[Log, Checkpoint]:
    """The log and its latest checkpoint, signing one first if the tree has grown."""
    checkpoint = checkpoints.sign_if_grown()
    return get_log(), checkpoint


def proof_for(index: int) -> str:
    log, checkpoint = latest_checkpoint()
    return proof_text(log, index=index, checkpoint=checkpoint)


def bundle_for(subject_kind: str, subject_id: str) -> dict[str, Any]:
    """The bundle of every integrated entry about the subject, against the latest checkpoint."""
    log, checkpoint = latest_checkpoint()
    rows = (
        Entry.objects.filter(
            log=log, subject_kind=subject_kind, subject_id=subject_id, index__lt=checkpoint.size
        )
        .order_by("index")
        .values_list("index", "body")
    )
    entries = [
        {
            "index": index,
            "body": _b64(bytes(body)),
            "proof": proof_text(log, index=index, checkpoint=checkpoint),
        }
        for index, body in rows
    ]
    earlier = [
        {
            "note": cosign.served_note(old),
            "consistency": [
                _b64(hash_) for hash_ in treestore.consistency_proof(log, old=old.size, new=checkpoint.size)
            ],
        }
        for old in Checkpoint.objects.filter(log=log, size__lt=checkpoint.size).order_by("size")
    ]
    return {
        "format": BUNDLE_FORMAT,
        "origin": log.origin,
        "hash": log.hash_algorithm,
        "vkey": checkpoints.verifier_key(log),
        "sm2_vkey": checkpoints.sm2_verifier_key(log),
        "checkpoint": cosign.served_note(checkpoint),
        "subject": {"kind": subject_kind, "id": subject_id},
        "entries": entries,
        "checkpoints": earlier,
    }


def bundle_json(subject_kind: str, subject_id: str) -> str:
    return _text(bundle_for(subject_kind, subject_id))


def _text(bundle: dict[str, Any]) -> str:
    return json.dumps(bundle, ensure_ascii=False, indent=1) + "\n"


@transaction.atomic
def do_export_bundle(
    *, actor: writer.Actor, agency_id: int | None, subject_kind: str, subject_id: str
) -> str:
    """A subject's bundle for someone entitled to the subject (the caller checked), recorded in the log with
    the bundle's digest: who took the subject's record out of the system, when, and exactly what."""
    bundle = bundle_for(subject_kind, subject_id)
    text = _text(bundle)
    writer.append(
        "records.bundle_exported",
        agency_id=agency_id,
        actor=actor,
        subject=writer.Subject(subject_kind, subject_id),
        data={
            "entries": len(bundle["entries"]),
            "checkpoint_size": int(bundle["checkpoint"].split("\n")[1]),  # a checkpoint's 2nd line: its size
            "digest": "sha256:" + hashlib.sha256(text.encode()).hexdigest(),
        },
    )
    return text
