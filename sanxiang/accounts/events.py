"""Record-log event types owned by accounts."""

from sanxiang.records import registry

USER_CREATED = registry.register("account.created", "A login was created.", {"username": "str"})
USER_LOCKED = registry.register(
    "account.throttled",
    "Logins for an account were throttled after repeated failures.",
    {"username": "str", "failures": "int"},
)
PASSWORD_CHANGED = registry.register(
    "account.password_changed", "A login's password was set or changed.", {"username": "str"}
)
