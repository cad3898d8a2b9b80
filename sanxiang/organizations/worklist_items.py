"""Work items about certificates for administrators' home pages, and the rule that picks an officer's headline
certificate. Reads only; never writes.

Layering: this module must not import ``sanxiang.accounts`` (a higher layer). Its items have the same
fields as ``accounts.worklist.WorkItem``; the accounts app registers the provider and converts them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import QuerySet
from django.urls import reverse
from django.utils.translation import gettext as _

from sanxiang.core import clock
from sanxiang.organizations.enums import CertificateState, Role
from sanxiang.organizations.jurisdiction import AnyUser, Scope
from sanxiang.organizations.models import Certificate, Officer, RoleGrant

# Administrators are reminded this many days before a certificate expires, time enough to arrange renewal.
EXPIRY_WARNING_DAYS = 30


@dataclass(frozen=True)
class CertificateAlert:
    """A work item: same fields as accounts.worklist.WorkItem."""

    title: str
    detail: str
    url: str
    severity: str  # "warning" | "danger"


def headline_certificate(officer: Officer, day: dt.date) -> Certificate | None:
    """The certificate that describes the officer on ``day``: the valid one lasting longest, otherwise the
    most recent one. Uses the prefetched ``officer.certificates``."""
    certificates = sorted(officer.certificates.all(), key=lambda c: (c.valid_to, c.pk), reverse=True)
    valid = [c for c in certificates if c.state_on(day) == CertificateState.VALID]
    if valid:
        return valid[0]
    return certificates[0] if certificates else None


def administered_officers(user: AnyUser) -> QuerySet[Officer]:
    """Officers in post in the subtrees where ``user`` is an administrator (superusers: everywhere)."""
    if not user.is_authenticated or not user.is_active:
        return Officer.objects.none()
    if getattr(user, "is_superuser", False):
        scope = Scope(agency_ids=frozenset(), subtree_paths=frozenset(), everything=True)
    else:
        grants = RoleGrant.objects.filter(user_id=user.pk, role=Role.ADMINISTRATOR).select_related("agency")
        scope = Scope(agency_ids=frozenset(), subtree_paths=frozenset(grant.agency.path for grant in grants))
    if scope.is_empty:
        return Officer.objects.none()
    return Officer.objects.filter(scope.agency_filter("agency__"), is_active=True)


def alert_for(officer: Officer, day: dt.date) -> CertificateAlert | None:
    """Danger when the officer's certificate has expired, warning when it expires within the warning period.
    Suspensions and revocations were decided by the administrators themselves and raise nothing."""
    certificate = headline_certificate(officer, day)
    if certificate is None:
        return None
    state = certificate.state_on(day)
    url = reverse("organizations:officer_detail", args=[officer.pk])
    facts = {"name": officer.name, "day": certificate.valid_to.isoformat(), "number": certificate.number}
    detail = _("%(agency)s · certificate %(number)s") % {"agency": officer.agency.name, **facts}
    if state == CertificateState.EXPIRED:
        title = _("The enforcement certificate of %(name)s expired on %(day)s") % facts
        return CertificateAlert(title=title, detail=detail, url=url, severity="danger")
    if state == CertificateState.VALID and certificate.valid_to <= day + dt.timedelta(
        days=EXPIRY_WARNING_DAYS
    ):
        title = _("The enforcement certificate of %(name)s expires on %(day)s") % facts
        return CertificateAlert(title=title, detail=detail, url=url, severity="warning")
    return None


def certificate_work_items(user: AnyUser) -> list[CertificateAlert]:
    """Certificates in the administrator's jurisdiction that expired, or expire within EXPIRY_WARNING_DAYS,
    while their holder is in post. A constant number of queries whatever the number of officers."""
    day = clock.today()
    horizon = day + dt.timedelta(days=EXPIRY_WARNING_DAYS)
    candidates = (
        administered_officers(user)
        .filter(certificates__valid_to__lte=horizon)
        .distinct()
        .select_related("agency")
        .prefetch_related("certificates")
    )
    alerts = (alert_for(officer, day) for officer in candidates)
    return [alert for alert in alerts if alert is not None]


def own_certificate_work_items(user: AnyUser) -> list[CertificateAlert]:
    """An officer is told when their own certificate has expired or expires soon (they may not act without
    one, 行政处罚法 第42条). Administrators of the officer's agency already see it in their own list."""
    if not user.is_authenticated:
        return []
    officer = (
        Officer.objects.filter(user_id=user.pk, is_active=True)
        .select_related("agency")
        .prefetch_related("certificates")
        .first()
    )
    if officer is None or administered_officers(user).filter(pk=officer.pk).exists():
        return []
    alert = alert_for(officer, clock.today())
    return [alert] if alert is not None else []
