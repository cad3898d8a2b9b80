"""Chinese full-text search of the portal: SQLite FTS5 with the trigram tokenizer (an external-content table
kept in step by triggers), PostgreSQL pg_trgm with a GIN index. Vendor-conditional; the other vendor's SQL is
never run. Note: a later migration that rebuilds the publication table on SQLite must recreate the triggers."""

from __future__ import annotations

from typing import Any

from django.db import migrations

SQLITE = [
    "CREATE VIRTUAL TABLE publicity_publication_fts USING fts5("
    "search_text, content='publicity_publication', content_rowid='id', tokenize='trigram')",
    "CREATE TRIGGER publicity_publication_fts_ai AFTER INSERT ON publicity_publication BEGIN "
    "INSERT INTO publicity_publication_fts(rowid, search_text) VALUES (new.id, new.search_text); END",
    "CREATE TRIGGER publicity_publication_fts_ad AFTER DELETE ON publicity_publication BEGIN "
    "INSERT INTO publicity_publication_fts(publicity_publication_fts, rowid, search_text) "
    "VALUES ('delete', old.id, old.search_text); END",
    "CREATE TRIGGER publicity_publication_fts_au AFTER UPDATE OF search_text ON publicity_publication BEGIN "
    "INSERT INTO publicity_publication_fts(publicity_publication_fts, rowid, search_text) "
    "VALUES ('delete', old.id, old.search_text); "
    "INSERT INTO publicity_publication_fts(rowid, search_text) VALUES (new.id, new.search_text); END",
]
SQLITE_REVERSE = [
    "DROP TRIGGER IF EXISTS publicity_publication_fts_au",
    "DROP TRIGGER IF EXISTS publicity_publication_fts_ad",
    "DROP TRIGGER IF EXISTS publicity_publication_fts_ai",
    "DROP TABLE IF EXISTS publicity_publication_fts",
]
POSTGRES = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX IF NOT EXISTS publicity_publication_search_trgm "
    "ON publicity_publication USING gin (search_text gin_trgm_ops)",
]
POSTGRES_REVERSE = ["DROP INDEX IF EXISTS publicity_publication_search_trgm"]


def _run(statements: dict[str, list[str]]) -> Any:
    def run(apps: Any, schema_editor: Any) -> None:
        for statement in statements.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("publicity", "0001_initial")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE, "postgresql": POSTGRES}),
            _run({"sqlite": SQLITE_REVERSE, "postgresql": POSTGRES_REVERSE}),
        )
    ]
