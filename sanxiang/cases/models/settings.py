"""Per-agency case settings with an effective date: the hearing thresholds (较大数额, 行政处罚法 第63条, set
locally) and the amber threshold of the deadline board. Numbers live here as data, never as constants in
code. Rows change only through ``cases.case_actions``; this module holds no rule."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from sanxiang.core.models import TimestampedModel
from sanxiang.organizations.models import Agency


class CaseSetting(TimestampedModel):
    """Settings of an agency (and of the agencies below it without their own) from ``effective_from``."""

    agency = models.ForeignKey(
        Agency, verbose_name=_("agency"), on_delete=models.PROTECT, related_name="case_settings"
    )
    effective_from = models.DateField(_("effective from"))
    hearing_threshold_person_fen = models.BigIntegerField(_("hearing threshold for individuals (fen)"))
    hearing_threshold_organization_fen = models.BigIntegerField(
        _("hearing threshold for organisations (fen)")
    )
    amber_working_days = models.PositiveSmallIntegerField(_("amber when working days left at most"))
    # 滞纳金 on levies and fees, per 10,000 of the principal a day, as the provincial rule sets it; 0: none.
    # Never more than the principal in total (行政强制法 第45条).
    levy_late_per_10000 = models.PositiveIntegerField(
        _("late charge on levies and fees (per 10,000 a day)"), default=0
    )

    class Meta:
        verbose_name = _("case setting")
        verbose_name_plural = _("case settings")
        ordering = ["agency_id", "-effective_from"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "effective_from"], name="case_setting_unique_day"),
            models.CheckConstraint(
                condition=Q(hearing_threshold_person_fen__gte=0, hearing_threshold_organization_fen__gte=0),
                name="case_setting_thresholds_non_negative",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.agency_id} {self.effective_from}"
