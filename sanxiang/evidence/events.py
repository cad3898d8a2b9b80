"""Record-log event types of evidence, imported from ``EvidenceConfig.ready``. Declares, never writes."""

from sanxiang.records import registry

ADDED = registry.register(
    "evidence.added",
    "An evidence file finished uploading and was stored; its digest is the one computed while streaming.",
    {
        "file": "int",
        "digest": "digest",
        "size": "int",
        "storage_key": "str",
        "media_type": "str",
        "filename?": "str",
        "device?": "str",
        "device_check": "str",
        "certificate?": "str",
        "capture_start?": "datetime",
        "capture_end?": "datetime",
        "location?": "str",
        "subject": "dict",
        "step": "str",
    },
)
UPLOAD_REFUSED = registry.register(
    "evidence.upload_refused",
    "An upload was refused and discarded: its content is not an accepted type, or its whole-file digest "
    "differs from the one the client declared. Nothing of it was kept.",
    {
        "reason": "str",
        "length": "int",
        "received": "int",
        "digest?": "digest",
        "declared?": "digest",
        "device?": "str",
        "filename?": "str",
    },
)
READ = registry.register(
    "evidence.read",
    "Someone viewed or downloaded an evidence file (who read what, when).",
    {"file": "int", "digest": "digest", "mode": "str", "range?": "str"},
)
ITEM_REGISTERED = registry.register(
    "evidence.item_registered",
    "An item was entered in the evidence register (行政处罚法 第46条).",
    {"item": "int", "kind": "str", "file?": "int", "subject": "dict", "step": "str", "needs_review": "bool"},
)
ITEM_REVIEWED = registry.register(
    "evidence.item_reviewed",
    "A reviewer checked a camera or sensor item before a decision may cite it (行政处罚法 第41条).",
    {"item": "int", "note": "str"},
)
DEVICE_REGISTERED = registry.register(
    "evidence.device_registered",
    "A recording device was entered in the equipment register.",
    {"device": "int", "number": "str", "model": "str", "officer?": "int"},
)
DEVICE_STATUS_CHANGED = registry.register(
    "evidence.device_status_changed",
    "A recording device went into service, into maintenance or was retired.",
    {"device": "int", "number": "str", "status": "str", "note": "str"},
)
DEVICE_MAINTAINED = registry.register(
    "evidence.device_maintained",
    "A maintenance entry was written for a recording device.",
    {"device": "int", "number": "str", "date": "date", "note": "str"},
)
FIXITY_FAILED = registry.register(
    "evidence.fixity_failed",
    "A stored evidence file no longer hashes to the digest recorded when it was added.",
    {"file": "int", "digest": "digest", "found": "str"},
)
