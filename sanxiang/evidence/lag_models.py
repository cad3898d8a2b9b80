"""The upload-lag limit table (R-REC-04: recordings are uploaded promptly, "当天执法活动结束后" or within 24
hours by local rule): hours allowed between the end of capture and the upload, per agency, from a date.
Data, never a constant in code; rows change only through ``evidence.lag``. Also the reasons given for late
uploads and their acknowledgement (rows change only through ``evidence.late``). Schema only."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from sanxiang.core.models import TimestampedModel
from sanxiang.organizations.models import Agency


class UploadLagLimit(TimestampedModel):
    """The limit of an agency (and of the agencies below it without their own) from ``effective_from``."""

    agency = models.ForeignKey(Agency, verbose_name=_("agency"), on_delete=models.PROTECT, related_name="+")
    effective_from = models.DateField(_("effective from"))
    hours = models.PositiveSmallIntegerField(_("hours allowed after capture ends"))
    basis = models.CharField(_("basis"), max_length=255, help_text=_("The local rule that sets the limit."))

    class Meta:
        verbose_name = _("upload lag limit")
        verbose_name_plural = _("upload lag limits")
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "effective_from"], name="evidence_lag_limit_unique_day"
            ),
            models.CheckConstraint(condition=Q(hours__gte=1), name="evidence_lag_limit_hours_gte_1"),
        ]

    def __str__(self) -> str:
        return f"{self.agency_id} {self.effective_from} {self.hours}h"


class LateUploadReason(TimestampedModel):
    """Why a recording was uploaded late (R-REC-04), given by the officer who uploaded it, and a supervisor's
    acknowledgement. One per late file; rows change only through ``evidence.late``."""

    file = models.OneToOneField(
        "evidence.EvidenceFile", verbose_name=_("file"), on_delete=models.PROTECT, related_name="late_reason"
    )
    reason = models.TextField(_("reason"), max_length=2000)
    given_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("given by"), on_delete=models.PROTECT, related_name="+"
    )
    acknowledged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("acknowledged by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    acknowledged_at = models.DateTimeField(_("acknowledged at"), null=True, blank=True)

    class Meta:
        verbose_name = _("late upload reason")
        verbose_name_plural = _("late upload reasons")
        constraints = [
            models.CheckConstraint(
                condition=Q(acknowledged_at__isnull=True, acknowledged_by__isnull=True)
                | Q(acknowledged_at__isnull=False, acknowledged_by__isnull=False),
                name="evidence_late_reason_ack_complete",
            ),
            models.CheckConstraint(
                condition=~Q(acknowledged_by=models.F("given_by")), name="evidence_late_reason_second_person"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.file_id}: {self.reason[:40]}"
