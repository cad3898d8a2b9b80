"""Choices for organisations, officers and roles."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class AgencyLevel(models.TextChoices):
    PROVINCE = "province", _("Province")
    CITY = "city", _("City")
    COUNTY = "county", _("County")


class LegalStatus(models.TextChoices):
    """执法主体资格: a statutory administrative organ, or an organisation empowered by a law or regulation."""

    ADMINISTRATIVE_ORGAN = "organ", _("Administrative organ")
    AUTHORIZED_ORGANIZATION = "authorized", _("Organisation authorised by law or regulation")


class DepartmentKind(models.TextChoices):
    ENFORCEMENT = "enforcement", _("Enforcement")
    LEGAL = "legal", _("Legal affairs")
    OFFICE = "office", _("General office")
    OTHER = "other", _("Other")


class CertificateStatus(models.TextChoices):
    """The stored status. "Expired" is not stored: it follows from the validity dates on the day asked."""

    VALID = "valid", _("Valid")
    SUSPENDED = "suspended", _("Suspended")
    REVOKED = "revoked", _("Revoked")


class CertificateState(models.TextChoices):
    """What a certificate is on a given day, as shown to the public (亮证执法)."""

    VALID = "valid", _("Valid")
    NOT_YET_VALID = "not_yet_valid", _("Not yet valid")
    EXPIRED = "expired", _("Expired")
    SUSPENDED = "suspended", _("Suspended")
    REVOKED = "revoked", _("Revoked")


class Role(models.TextChoices):
    OFFICER = "officer", _("Enforcement officer")
    DEPARTMENT_HEAD = "department_head", _("Department head")
    LEGAL_REVIEWER = "legal_reviewer", _("Legal reviewer")
    AGENCY_HEAD = "agency_head", _("Agency head")
    PUBLICITY_EDITOR = "publicity_editor", _("Publicity editor")
    SUPERVISOR = "supervisor", _("Supervisor")
    ARCHIVIST = "archivist", _("Archivist")
    ADMINISTRATOR = "administrator", _("Administrator")


# Roles whose holders see the whole subtree below their agency; every other role sees its own agency only.
SUBTREE_ROLES = frozenset({Role.SUPERVISOR, Role.ADMINISTRATOR})
