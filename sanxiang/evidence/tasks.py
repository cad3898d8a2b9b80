"""Celery tasks of the evidence app, for production's beat schedule: the fixity re-check and the expiry of
unfinished uploads. Thin wrappers; the work lives in ``fixity`` and ``uploads``. Never repairs a file."""

from __future__ import annotations

import logging

from celery import shared_task

from sanxiang.evidence import fixity, uploads

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
