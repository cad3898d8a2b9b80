"""The outbox of pushes to external platforms (省级平台, 信用平台; DOMAIN R-PUB-13, R-PUB-10): a publication
or withdrawal queues one push per configured endpoint inside the business transaction; delivery runs
after commit (Celery task ``publicity.deliver_push``, retried with back-off) and sends the idempotency key
with every attempt. Endpoints come from ``settings.SANXIANG_PUBLICITY_PUSH_ENDPOINTS`` (environment).
Delivery never changes a publication; a delivered push is recorded once.
"""

from __future__ import annotations

import json
import logging
import urllib.error
import urllib.request
from functools import partial

from django.conf import settings
from django.db import transaction

from sanxiang.core import clock
from sanxiang.publicity import documents, events
from sanxiang.publicity.enums import PushEvent, PushStatus
from sanxiang.publicity.models import Publication, Push
from sanxiang.records import writer

logger = logging.getLogger(__name__)
TIMEOUT_SECONDS = 10


def endpoints() -> dict[str, str]:
    """Configured endpoints, name → URL (``SANXIANG_PUBLICITY_PUSH_ENDPOINTS="credit=https://…,province=…"``)."""
    return dict(getattr(settings, "SANXIANG_PUBLICITY_PUSH_ENDPOINTS", {}))


def payload(publication: Publication, event: PushEvent) -> dict[str, object]:
    """The 双公示 layout of ``open_data`` plus the event, the document digest and the withdrawal reason."""
    items = {label: publication.masked.get(key, "") for key, label in documents.ITEMS}
    items[documents.STATE_LABEL] = documents.STATE_NAMES[publication.status]
    body: dict[str, object] = {
        "event": event.value,
        "id": publication.pk,
        "kind": publication.kind,
        "items": items,
        "document_digest": publication.document_digest,
    }
    if event == PushEvent.WITHDRAW:
        body["withdrawal_reason"] = publication.withdrawal_reason
    return body


def enqueue(publication: Publication, event: PushEvent) -> list[Push]:
    """Queue one push per endpoint (inside the caller's transaction) and deliver after commit."""
    pushes = []
    for name in sorted(endpoints()):
        key = f"sanxiang:{publication.pk}:{event.value}:{publication.document_digest[7:23]}:{name}"
        push, _created = Push.objects.get_or_create(
            key=key,
            defaults={
                "publication": publication,
                "endpoint": name,
                "event": event,
                "payload": payload(publication, event),
                "created_at": clock.now(),
            },
        )
        pushes.append(push)
    for push in pushes:
        transaction.on_commit(partial(_schedule, push.pk))
    return pushes


def _schedule(push_id: int) -> None:
    from sanxiang.publicity.tasks import deliver_push  # the task module imports this one

    deliver_push.delay(push_id)


def attempt(push_id: int) -> bool:
    """One delivery attempt; True when delivered (or already delivered). Records the delivery once."""
    with transaction.atomic():
        push = Push.objects.select_for_update().select_related("publication").get(pk=push_id)
        if push.status == PushStatus.SENT:
            return True
        url = endpoints().get(push.endpoint)
        error = "endpoint not configured" if url is None else _post(url, push)
        push.attempts += 1
        if error:
            push.status, push.last_error = PushStatus.FAILED, error[:500]
            push.save(update_fields=["status", "last_error", "attempts"])
            return False
        push.status, push.sent_at, push.last_error = PushStatus.SENT, clock.now(), ""
        push.save(update_fields=["status", "sent_at", "last_error", "attempts"])
        writer.append(
            events.PUSH_DELIVERED.code,
            agency_id=push.publication.agency_id,
            actor=writer.SYSTEM,
            subject=writer.Subject("publication", str(push.publication_id)),
            data={"endpoint": push.endpoint, "event": push.event, "key": push.key, "attempts": push.attempts},
        )
        return True


def give_up(push_id: int) -> None:
    Push.objects.filter(pk=push_id).exclude(status=PushStatus.SENT).update(status=PushStatus.GAVE_UP)


def _post(url: str, push: Push) -> str:
    """POST the payload as JSON with the idempotency key; an empty string on a 2xx reply, else the error."""
    body = json.dumps(push.payload, ensure_ascii=False).encode()
    request = urllib.request.Request(  # noqa: S310 - the URL is the operator's configuration (http/https)
        url,
        data=body,
        method="POST",
        headers={"Content-Type": "application/json; charset=utf-8", "Idempotency-Key": push.key},
    )
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:  # noqa: S310
            return "" if 200 <= response.status < 300 else f"HTTP {response.status}"
    except urllib.error.HTTPError as error:
        return f"HTTP {error.code}"
    except (urllib.error.URLError, OSError) as error:
        return str(error)
