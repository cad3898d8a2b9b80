"""The holiday / make-up working-day table and its per-year coverage.

Rows change only through ``calendar.actions`` (each change writes its record) and the seed migration. Nothing
here computes deadlines: ``calendar.deadlines`` does, over a snapshot loaded by ``calendar.selectors``.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from sanxiang.calendar.enums import DayKind, DaySource, YearStatus
from sanxiang.core import clock


class CalendarDay(models.Model):
    """One exceptional day: a statutory holiday (a weekday off) or a 调休 make-up working day (a weekend day
    worked). Ordinary weekdays and weekends are not stored."""

    date = models.DateField(_("date"), unique=True)
    kind = models.CharField(_("kind"), max_length=16, choices=DayKind.choices)
    name = models.CharField(_("name"), max_length=64, help_text=_("For example 春节 or 国庆节."))
    source = models.CharField(_("source"), max_length=16, choices=DaySource.choices)
    created_at = models.DateTimeField(_("created at"), default=clock.now, editable=False)

    class Meta:
        verbose_name = _("calendar day")
        verbose_name_plural = _("calendar days")
        ordering = ["date"]
        constraints = [
            models.CheckConstraint(condition=Q(kind__in=DayKind.values), name="calendar_day_kind_known"),
            models.CheckConstraint(
                condition=Q(source__in=DaySource.values), name="calendar_day_source_known"
            ),
            models.CheckConstraint(condition=~Q(name=""), name="calendar_day_has_name"),
        ]

    def __str__(self) -> str:
        return f"{self.date.isoformat()} {self.name} ({self.kind})"


class CalendarYear(models.Model):
    """Whether a year's schedule is in the table, and on what authority. A year without a row, or with a
    provisional row, is counted provisionally (weekends plus the holidays computable from
    全国年节及纪念日放假办法)."""

    year = models.PositiveSmallIntegerField(_("year"), unique=True)
    status = models.CharField(_("status"), max_length=16, choices=YearStatus.choices)
    source = models.CharField(_("source"), max_length=16, choices=DaySource.choices)
    notice_reference = models.CharField(
        _("notice reference"), max_length=64, blank=True, help_text=_("For example 国办发明电〔2025〕7号.")
    )
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("entered by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    entered_at = models.DateTimeField(_("entered at"), default=clock.now)

    class Meta:
        verbose_name = _("calendar year")
        verbose_name_plural = _("calendar years")
        ordering = ["year"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=YearStatus.values), name="calendar_year_status_known"
            ),
            # An administrator confirms a year only by citing the State Council notice that fixes it.
            models.CheckConstraint(
                condition=~Q(status=YearStatus.OFFICIAL, source=DaySource.ADMINISTRATOR, notice_reference=""),
                name="calendar_year_official_cites_notice",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.year} ({self.status})"
