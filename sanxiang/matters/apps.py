"""执法事项清单: the enforcement-matter catalogue with its legal bases and the versioned lists attached
to it."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MattersConfig(AppConfig):
    name = "sanxiang.matters"
    label = "matters"
    verbose_name = _("Enforcement matters")

    def ready(self) -> None:
        from sanxiang.matters import (
            events,  # noqa: F401 - registers the event types
            registrations,
        )

        registrations.register()
