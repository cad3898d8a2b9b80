"""Referral of an inspection to a penalty case (检查发现违法 → 移送立案): the inspection's ``refer`` act
and the registration of the penalty case it gives rise to, in one transaction, so neither exists without
the other. This module must never bypass ``check_perform_act`` or ``check_register_case``."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils.translation import gettext as _

from sanxiang.cases.engine.acts import User, check_perform_act, check_register_case
from sanxiang.cases.models import Case
from sanxiang.core.errors import InvalidInput
from sanxiang.matters.models import Matter


@transaction.atomic
def check_refer_to_penalty(
    inspection: Case,
    *,
    actor_user: User,
    on: dt.date,
    matter: Matter,
    violation_on: dt.date,
    facts: str,
    proposed_fen: int | None = None,
) -> Case:
    """Perform the inspection's ``refer`` act and register the penalty case, with the inspection's parties
    and officers, linked to it as its origin. Any refusal of either undoes both."""
    if matter.workflow_key != "penalty":
        raise InvalidInput(_("An inspection is referred to a penalty matter."))
    inspection = check_perform_act(
        inspection, act="refer", actor_user=actor_user, on=on, data={"follow_up": True}
    )
    return check_register_case(
        actor_user=actor_user,
        agency=inspection.agency,
        matter=matter,
        parties=list(inspection.parties.all()),
        officers=[assignment.officer for assignment in inspection.assignments.select_related("officer")],
        violation_on=violation_on,
        facts=facts,
        on=on,
        proposed_fen=proposed_fen,
        origin=inspection,
    )
