"""The case aggregate: parties, numbering (案号/文号), workflows as data, documents, service and execution."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CasesConfig(AppConfig):
    name = "sanxiang.cases"
    label = "cases"
    verbose_name = _("Cases")

    def ready(self) -> None:
        from sanxiang.cases import (
            events,  # noqa: F401 - registers the event types
            registrations,
        )
        from sanxiang.cases.engine import closing, hooks
        from sanxiang.cases.legal_review import actions as legal_review_actions
        from sanxiang.cases.legal_review import events as legal_review_events  # noqa: F401 - registers
        from sanxiang.cases.legal_review import gate
        from sanxiang.cases.service import events as service_events  # noqa: F401 - registers them
        from sanxiang.review.hooks import register_concluded

        registrations.register()
        gate.register()
        register_concluded("case", legal_review_actions.on_review_concluded)
        hooks.register_after_act(closing.LISTENER, closing.classify_recordings_on_close)
