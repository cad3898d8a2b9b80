"""Service (送达) of a case's documents: one row per attempt, with its method, outcome and the date the
document counts as served, the 送达回证 generated for it and the signed scan uploaded afterwards.

Rows are written only by ``cases.service.actions``. The database holds what it can: a served attempt has its
date and a failed one has none; a lodged service names its witnesses or its recording and the refusal; a
mailed one its tracking number; a public notice its publication date (民事诉讼法 第87–95条 as applied by
行政处罚法 第61条). Domain rules never live in ``save()``.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from sanxiang.cases.models.cases import Case
from sanxiang.documents.models import IssuedDocument


class ServiceMethod(models.TextChoices):
    DIRECT = "direct", _("Direct service")  # 直接送达, 民事诉讼法 第88条
    LODGED = "lodged", _("Lodged service")  # 留置送达, 第89条
    ELECTRONIC = "electronic", _("Electronic service")  # 电子送达, 第90条, with consent (行政处罚法 第61条)
    MAIL = "mail", _("Service by mail")  # 邮寄送达, 第91条
    PUBLIC_NOTICE = "public_notice", _("Service by public notice")  # 公告送达, 第95条


class ServiceOutcome(models.TextChoices):
    SERVED = "served", _("Served")
    FAILED = "failed", _("Could not be served")


class ServiceRecord(models.Model):
    case = models.ForeignKey(Case, verbose_name=_("case"), on_delete=models.PROTECT, related_name="services")
    document = models.ForeignKey(
        IssuedDocument, verbose_name=_("document served"), on_delete=models.PROTECT, related_name="services"
    )
    method = models.CharField(_("method"), max_length=16, choices=ServiceMethod.choices)
    outcome = models.CharField(_("outcome"), max_length=16, choices=ServiceOutcome.choices)
    served_on = models.DateField(_("served on"), null=True, blank=True)
    published_on = models.DateField(_("public notice published on"), null=True, blank=True)
    recipient = models.CharField(_("recipient"), max_length=128, blank=True)
    address = models.CharField(_("place, address or medium"), max_length=255, blank=True)
    tracking_number = models.CharField(_("mail tracking number"), max_length=64, blank=True)
    witnesses = models.CharField(_("witnesses"), max_length=255, blank=True)
    av_recorded = models.BooleanField(_("recorded by photo or video"), default=False)
    refusal_reason = models.CharField(_("reason for refusing receipt"), max_length=255, blank=True)
    whereabouts_unknown = models.BooleanField(_("whereabouts unknown"), default=False)
    note = models.TextField(_("note"), blank=True)
    receipt = models.OneToOneField(
        IssuedDocument,
        verbose_name=_("service receipt"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="service_receipt_of",
    )
    scan_key = models.CharField(_("signed receipt storage key"), max_length=255, blank=True)
    scan_sha256 = models.CharField(_("signed receipt SHA-256"), max_length=64, blank=True)
    act_performed = models.BooleanField(_("case act performed"), default=False)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("recorded by"), on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(_("recorded at"))

    class Meta:
        verbose_name = _("service record")
        verbose_name_plural = _("service records")
        ordering = ["case_id", "recorded_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(outcome="served", served_on__isnull=False)
                | Q(outcome="failed", served_on__isnull=True),
                name="service_date_fits_outcome",
            ),
            models.CheckConstraint(
                condition=~Q(method="public_notice") | Q(published_on__isnull=False),
                name="service_public_notice_published",
            ),
            models.CheckConstraint(
                condition=~Q(method="lodged", outcome="served")
                | ((~Q(witnesses="") | Q(av_recorded=True)) & ~Q(refusal_reason="")),
                name="service_lodged_witnessed",
            ),
            models.CheckConstraint(
                condition=~Q(method="mail", outcome="served") | ~Q(tracking_number=""),
                name="service_mail_tracked",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.case_id} {self.method} {self.served_on}"
