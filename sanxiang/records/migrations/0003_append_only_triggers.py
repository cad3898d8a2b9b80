"""Append-only triggers on the entry, node and checkpoint tables (SQLite and PostgreSQL)."""

from django.db import migrations

from sanxiang.records import guards


def install(apps, schema_editor):
    guards.install(schema_editor.connection, guards.FIRST_TABLES)


def remove(apps, schema_editor):
    guards.remove(schema_editor.connection, guards.FIRST_TABLES)


class Migration(migrations.Migration):

    dependencies = [
        ("records", "0002_log_entries_nodes_checkpoints"),
    ]

    operations = [
        migrations.RunPython(install, remove),
    ]
