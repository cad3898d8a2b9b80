"""The post_migrate hook that keeps the default publication rules of migration 0003 (国办发〔2018〕118号).
Django sends post_migrate for every installed app after any migrate, so the hook does nothing where the
rules are not migrated (``sanxiang migrate records`` on a fresh database) or their table is missing, and
puts them back where they are. The migrations run in a child process on a fresh SQLite file, as an
operator would run them."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from django.apps import apps as global_apps
from django.conf import settings
from django.db.migrations.state import ProjectState

from sanxiang.publicity.apps import restore_default_rules
from sanxiang.publicity.models import PublicationRule

RULES_TABLE = "publicity_publicationrule"


def _migrate(database: Path, *arguments: str) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "DATABASE_URL": f"sqlite:///{database}"}
    return subprocess.run(  # noqa: S603 - our own command, fixed arguments
        [sys.executable, "-m", "sanxiang", "migrate", *arguments, "-v", "0"],
        capture_output=True,
        text=True,
        check=False,
        cwd=settings.BASE_DIR,
        env=environment,
    )


def _tables(database: Path) -> set[str]:
    with sqlite3.connect(database) as connection:
        return {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def test_migrating_one_app_on_a_fresh_database_succeeds(tmp_path: Path) -> None:
    database = tmp_path / "fresh.sqlite3"
    run = _migrate(database, "records")
    assert run.returncode == 0, run.stderr
    assert "records_entry" in _tables(database)
    assert RULES_TABLE not in _tables(database)


def test_the_hook_does_nothing_while_the_rules_table_is_missing(tmp_path: Path) -> None:
    """The publicity migrations recorded as applied (``--fake``) without their tables: a later migrate
    builds a state that has the rules, but the database has no table for them."""
    database = tmp_path / "faked.sqlite3"
    for arguments in (["cases"], ["publicity", "--fake"], ["records"]):
        run = _migrate(database, *arguments)
        assert run.returncode == 0, run.stderr
    assert RULES_TABLE not in _tables(database)


@pytest.mark.django_db
def test_the_hook_does_nothing_for_a_state_without_the_publicity_app() -> None:
    PublicationRule.objects.all().delete()
    restore_default_rules(global_apps.get_app_config("publicity"), apps=ProjectState().apps)
    assert not PublicationRule.objects.exists()


@pytest.mark.django_db
def test_the_hook_puts_the_default_rules_back() -> None:
    """The test runner's flush empties the table and sends post_migrate: the six rules come back."""
    PublicationRule.objects.all().delete()
    restore_default_rules(global_apps.get_app_config("publicity"))
    assert sorted(PublicationRule.objects.filter(agency=None).values_list("kind", flat=True)) == [
        "coercion",
        "fee",
        "inspection",
        "levy",
        "license",
        "penalty",
    ]
