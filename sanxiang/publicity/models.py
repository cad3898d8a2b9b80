"""Post-decision publicity (事后公开): the per-agency publication rules (periods and the must-publish
default, with effective dates), publications (the masked snapshot of a decision in the 双公示 layout, its
status and dates), corrections on request, and the outbox of pushes to external platforms.

Rows change only through ``publicity.actions`` / ``publicity.drafts`` / ``publicity.outbox`` (each change with
its record). The database holds what it can: one publication per decision act and party, a withdrawal only
with its public reason, an exclusion only with its reason, one push per idempotency key. Rules never live in
``save()``.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from sanxiang.cases.models import Case, CaseAct, Party
from sanxiang.core.models import TimestampedModel
from sanxiang.organizations.models import Agency
from sanxiang.publicity.enums import (
    ExclusionReason,
    PublicationKind,
    PublicationStatus,
    PushEvent,
    PushStatus,
    WithdrawalGround,
)

PUBLIC_STATUSES = (PublicationStatus.PUBLISHED, PublicationStatus.CORRECTED, PublicationStatus.WITHDRAWN)


class PublicationRule(TimestampedModel):
    """How one kind of decision is published from ``effective_from``: within how many working days, for how
    many months, and whether ordinary / simple-procedure decisions must be published. ``agency`` empty is the
    default for every agency; an agency's own row (or its nearest ancestor's) wins."""

    agency = models.ForeignKey(
        Agency, verbose_name=_("agency"), on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    kind = models.CharField(_("kind"), max_length=16, choices=PublicationKind.choices)
    effective_from = models.DateField(_("effective from"))
    due_working_days = models.PositiveSmallIntegerField(_("publish within (working days)"))
    display_months = models.PositiveSmallIntegerField(_("shown on the public list for (months)"))
    publish_ordinary = models.BooleanField(_("ordinary-procedure decisions must be published"), default=True)
    publish_simple = models.BooleanField(_("simple-procedure decisions must be published"), default=False)
    basis = models.CharField(_("basis"), max_length=255)

    class Meta:
        verbose_name = _("publication rule")
        verbose_name_plural = _("publication rules")
        ordering = ["kind", "-effective_from"]
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "kind", "effective_from"], name="publication_rule_unique_start"
            ),
            models.CheckConstraint(
                condition=Q(due_working_days__gte=1, display_months__gte=1, display_months__lte=120),
                name="publication_rule_positive_periods",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.effective_from}"


class Publication(TimestampedModel):
    """The publication of one decision about one party. ``items`` are the 双公示 data items as decided
    (internal only); ``masked`` the same items as served; ``document`` the served text whose SHA-256 is
    ``document_digest`` and enters the record log (``original_digest``: the unmasked text, R-PUB-11)."""

    agency = models.ForeignKey(Agency, verbose_name=_("agency"), on_delete=models.PROTECT, related_name="+")
    case = models.ForeignKey(
        Case, verbose_name=_("case"), on_delete=models.PROTECT, related_name="publications"
    )
    case_act = models.ForeignKey(CaseAct, verbose_name=_("decision act"), on_delete=models.PROTECT)
    party = models.ForeignKey(Party, verbose_name=_("party"), on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(_("kind"), max_length=16, choices=PublicationKind.choices)
    status = models.CharField(
        _("status"), max_length=16, choices=PublicationStatus.choices, default=PublicationStatus.DRAFT
    )
    decided_on = models.DateField(_("decided on"))
    due_on = models.DateField(_("publish by"))
    due_provisional = models.BooleanField(_("due date provisional"), default=False)
    must_publish = models.BooleanField(_("must be published"))
    must_publish_default = models.BooleanField(_("must be published under the rule"))
    must_publish_reason = models.TextField(_("reason for the override"), blank=True)
    rule = models.ForeignKey(
        PublicationRule, verbose_name=_("rule"), on_delete=models.PROTECT, related_name="+"
    )
    items = models.JSONField(_("data items as decided"))
    extra_terms = models.JSONField(_("terms masked by the editor"), default=list, blank=True)
    masked = models.JSONField(_("data items as published"))
    document = models.TextField(_("published document"))
    document_digest = models.CharField(_("digest of the published document"), max_length=80)
    original_digest = models.CharField(_("digest of the unmasked document"), max_length=80)
    search_text = models.TextField(_("search text"), blank=True)
    confidentiality_digest = models.CharField(_("document digest cleared"), max_length=80, blank=True)
    confidentiality_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("cleared by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("approved by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    public_until = models.DateField(_("on the public list until"), null=True, blank=True)
    exclusion = models.CharField(
        _("not published because"), max_length=16, choices=ExclusionReason.choices, blank=True
    )
    exclusion_note = models.TextField(_("note on the exclusion"), blank=True)
    withdrawal_ground = models.CharField(
        _("ground for withdrawal"), max_length=16, choices=WithdrawalGround.choices, blank=True
    )
    ground_on = models.DateField(_("decision changed on"), null=True, blank=True)
    withdrawal_due = models.DateField(_("withdraw by"), null=True, blank=True)
    withdrawal_reason = models.TextField(_("public reason for the withdrawal"), blank=True)
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)
    expired_on = models.DateField(_("left the public list on"), null=True, blank=True)

    class Meta:
        verbose_name = _("publication")
        verbose_name_plural = _("publications")
        ordering = ["-decided_on", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["case_act", "party"], name="publication_one_per_act_party"),
            models.CheckConstraint(
                condition=~Q(status="withdrawn") | (~Q(withdrawal_reason="") & ~Q(withdrawal_ground="")),
                name="publication_withdrawal_has_reason",
            ),
            models.CheckConstraint(
                condition=~Q(status="excluded") | ~Q(exclusion=""), name="publication_exclusion_has_reason"
            ),
            models.CheckConstraint(
                condition=Q(must_publish=models.F("must_publish_default")) | ~Q(must_publish_reason=""),
                name="publication_override_reasoned",
            ),
            models.CheckConstraint(
                condition=Q(status__in=["draft", "approved", "excluded"]) | Q(published_at__isnull=False),
                name="publication_published_at_set",
            ),
        ]
        indexes = [
            models.Index(fields=["status", "kind", "decided_on"], name="publication_public_list"),
            # The portal's order: a frequent search term is found by walking this index (newest first) and
            # stopping at one page; a rare one by the trigram index (migration 0002). The planner chooses.
            models.Index(
                F("decided_on").desc(),
                F("id").desc(),
                condition=Q(status__in=["published", "corrected", "withdrawn"]),
                name="publication_public_order",
            ),
            # The same order within one agency or one kind, so that a filtered search walks only those rows.
            *(
                models.Index(
                    field,
                    F("decided_on").desc(),
                    F("id").desc(),
                    condition=Q(status__in=["published", "corrected", "withdrawn"]),
                    name=f"publication_public_{field}",
                )
                for field in ("agency", "kind")
            ),
            models.Index(fields=["agency", "status", "due_on"], name="publication_agency_due"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.masked.get('document_number', '')}"

    @property
    def is_public(self) -> bool:
        return self.status in PUBLIC_STATUSES


class Correction(models.Model):
    """A correction on request (更正): who asked, why, and the served document before and after."""

    publication = models.ForeignKey(
        Publication, verbose_name=_("publication"), on_delete=models.PROTECT, related_name="corrections"
    )
    requested_by = models.CharField(_("requested by"), max_length=128)
    request = models.TextField(_("request"))
    before_digest = models.CharField(_("digest before"), max_length=80)
    after_digest = models.CharField(_("digest after"), max_length=80)
    corrected_at = models.DateTimeField(_("corrected at"))
    corrected_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("corrected by"), on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("correction")
        verbose_name_plural = _("corrections")
        ordering = ["publication_id", "corrected_at", "pk"]

    def __str__(self) -> str:
        return f"{self.publication_id} {self.corrected_at}"


class Push(models.Model):
    """One delivery of a publication or withdrawal to one external endpoint. ``key`` is the idempotency key
    sent with every attempt, so that a platform which received an attempt whose reply was lost ignores the
    retry."""

    publication = models.ForeignKey(
        Publication, verbose_name=_("publication"), on_delete=models.PROTECT, related_name="pushes"
    )
    endpoint = models.CharField(_("endpoint"), max_length=64)
    event = models.CharField(_("event"), max_length=16, choices=PushEvent.choices)
    key = models.CharField(_("idempotency key"), max_length=128, unique=True)
    payload = models.JSONField(_("payload"))
    status = models.CharField(
        _("status"), max_length=16, choices=PushStatus.choices, default=PushStatus.PENDING
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    created_at = models.DateTimeField(_("created at"))
    sent_at = models.DateTimeField(_("delivered at"), null=True, blank=True)

    class Meta:
        verbose_name = _("push")
        verbose_name_plural = _("pushes")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return self.key
