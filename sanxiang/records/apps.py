from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RecordsConfig(AppConfig):
    name = "sanxiang.records"
    label = "records"
    verbose_name = _("Record log")

    def ready(self) -> None:
        from sanxiang.records import events  # noqa: F401 - registers the event types
