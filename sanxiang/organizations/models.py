"""Agencies, departments, entrusted organisations, officers, certificates, training and role grants.

Rows change only through ``organizations.actions`` (each change writes its record). Derived facts such as
"is this certificate valid today" are computed, never stored.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from sanxiang.core.identifiers import uscc_validator
from sanxiang.core.models import TimestampedModel
from sanxiang.organizations.enums import (
    AgencyLevel,
    CertificateState,
    CertificateStatus,
    DepartmentKind,
    LegalStatus,
    Role,
)


class Agency(TimestampedModel):
    """An enforcement body (执法主体) in the province → city → county tree."""

    code = models.CharField(_("code"), max_length=32, unique=True)
    name = models.CharField(_("name"), max_length=128, unique=True)
    short_name = models.CharField(_("short name"), max_length=32)
    level = models.CharField(_("level"), max_length=16, choices=AgencyLevel.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent agency"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    # Materialised path "/<id>/<id>/" so that a supervisor's subtree is one indexed prefix query.
    path = models.CharField(_("tree path"), max_length=255, unique=True, editable=False)
    document_prefix = models.CharField(
        _("document number prefix"), max_length=16, help_text=_("For example 晋人防 in 晋人防罚〔2026〕12号.")
    )
    uscc = models.CharField(
        _("unified social credit code"), max_length=18, blank=True, validators=[uscc_validator]
    )
    legal_status = models.CharField(
        _("legal status"),
        max_length=16,
        choices=LegalStatus.choices,
        default=LegalStatus.ADMINISTRATIVE_ORGAN,
    )
    legal_basis = models.TextField(_("basis of enforcement authority"), blank=True)
    duties = models.TextField(_("duties and powers"), blank=True)
    region = models.CharField(_("enforcement region"), max_length=128)
    address = models.CharField(_("office address"), max_length=255, blank=True)
    phone = models.CharField(_("office phone"), max_length=32, blank=True)
    supervision_phone = models.CharField(_("complaint and supervision phone"), max_length=32, blank=True)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("agency")
        verbose_name_plural = _("agencies")
        ordering = ["path"]
        constraints = [
            models.CheckConstraint(
                condition=Q(level=AgencyLevel.PROVINCE) | Q(parent__isnull=False),
                name="agency_below_province_has_parent",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class Department(TimestampedModel):
    """An internal unit of an agency (内设机构); the legal department hosts the legal reviewers."""

    agency = models.ForeignKey(
        Agency, verbose_name=_("agency"), on_delete=models.PROTECT, related_name="departments"
    )
    name = models.CharField(_("name"), max_length=128)
    kind = models.CharField(
        _("kind"), max_length=16, choices=DepartmentKind.choices, default=DepartmentKind.OTHER
    )

    class Meta:
        verbose_name = _("department")
        verbose_name_plural = _("departments")
        ordering = ["agency__path", "name"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "name"], name="department_unique_name_per_agency")
        ]

    def __str__(self) -> str:
        return f"{self.agency.short_name} {self.name}"


class EntrustedOrganization(TimestampedModel):
    """受委托组织: acts in the name of its principal agency, which bears the legal consequences
    (行政处罚法 第20条–第21条)."""

    principal = models.ForeignKey(
        Agency,
        verbose_name=_("principal agency"),
        on_delete=models.PROTECT,
        related_name="entrusted_organizations",
    )
    name = models.CharField(_("name"), max_length=128)
    uscc = models.CharField(
        _("unified social credit code"), max_length=18, blank=True, validators=[uscc_validator]
    )
    scope = models.TextField(_("entrusted matters"))
    basis = models.TextField(_("basis of entrustment"), blank=True)
    valid_from = models.DateField(_("entrusted from"))
    valid_to = models.DateField(_("entrusted until"), null=True, blank=True)

    class Meta:
        verbose_name = _("entrusted organisation")
        verbose_name_plural = _("entrusted organisations")
        constraints = [
            models.UniqueConstraint(fields=["principal", "name"], name="entrusted_unique_name_per_principal"),
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True) | Q(valid_to__gte=models.F("valid_from")),
                name="entrusted_period_ordered",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class Officer(TimestampedModel):
    """An enforcement officer (执法人员) or other staff of an agency, optionally linked to a login."""

    agency = models.ForeignKey(
        Agency, verbose_name=_("agency"), on_delete=models.PROTECT, related_name="officers"
    )
    department = models.ForeignKey(
        Department,
        verbose_name=_("department"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="officers",
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("login"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="officer",
    )
    name = models.CharField(_("name"), max_length=64)
    post = models.CharField(_("post"), max_length=64, blank=True)
    photo = models.FileField(_("photo"), upload_to="officers/", blank=True)
    legal_qualification_number = models.CharField(
        _("legal profession qualification certificate number"),
        max_length=32,
        blank=True,
        help_text=_(
            "法律职业资格证书编号; required of first-time legal reviewers (行政处罚法 第58条 第2款)."
        ),
    )
    is_active = models.BooleanField(_("in post"), default=True)

    class Meta:
        verbose_name = _("officer")
        verbose_name_plural = _("officers")
        ordering = ["agency__path", "name", "pk"]

    def __str__(self) -> str:
        return self.name

    @property
    def has_legal_qualification(self) -> bool:
        return bool(self.legal_qualification_number)

    def certified_on(self, day: dt.date) -> bool:
        """Whether this officer may act on ``day``: in post with a certificate valid that day."""
        return self.is_active and any(
            c.state_on(day) == CertificateState.VALID for c in self.certificates.all()
        )


class Certificate(TimestampedModel):
    """An enforcement certificate (行政执法证). ``status_changed_on`` is the first day a suspension or
    revocation takes effect: acts before it were made with a valid certificate."""

    officer = models.ForeignKey(
        Officer, verbose_name=_("officer"), on_delete=models.PROTECT, related_name="certificates"
    )
    number = models.CharField(_("certificate number"), max_length=32, unique=True)
    category = models.CharField(_("enforcement category"), max_length=64)
    region = models.CharField(_("enforcement region"), max_length=128)
    issued_by = models.CharField(_("issued by"), max_length=128)
    valid_from = models.DateField(_("valid from"))
    valid_to = models.DateField(_("valid until"))
    status = models.CharField(
        _("status"), max_length=16, choices=CertificateStatus.choices, default=CertificateStatus.VALID
    )
    status_changed_on = models.DateField(_("status effective from"), null=True, blank=True)
    status_reason = models.CharField(_("reason for status"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("enforcement certificate")
        verbose_name_plural = _("enforcement certificates")
        ordering = ["-valid_to", "number"]
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_to__gte=models.F("valid_from")), name="certificate_period_ordered"
            ),
            models.CheckConstraint(
                condition=Q(status=CertificateStatus.VALID) | Q(status_changed_on__isnull=False),
                name="certificate_status_change_dated",
            ),
        ]

    def __str__(self) -> str:
        return self.number

    def state_on(self, day: dt.date) -> CertificateState:
        """What this certificate is on ``day``: suspension and revocation count from their effective day."""
        if (
            self.status != CertificateStatus.VALID
            and self.status_changed_on
            and day >= self.status_changed_on
        ):
            return CertificateState(self.status)
        if day < self.valid_from:
            return CertificateState.NOT_YET_VALID
        if day > self.valid_to:
            return CertificateState.EXPIRED
        return CertificateState.VALID


class TrainingRecord(TimestampedModel):
    """Hours of enforcement or legal training an officer completed (annual training requirement)."""

    officer = models.ForeignKey(
        Officer, verbose_name=_("officer"), on_delete=models.PROTECT, related_name="trainings"
    )
    completed_on = models.DateField(_("completed on"))
    topic = models.CharField(_("topic"), max_length=255)
    hours = models.PositiveSmallIntegerField(_("hours"))

    class Meta:
        verbose_name = _("training record")
        verbose_name_plural = _("training records")
        ordering = ["-completed_on"]
        constraints = [models.CheckConstraint(condition=Q(hours__gt=0), name="training_hours_positive")]

    def __str__(self) -> str:
        return f"{self.officer} {self.topic}"


class RoleGrant(TimestampedModel):
    """A role a user holds in an agency. Supervisors and administrators see the agency's subtree."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.PROTECT, related_name="role_grants"
    )
    agency = models.ForeignKey(
        Agency, verbose_name=_("agency"), on_delete=models.PROTECT, related_name="role_grants"
    )
    role = models.CharField(_("role"), max_length=32, choices=Role.choices)

    class Meta:
        verbose_name = _("role grant")
        verbose_name_plural = _("role grants")
        constraints = [models.UniqueConstraint(fields=["user", "agency", "role"], name="role_grant_unique")]

    def __str__(self) -> str:
        return f"{self.user} {self.role} @ {self.agency}"
