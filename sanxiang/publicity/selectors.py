"""Reads for the public portal (执法公示). Only the fields the law makes public leave this module: the portal
never sees an officer's login, post, department, qualification or training. It never writes."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Q, QuerySet

from sanxiang.organizations.enums import CertificateState, CertificateStatus
from sanxiang.organizations.models import Agency, Certificate


@dataclass(frozen=True)
class PublicOfficer:
    """One row of 执法人员公示: an officer and the certificate that is valid on the day shown."""

    name: str
    agency: str
    certificate_number: str
    category: str
    region: str


@dataclass(frozen=True)
class CertificateCheck:
    """What the verification page (亮证执法) tells anyone who scans a certificate's QR code."""

    number: str
    name: str
    agency: str
    category: str
    region: str
    valid_from: dt.date
    valid_to: dt.date
    state: CertificateState
    day: dt.date
    in_post: bool


def valid_certificates_on(day: dt.date) -> QuerySet[Certificate]:
    """Certificates that are valid on ``day`` held by officers in post at an active agency. Mirrors
    ``Certificate.state_on``: a suspension or revocation counts from its effective day."""
    in_force = Q(status=CertificateStatus.VALID) | Q(status_changed_on__gt=day)
    return Certificate.objects.filter(
        in_force,
        valid_from__lte=day,
        valid_to__gte=day,
        officer__is_active=True,
        officer__agency__is_active=True,
    )


def public_agencies() -> list[Agency]:
    return list(Agency.objects.filter(is_active=True).only("pk", "name", "path"))


def public_officers(*, day: dt.date, agency_id: int | None = None, query: str = "") -> QuerySet[Certificate]:
    """The 执法人员公示 list, ordered by agency then name, filtered by agency and by name or certificate
    number."""
    certificates = valid_certificates_on(day)
    if agency_id is not None:
        certificates = certificates.filter(officer__agency_id=agency_id)
    if query:
        certificates = certificates.filter(Q(officer__name__icontains=query) | Q(number__icontains=query))
    return certificates.select_related("officer__agency").order_by(
        "officer__agency__path", "officer__name", "number"
    )


def as_public_officer(certificate: Certificate) -> PublicOfficer:
    return PublicOfficer(
        name=certificate.officer.name,
        agency=certificate.officer.agency.name,
        certificate_number=certificate.number,
        category=certificate.category,
        region=certificate.region,
    )


def check_certificate(number: str, *, day: dt.date) -> CertificateCheck | None:
    """The certificate's state on ``day``, or None when no certificate has this number."""
    certificate = Certificate.objects.select_related("officer__agency").filter(number=number.strip()).first()
    if certificate is None:
        return None
    officer = certificate.officer
    return CertificateCheck(
        number=certificate.number,
        name=officer.name,
        agency=officer.agency.name,
        category=certificate.category,
        region=certificate.region,
        valid_from=certificate.valid_from,
        valid_to=certificate.valid_to,
        state=certificate.state_on(day),
        day=day,
        in_post=officer.is_active,
    )
