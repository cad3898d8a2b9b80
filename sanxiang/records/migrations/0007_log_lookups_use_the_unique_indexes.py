"""Drop the single-column ``log_id`` indexes of the entry, node and checkpoint tables: each table's unique
constraint starts with ``log_id`` and serves every lookup by log, so these indexes were only paid for, on every
integrated entry and node. The index is dropped by name (found by introspection) rather than by AlterField,
which on SQLite would rebuild the table and lose its append-only triggers."""

import django.db.models.deletion
from django.db import migrations, models

TABLES = ("records_entry", "records_node", "records_checkpoint")


def _log_id_indexes(schema_editor, table):
    connection = schema_editor.connection
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, table)
    return [
        name
        for name, info in constraints.items()
        if info["index"] and not info["unique"] and not info["primary_key"] and info["columns"] == ["log_id"]
    ]


def drop(apps, schema_editor):
    for table in TABLES:
        for name in _log_id_indexes(schema_editor, table):
            schema_editor.execute(f"DROP INDEX {schema_editor.quote_name(name)}")


def restore(apps, schema_editor):
    for table in TABLES:
        if not _log_id_indexes(schema_editor, table):
            name = schema_editor._create_index_name(table, ["log_id"])
            schema_editor.execute(
                f"CREATE INDEX {schema_editor.quote_name(name)} ON {schema_editor.quote_name(table)} (log_id)"
            )


def _log_field(related_name):
    return models.ForeignKey(
        db_index=False,
        on_delete=django.db.models.deletion.PROTECT,
        related_name=related_name,
        to="records.log",
        verbose_name="log",
    )


class Migration(migrations.Migration):

    dependencies = [
        ("records", "0006_entry_agency_and_actor"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(model_name="checkpoint", name="log", field=_log_field("checkpoints")),
                migrations.AlterField(model_name="entry", name="log", field=_log_field("entries")),
                migrations.AlterField(model_name="node", name="log", field=_log_field("nodes")),
            ],
            database_operations=[migrations.RunPython(drop, restore)],
        ),
    ]
