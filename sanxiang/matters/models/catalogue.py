"""Enforcement matters (执法事项) of a catalogue version, with the service-guide fields of the seed's
二(一)3(3) and their relief channels. A matter cites articles of the library; its time limits carry
their unit and basis.
"""

from __future__ import annotations

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from sanxiang.core.models import TimestampedModel
from sanxiang.matters.enums import MatterType, ReliefKind, TimeUnit
from sanxiang.matters.models.library import Article
from sanxiang.matters.models.versions import Confirmable, ListVersion
from sanxiang.organizations.enums import DepartmentKind


class Matter(Confirmable, TimestampedModel):
    """One enforcement matter of one catalogue version. ``code`` identifies the matter across versions."""

    version = models.ForeignKey(
        ListVersion, verbose_name=_("catalogue version"), on_delete=models.PROTECT, related_name="matters"
    )
    code = models.CharField(_("code"), max_length=32)
    name = models.CharField(_("name"), max_length=255)
    type = models.CharField(_("type"), max_length=16, choices=MatterType.choices)
    agency_levels = models.JSONField(_("agency levels exercising it"), default=list)
    department_kind = models.CharField(
        _("responsible department"),
        max_length=16,
        choices=DepartmentKind.choices,
        default=DepartmentKind.ENFORCEMENT,
    )
    articles = models.ManyToManyField(Article, verbose_name=_("legal basis"), related_name="matters")
    workflow_key = models.CharField(_("procedure (workflow)"), max_length=64)
    statutory_limit = models.PositiveIntegerField(_("statutory time limit"), null=True, blank=True)
    statutory_unit = models.CharField(
        _("unit of the statutory limit"), max_length=16, choices=TimeUnit.choices, blank=True
    )
    statutory_basis = models.ForeignKey(
        Article,
        verbose_name=_("basis of the statutory limit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    promised_limit = models.PositiveIntegerField(_("promised time limit"), null=True, blank=True)
    promised_unit = models.CharField(
        _("unit of the promised limit"), max_length=16, choices=TimeUnit.choices, blank=True
    )
    time_limit_note = models.CharField(_("time-limit note"), max_length=255, blank=True)
    fee_standard = models.TextField(_("fee standard"), blank=True)
    # The service guide (服务指南), seed 二(一)3(3).
    accepting_body = models.CharField(_("accepting body"), max_length=128, blank=True)
    deciding_body = models.CharField(_("approving body"), max_length=128, blank=True)
    conditions = models.TextField(_("conditions"), blank=True)
    materials = models.JSONField(_("required materials"), default=list, blank=True)
    procedure = models.TextField(_("procedure"), blank=True)
    supervision = models.TextField(_("supervision"), blank=True)
    accountability = models.TextField(_("accountability"), blank=True)
    office_hours = models.CharField(_("office hours"), max_length=128, blank=True)
    office_address = models.CharField(_("office address"), max_length=255, blank=True)
    office_phone = models.CharField(_("office phone"), max_length=32, blank=True)
    consultation_phone = models.CharField(_("consultation phone"), max_length=32, blank=True)
    complaint_phone = models.CharField(_("complaint phone"), max_length=32, blank=True)

    class Meta:
        verbose_name = _("enforcement matter")
        verbose_name_plural = _("enforcement matters")
        ordering = ["version", "type", "code"]
        constraints = [
            models.UniqueConstraint(fields=["version", "code"], name="matters_matter_unique_code"),
            models.CheckConstraint(
                condition=Q(statutory_limit__isnull=True) | ~Q(statutory_unit=""),
                name="matters_matter_statutory_unit",
            ),
            models.CheckConstraint(
                condition=Q(promised_limit__isnull=True) | ~Q(promised_unit=""),
                name="matters_matter_promised_unit",
            ),
            models.CheckConstraint(
                condition=Q(promised_limit__isnull=True)
                | Q(statutory_limit__isnull=True)
                | ~Q(promised_unit=F("statutory_unit"))
                | Q(promised_limit__lte=F("statutory_limit")),
                name="matters_matter_promise_within_statute",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"


class ReliefChannel(TimestampedModel):
    """A way the party can challenge the act (复议 within 60 days, 诉讼 within 6 months), with its basis."""

    matter = models.ForeignKey(
        Matter, verbose_name=_("matter"), on_delete=models.CASCADE, related_name="relief_channels"
    )
    kind = models.CharField(_("channel"), max_length=16, choices=ReliefKind.choices)
    body = models.CharField(_("where to apply"), max_length=128)
    time_limit = models.PositiveIntegerField(_("time limit"))
    unit = models.CharField(_("unit"), max_length=16, choices=TimeUnit.choices)
    article = models.ForeignKey(
        Article, verbose_name=_("basis"), on_delete=models.PROTECT, related_name="relief_channels"
    )

    class Meta:
        verbose_name = _("relief channel")
        verbose_name_plural = _("relief channels")
        ordering = ["matter", "kind"]
        constraints = [models.UniqueConstraint(fields=["matter", "kind"], name="matters_relief_unique_kind")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.time_limit} {self.get_unit_display()}"
