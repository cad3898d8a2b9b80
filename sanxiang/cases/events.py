"""Record-log event types owned by cases. Personal data (a person's name, identity number, phone, addresses)
enters the log only as digests ("sha256:<hex>"), so that redaction never breaks the tree; this module must
never declare a field that carries such data as text."""

from django.utils.translation import gettext_lazy as _

from sanxiang.records import registry

PARTY_REGISTERED = registry.register(
    "party.registered",
    "A party was registered by an agency.",
    {
        "kind": "str",
        "name?": "str",
        "name_digest?": "digest",
        "id_kind?": "str",
        "id_digest?": "digest",
        "uscc?": "str",
        "uscc_digest?": "digest",
    },
    label=_("Party registered"),
)
PARTY_UPDATED = registry.register(
    "party.updated",
    "A party's facts were changed; each changed field with the digest of its new value.",
    {"fields": "dict"},
    label=_("Party facts changed"),
)
PARTY_SERVICE_CONSENT_RECORDED = registry.register(
    "party.service_consent_recorded",
    "A party's consent to electronic service (确认书) was put on file, or withdrawn.",
    {"consent": "bool", "address_digest?": "digest", "signed_on?": "date", "document_digest?": "digest"},
    label=_("Consent to electronic service recorded"),
)
NUMBER_ALLOCATED = registry.register(
    "number.allocated",
    "A case or document number was given out.",
    {"code": "str", "year": "int", "sequence": "int", "number": "str"},
    label=_("Number allocated"),
)
NUMBER_PATTERN_SET = registry.register(
    "number_pattern.set",
    "An agency set how it writes its numbers (for one code, or for all).",
    {"code": "str", "pattern": "str"},
    label=_("Numbering pattern set"),
)
CASE_REGISTERED = registry.register(
    "case.registered",
    "A case was opened (立案, application or plan) under a matter and a procedure version.",
    {
        "procedure": "str",
        "version": "str",
        "stage": "str",
        "matter": "str",
        "number?": "str",
        "registered_on": "date",
        "parties": "list",
        "officers": "list",
        "limits": "list",
        "origin?": "int",
    },
    label=_("Case opened"),
)
CASE_ACT_PERFORMED = registry.register(
    "case.act_performed",
    "An act of the procedure was done on a case: the stages it joined and the time limits it changed.",
    {
        "act": "str",
        "from": "str",
        "to": "str",
        "acted_on": "date",
        "limits": "list",
        "note_digest?": "digest",
        "facts?": "dict",
    },
    label=_("Act recorded"),
)
CASE_CONFLICT_DECLARED = registry.register(
    "case.conflict_declared",
    "A handling officer declared a conflict of interest in a case (回避, 行政处罚法 第43条).",
    {"officer": "int"},
    label=_("Conflict of interest declared"),
)
CASE_OFFICER_RECUSED = registry.register(
    "case.officer_recused",
    "A handling officer was recused from a case and replaced (回避, 行政处罚法 第43条).",
    {"officer": "int", "replacement": "int"},
    label=_("Officer recused"),
)
CASE_SETTING_SET = registry.register(
    "case_setting.set",
    "An agency set its hearing thresholds and deadline-board amber threshold from a date.",
    {
        "effective_from": "date",
        "hearing_person_fen": "int",
        "hearing_organization_fen": "int",
        "amber": "int",
        "levy_late_per_10000?": "int",
    },
    label=_("Hearing thresholds and deadline alert set"),
)
CASE_ENFORCEMENT_FILED = registry.register(
    "case.enforcement_filed",
    "A coercion case's enforcement file was set from its origin: the principal, the late charge rate, the "
    "last day to pay and the court window (行政强制法 第53条).",
    {
        "origin": "int",
        "principal_fen": "int",
        "late_per_10000": "int",
        "pay_due_on": "date",
        "decision_served_on": "date",
        "relief_expires_on": "date",
        "apply_by": "date",
    },
    label=_("Enforcement file set"),
)
CASE_FIELD_RECORD_ADDED = registry.register(
    "case.field_record_added",
    "A field record (询问笔录 or 现场检查笔录) was made in a case; its place, persons and text only "
    "as digests.",
    {
        "record": "int",
        "kind": "str",
        "step": "str",
        "started_at": "datetime",
        "ended_at": "datetime",
        "officers": "list",
        "place_digest": "digest",
        "persons_digest": "digest",
        "content_digest": "digest",
    },
    label=_("Field record made"),
)
