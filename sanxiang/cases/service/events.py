"""Record-log event types of service (送达), imported from ``CasesConfig.ready``. Declares, never writes.
Recipients, addresses and witnesses are personal data: they enter only as digests."""

from django.utils.translation import gettext_lazy as _

from sanxiang.records import registry

SERVICE_RECORDED = registry.register(
    "service.recorded",
    "An attempt to serve a case document was recorded: its method, outcome and service date.",
    {
        "document": "int",
        "method": "str",
        "outcome": "str",
        "served_on?": "date",
        "published_on?": "date",
        "receipt?": "int",
        "recipient_digest?": "digest",
        "details_digest?": "digest",
    },
    label=_("Service recorded"),
)
SERVICE_SCAN_ATTACHED = registry.register(
    "service.scan_attached",
    "The signed service receipt (送达回证) of a service record was scanned and stored.",
    {"service": "int", "digest": "digest"},
    label=_("Service receipt scanned"),
)
