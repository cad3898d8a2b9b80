"""The upload metadata a client declares (tus Upload-Metadata) and how it becomes an Arrival for the register.

Keys: subject (``case:42``, required), step (required), filename, device, certificate, capture_start,
capture_end (ISO 8601; without an offset they are read as China time), location, sha256 (hex, optional: the
client's own whole-file digest, checked against ours). Owns parsing and validation only; never writes.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.utils.translation import gettext as _

from sanxiang.core import clock
from sanxiang.core.errors import InvalidInput
from sanxiang.evidence.tus import ProtocolError, parse_subject
from sanxiang.organizations import selectors as officers

if TYPE_CHECKING:
    from sanxiang.evidence.actions import Arrival
    from sanxiang.evidence.auth import Principal
    from sanxiang.evidence.models import Upload


@dataclass(frozen=True)
class Declared:
    subject: tuple[str, str]
    step: str
    device: str
    certificate: str
    capture_start: dt.datetime | None
    capture_end: dt.datetime | None
    sha256: str


def _moment(text: str, name: str) -> dt.datetime | None:
    if not text:
        return None
    try:
        moment = dt.datetime.fromisoformat(text)
    except ValueError:
        raise InvalidInput(_("%(name)s is not an ISO 8601 date and time.") % {"name": name}) from None
    return moment if moment.tzinfo else moment.replace(tzinfo=clock.SHANGHAI)


def parse(raw: dict[str, str]) -> Declared:
    try:
        subject = parse_subject(raw.get("subject", ""))
    except ProtocolError:
        raise InvalidInput(_("The subject must look like case:42.")) from None
    step = raw.get("step", "").strip()
    if not step or len(step) > 64:
        raise InvalidInput(_("The workflow step is required (at most 64 characters)."))
    sha256 = raw.get("sha256", "").strip().lower()
    if sha256 and not re.fullmatch(r"[0-9a-f]{64}", sha256):
        raise InvalidInput(_("The declared SHA-256 must be 64 hexadecimal digits."))
    start = _moment(raw.get("capture_start", ""), "capture_start")
    end = _moment(raw.get("capture_end", ""), "capture_end")
    if start and end and end < start:
        raise InvalidInput(_("The capture ends before it starts."))
    return Declared(
        subject=subject,
        step=step,
        device=raw.get("device", "").strip()[:64],
        certificate=raw.get("certificate", "").strip()[:32],
        capture_start=start,
        capture_end=end,
        sha256=sha256,
    )


def arrival(
    *,
    upload: Upload,
    declared: Declared,
    principal: Principal,
    sha256: str,
    key: str,
    media_type: str,
    sm3: str = "",
) -> Arrival:
    """What the register records: the device the token proves, else the device number the client declared,
    checked against the equipment register at the moment the file arrives."""
    from sanxiang.evidence.actions import Arrival, check_device

    number = principal.device.number if principal.device else declared.device
    device, device_check = check_device(number, agency=principal.agency)
    certificate = declared.certificate
    if not certificate and principal.officer is not None:
        valid = officers.certificate_on(principal.officer, clock.today())
        certificate = valid.number if valid else ""
    return Arrival(
        agency=principal.agency,
        sha256=sha256,
        sm3=sm3,
        size=upload.length,
        storage_key=key,
        media_type=media_type,
        metadata={**upload.metadata, "device": number},
        subject=declared.subject,
        step=declared.step,
        device=device,
        device_check=device_check,
        officer=principal.officer,
        certificate_number=certificate,
        capture_start=declared.capture_start,
        capture_end=declared.capture_end,
        uploaded_by_id=principal.user_id,
    )
