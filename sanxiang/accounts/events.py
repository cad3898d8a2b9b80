"""Record-log event types owned by accounts."""

from django.utils.translation import gettext_lazy as _

from sanxiang.records import registry

USER_CREATED = registry.register(
    "account.created",
    "A login was created.",
    {"username": "str"},
    label=_("Login created"),
)
USER_LOCKED = registry.register(
    "account.throttled",
    "Logins for an account were throttled after repeated failures.",
    {"username": "str", "failures": "int"},
    label=_("Logins throttled after failures"),
)
PASSWORD_CHANGED = registry.register(
    "account.password_changed",
    "A login's password was set or changed.",
    {"username": "str"},
    label=_("Password changed"),
)
