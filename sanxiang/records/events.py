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
