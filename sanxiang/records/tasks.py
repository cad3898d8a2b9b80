"""Celery tasks of the record log, for production's beat schedule: integrate what is pending and sign a
checkpoint if the tree grew. Thin wrappers; the work lives in ``integrator`` and ``checkpoints``."""

from __future__ import annotations

import logging

from celery import shared_task

from sanxiang.records import checkpoints, integrator

logger = logging.getLogger(__name__)


@shared_task(name="records.publish_checkpoint", ignore_result=True)
def publish_checkpoint() -> int:
    """Integrate, sign if grown, warn about stale pending entries; returns the checkpoint's size."""
    alert = integrator.pending_alert()
    if alert:
        logger.warning(alert)
    return checkpoints.publish().size
