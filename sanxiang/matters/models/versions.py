"""List versions: every list (the catalogue and each attached list) of an agency is a sequence of versions,
each drafted, approved by a named body and published with the date it takes effect. Entries belong to one
version and are edited only while it is a draft. Also the "to be confirmed" mark shared by entry tables.

The database allows one open (draft or approved) version per list and one published version per list and
effective date; statuses change only through ``matters.workflow`` via ``matters.actions``.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from sanxiang.core.models import TimestampedModel
from sanxiang.matters.enums import OPEN_STATUSES, ListKind, VersionStatus
from sanxiang.organizations.models import Agency


class Confirmable(models.Model):
    """A value loaded as a placeholder (SHANXI.md marks it [M]) stays marked until an administrator
    confirms it against the official text."""

    unconfirmed = models.BooleanField(_("to be confirmed"), default=False)
    unconfirmed_note = models.CharField(_("what to confirm"), max_length=255, blank=True)

    class Meta:
        abstract = True


class ListVersion(TimestampedModel):
    """One version of one of an agency's lists."""

    kind = models.CharField(_("list"), max_length=32, choices=ListKind.choices)
    agency = models.ForeignKey(
        Agency, verbose_name=_("agency"), on_delete=models.PROTECT, related_name="list_versions"
    )
    number = models.PositiveIntegerField(_("version"))
    status = models.CharField(
        _("status"), max_length=16, choices=VersionStatus.choices, default=VersionStatus.DRAFT
    )
    effective_from = models.DateField(_("effective from"))
    note = models.TextField(_("reason for the change"), blank=True)
    copied_from = models.ForeignKey(
        "self", verbose_name=_("based on"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    drafted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("drafted by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("approval recorded by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    approving_body = models.CharField(_("approving body"), max_length=128, blank=True)
    approval_reference = models.CharField(_("approval reference"), max_length=128, blank=True)
    approved_on = models.DateField(_("approved on"), null=True, blank=True)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)

    class Meta:
        verbose_name = _("list version")
        verbose_name_plural = _("list versions")
        ordering = ["agency__path", "kind", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "agency", "number"], name="matters_version_unique_number"
            ),
            models.UniqueConstraint(
                fields=["kind", "agency"],
                condition=Q(status__in=[str(status) for status in OPEN_STATUSES]),
                name="matters_version_one_open_per_list",
            ),
            models.UniqueConstraint(
                fields=["kind", "agency", "effective_from"],
                condition=Q(status=VersionStatus.PUBLISHED),
                name="matters_version_one_published_per_day",
            ),
            models.CheckConstraint(
                condition=Q(status=VersionStatus.DRAFT)
                | (Q(approved_on__isnull=False) & ~Q(approving_body="")),
                name="matters_version_approval_recorded",
            ),
            models.CheckConstraint(
                condition=~Q(status=VersionStatus.PUBLISHED) | Q(published_at__isnull=False),
                name="matters_version_publication_dated",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.agency.short_name} {self.get_kind_display()} v{self.number}"

    @property
    def is_draft(self) -> bool:
        return self.status == VersionStatus.DRAFT
