"""Record-log event types owned by accounts."""

from sanxiang.records import registry

USER_CREATED = registry.register("account.created", "A login was created.", {"username": "str"})
USER_LOCKED = registry.register(
    "account.throttled", "Logins for an account were throttled after repeated failures.",
    {"username": "str", "failures": "int"},
)
