"""Record-log event types of documents, imported from ``DocumentsConfig.ready``. Declares, never writes.
Files enter the log as content digests only."""

from django.utils.translation import gettext_lazy as _

from sanxiang.records import registry

TEMPLATE_UPLOADED = registry.register(
    "document_template.uploaded",
    "An office uploaded a new version of its Word template for a kind of document, in force from a date.",
    {"kind": "str", "version": "int", "effective_from": "date", "digest": "digest"},
    label=_("Document template uploaded"),
)
ISSUED = registry.register(
    "document.issued",
    "An enforcement document was issued: its number, template version and the digests of its DOCX and PDF.",
    {
        "kind": "str",
        "number": "str",
        "template": "str",
        "template_digest": "digest",
        "docx_digest": "digest",
        "pdf_digest": "digest",
        "issued_on": "date",
        "supersedes?": "int",
    },
    label=_("Document issued"),
)
READ = registry.register(
    "document.read",
    "An issued document's file was downloaded.",
    {"document": "int", "format": "str"},
    label=_("Document downloaded"),
)
