"""The upload-lag limit table (R-REC-04: recordings are uploaded promptly, "当天执法活动结束后" or within 24
hours by local rule): hours allowed between the end of capture and the upload, per agency, from a date. Data,
never a constant in code; rows change only through ``evidence.lag``. Schema only."""

from __future__ import annotations

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
