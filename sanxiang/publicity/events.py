"""Record-log event types owned by publicity. The served document enters as its digest; personal data never
enters as text (the public reason of a withdrawal is written by the agency for the public and may be text)."""

from django.utils.translation import gettext_lazy as _

from sanxiang.records import registry

PUBLICATION_DRAFTED = registry.register(
    "publication.drafted",
    "A decision created a publication draft (双公示 data items, masked), with its due date and whether it "
    "must be published.",
    {
        "kind": "str",
        "case": "int",
        "act": "str",
        "party": "int",
        "decided_on": "date",
        "due_on": "date",
        "must_publish": "bool",
        "rule": "int",
        "document_digest": "digest",
        "original_digest": "digest",
    },
    label=_("Publication drafted"),
)
PUBLICATION_EXCLUDED = registry.register(
    "publication.excluded",
    "A decision is not published (minor, state secret, privacy), with the reason.",
    {"reason": "str", "note_digest?": "digest", "automatic": "bool"},
    label=_("Decided not to publish"),
)
PUBLICATION_MUST_PUBLISH_SET = registry.register(
    "publication.must_publish_set",
    "Whether a decision must be published was overridden, with the reason.",
    {"must_publish": "bool", "reason": "str"},
    label=_("Publication requirement overridden"),
)
PUBLICATION_MASKED = registry.register(
    "publication.masked",
    "The editor masked more terms; the new served document's digest.",
    {"terms": "int", "document_digest": "digest"},
    label=_("Terms masked"),
)
PUBLICATION_CLEARED = registry.register(
    "publication.confidentiality_cleared",
    "The confidentiality check (保密审查) of the served document passed.",
    {"document_digest": "digest"},
    label=_("Confidentiality check passed"),
)
PUBLICATION_APPROVED = registry.register(
    "publication.approved",
    "A publication draft was approved.",
    {"document_digest": "digest"},
    label=_("Publication approved"),
)
PUBLICATION_PUBLISHED = registry.register(
    "publication.published",
    "A publication went on the public list: the served document's digest, the time, the due date.",
    {
        "document_digest": "digest",
        "published_at": "datetime",
        "due_on": "date",
        "late": "bool",
        "public_until": "date",
    },
    label=_("Publication published"),
)
PUBLICATION_CORRECTED = registry.register(
    "publication.corrected",
    "A publication was corrected on request: the served document before and after.",
    {"before_digest": "digest", "document_digest": "digest", "request_digest": "digest"},
    label=_("Publication corrected"),
)
PUBLICATION_WITHDRAWAL_OPENED = registry.register(
    "publication.withdrawal_opened",
    "The published decision was changed, revoked or found illegal or void: it must be withdrawn by the due "
    "date (行政处罚法 第48条 第2款).",
    {"ground": "str", "ground_on": "date", "due_on": "date"},
    label=_("Publication to be withdrawn"),
)
PUBLICATION_WITHDRAWN = registry.register(
    "publication.withdrawn",
    "A publication was withdrawn with its public reason (never deleted).",
    {"ground": "str", "reason": "str", "due_on": "date", "late": "bool", "document_digest": "digest"},
    label=_("Publication withdrawn"),
)
PUBLICATION_EXPIRED = registry.register(
    "publication.expired",
    "A publication's display window ended: it left the public list and stays in the archive.",
    {"public_until": "date"},
    label=_("Publication period ended"),
)
PUBLICATION_RULE_SET = registry.register(
    "publication_rule.set",
    "A publication rule (periods, must-publish default) was set from a date.",
    {
        "kind": "str",
        "effective_from": "date",
        "due_working_days": "int",
        "display_months": "int",
        "publish_ordinary": "bool",
        "publish_simple": "bool",
        "basis": "str",
    },
    label=_("Publication rule set"),
)
PUSH_DELIVERED = registry.register(
    "publication.push_delivered",
    "A publication or withdrawal was delivered to an external platform.",
    {"endpoint": "str", "event": "str", "key": "str", "attempts": "int"},
    label=_("Delivered to an external platform"),
)
