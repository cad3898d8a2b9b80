"""Django's ``flush``, made aware of the record log's append-only triggers.

The test runner flushes the database after every transactional test (TRUNCATE on PostgreSQL, DELETE on
SQLite), which the triggers rightly refuse. This override lifts the triggers for the duration of the flush, in
the same transaction, and puts them back. On anything but a test database (in-memory SQLite or a name starting
with Django's ``test_`` prefix), and unless ``settings.SANXIANG_RECORDS_ALLOW_FLUSH`` is true, a flush that
would erase record-log rows is refused.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import CommandError
from django.core.management.commands import flush
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.backends.base.creation import TEST_DATABASE_PREFIX
from django.utils.translation import gettext as _

from sanxiang.records import guards


def _is_test_database(connection: BaseDatabaseWrapper) -> bool:
    name = str(connection.settings_dict.get("NAME") or "")
    if connection.vendor == "sqlite" and (name == ":memory:" or "mode=memory" in name):
        return True
    return name.rsplit("/", 1)[-1].startswith(TEST_DATABASE_PREFIX)


def _log_has_rows(connection: BaseDatabaseWrapper) -> bool:
    with connection.cursor() as cursor:
        for table in guards.GUARDED_TABLES:
            cursor.execute(f"SELECT 1 FROM {table} LIMIT 1")  # noqa: S608 - fixed table names
            if cursor.fetchone():
                return True
    return False


class Command(flush.Command):
    def handle(self, **options: Any) -> None:
        connection = connections[options.get("database") or DEFAULT_DB_ALIAS]
        if not guards.tables_exist(connection):
            super().handle(**options)
            return
        allowed = _is_test_database(connection) or getattr(settings, "SANXIANG_RECORDS_ALLOW_FLUSH", False)
        if not allowed and _log_has_rows(connection):
            raise CommandError(_("The record log is append-only; flush refuses to erase it."))
        with transaction.atomic(using=connection.alias):
            guards.remove(connection)
            super().handle(**options)
            guards.install(connection)
