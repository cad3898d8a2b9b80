"""Fixity: re-hash every stored original and compare it with the digest recorded when it arrived.

Owns the check and its ``evidence.fixity_failed`` records. Never repairs, replaces or deletes an original: a
mismatch is evidence of tampering or decay and is reported for people to act on.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from django.db import transaction

from sanxiang.evidence.digests import Digests
from sanxiang.evidence.models import EvidenceFile
from sanxiang.evidence.storage import Storage, get_storage
from sanxiang.records import writer


@dataclass(frozen=True)
class Finding:
    evidence_id: int
    storage_key: str
    expected: str
    found: str  # the digest now, or "missing"


def rehash(storage: Storage, key: str, *, sm3: bool = False) -> tuple[str, str]:
    """(SHA-256, SM3 or "") of the stored object, in one read; ("missing", "missing") when unreadable."""
    try:
        hasher = Digests(sm3=sm3)
        for block in storage.read(key):
            hasher.update(block)
    except (FileNotFoundError, OSError):
        return "missing", "missing"
    return hasher.hexdigest(), hasher.sm3_hexdigest()


def check_all(storage: Storage | None = None) -> Iterator[tuple[EvidenceFile, Finding | None]]:
    """Each evidence file with its finding (None when it still hashes to its recorded digest). Files that
    share content share one storage object, which is hashed once."""
    storage = storage or get_storage()
    found: dict[tuple[str, bool], tuple[str, str]] = {}
    for evidence in EvidenceFile.objects.order_by("pk").iterator():
        key = (evidence.storage_key, bool(evidence.sm3))
        if key not in found:
            found[key] = rehash(storage, evidence.storage_key, sm3=bool(evidence.sm3))
        digest, sm3 = found[key]
        finding = None
        if digest != evidence.sha256:
            finding = Finding(evidence.pk, evidence.storage_key, evidence.sha256, digest)
        elif evidence.sm3 and sm3 != evidence.sm3:  # both digests were recorded; both must still hold
            finding = Finding(evidence.pk, evidence.storage_key, f"sm3:{evidence.sm3}", f"sm3:{sm3}")
        yield evidence, finding


@transaction.atomic
def do_record_failure(evidence: EvidenceFile, finding: Finding) -> None:
    writer.append(
        "evidence.fixity_failed",
        agency_id=evidence.agency_id,
        actor=writer.SYSTEM,
        subject=writer.Subject("evidence_file", str(evidence.pk)),
        data={"file": evidence.pk, "digest": f"sha256:{evidence.sha256}", "found": finding.found},
    )


def run(storage: Storage | None = None) -> tuple[int, list[Finding]]:
    """Check every file, record each failure; returns how many were checked and the findings."""
    checked, findings = 0, []
    for evidence, finding in check_all(storage):
        checked += 1
        if finding is not None:
            do_record_failure(evidence, finding)
            findings.append(finding)
    return checked, findings
