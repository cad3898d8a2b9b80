"""Record-log event types owned by cases. Personal data (a person's name, identity number, phone, addresses)
enters the log only as digests ("sha256:<hex>"), so that redaction never breaks the tree; this module must
never declare a field that carries such data as text."""

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
)
PARTY_UPDATED = registry.register(
    "party.updated",
    "A party's facts were changed; each changed field with the digest of its new value.",
    {"fields": "dict"},
)
PARTY_SERVICE_CONSENT_RECORDED = registry.register(
    "party.service_consent_recorded",
    "A party's consent to electronic service (确认书) was put on file, or withdrawn.",
    {"consent": "bool", "address_digest?": "digest", "signed_on?": "date", "document_digest?": "digest"},
)
NUMBER_ALLOCATED = registry.register(
    "number.allocated",
    "A case or document number was given out.",
    {"code": "str", "year": "int", "sequence": "int", "number": "str"},
)
NUMBER_PATTERN_SET = registry.register(
    "number_pattern.set",
    "An agency set how it writes its numbers (for one code, or for all).",
    {"code": "str", "pattern": "str"},
)
