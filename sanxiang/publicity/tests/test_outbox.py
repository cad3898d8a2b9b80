"""The outbox (DOMAIN R-PUB-13, R-PUB-10): each publication and withdrawal is pushed to every configured
endpoint with an idempotency key, retried until delivered, and a delivered push is recorded once. The test
pushes to a real HTTP server on loopback that refuses the first attempts."""

from __future__ import annotations

import datetime as dt
import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from pytest_django.fixtures import Settings as SettingsWrapper

from sanxiang.cases.tests.case_factories import Desk
from sanxiang.publicity import actions, outbox
from sanxiang.publicity.enums import PushEvent, PushStatus
from sanxiang.publicity.models import Push
from sanxiang.publicity.tasks import retry_pushes
from sanxiang.publicity.tests.helpers import published
from sanxiang.records.selectors import timeline


class Platform(ThreadingHTTPServer):
    """A platform that answers 503 to its first ``failures`` requests, then 200; it keeps what it got."""

    def __init__(self, failures: int) -> None:
        super().__init__(("127.0.0.1", 0), Handler)
        self.failures = failures
        self.received: list[tuple[str, dict[str, Any]]] = []


class Handler(BaseHTTPRequestHandler):
    server: Platform

    def do_POST(self) -> None:
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        self.server.received.append((self.headers["Idempotency-Key"], body))
        failing = len(self.server.received) <= self.server.failures
        self.send_response(503 if failing else 200)
        self.end_headers()

    def log_message(self, format: str, *args: Any) -> None:
        return


@pytest.fixture
def platform(settings: SettingsWrapper) -> Iterator[Platform]:
    server = Platform(failures=2)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.SANXIANG_PUBLICITY_PUSH_ENDPOINTS = {"credit": f"http://127.0.0.1:{server.server_port}/push"}
    yield server
    server.shutdown()
    server.server_close()
    thread.join()


def test_a_publication_is_pushed_with_retries_until_delivered(
    desk: Desk, platform: Platform, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        publication = published(desk)
    (push,) = Push.objects.filter(publication=publication)
    assert (push.status, push.attempts, push.event) == (PushStatus.SENT, 3, PushEvent.PUBLISH)
    keys = {key for key, _body in platform.received}
    assert keys == {push.key}  # every attempt carried the same idempotency key
    body = platform.received[-1][1]
    assert body["items"]["决定书文号"] == publication.masked["document_number"]
    assert body["document_digest"] == publication.document_digest
    events = [item.event_type for item in timeline("publication", publication.pk)]
    assert events.count("publication.push_delivered") == 1


def test_a_withdrawal_is_pushed_with_its_reason(
    desk: Desk, platform: Platform, django_capture_on_commit_callbacks: Any
) -> None:
    platform.failures = 0
    publication = published(desk)
    actions.check_open_withdrawal(
        publication, actor_user=desk.world.officer_user, ground="revoked", ground_on=dt.date(2026, 8, 21)
    )
    with django_capture_on_commit_callbacks(execute=True):
        actions.check_withdraw_publication(publication, actor_user=desk.world.officer_user, reason="已撤销")
    push = Push.objects.get(publication=publication, event=PushEvent.WITHDRAW)
    assert push.status == PushStatus.SENT
    assert platform.received[-1][1]["withdrawal_reason"] == "已撤销"


def test_a_platform_that_stays_down_is_given_up_and_retried_later(
    desk: Desk, platform: Platform, django_capture_on_commit_callbacks: Any
) -> None:
    platform.failures = 100
    with django_capture_on_commit_callbacks(execute=True):
        publication = published(desk)
    push = Push.objects.get(publication=publication)
    assert push.status == PushStatus.GAVE_UP
    assert push.last_error == "HTTP 503"
    platform.failures = 0
    Push.objects.filter(pk=push.pk).update(status=PushStatus.FAILED)
    assert retry_pushes() == 1
    push.refresh_from_db()
    assert push.status == PushStatus.SENT
    assert outbox.attempt(push.pk)  # a second delivery of a delivered push is a no-op
    assert len([k for k, _b in platform.received if k == push.key]) == push.attempts


def test_the_status_page_lists_pushes_by_jurisdiction(client: Client, desk: Desk, platform: Platform) -> None:
    platform.failures = 0
    publication = published(desk)
    push = Push.objects.get(publication=publication)
    client.force_login(desk.world.officer_user)
    assert f'data-push="{push.pk}"' in client.get(reverse("publications:pushes")).content.decode()
    client.force_login(desk.world.outsider_user)
    assert f'data-push="{push.pk}"' not in client.get(reverse("publications:pushes")).content.decode()
