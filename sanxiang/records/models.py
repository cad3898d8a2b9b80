"""Tables of the record log. Entries are written only by ``writer.append`` (pending) and the integrator."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from sanxiang.core import clock


class PendingEntry(models.Model):
    """The outbox: entries written by business transactions, waiting for the integrator to give them an
    index in the tree. Their id orders them but never becomes the leaf index (ids can have gaps)."""

    event_type = models.CharField(_("event type"), max_length=64)
    body = models.BinaryField(_("canonical entry"))
    subject_kind = models.CharField(_("subject kind"), max_length=32)
    subject_id = models.CharField(_("subject id"), max_length=64)
    created_at = models.DateTimeField(_("created at"), default=clock.now)

    class Meta:
        verbose_name = _("pending record entry")
        verbose_name_plural = _("pending record entries")
        indexes = [models.Index(fields=["subject_kind", "subject_id"])]

    def __str__(self) -> str:
        return f"{self.event_type} #{self.pk}"
