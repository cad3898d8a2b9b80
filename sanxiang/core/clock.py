"""The one place that reads the time. Tests freeze it with ``frozen_now``; code never calls datetime.now()."""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterator
from zoneinfo import ZoneInfo

from django.utils import timezone

SHANGHAI = ZoneInfo("Asia/Shanghai")

_frozen: dt.datetime | None = None


def now() -> dt.datetime:
    """The current time, timezone-aware (UTC)."""
    return _frozen if _frozen is not None else timezone.now()


def today() -> dt.date:
    """Today's date in China (Asia/Shanghai), which is what every legal time limit counts in."""
    return now().astimezone(SHANGHAI).date()


@contextlib.contextmanager
def frozen_now(moment: dt.datetime) -> Iterator[None]:
    """Freeze the clock at ``moment`` (must be aware) for the duration of the block."""
    global _frozen  # noqa: PLW0603 - the clock is process-wide by design
    if moment.tzinfo is None:
        raise ValueError("frozen_now needs an aware datetime")
    previous, _frozen = _frozen, moment
    try:
        yield
    finally:
        _frozen = previous
