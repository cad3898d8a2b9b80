"""Database triggers that refuse any UPDATE of an issued document or a template version: once issued, a
document is corrected by a new one, never changed. DELETE is not refused here (the test runner's flush
deletes rows); rows are protected from deletion by PROTECT foreign keys and by having no delete path.
Owns the vendor-specific SQL; never weakens a trigger conditionally."""

from __future__ import annotations

from django.db.backends.base.base import BaseDatabaseWrapper

TABLES = ("documents_issueddocument", "documents_documenttemplate")
_PG_FUNCTION = "documents_refuse_update"


def install_sql(vendor: str) -> list[str]:
    if vendor == "sqlite":
        return [
            f"CREATE TRIGGER IF NOT EXISTS {table}_no_update BEFORE UPDATE ON {table} "
            f"BEGIN SELECT RAISE(ABORT, '{table} is immutable: UPDATE refused'); END"
            for table in TABLES
        ]
    if vendor == "postgresql":
        function = (
            f"CREATE OR REPLACE FUNCTION {_PG_FUNCTION}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
            "RAISE EXCEPTION '% is immutable: UPDATE refused', TG_TABLE_NAME USING ERRCODE = '23001'; "
            "END $$"
        )
        return [function] + [
            f"CREATE TRIGGER {table}_no_update BEFORE UPDATE ON {table} "
            f"FOR EACH ROW EXECUTE FUNCTION {_PG_FUNCTION}()"
            for table in TABLES
        ]
    raise NotImplementedError(f"no immutability triggers for {vendor}")


def remove_sql(vendor: str) -> list[str]:
    if vendor == "sqlite":
        return [f"DROP TRIGGER IF EXISTS {table}_no_update" for table in TABLES]
    return [f"DROP TRIGGER IF EXISTS {table}_no_update ON {table}" for table in TABLES]


def install(connection: BaseDatabaseWrapper) -> None:
    with connection.cursor() as cursor:
        for sql in install_sql(connection.vendor):
            cursor.execute(sql)


def remove(connection: BaseDatabaseWrapper) -> None:
    with connection.cursor() as cursor:
        for sql in remove_sql(connection.vendor):
            cursor.execute(sql)
