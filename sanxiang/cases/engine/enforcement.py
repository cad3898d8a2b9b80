"""Opening a coercion case (申请人民法院强制执行) from an unpaid penalty decision or a levy in arrears, in one
transaction: the levy's ``refer_enforcement`` act (a penalty case stays served until it is executed), the
coercion case registered with the origin's parties and officers, and its enforcement file — the principal,
the last day to pay, the late charge rate (3 %/day for a fine, 行政处罚法 第72条; the agency's setting for a
levy) and the court window of 行政强制法 第53条. Enter once: every figure comes from the origin case. This
module must never bypass ``check_perform_act`` or ``check_register_case``.
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils.translation import gettext as _

from sanxiang.calendar.selectors import get_working_calendar
from sanxiang.cases import events
from sanxiang.cases.engine import levy_facts
from sanxiang.cases.engine.acts import User, check_perform_act, check_register_case
from sanxiang.cases.models import Assessment, Case, Enforcement
from sanxiang.core.errors import InvalidInput
from sanxiang.core.validation import validated
from sanxiang.matters.models import Matter
from sanxiang.organizations.selectors import actor_of
from sanxiang.records import writer

ORIGIN_STAGES = {"penalty": ("served",), "levy": ("in_arrears",)}


@transaction.atomic
def check_open_coercion(origin: Case, *, actor_user: User, on: dt.date, matter: Matter, facts: str) -> Case:
    """Register the coercion case of ``origin`` under ``matter`` (a ``coercion`` matter). Refused unless
    the origin is a served penalty with a fine or a levy in arrears, and the relief periods have run out
    (the registration guard, 行政强制法 第53条)."""
    if matter.workflow_key != "coercion":
        raise InvalidInput(_("Choose an enforcement matter."), {"matter": [_("Choose again.")]})
    principal = _principal(origin)
    if origin.stage not in ORIGIN_STAGES.get(origin.procedure_key, ()) or not principal:
        raise InvalidInput(_("Only a served fine or a levy in arrears is enforced through the court."))
    due = levy_facts.pay_due_on(origin)
    window = levy_facts.court_window(origin, calendar=get_working_calendar())
    rate = levy_facts.late_rate(origin, on=on)
    if origin.procedure_key == "levy":
        origin = check_perform_act(
            origin, act="refer_enforcement", actor_user=actor_user, on=on, data={"follow_up": True}
        )
    case = check_register_case(
        actor_user=actor_user,
        agency=origin.agency,
        matter=matter,
        parties=list(origin.parties.all()),
        officers=[assignment.officer for assignment in origin.assignments.select_related("officer")],
        violation_on=origin.violation_on,
        facts=facts,
        on=on,
        origin=origin,
        limit_anchors={"apply_court": window.relief_expires_on} if window else None,
    )
    # the registration guard refused otherwise
    assert window is not None
    assert due is not None
    row = Enforcement(
        case=case,
        principal_fen=principal,
        late_per_10000=rate,
        pay_due_on=due,
        decision_served_on=window.served_on,
        relief_expires_on=window.relief_expires_on,
        apply_by=window.apply_by,
    )
    validated(row)
    row.save()
    writer.append(
        events.CASE_ENFORCEMENT_FILED.code,
        agency_id=case.agency_id,
        actor=actor_of(actor_user, on=on),
        subject=writer.Subject("case", str(case.pk)),
        data={
            "origin": origin.pk,
            "principal_fen": principal,
            "late_per_10000": rate,
            "pay_due_on": due.isoformat(),
            "decision_served_on": window.served_on.isoformat(),
            "relief_expires_on": window.relief_expires_on.isoformat(),
            "apply_by": window.apply_by.isoformat(),
        },
    )
    return case


def _principal(origin: Case) -> int:
    """The amount owed under the origin: the decided fine, or the assessed levy still unpaid."""
    if origin.procedure_key == "penalty":
        return origin.decided_fen or 0
    assessment = Assessment.objects.filter(case=origin).first()
    return assessment.amount_fen - assessment.paid_fen if assessment else 0
