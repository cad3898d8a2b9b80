from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "sanxiang.accounts"
    label = "accounts"
    verbose_name = _("Accounts")

    def ready(self) -> None:
        from sanxiang.accounts import (
            events,  # noqa: F401 - registers the event types
            registrations,
        )

        registrations.register_lower_layers()
