import importlib
from typing import Any

from django.apps import AppConfig
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def restore_default_rules(
    sender: AppConfig, *, apps: Any = None, using: str = DEFAULT_DB_ALIAS, **kwargs: Any
) -> None:
    """Keep the national default publication rules of migration 0003 present after every migrate and every
    flush (the test runner flushes after each transactional test and then sends post_migrate): without a
    rule in force a decision would be refused. Idempotent: existing rows are kept as they are.

    Django sends post_migrate for every installed app after any migrate, even ``migrate records`` on an
    empty database: a no-op unless the publication rules exist both in the migrated state and as a table."""
    from django.apps import apps as global_apps

    state = apps or global_apps
    try:
        rule = state.get_model("publicity", "PublicationRule")
    except LookupError:  # the publicity migrations are not applied in this run's state
        return
    if rule._meta.db_table not in connections[using].introspection.table_names():
        return
    migration = importlib.import_module("sanxiang.publicity.migrations.0003_default_rules")
    migration.add(state, None)


class PublicityConfig(AppConfig):
    name = "sanxiang.publicity"
    label = "publicity"
    verbose_name = _("Publicity")

    def ready(self) -> None:
        from sanxiang.cases.engine.hooks import register_after_act
        from sanxiang.publicity import (
            drafts,
            events,  # noqa: F401 - registers the event types
            registrations,
            tasks,  # noqa: F401 - registers the Celery tasks
        )

        register_after_act("publicity.drafts", drafts.on_act)
        post_migrate.connect(restore_default_rules, sender=self, dispatch_uid="publicity.default_rules")
        registrations.register()
