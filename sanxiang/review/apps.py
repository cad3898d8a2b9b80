"""Legal review of major enforcement decisions (重大执法决定法制审核)."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReviewConfig(AppConfig):
    name = "sanxiang.review"
    label = "review"
    verbose_name = _("Legal review")

    def ready(self) -> None:
        from sanxiang.review import (
            events,  # noqa: F401 - registers the event types
            registrations,
        )

        registrations.register()
