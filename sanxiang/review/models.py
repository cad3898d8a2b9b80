"""The review engine's rows: a review request over one decision under review (subject + agency) with its
package snapshot and the digest of the draft decision; the opinions of legal advisers attached to it; the
agency's review time limit as data with its effective date.

Only ``review.actions`` writes these rows, each change with its record. The database holds what it can: one
open request per decision under review, a concluded request names its reviewer and date, positive limits.
Domain rules never live in ``save()``.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from sanxiang.core.models import TimestampedModel
from sanxiang.organizations.models import Agency, Officer
from sanxiang.review.enums import OPEN_STATUSES, ConsultationKind, ReviewStatus

CONCLUDED = [s for s in ReviewStatus if s not in OPEN_STATUSES]


class ReviewRequest(TimestampedModel):
    """A request for legal review (法制审核) of one proposed decision. ``decision_digest`` identifies the
    decision reviewed: a passed review counts only for that exact decision."""

    agency = models.ForeignKey(
        Agency, verbose_name=_("agency"), on_delete=models.PROTECT, related_name="review_requests"
    )
    subject_kind = models.CharField(_("subject kind"), max_length=32)
    subject_id = models.CharField(_("subject"), max_length=64)
    subject_label = models.CharField(_("decision under review"), max_length=160)
    matter_type = models.CharField(_("type"), max_length=16)
    decision_digest = models.CharField(_("draft decision digest"), max_length=80)
    package = models.JSONField(_("review package"))
    package_digest = models.CharField(_("package digest"), max_length=80)
    handler_ids = models.JSONField(_("handling officers"), default=list, blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=ReviewStatus.choices, default=ReviewStatus.SUBMITTED
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("submitted by"), on_delete=models.PROTECT, related_name="+"
    )
    submitted_on = models.DateField(_("submitted on"))
    due_on = models.DateField(_("review due on"), null=True, blank=True)
    extended = models.BooleanField(_("time limit extended"), default=False)
    reviewer = models.ForeignKey(
        Officer,
        verbose_name=_("reviewer"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="reviews",
    )
    checklist = models.JSONField(_("checklist"), default=dict, blank=True)
    opinion = models.TextField(_("opinion"), blank=True)
    opinion_digest = models.CharField(_("opinion digest"), max_length=80, blank=True)
    concluded_on = models.DateField(_("concluded on"), null=True, blank=True)

    class Meta:
        verbose_name = _("legal review request")
        verbose_name_plural = _("legal review requests")
        ordering = ["-submitted_on", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["subject_kind", "subject_id"],
                condition=Q(status__in=list(OPEN_STATUSES)),
                name="review_one_open_request_per_decision",
            ),
            models.CheckConstraint(
                condition=~Q(status__in=CONCLUDED)
                | (Q(reviewer__isnull=False) & Q(concluded_on__isnull=False) & ~Q(opinion_digest="")),
                name="review_concluded_has_reviewer_and_opinion",
            ),
            models.CheckConstraint(
                condition=~Q(status=ReviewStatus.ASSIGNED) | Q(reviewer__isnull=False),
                name="review_assigned_has_reviewer",
            ),
        ]
        indexes = [models.Index(fields=["subject_kind", "subject_id"], name="review_subject_idx")]

    def __str__(self) -> str:
        return f"{self.subject_label} ({self.get_status_display()})"

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES


class Consultation(TimestampedModel):
    """A legal adviser's opinion (政府法律顾问 / 公职律师) attached to a review."""

    request = models.ForeignKey(
        ReviewRequest, verbose_name=_("review"), on_delete=models.PROTECT, related_name="consultations"
    )
    kind = models.CharField(_("adviser"), max_length=16, choices=ConsultationKind.choices)
    adviser_name = models.CharField(_("adviser name"), max_length=64)
    asked_on = models.DateField(_("asked on"))
    answered_on = models.DateField(_("answered on"))
    opinion = models.TextField(_("opinion"))

    class Meta:
        verbose_name = _("legal adviser consultation")
        verbose_name_plural = _("legal adviser consultations")
        ordering = ["request", "answered_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(answered_on__gte=models.F("asked_on")), name="review_consultation_dates_ordered"
            )
        ]

    def __str__(self) -> str:
        return f"{self.request_id} {self.adviser_name}"


class ReviewSetting(TimestampedModel):
    """An agency's review time limit from a day: working days to conclude, and the working days one
    approved extension adds (DOMAIN.md R-LR-05: e.g. 7 + 3, 宁夏住建厅; no national limit)."""

    agency = models.ForeignKey(
        Agency, verbose_name=_("agency"), on_delete=models.PROTECT, related_name="review_settings"
    )
    effective_from = models.DateField(_("effective from"))
    working_days = models.PositiveSmallIntegerField(_("working days to review"))
    extension_days = models.PositiveSmallIntegerField(_("working days of an extension"))
    amber_working_days = models.PositiveSmallIntegerField(_("amber from working days left"), default=2)

    class Meta:
        verbose_name = _("review time limit")
        verbose_name_plural = _("review time limits")
        ordering = ["agency", "-effective_from"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "effective_from"], name="review_setting_unique_day"),
            models.CheckConstraint(condition=Q(working_days__gt=0), name="review_setting_days_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.agency} {self.effective_from}"


class TransferStep(models.TextChoices):
    """The transfer of a suspected crime (行政执法机关移送涉嫌犯罪案件的规定): reported → decided by the head
    (approved / not approved) → transferred to the public security organ → accepted (立案) → exhibits handed
    over."""

    REPORTED = "reported", _("Reported to the head")
    NOT_APPROVED = "not_approved", _("Transfer not approved")
    APPROVED = "approved", _("Transfer approved")
    TRANSFERRED = "transferred", _("Transferred to public security")
    ACCEPTED = "accepted", _("Accepted by public security")
    HANDED_OVER = "handed_over", _("Exhibits handed over")


class CrimeTransfer(TimestampedModel):
    """A suspected crime flagged by a review, with the dates of each step and their due dates (第5条:
    decide within 3 days of the report, transfer within 24 hours of approval; 第12条: hand exhibits over
    within 3 days of the public security organ's acceptance)."""

    request = models.OneToOneField(
        ReviewRequest, verbose_name=_("review"), on_delete=models.PROTECT, related_name="transfer"
    )
    step = models.CharField(
        _("step"), max_length=16, choices=TransferStep.choices, default=TransferStep.REPORTED
    )
    reported_on = models.DateField(_("reported on"))
    decide_due_on = models.DateField(_("decision due on"))
    decided_on = models.DateField(_("decided on"), null=True, blank=True)
    reason = models.TextField(_("reason"), blank=True)
    transfer_due_on = models.DateField(_("transfer due on"), null=True, blank=True)
    transferred_on = models.DateField(_("transferred on"), null=True, blank=True)
    police_body = models.CharField(_("public security organ"), max_length=128, blank=True)
    accepted_on = models.DateField(_("accepted on"), null=True, blank=True)
    handover_due_on = models.DateField(_("handover due on"), null=True, blank=True)
    handed_over_on = models.DateField(_("handed over on"), null=True, blank=True)

    class Meta:
        verbose_name = _("suspected crime transfer")
        verbose_name_plural = _("suspected crime transfers")
        ordering = ["-reported_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(step=TransferStep.NOT_APPROVED) | ~Q(reason=""),
                name="review_transfer_refusal_has_reason",
            )
        ]

    def __str__(self) -> str:
        return f"{self.request_id} {self.get_step_display()}"
