"""Record-log event types of evidence, imported from ``EvidenceConfig.ready``. Declares, never writes."""

from django.utils.translation import gettext_lazy as _

from sanxiang.records import registry

ADDED = registry.register(
    "evidence.added",
    "An evidence file finished uploading and was stored; its digest is the one computed while streaming.",
    {
        "file": "int",
        "digest": "digest",
        "digest_sm3?": "digest",
        "upload_lag_minutes?": "int",
        "uploaded_late?": "bool",
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
    label=_("Evidence file added"),
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
    label=_("Upload refused"),
)
READ = registry.register(
    "evidence.read",
    "Someone viewed or downloaded an evidence file (who read what, when).",
    {"file": "int", "digest": "digest", "mode": "str", "range?": "str", "copy?": "digest"},
    label=_("Evidence file viewed"),
)
ITEM_REGISTERED = registry.register(
    "evidence.item_registered",
    "An item was entered in the evidence register (行政处罚法 第46条).",
    {"item": "int", "kind": "str", "file?": "int", "subject": "dict", "step": "str", "needs_review": "bool"},
    label=_("Evidence item registered"),
)
ITEM_REVIEWED = registry.register(
    "evidence.item_reviewed",
    "A reviewer checked a camera or sensor item before a decision may cite it (行政处罚法 第41条).",
    {"item": "int", "note": "str"},
    label=_("Evidence item reviewed"),
)
DEVICE_REGISTERED = registry.register(
    "evidence.device_registered",
    "A recording device was entered in the equipment register.",
    {"device": "int", "number": "str", "model": "str", "officer?": "int"},
    label=_("Recording device registered"),
)
DEVICE_STATUS_CHANGED = registry.register(
    "evidence.device_status_changed",
    "A recording device went into service, into maintenance or was retired.",
    {"device": "int", "number": "str", "status": "str", "note": "str"},
    label=_("Recording device status changed"),
)
DEVICE_MAINTAINED = registry.register(
    "evidence.device_maintained",
    "A maintenance entry was written for a recording device.",
    {"device": "int", "number": "str", "date": "date", "note": "str"},
    label=_("Recording device maintained"),
)
FIXITY_FAILED = registry.register(
    "evidence.fixity_failed",
    "A stored evidence file no longer hashes to the digest recorded when it was added.",
    {"file": "int", "digest": "digest", "found": "str"},
    label=_("Evidence file failed its fixity check"),
)
ACCESS_COPY_MADE = registry.register(
    "evidence.access_copy_made",
    "ffmpeg derived a browser-playable copy and a poster from an original; the original was only read.",
    {"file": "int", "digest": "digest", "video": "digest", "video_size": "int", "poster?": "digest"},
    label=_("Viewing copy made"),
)
ACCESS_COPY_FAILED = registry.register(
    "evidence.access_copy_failed",
    "ffmpeg could not derive an access copy from an original; the original is unchanged.",
    {"file": "int", "digest": "digest", "error": "str"},
    label=_("Viewing copy could not be made"),
)
GAP_EXPLAINED = registry.register(
    "evidence.gap_explained",
    "An officer explained a pause between two consecutive AV segments of one act (R-REC-03).",
    {"before": "int", "after": "int", "seconds": "int", "reason": "str"},
    label=_("Recording gap explained"),
)
EXEMPTION_REQUESTED = registry.register(
    "evidence.exemption_requested",
    "An exemption from full AV recording of a step was requested (e.g. equipment failure).",
    {"exemption": "int", "matter": "str", "subject": "dict", "step": "str", "reason": "str"},
    label=_("Recording exemption requested"),
)
EXEMPTION_APPROVED = registry.register(
    "evidence.exemption_approved",
    "A department or agency head other than the requester approved an exemption from full AV recording.",
    {"exemption": "int", "requested_by": "int"},
    label=_("Recording exemption approved"),
)
RETENTION_CLASSIFIED = registry.register(
    "evidence.retention_classified",
    "A file's retention class was set from the AV list in force for its matter and step (R-REC-05).",
    {"file": "int", "matter": "str", "class": "str", "keep_until?": "date"},
    label=_("Retention period set"),
)
DELETION_REQUESTED = registry.register(
    "evidence.deletion_requested",
    "Deletion of an expired routine (non-evidence) recording was requested.",
    {"file": "int", "digest": "digest", "reason": "str"},
    label=_("Deletion of a routine recording requested"),
)
DELETED = registry.register(
    "evidence.deleted",
    "A second person approved the deletion of an expired routine recording and its bytes were removed; this "
    "entry keeps its digest.",
    {"file": "int", "digest": "digest", "size": "int", "storage_key": "str", "requested_by": "int"},
    label=_("Routine recording deleted"),
)
UPLOAD_LAG_LIMIT_SET = registry.register(
    "evidence.upload_lag_limit_set",
    "An agency set the hours allowed between the end of a recording and its upload, from a date (R-REC-04).",
    {"hours": "int", "effective_from": "date", "basis": "str"},
    label=_("Upload time limit set"),
)
LATE_REASON_GIVEN = registry.register(
    "evidence.late_reason_given",
    "The officer who uploaded a recording late said why (R-REC-04).",
    {"file": "int", "reason": "str", "upload_lag_minutes?": "int"},
    label=_("Late upload explained"),
)
LATE_REASON_ACKNOWLEDGED = registry.register(
    "evidence.late_reason_acknowledged",
    "A supervisor acknowledged the reason given for a late upload; it no longer shows as a work item.",
    {"file": "int", "given_by": "int"},
    label=_("Late upload acknowledged"),
)
