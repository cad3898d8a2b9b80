"""Document templates uploaded by an office and issued documents.

A ``DocumentTemplate`` is one version of an agency's Word template for a kind, in force from its date; the
package's default template applies where an agency has none. An ``IssuedDocument`` is immutable: its files
are stored write-once under their digests, a database trigger refuses any UPDATE of the row, and a
correction is a new document that ``supersedes`` it. Rows are written only by ``documents.actions``.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from sanxiang.organizations.models import Agency


class DocumentTemplate(models.Model):
    agency = models.ForeignKey(
        Agency, verbose_name=_("agency"), on_delete=models.PROTECT, related_name="document_templates"
    )
    kind = models.CharField(_("kind of document"), max_length=64)
    version = models.PositiveIntegerField(_("version"))
    effective_from = models.DateField(_("in force from"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    storage_key = models.CharField(_("storage key"), max_length=255)
    filename = models.CharField(_("file name"), max_length=255, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("uploaded by"), on_delete=models.PROTECT, related_name="+"
    )
    uploaded_at = models.DateTimeField(_("uploaded at"))

    class Meta:
        verbose_name = _("document template")
        verbose_name_plural = _("document templates")
        ordering = ["agency_id", "kind", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "kind", "version"], name="document_template_version"),
            models.UniqueConstraint(
                fields=["agency", "kind", "effective_from"], name="document_template_one_per_day"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} v{self.version}"


class IssuedDocument(models.Model):
    agency = models.ForeignKey(
        Agency, verbose_name=_("agency"), on_delete=models.PROTECT, related_name="issued_documents"
    )
    kind = models.CharField(_("kind of document"), max_length=64)
    title = models.CharField(_("title"), max_length=128)
    number = models.CharField(_("document number"), max_length=160, blank=True)
    subject_kind = models.CharField(_("subject kind"), max_length=32)
    subject_id = models.CharField(_("subject id"), max_length=64)
    template = models.ForeignKey(
        DocumentTemplate,
        verbose_name=_("template version"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="issued",
    )
    template_sha256 = models.CharField(_("template SHA-256"), max_length=64)
    docx_key = models.CharField(_("DOCX storage key"), max_length=255)
    docx_sha256 = models.CharField(_("DOCX SHA-256"), max_length=64)
    pdf_key = models.CharField(_("PDF storage key"), max_length=255)
    pdf_sha256 = models.CharField(_("PDF SHA-256"), max_length=64)
    issued_on = models.DateField(_("issued on"))
    issued_at = models.DateTimeField(_("issued at"))
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("issued by"), on_delete=models.PROTECT, related_name="+"
    )
    supersedes = models.OneToOneField(
        "self",
        verbose_name=_("corrects"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="superseded_by",
    )

    class Meta:
        verbose_name = _("issued document")
        verbose_name_plural = _("issued documents")
        ordering = ["subject_kind", "subject_id", "issued_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "number"], condition=~Q(number=""), name="issued_document_unique_number"
            ),
        ]
        indexes = [models.Index(fields=["subject_kind", "subject_id"], name="issued_document_subject")]

    def __str__(self) -> str:
        return self.number or self.title
