"""Login throttling: after LOGIN_FAILURE_LIMIT failures for one username or one address within
LOGIN_FAILURE_WINDOW_SECONDS, attempts are refused until the window has passed."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import transaction
from django.db.models import Q

from sanxiang.accounts import events
from sanxiang.accounts.models import LoginAttempt
from sanxiang.core import clock
from sanxiang.records import writer


def _window_start() -> dt.datetime:
    return clock.now() - dt.timedelta(seconds=settings.LOGIN_FAILURE_WINDOW_SECONDS)


def recent_failures(*, username: str, address: str | None) -> int:
    who = Q(username__iexact=username)
    if address:
        who |= Q(address=address)
    return LoginAttempt.objects.filter(who, succeeded=False, attempted_at__gte=_window_start()).count()


def is_throttled(*, username: str, address: str | None) -> bool:
    return recent_failures(username=username, address=address) >= settings.LOGIN_FAILURE_LIMIT


@transaction.atomic
def do_record_login_attempt(*, username: str, address: str | None, succeeded: bool) -> None:
    """Log an attempt; the failure that reaches the limit is also recorded in the record log."""
    LoginAttempt.objects.create(username=username[:150], address=address, succeeded=succeeded)
    if succeeded:
        return
    failures = recent_failures(username=username, address=address)
    if failures == settings.LOGIN_FAILURE_LIMIT:
        writer.append(
            events.USER_LOCKED.code,
            agency_id=None,
            actor=writer.SYSTEM,
            subject=writer.Subject("account", username[:64]),
            data={"username": username[:150], "failures": failures},
        )
