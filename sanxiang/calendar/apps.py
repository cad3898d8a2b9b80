"""The working-day calendar (法定节假日 + 调休) and deadline arithmetic: pure functions over table data."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CalendarConfig(AppConfig):
    name = "sanxiang.calendar"
    label = "calendar"
    verbose_name = _("Working-day calendar")

    def ready(self) -> None:
        from sanxiang.calendar import events  # noqa: F401 - registers the event types
