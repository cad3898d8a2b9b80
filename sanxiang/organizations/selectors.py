"""Reads about officers and certificates that views and other apps use."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

from sanxiang.organizations.enums import CertificateState
from sanxiang.organizations.models import Certificate, Officer
from sanxiang.records import writer


def certificate_on(officer: Officer, day: dt.date) -> Certificate | None:
    """The certificate under which ``officer`` may act on ``day``, or None (行政处罚法 第42条: enforcement by
    officers holding enforcement qualifications)."""
    for certificate in officer.certificates.all():
        if certificate.state_on(day) == CertificateState.VALID:
            return certificate
    return None


def certified_on(officer: Officer, day: dt.date) -> bool:
    """Whether ``officer`` may carry out enforcement acts on ``day``."""
    return officer.certified_on(day)


def officer_of(user: AbstractBaseUser | AnonymousUser) -> Officer | None:
    if not user.is_authenticated:
        return None
    return Officer.objects.filter(user_id=user.pk).select_related("agency").first()


def actor_of(user: AbstractBaseUser | AnonymousUser, *, on: dt.date) -> writer.Actor:
    """The record-log actor for ``user``, with the officer and the certificate valid on ``on`` if any."""
    if not user.is_authenticated:
        return writer.SYSTEM
    officer = officer_of(user)
    if officer is None:
        return writer.Actor(user_id=user.pk)
    certificate = certificate_on(officer, on)
    return writer.Actor(
        user_id=user.pk, officer_id=officer.pk, certificate_number=certificate.number if certificate else None
    )
