"""Facts of levy, fee and coercion cases that the case engine writes as their acts are done: the assessment
(核定: the standard and rate applied, the area, a coded exemption, the amount), the payments, and the
enforcement file of a coercion case (the principal, the payment due date and the court window it was opened
under). Amounts in fen, areas in hundredths of m². Only ``cases.engine`` writes these rows, each with its
act's record; the database refuses negative amounts and an exempted area larger than the area.
"""

from __future__ import annotations

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from sanxiang.cases.models.cases import Case
from sanxiang.core.models import TimestampedModel


class Assessment(TimestampedModel):
    """The assessment of a levy or fee case (征收 / 收费核定): rate × (area − exempted area)."""

    case = models.OneToOneField(
        Case, verbose_name=_("case"), on_delete=models.PROTECT, related_name="assessment"
    )
    standard_code = models.CharField(_("fee standard"), max_length=32)
    standard_version = models.CharField(_("list version"), max_length=64)
    rate_fen = models.BigIntegerField(_("rate (fen)"))
    per_unit = models.CharField(_("per"), max_length=16)
    area_centi = models.BigIntegerField(_("area (hundredths of a unit)"))
    exempt_centi = models.BigIntegerField(_("exempted area (hundredths of a unit)"), default=0)
    exemption_code = models.CharField(_("exemption"), max_length=32, blank=True)
    exemption_evidence = models.TextField(_("evidence of the exemption"), blank=True)
    amount_fen = models.BigIntegerField(_("amount due (fen)"))
    assessed_on = models.DateField(_("assessed on"))
    paid_fen = models.BigIntegerField(_("paid (fen)"), default=0)
    late_fen = models.BigIntegerField(_("late charge paid (fen)"), default=0)
    paid_on = models.DateField(_("paid on"), null=True, blank=True)

    class Meta:
        verbose_name = _("assessment")
        verbose_name_plural = _("assessments")
        constraints = [
            models.CheckConstraint(
                condition=Q(rate_fen__gte=0, area_centi__gte=0, exempt_centi__gte=0, amount_fen__gte=0)
                & Q(paid_fen__gte=0, late_fen__gte=0)
                & Q(exempt_centi__lte=F("area_centi")),
                name="case_assessment_amounts",
            ),
            models.CheckConstraint(
                condition=Q(exempt_centi=0) | ~Q(exemption_code=""),
                name="case_assessment_exemption_coded",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.case_id} {self.amount_fen}"


class Enforcement(TimestampedModel):
    """The file of a coercion case: what is owed under which decision, and the court window (行政强制法
    第53条) computed from the service of that decision when the case was opened."""

    case = models.OneToOneField(
        Case, verbose_name=_("case"), on_delete=models.PROTECT, related_name="enforcement"
    )
    principal_fen = models.BigIntegerField(_("principal (fen)"))
    late_per_10000 = models.PositiveIntegerField(_("late charge per 10,000 a day"))
    pay_due_on = models.DateField(_("payment was due on"))
    decision_served_on = models.DateField(_("decision served on"))
    relief_expires_on = models.DateField(_("relief periods ran out on"))
    apply_by = models.DateField(_("apply to the court by"))
    demand_served_on = models.DateField(_("demand notice served on"), null=True, blank=True)
    applied_on = models.DateField(_("applied to the court on"), null=True, blank=True)
    applied_fen = models.BigIntegerField(_("amount applied for (fen)"), null=True, blank=True)
    paid_fen = models.BigIntegerField(_("paid (fen)"), default=0)

    class Meta:
        verbose_name = _("enforcement file")
        verbose_name_plural = _("enforcement files")
        constraints = [
            models.CheckConstraint(
                condition=Q(principal_fen__gt=0, paid_fen__gte=0)
                & (Q(applied_fen__isnull=True) | Q(applied_fen__gte=0))
                & Q(apply_by__gt=F("relief_expires_on")),
                name="case_enforcement_amounts",
            )
        ]

    def __str__(self) -> str:
        return f"{self.case_id} {self.principal_fen}"
