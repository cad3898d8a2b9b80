"""Record-log event types owned by organizations."""

from django.utils.translation import gettext_lazy as _

from sanxiang.records import registry

AGENCY_CREATED = registry.register(
    "agency.created",
    "An agency was registered.",
    {"code": "str", "name": "str", "level": "str", "parent?": "int"},
    label=_("Agency registered"),
)
AGENCY_UPDATED = registry.register(
    "agency.updated",
    "An agency's facts were changed.",
    {"fields": "dict"},
    label=_("Agency facts changed"),
)
DEPARTMENT_CREATED = registry.register(
    "department.created",
    "A department was created.",
    {"name": "str", "kind": "str"},
    label=_("Department created"),
)
ENTRUSTED_CREATED = registry.register(
    "entrusted_organization.created",
    "An organisation was entrusted by an agency.",
    {"name": "str", "scope": "str", "valid_from": "date", "valid_to?": "date"},
    label=_("Organisation entrusted"),
)
OFFICER_CREATED = registry.register(
    "officer.created",
    "An officer was registered.",
    {"name": "str", "post": "str", "department?": "int", "legal_qualification?": "bool"},
    label=_("Officer registered"),
)
OFFICER_UPDATED = registry.register(
    "officer.updated",
    "An officer's facts were changed.",
    {"fields": "dict"},
    label=_("Officer facts changed"),
)
OFFICER_LINKED = registry.register(
    "officer.linked",
    "An officer was linked to a login.",
    {"user": "int"},
    label=_("Linked to a login"),
)
CERTIFICATE_ISSUED = registry.register(
    "certificate.issued",
    "An enforcement certificate was registered.",
    {"number": "str", "category": "str", "region": "str", "valid_from": "date", "valid_to": "date"},
    label=_("Certificate issued"),
)
CERTIFICATE_STATUS_CHANGED = registry.register(
    "certificate.status_changed",
    "A certificate was suspended, revoked or reinstated.",
    {"number": "str", "status": "str", "effective": "date", "reason": "str"},
    label=_("Certificate status changed"),
)
TRAINING_RECORDED = registry.register(
    "training.recorded",
    "Training hours were recorded.",
    {"completed_on": "date", "topic": "str", "hours": "int"},
    label=_("Training recorded"),
)
ROLE_GRANTED = registry.register(
    "role.granted",
    "A role was granted to a user in an agency.",
    {"user": "int", "role": "str"},
    label=_("Role granted"),
)
ROLE_REVOKED = registry.register(
    "role.revoked",
    "A role was withdrawn from a user in an agency.",
    {"user": "int", "role": "str"},
    label=_("Role withdrawn"),
)
OFFICERS_IMPORTED = registry.register(
    "officers.imported",
    "Officers were imported from a spreadsheet.",
    {"file_digest": "digest", "rows": "int", "created": "int", "updated": "int"},
    label=_("Officers imported from a spreadsheet"),
)
