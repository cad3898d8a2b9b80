"""Celery tasks of publicity: deliver one push (retried with exponential back-off, then given up and shown on
the status page), retry what is still undelivered, and expire publications past their display window (daily).
Tasks only call ``outbox`` and ``actions``; they hold no rule."""

from __future__ import annotations

from typing import Any

from celery import shared_task

from sanxiang.core import clock
from sanxiang.publicity import actions, outbox
from sanxiang.publicity.enums import PushStatus
from sanxiang.publicity.models import Push

MAX_RETRIES = 5


@shared_task(bind=True, name="publicity.deliver_push", max_retries=MAX_RETRIES)
def deliver_push(self: Any, push_id: int) -> bool:
    if self.request.is_eager:  # no broker (tests, the embedded default): the attempts run here, back to back
        return _deliver_now(push_id)
    if outbox.attempt(push_id):
        return True
    if self.request.retries >= MAX_RETRIES:
        outbox.give_up(push_id)
        return False
    raise self.retry(countdown=min(3600, 30 * 2**self.request.retries))


def _deliver_now(push_id: int) -> bool:
    for _attempt in range(MAX_RETRIES + 1):
        if outbox.attempt(push_id):
            return True
    outbox.give_up(push_id)
    return False


@shared_task(name="publicity.retry_pushes")
def retry_pushes() -> int:
    """The beat's safety net: pushes still waiting or failed are tried once more."""
    pending = Push.objects.filter(status__in=(PushStatus.PENDING, PushStatus.FAILED)).values_list(
        "pk", flat=True
    )
    return sum(1 for pk in pending if outbox.attempt(pk))


@shared_task(name="publicity.expire_publications")
def expire_publications() -> int:
    return actions.do_expire_publications(today=clock.today())
