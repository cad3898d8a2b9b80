"""Who is uploading: an officer logged in with a session, or a registered device presenting its token.

Owns turning a request into a Principal. Never grants anything beyond the principal's own agency, and never
stores or logs a token (only its SHA-256 is compared).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.http import HttpRequest

from sanxiang.evidence.actions import token_digest
from sanxiang.evidence.models import Device
from sanxiang.evidence.tus import DEVICE_TOKEN_HEADER
from sanxiang.organizations import selectors as officers
from sanxiang.organizations.models import Agency, Officer
from sanxiang.records import writer


@dataclass(frozen=True)
class Principal:
    agency: Agency
    officer: Officer | None
    user_id: int | None = None
    device: Device | None = None

    def actor(self, *, on: dt.date) -> writer.Actor:
        certificate = officers.certificate_on(self.officer, on) if self.officer else None
        return writer.Actor(
            user_id=self.user_id,
            officer_id=self.officer.pk if self.officer else None,
            certificate_number=certificate.number if certificate else None,
        )

    def owns(self, *, user_id: int | None, device_id: int | None) -> bool:
        if self.device is not None:
            return device_id == self.device.pk
        return user_id is not None and user_id == self.user_id


def principal_of(request: HttpRequest) -> Principal | None:
    """The device named by a valid token header, else the logged-in officer, else None."""
    token = request.headers.get(DEVICE_TOKEN_HEADER)
    if token:
        device = (
            Device.objects.select_related("agency", "assigned_officer")
            .filter(token_sha256=token_digest(token))
            .first()
        )
        if device is None:
            return None
        return Principal(agency=device.agency, officer=device.assigned_officer, device=device)
    officer = officers.officer_of(request.user)
    if officer is None or not officer.is_active:
        return None
    return Principal(agency=officer.agency, officer=officer, user_id=request.user.pk)
