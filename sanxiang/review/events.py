"""Record-log event types owned by the review engine. Opinions, packages and drafts enter the log as
content digests, never as text."""

from django.utils.translation import gettext_lazy as _

from sanxiang.records import registry

REVIEW_SUBMITTED = registry.register(
    "review.submitted",
    "A decision was submitted for legal review (法制审核) with its package.",
    {
        "request": "int",
        "matter_type": "str",
        "decision_digest": "digest",
        "package_digest": "digest",
        "submitted_on": "date",
        "due_on?": "date",
        "rules": "list",
    },
    label=_("Submitted for legal review"),
)
REVIEW_ASSIGNED = registry.register(
    "review.assigned",
    "A legal reviewer was assigned to a review.",
    {"request": "int", "reviewer": "int"},
    label=_("Legal reviewer assigned"),
)
REVIEW_EXTENDED = registry.register(
    "review.extended",
    "The agency head extended the review time limit once.",
    {"request": "int", "due_on": "date"},
    label=_("Review time limit extended"),
)
REVIEW_CONCLUDED = registry.register(
    "review.concluded",
    "A legal reviewer concluded and signed the review opinion (法制审核意见书).",
    {
        "request": "int",
        "outcome": "str",
        "failed_items": "list",
        "opinion_digest": "digest",
        "decision_digest": "digest",
        "concluded_on": "date",
    },
    label=_("Legal review concluded"),
)
REVIEW_CONSULTED = registry.register(
    "review.consulted",
    "A legal adviser's opinion was attached to a review.",
    {"request": "int", "kind": "str", "answered_on": "date", "opinion_digest": "digest"},
    label=_("Legal adviser consulted"),
)
REVIEW_SETTING_SET = registry.register(
    "review.setting_set",
    "An agency set its legal-review time limit from a day.",
    {"effective_from": "date", "working_days": "int", "extension_days": "int", "amber_working_days?": "int"},
    label=_("Review time limit set"),
)
CRIME_TRANSFER_STEP = registry.register(
    "review.crime_transfer_step",
    "A step of the transfer of a suspected crime (行政执法机关移送涉嫌犯罪案件的规定) flagged by a review.",
    {"transfer": "int", "step": "str", "on": "date", "due_on?": "date"},
    label=_("Step of a crime transfer"),
)
