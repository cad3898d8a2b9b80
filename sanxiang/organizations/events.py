"""Record-log event types owned by organizations."""

from sanxiang.records import registry

AGENCY_CREATED = registry.register(
    "agency.created",
    "An agency was registered.",
    {"code": "str", "name": "str", "level": "str", "parent?": "int"},
)
AGENCY_UPDATED = registry.register("agency.updated", "An agency's facts were changed.", {"fields": "dict"})
DEPARTMENT_CREATED = registry.register(
    "department.created", "A department was created.", {"name": "str", "kind": "str"}
)
ENTRUSTED_CREATED = registry.register(
    "entrusted_organization.created",
    "An organisation was entrusted by an agency.",
    {"name": "str", "scope": "str", "valid_from": "date", "valid_to?": "date"},
)
OFFICER_CREATED = registry.register(
    "officer.created",
    "An officer was registered.",
    {"name": "str", "post": "str", "department?": "int", "legal_qualification?": "bool"},
)
OFFICER_UPDATED = registry.register("officer.updated", "An officer's facts were changed.", {"fields": "dict"})
OFFICER_LINKED = registry.register("officer.linked", "An officer was linked to a login.", {"user": "int"})
CERTIFICATE_ISSUED = registry.register(
    "certificate.issued",
    "An enforcement certificate was registered.",
    {"number": "str", "category": "str", "region": "str", "valid_from": "date", "valid_to": "date"},
)
CERTIFICATE_STATUS_CHANGED = registry.register(
    "certificate.status_changed",
    "A certificate was suspended, revoked or reinstated.",
    {"number": "str", "status": "str", "effective": "date", "reason": "str"},
)
TRAINING_RECORDED = registry.register(
    "training.recorded",
    "Training hours were recorded.",
    {"completed_on": "date", "topic": "str", "hours": "int"},
)
ROLE_GRANTED = registry.register(
    "role.granted", "A role was granted to a user in an agency.", {"user": "int", "role": "str"}
)
ROLE_REVOKED = registry.register(
    "role.revoked", "A role was withdrawn from a user in an agency.", {"user": "int", "role": "str"}
)
OFFICERS_IMPORTED = registry.register(
    "officers.imported",
    "Officers were imported from a spreadsheet.",
    {"file_digest": "digest", "rows": "int", "created": "int", "updated": "int"},
)
