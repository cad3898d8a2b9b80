"""Entry tables of the lists attached to the catalogue, each under a ``ListVersion`` of its kind: discretion
benchmarks, the AV-recording list, the major-decision catalogue, random-inspection items, fee and levy
standards with their coded exemptions. Amounts are integers in fen. Entries name matters by their stable code,
so a new catalogue version does not orphan them. Rules over these rows live in the actions, never here.
"""

from __future__ import annotations

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from sanxiang.core.models import TimestampedModel
from sanxiang.matters.enums import (
    AVRequirement,
    MatterType,
    PartyKind,
    RetentionClass,
    ReviewCriterion,
    Tier,
)
from sanxiang.matters.models.library import Article
from sanxiang.matters.models.versions import Confirmable, ListVersion


def _version() -> models.ForeignKey[ListVersion, ListVersion]:
    return models.ForeignKey(
        ListVersion, verbose_name=_("list version"), on_delete=models.PROTECT, related_name="+"
    )


class BenchmarkEntry(Confirmable, TimestampedModel):
    """One tier of a discretion benchmark (裁量基准) for one kind of party.
    No amounts: no fine in this tier."""

    version = _version()
    code = models.CharField(_("code"), max_length=32)
    violation = models.TextField(_("violation"))
    matter_code = models.CharField(_("matter code"), max_length=32, blank=True)
    articles = models.ManyToManyField(Article, verbose_name=_("legal basis"), related_name="benchmarks")
    party_kind = models.CharField(_("party"), max_length=16, choices=PartyKind.choices)
    tier = models.CharField(_("tier"), max_length=16, choices=Tier.choices)
    condition = models.TextField(_("applies when"))
    measures = models.CharField(_("measures"), max_length=255, blank=True)
    min_fen = models.BigIntegerField(_("minimum fine (fen)"), null=True, blank=True)
    max_fen = models.BigIntegerField(_("maximum fine (fen)"), null=True, blank=True)

    class Meta:
        verbose_name = _("discretion benchmark")
        verbose_name_plural = _("discretion benchmarks")
        ordering = ["version", "code", "party_kind", "min_fen"]
        constraints = [
            models.UniqueConstraint(
                fields=["version", "code", "party_kind", "tier"], name="matters_benchmark_unique_tier"
            ),
            models.CheckConstraint(
                condition=(Q(min_fen__isnull=True) & Q(max_fen__isnull=True))
                | (Q(min_fen__gte=0) & Q(max_fen__gte=F("min_fen"))),
                name="matters_benchmark_amounts_ordered",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.get_party_kind_display()} {self.get_tier_display()}"


class AVEntry(TimestampedModel):
    """A row of the AV-recording list (音像记录事项清单): whether a step of a matter must be filmed."""

    version = _version()
    matter_code = models.CharField(_("matter code"), max_length=32)
    step = models.CharField(_("step"), max_length=32)
    step_name = models.CharField(_("step name"), max_length=64)
    requirement = models.CharField(_("recording"), max_length=16, choices=AVRequirement.choices)
    retention = models.CharField(_("retention"), max_length=16, choices=RetentionClass.choices)
    note = models.CharField(_("note"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("AV-recording rule")
        verbose_name_plural = _("AV-recording rules")
        ordering = ["version", "matter_code", "step"]
        constraints = [
            models.UniqueConstraint(fields=["version", "matter_code", "step"], name="matters_av_unique_step")
        ]

    def __str__(self) -> str:
        return f"{self.matter_code} {self.step_name}"


class MajorDecisionRule(Confirmable, TimestampedModel):
    """A rule of the major-decision legal-review catalogue, stored as data; the evaluator lives elsewhere."""

    version = _version()
    code = models.CharField(_("code"), max_length=32)
    matter_type = models.CharField(_("type"), max_length=16, choices=MatterType.choices, blank=True)
    criterion = models.CharField(_("criterion"), max_length=16, choices=ReviewCriterion.choices)
    party_kind = models.CharField(_("party"), max_length=16, choices=PartyKind.choices, blank=True)
    threshold_fen = models.BigIntegerField(_("threshold (fen)"), null=True, blank=True)
    value = models.CharField(_("value"), max_length=64, blank=True)
    description = models.TextField(_("description"))
    articles = models.ManyToManyField(Article, verbose_name=_("legal basis"), related_name="review_rules")

    class Meta:
        verbose_name = _("major-decision rule")
        verbose_name_plural = _("major-decision rules")
        ordering = ["version", "code"]
        constraints = [
            models.UniqueConstraint(fields=["version", "code"], name="matters_review_rule_unique_code"),
            models.CheckConstraint(
                condition=~Q(criterion=ReviewCriterion.AMOUNT)
                | (Q(threshold_fen__gte=0) & ~Q(party_kind="")),
                name="matters_review_rule_amount_threshold",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.description[:40]}"


class InspectionItem(Confirmable, TimestampedModel):
    """An item of the random-inspection list (随机抽查事项清单)."""

    version = _version()
    code = models.CharField(_("code"), max_length=32)
    name = models.CharField(_("name"), max_length=255)
    matter_code = models.CharField(_("matter code"), max_length=32, blank=True)
    articles = models.ManyToManyField(Article, verbose_name=_("legal basis"), related_name="inspection_items")
    inspecting_body = models.CharField(_("inspecting body"), max_length=128)
    object_type = models.CharField(_("objects inspected"), max_length=255)
    content = models.TextField(_("content"))
    ratio_percent = models.PositiveSmallIntegerField(_("ratio (%)"), null=True, blank=True)
    method = models.CharField(_("method"), max_length=128)
    frequency = models.CharField(_("frequency"), max_length=128)

    class Meta:
        verbose_name = _("random-inspection item")
        verbose_name_plural = _("random-inspection items")
        ordering = ["version", "code"]
        constraints = [
            models.UniqueConstraint(fields=["version", "code"], name="matters_inspection_unique_code"),
            models.CheckConstraint(
                condition=Q(ratio_percent__isnull=True) | Q(ratio_percent__lte=100),
                name="matters_inspection_ratio_percent",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"


class FeeStandard(Confirmable, TimestampedModel):
    """A fee or levy rate, e.g. 防空地下室易地建设费 in fen per m² of the shelter
    area that should be built."""

    version = _version()
    code = models.CharField(_("code"), max_length=32)
    name = models.CharField(_("name"), max_length=255)
    matter_code = models.CharField(_("matter code"), max_length=32, blank=True)
    rate_fen = models.BigIntegerField(_("rate (fen)"))
    per_unit = models.CharField(_("per"), max_length=16)
    articles = models.ManyToManyField(Article, verbose_name=_("legal basis"), related_name="fee_standards")
    note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("fee or levy standard")
        verbose_name_plural = _("fee and levy standards")
        ordering = ["version", "code"]
        constraints = [
            models.UniqueConstraint(fields=["version", "code"], name="matters_fee_unique_code"),
            models.CheckConstraint(condition=Q(rate_fen__gte=0), name="matters_fee_rate_not_negative"),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"


class FeeExemption(TimestampedModel):
    """A coded exemption (减免项目) a standard allows; only listed exemptions may be
    granted (中发〔2001〕9号)."""

    standard = models.ForeignKey(
        FeeStandard, verbose_name=_("standard"), on_delete=models.CASCADE, related_name="exemptions"
    )
    code = models.CharField(_("code"), max_length=32)
    name = models.CharField(_("name"), max_length=255)
    articles = models.ManyToManyField(Article, verbose_name=_("legal basis"), related_name="fee_exemptions")

    class Meta:
        verbose_name = _("fee exemption")
        verbose_name_plural = _("fee exemptions")
        ordering = ["standard", "code"]
        constraints = [
            models.UniqueConstraint(fields=["standard", "code"], name="matters_exemption_unique_code")
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"
