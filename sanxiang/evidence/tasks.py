"""Celery tasks of the evidence app: access copies (queued on commit after an upload), and for production's
beat schedule the fixity re-check, the expiry of unfinished uploads and the rebuild of missing access copies.
Thin wrappers; the work lives in ``access``, ``fixity`` and ``uploads``. Never repairs or rewrites an
original."""

from __future__ import annotations

import logging

from celery import shared_task

from sanxiang.evidence import access, fixity, uploads

logger = logging.getLogger(__name__)


@shared_task(name="evidence.check_fixity", ignore_result=True)
def check_fixity() -> int:
    """Re-hash every original; log and record each mismatch. Returns the number of mismatches."""
    checked, findings = fixity.run()
    for finding in findings:
        logger.error(
            "evidence fixity failure: file %s (%s) recorded %s, found %s",
            finding.evidence_id,
            finding.storage_key,
            finding.expected,
            finding.found,
        )
    logger.info("evidence fixity: checked %d, mismatches %d", checked, len(findings))
    return len(findings)


@shared_task(name="evidence.expire_uploads", ignore_result=True)
def expire_uploads() -> int:
    return uploads.expire()


@shared_task(name="evidence.make_access_copy", ignore_result=True)
def make_access_copy(evidence_id: int) -> str | None:
    """Derive the MP4 and poster of one original; failures are recorded on the copy, not raised."""
    copy = access.build(evidence_id)
    return copy.status if copy else None


@shared_task(name="evidence.build_missing_access_copies", ignore_result=True)
def build_missing_access_copies() -> int:
    """Retry every video without a working access copy. Returns how many are ready now."""
    built = [access.build(evidence_id) for evidence_id in access.missing()]
    return sum(1 for copy in built if copy is not None and copy.status == "ready")
