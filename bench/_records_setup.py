"""Shared setup for the record-log benchmarks: a dedicated PostgreSQL database, migrated and emptied.

The benchmarks never touch the demo or test databases: they use DATABASE_URL if it is set, otherwise
postgres://postgres@127.0.0.1:5432/sanxiang_records_bench, which they create if missing.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/sanxiang_records_bench"
ROOT = Path(__file__).resolve().parent.parent


def _ensure_database(url: str) -> None:
    import psycopg
    from psycopg import sql

    base, _, name = url.rpartition("/")
    with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def setup_django() -> None:
    """Point Django at the bench database, migrate the records app and register the bench event type."""
    os.environ.setdefault("DATABASE_URL", DEFAULT_URL)
    if not os.environ["DATABASE_URL"].startswith("postgres"):
        sys.exit("these benchmarks need PostgreSQL (DATABASE_URL=postgres://...)")
    _ensure_database(os.environ["DATABASE_URL"])
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", "records", verbosity=0)
    from sanxiang.records import registry

    registry.register("bench.appended", "A benchmark event.", {"n": "int", "note": "str"})


def empty_log() -> None:
    """Erase the bench database's record log (triggers lifted only for this, on the bench database)."""
    from django.db import connection, transaction

    from sanxiang.records import guards

    with transaction.atomic():
        guards.remove(connection)
        with connection.cursor() as cursor:
            cursor.execute(
                "TRUNCATE records_entry, records_node, records_checkpoint, records_pendingentry, records_log"
            )
        guards.install(connection)
