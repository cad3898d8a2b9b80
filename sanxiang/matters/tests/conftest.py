"""The matters tests run on 1 June 2026 (Asia/Shanghai): drafts in them take effect from 1 July 2026."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest

from sanxiang.core import clock

TODAY = dt.date(2026, 6, 1)


@pytest.fixture(autouse=True)
def frozen_today() -> Iterator[None]:
    with clock.frozen_now(dt.datetime(2026, 6, 1, 10, 0, tzinfo=clock.SHANGHAI)):
        yield
