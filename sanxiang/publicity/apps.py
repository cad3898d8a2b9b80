import importlib
from typing import Any

from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def restore_default_rules(sender: AppConfig, *, apps: Any = None, **kwargs: Any) -> None:
    """Keep the national default publication rules of migration 0003 present after every migrate and every
    flush (the test runner flushes after each transactional test and then sends post_migrate): without a
    rule in force a decision would be refused. Idempotent: existing rows are kept as they are."""
    from django.apps import apps as global_apps

    migration = importlib.import_module("sanxiang.publicity.migrations.0003_default_rules")
    migration.add(apps or global_apps, None)


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
