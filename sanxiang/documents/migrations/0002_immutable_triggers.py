"""Issued documents and template versions refuse UPDATE at the database (see documents.guards)."""

from django.db import migrations

from sanxiang.documents import guards


def install(apps, schema_editor):
    guards.install(schema_editor.connection)


def remove(apps, schema_editor):
    guards.remove(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [("documents", "0001_initial")]
    operations = [migrations.RunPython(install, remove)]
