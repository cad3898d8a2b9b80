from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrganizationsConfig(AppConfig):
    name = "sanxiang.organizations"
    label = "organizations"
    verbose_name = _("Organisations")

    def ready(self) -> None:
        from sanxiang.organizations import events  # noqa: F401 - registers the event types
