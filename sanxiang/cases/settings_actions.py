"""The write behind the case-settings page: an administrator schedules the agency's case settings —
the hearing thresholds (较大数额, 行政处罚法 第63条), the amber threshold of the deadline board and the late
charge on levies and fees (滞纳金, per 10,000 of the amount due a day) — from a day on. Dated data: a row
takes effect today or later, so that no charge already running changes its rate behind the payer's back
(the standard is told to the party beforehand, 行政强制法 第45条). Writes through
``engine.check_set_case_setting`` (one record, same transaction). Callers have checked the administrator
role on the agency."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils.translation import gettext as _

from sanxiang.accounts.models import User
from sanxiang.cases.engine import check_set_case_setting
from sanxiang.cases.models import CaseSetting
from sanxiang.core import clock
from sanxiang.core.errors import InvalidInput
from sanxiang.organizations.models import Agency

# A day's late charge never exceeds the whole amount due (行政强制法 第45条 caps the total at the principal).
MAX_LATE_PER_10000 = 10_000
MAX_AMBER_WORKING_DAYS = 30


@transaction.atomic
def check_schedule_case_setting(
    *,
    actor_user: User,
    agency: Agency,
    effective_from: dt.date,
    hearing_person_fen: int,
    hearing_organization_fen: int,
    amber_working_days: int,
    levy_late_per_10000: int,
) -> CaseSetting:
    errors: dict[str, list[str]] = {}
    if effective_from < clock.today():
        errors["effective_from"] = [
            _("Settings take effect today or later; the days already past keep the settings then in force.")
        ]
    if not 0 <= levy_late_per_10000 <= MAX_LATE_PER_10000:
        errors["levy_late_per_10000"] = [
            _(
                "Give a late charge between 0 and 10,000 per 10,000 a day "
                "(Administrative Coercion Law, Article 45)."
            )
        ]
    if not 0 <= amber_working_days <= MAX_AMBER_WORKING_DAYS:
        errors["amber_working_days"] = [_("Give between 0 and 30 working days.")]
    if hearing_person_fen < 0 or hearing_organization_fen < 0:
        errors["hearing_person"] = [_("Thresholds cannot be negative.")]
    if errors:
        raise InvalidInput(_("Please correct the errors below."), errors)
    return check_set_case_setting(
        actor_user=actor_user,
        agency=agency,
        effective_from=effective_from,
        hearing_person_fen=hearing_person_fen,
        hearing_organization_fen=hearing_organization_fen,
        amber_working_days=amber_working_days,
        levy_late_per_10000=levy_late_per_10000,
    )
