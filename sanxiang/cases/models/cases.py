"""The case (案件): an enforcement case of one agency under one matter, following one procedure version; its
handling officers, its acts (one row per act) and its time limits.

Only the case engine (``cases.engine``) assigns ``Case.stage`` and writes acts and limits, each change with
its record in the same transaction. The database holds what it can: at most one running limit per code, the
same number never twice, amounts never negative. Domain rules never live in ``save()``.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from sanxiang.cases.models.parties import Party
from sanxiang.core.models import TimestampedModel
from sanxiang.matters.models import Matter
from sanxiang.organizations.models import Agency, Officer


class Case(TimestampedModel):
    agency = models.ForeignKey(
        Agency, verbose_name=_("agency"), on_delete=models.PROTECT, related_name="cases"
    )
    matter = models.ForeignKey(
        Matter, verbose_name=_("matter"), on_delete=models.PROTECT, related_name="cases"
    )
    procedure_key = models.CharField(_("procedure"), max_length=64)
    procedure_version = models.CharField(_("procedure version"), max_length=32)
    stage = models.CharField(_("stage"), max_length=64)
    number = models.CharField(_("case number"), max_length=160, blank=True)
    parties = models.ManyToManyField(Party, verbose_name=_("parties"), related_name="cases")
    officers: models.ManyToManyField[Officer, CaseOfficer] = models.ManyToManyField(
        Officer, verbose_name=_("handling officers"), through="CaseOfficer", related_name="cases"
    )
    origin = models.ForeignKey(
        "self",
        verbose_name=_("referred from"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="referrals",
    )
    facts = models.TextField(_("facts"))
    violation_on = models.DateField(_("violation ended on"))
    grave_harm = models.BooleanField(
        _("endangers life, health or financial safety with harm (five-year limitation)"), default=False
    )
    proposed_fen = models.BigIntegerField(_("proposed fine (fen)"), null=True, blank=True)
    decided_fen = models.BigIntegerField(_("decided fine (fen)"), null=True, blank=True)
    registered_on = models.DateField(_("registered on"))
    notice_served_on = models.DateField(_("prior notice served on"), null=True, blank=True)
    statement_made = models.BooleanField(_("statement and defence made"), default=False)
    new_facts = models.TextField(_("new facts recorded after the statement"), blank=True)
    legal_review_required = models.BooleanField(_("legal review required"), default=False)
    legal_review_passed = models.BooleanField(_("legal review passed"), default=False)
    # The handler's answers on the decision (cases.legal_review.decisions.HandlerFlag values, sorted),
    # recorded before it by ``check_record_handler_answers`` (行政处罚法 第58条 第1款 第一、三项;
    # 第57条 第2款).
    handler_flags = models.JSONField(_("handler's answers"), default=list, blank=True)
    decided_on = models.DateField(_("decided on"), null=True, blank=True)
    closed_on = models.DateField(_("closed on"), null=True, blank=True)

    class Meta:
        verbose_name = _("case")
        verbose_name_plural = _("cases")
        ordering = ["-registered_on", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "number"], condition=~Q(number=""), name="case_unique_number"
            ),
            models.CheckConstraint(
                condition=(Q(proposed_fen__isnull=True) | Q(proposed_fen__gte=0))
                & (Q(decided_fen__isnull=True) | Q(decided_fen__gte=0)),
                name="case_amounts_non_negative",
            ),
            # 行政处罚法 第58条: the database refuses a decided case marked as needing review without a pass
            # (the gate in cases.legal_review.gate decides the wider question inside the act's transaction).
            models.CheckConstraint(
                condition=Q(decided_on__isnull=True)
                | Q(legal_review_required=False)
                | Q(legal_review_passed=True),
                name="case_decided_only_after_legal_review",
            ),
        ]

    def __str__(self) -> str:
        return self.number or f"#{self.pk}"


class CaseOfficer(models.Model):
    """A handling officer of a case. ``conflict_declared`` records a declared conflict (亲属 or other
    interest, 行政处罚法 第43条): the officer must be recused before the case moves on."""

    case = models.ForeignKey(
        Case, verbose_name=_("case"), on_delete=models.CASCADE, related_name="assignments"
    )
    officer = models.ForeignKey(
        Officer, verbose_name=_("officer"), on_delete=models.PROTECT, related_name="assignments"
    )
    conflict_declared = models.BooleanField(_("conflict declared"), default=False)

    class Meta:
        verbose_name = _("handling officer")
        verbose_name_plural = _("handling officers")
        constraints = [models.UniqueConstraint(fields=["case", "officer"], name="case_officer_unique")]

    def __str__(self) -> str:
        return f"{self.case_id}/{self.officer_id}"


class CaseAct(models.Model):
    """One act done on a case (立案, 调查, 告知, 决定, 送达…), as the engine performed it. Immutable."""

    case = models.ForeignKey(Case, verbose_name=_("case"), on_delete=models.PROTECT, related_name="acts")
    act = models.CharField(_("act"), max_length=64)
    source = models.CharField(_("from stage"), max_length=64, blank=True)
    target = models.CharField(_("to stage"), max_length=64)
    acted_on = models.DateField(_("acted on"))
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("actor"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("case act")
        verbose_name_plural = _("case acts")
        ordering = ["case_id", "acted_on", "pk"]

    def __str__(self) -> str:
        return f"{self.case_id} {self.act}"


class LimitState(models.TextChoices):
    OPEN = "open", _("Running")
    PAUSED = "paused", _("Paused")
    STOPPED = "stopped", _("Stopped")


class CaseLimit(models.Model):
    """A statutory time limit of a case: its inputs (start, length, unit, article) and the due date computed
    from them with the working-day calendar, ``provisional`` when that calendar was not yet official."""

    case = models.ForeignKey(Case, verbose_name=_("case"), on_delete=models.PROTECT, related_name="limits")
    code = models.CharField(_("time limit"), max_length=64)
    days = models.PositiveIntegerField(_("length"))
    unit = models.CharField(_("unit"), max_length=16)
    basis = models.CharField(_("legal basis"), max_length=128)
    started_on = models.DateField(_("started on"))
    due_on = models.DateField(_("due on"))
    provisional = models.BooleanField(_("provisional"), default=False)
    state = models.CharField(_("state"), max_length=16, choices=LimitState.choices, default=LimitState.OPEN)
    paused_on = models.DateField(_("paused on"), null=True, blank=True)
    stopped_on = models.DateField(_("stopped on"), null=True, blank=True)

    class Meta:
        verbose_name = _("case time limit")
        verbose_name_plural = _("case time limits")
        ordering = ["due_on", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["case", "code"], condition=~Q(state="stopped"), name="case_limit_one_running"
            ),
            models.CheckConstraint(condition=Q(due_on__gte=models.F("started_on")), name="case_limit_due"),
        ]

    def __str__(self) -> str:
        return f"{self.case_id} {self.code} {self.due_on}"
