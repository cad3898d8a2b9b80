"""Field records (现场笔录): the 询问笔录 of an inquiry and the 现场检查笔录 of an on-site inspection,
made by the
handling officers on a phone or tablet at the scene. Immutable once made: a correction is a new record. Only
``cases.field_records`` writes them, each with its record entry (personal data there only as digests).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from sanxiang.cases.models.cases import Case
from sanxiang.core.models import TimestampedModel


class FieldRecordKind(models.TextChoices):
    INQUIRY = "inquiry", _("Inquiry record")  # 询问笔录
    INSPECTION = "inspection", _("On-site inspection record")  # 现场检查笔录


class FieldRecord(TimestampedModel):
    case = models.ForeignKey(
        Case, verbose_name=_("case"), on_delete=models.PROTECT, related_name="field_records"
    )
    kind = models.CharField(_("kind"), max_length=16, choices=FieldRecordKind.choices)
    step = models.CharField(_("step"), max_length=64, blank=True)
    place = models.CharField(_("place"), max_length=255)
    started_at = models.DateTimeField(_("started at"))
    ended_at = models.DateTimeField(_("ended at"))
    persons = models.TextField(_("persons present or inquired"))
    content = models.TextField(_("record"))
    officers = models.JSONField(_("officers present"), default=list)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("recorded by"), on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("field record")
        verbose_name_plural = _("field records")
        ordering = ["case_id", "started_at", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(ended_at__gte=F("started_at")), name="case_field_record_times")
        ]

    def __str__(self) -> str:
        return f"{self.case_id} {self.kind} {self.started_at:%Y-%m-%d}"
