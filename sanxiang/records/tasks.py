"""Celery tasks of the record log, for production's beat schedule: integrate what is pending and sign a
checkpoint if the tree grew. Thin wrappers; the work lives in ``integrator`` and ``checkpoints``."""

from __future__ import annotations

import logging
from typing import Any

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


@shared_task(name="records.verify_log", ignore_result=True)
def verify_log(actor: dict[str, Any], agency_id: int | None) -> bool:
    """A verification asked for from the web and started with ``verification.check_start`` (``actor`` as
    ``writer.Actor.as_json`` gives it); True if the log passed."""
    from sanxiang.records import verification, writer

    who = writer.Actor(actor["user"], actor["officer"], actor["certificate"])
    return verification.do_run(actor=who, agency_id=agency_id).ok
