"""Database triggers that make the entry, node and checkpoint tables append-only (the second of the log's
three levels of protection). Owns the vendor-specific SQL for SQLite and PostgreSQL: BEFORE UPDATE/DELETE
row triggers that raise, and on PostgreSQL a BEFORE TRUNCATE statement trigger. Never weakens a trigger
conditionally: removal is explicit (``remove``) and used only by the overridden ``flush`` on test databases
and by tests that simulate tampering."""

from __future__ import annotations

from django.db.backends.base.base import BaseDatabaseWrapper

GUARDED_TABLES = ("records_entry", "records_node", "records_checkpoint", "records_cosignature")
FIRST_TABLES = GUARDED_TABLES[:3]  # the tables migration 0003 guarded; 0005 adds the cosignature table
_PG_FUNCTION = "records_refuse_change"


def _sqlite_install(table: str) -> list[str]:
    return [
        f"CREATE TRIGGER IF NOT EXISTS {table}_no_{op.lower()} BEFORE {op} ON {table} "
        f"BEGIN SELECT RAISE(ABORT, '{table} is append-only: {op} refused'); END"
        for op in ("UPDATE", "DELETE")
    ]


def _sqlite_remove(table: str) -> list[str]:
    return [f"DROP TRIGGER IF EXISTS {table}_no_{op}" for op in ("update", "delete")]


def _pg_function() -> str:
    # 23001 restrict_violation: Django maps it to IntegrityError, like SQLite's RAISE(ABORT).
    return (
        f"CREATE OR REPLACE FUNCTION {_PG_FUNCTION}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
        "RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = '23001'; "
        "END $$"
    )


def _pg_install(table: str) -> list[str]:
    return [
        (
            f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
            f"FOR EACH ROW EXECUTE FUNCTION {_PG_FUNCTION}()"
        ),
        (
            f"CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table} "
            f"FOR EACH STATEMENT EXECUTE FUNCTION {_PG_FUNCTION}()"
        ),
    ]


def _pg_remove(table: str) -> list[str]:
    return [
        f"DROP TRIGGER IF EXISTS {table}_append_only ON {table}",
        f"DROP TRIGGER IF EXISTS {table}_no_truncate ON {table}",
    ]


def install_sql(vendor: str, tables: tuple[str, ...] = GUARDED_TABLES) -> list[str]:
    if vendor == "sqlite":
        return [sql for table in tables for sql in _sqlite_install(table)]
    if vendor == "postgresql":
        return [_pg_function()] + [sql for table in tables for sql in _pg_remove(table) + _pg_install(table)]
    raise NotImplementedError(f"no append-only triggers for {vendor}")


def remove_sql(vendor: str, tables: tuple[str, ...] = GUARDED_TABLES) -> list[str]:
    if vendor == "sqlite":
        return [sql for table in tables for sql in _sqlite_remove(table)]
    if vendor == "postgresql":
        return [sql for table in tables for sql in _pg_remove(table)]
    raise NotImplementedError(f"no append-only triggers for {vendor}")


def _execute(connection: BaseDatabaseWrapper, statements: list[str]) -> None:
    with connection.cursor() as cursor:
        for sql in statements:
            cursor.execute(sql)


def install(connection: BaseDatabaseWrapper, tables: tuple[str, ...] = GUARDED_TABLES) -> None:
    """Create the triggers (idempotent)."""
    _execute(connection, install_sql(connection.vendor, tables))


def remove(connection: BaseDatabaseWrapper, tables: tuple[str, ...] = GUARDED_TABLES) -> None:
    """Drop the triggers (idempotent). Only for the test flush and tamper simulations."""
    _execute(connection, remove_sql(connection.vendor, tables))


def tables_exist(connection: BaseDatabaseWrapper) -> bool:
    with connection.cursor() as cursor:
        names = set(connection.introspection.table_names(cursor))
    return set(GUARDED_TABLES) <= names
