from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


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
        registrations.register()
