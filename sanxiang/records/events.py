"""Record-log event types of the log itself (witnessing), imported from ``RecordsConfig.ready``. Declares,
never writes."""

from django.utils.translation import gettext_lazy as _

from sanxiang.records import registry

COSIGNED = registry.register(
    "records.cosigned",
    "A witness (another agency) cosigned one of this log's checkpoints; the line was checked and stored.",
    {"witness": "str", "size": "int", "signed_at": "datetime"},
    label=_("Checkpoint cosigned by a witness"),
)
WITNESSED = registry.register(
    "records.witnessed",
    "This deployment, as a witness, verified another log's checkpoint consistent with the last one it "
    "cosigned, moved forward and cosigned it.",
    {"origin": "str", "old_size": "int", "size": "int", "root": "str"},
    label=_("Another log's checkpoint witnessed"),
)
VERIFIED = registry.register(
    "records.verified",
    "The whole log was verified at the request of a supervisor or administrator: every leaf and the root "
    "recomputed from the stored entries, every checkpoint's signature and root checked.",
    {
        "size": "int",
        "checkpoints": "int",
        "ok": "bool",
        "first_bad_index?": "int",
        "problem_count": "int",
        "problems": "list",  # the first few messages, as reported
        "root": "str",
    },
    label=_("Record log verified"),
)
BUNDLE_EXPORTED = registry.register(
    "records.bundle_exported",
    "A subject's record bundle (its entries with inclusion proofs, the checkpoints and the verifier key) was "
    "downloaded for offline verification.",
    {"entries": "int", "checkpoint_size": "int", "digest": "digest"},
    label=_("Record bundle downloaded"),
)
