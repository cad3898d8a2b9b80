"""The admin offers no write path to the log, and the flush override tells test databases from real ones."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib import admin
from django.test import RequestFactory

from sanxiang.records.management.commands.flush import _is_test_database
from sanxiang.records.models import Checkpoint, Entry, Log


@pytest.mark.parametrize("model", [Log, Entry, Checkpoint])
def test_admin_is_read_only(model: Any) -> None:
    """No add, change or delete permission for anyone, superusers included."""
    model_admin = admin.site._registry[model]
    request = RequestFactory().get("/")
    assert not model_admin.has_add_permission(request)
    assert not model_admin.has_change_permission(request)
    assert not model_admin.has_delete_permission(request)


class _Connection:
    def __init__(self, vendor: str, name: str) -> None:
        self.vendor = vendor
        self.settings_dict = {"NAME": name}


@pytest.mark.parametrize(
    ("vendor", "name", "expected"),
    [
        ("sqlite", "file:memorydb_default?mode=memory&cache=shared", True),
        ("postgresql", "test_sanxiang_records_gw0", True),
        ("postgresql", "sanxiang", False),
        ("sqlite", "/srv/sanxiang/var/sanxiang.sqlite3", False),
    ],
)
def test_flush_lifts_the_triggers_only_on_test_databases(vendor: str, name: str, expected: bool) -> None:
    """Only Django's test databases count as test databases for the flush override."""
    assert _is_test_database(_Connection(vendor, name)) is expected  # type: ignore[arg-type]
