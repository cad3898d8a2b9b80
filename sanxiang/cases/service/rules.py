"""The rules of service (送达) as pure functions over the facts of one attempt; each refusal names its
article. 行政处罚法 第61条 applies the Civil Procedure Law (民事诉讼法, 2023) to the service of decisions:

- direct service (第88条): the recipient signs the 送达回证; the date signed is the service date (第87条);
- lodged service (第89条): the recipient refuses; witnesses sign, or the service is recorded by photo or
  video, and the refusal is noted;
- electronic service (第90条; 行政处罚法 第61条第2款): only with the party's signed consent (确认书) on file;
- mail (第91条): the date on the return receipt is the service date;
- public notice (第95条): only when the whereabouts are unknown or the other methods failed; the document is
  deemed served thirty days after publication.

Never touches the database; never decides who may record a service.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils.translation import gettext as _

# 民事诉讼法 第95条: 自发出公告之日起，经过三十日，即视为送达 (national law, not a local setting).
PUBLIC_NOTICE_DAYS = 30


@dataclass(frozen=True)
class Attempt:
    method: str
    served: bool
    served_on: dt.date | None
    published_on: dt.date | None
    recipient: str
    tracking_number: str
    witnesses: str
    av_recorded: bool
    refusal_reason: str
    whereabouts_unknown: bool
    consent_signed_on: dt.date | None  # the party's 确认书, when on file
    earlier_failure: bool  # another method already failed for this document


def deemed_served_on(published_on: dt.date) -> dt.date:
    """民事诉讼法 第95条: thirty days after publication."""
    return published_on + dt.timedelta(days=PUBLIC_NOTICE_DAYS)


def refusal(attempt: Attempt) -> str | None:
    """Why the attempt cannot be recorded as described, or None."""
    checks = {
        "direct": _direct,
        "lodged": _lodged,
        "electronic": _electronic,
        "mail": _mail,
        "public_notice": _public_notice,
    }
    check = checks.get(attempt.method)
    if check is None:
        return _("Unknown method of service.")
    return check(attempt)


def _direct(attempt: Attempt) -> str | None:
    if attempt.served and not attempt.recipient.strip():
        return _(
            "Direct service names the person who signed the service receipt (Civil Procedure Law, "
            "Articles 87 and 88)."
        )
    return None


def _lodged(attempt: Attempt) -> str | None:
    if not attempt.served:
        return None
    if not attempt.refusal_reason.strip() or not (attempt.witnesses.strip() or attempt.av_recorded):
        return _(
            "Lodged service records the refusal and either the witnesses or a photo or video recording "
            "(Civil Procedure Law, Article 89)."
        )
    return None


def _electronic(attempt: Attempt) -> str | None:
    day = attempt.served_on
    if attempt.consent_signed_on is None or (day is not None and attempt.consent_signed_on > day):
        return _(
            "Electronic service needs the party's signed consent on file before the service "
            "(Administrative Penalty Law, Article 61; Civil Procedure Law, Article 90)."
        )
    return None


def _mail(attempt: Attempt) -> str | None:
    if attempt.served and not attempt.tracking_number.strip():
        return _(
            "Service by mail gives the tracking number; the date on the return receipt is the service date "
            "(Civil Procedure Law, Article 91)."
        )
    return None


def _public_notice(attempt: Attempt) -> str | None:
    if attempt.published_on is None:
        return _("Give the date the public notice was published (Civil Procedure Law, Article 95).")
    if not (attempt.whereabouts_unknown or attempt.earlier_failure):
        return _(
            "Service by public notice is allowed only when the party's whereabouts are unknown or the other "
            "methods failed (Civil Procedure Law, Article 95)."
        )
    return None
