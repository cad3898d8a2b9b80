"""Record-log event types of the case side of legal review. Opinions and conclusions enter as digests."""

from django.utils.translation import gettext_lazy as _

from sanxiang.records import registry

DISCUSSION_RECORDED = registry.register(
    "case.discussion_recorded",
    "The agency heads' collective discussion (集体讨论) of a case's decision was recorded.",
    {
        "discussion": "int",
        "held_on": "date",
        "chair": "int",
        "attendees": "list",
        "decision_digest": "digest",
        "conclusion_digest": "digest",
    },
    label=_("Collective discussion recorded"),
)

HANDLER_ANSWERS_RECORDED = registry.register(
    "case.handler_answers_recorded",
    "The handler's answers on a case's decision (public interest, social impact, complexity…) were recorded.",
    {"flags": "list", "previous": "list", "answered_on": "date"},
    label=_("Handler's answers recorded"),
)
