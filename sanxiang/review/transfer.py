"""Transfer of a suspected crime found in a review (行政执法机关移送涉嫌犯罪案件的规定, 国务院令第310号): a
review concluded with the item "crime transfer" failed reports it to the head (第5条); the head approves
or not within 3 days of the report (第5条, a refusal records its reason); an approved transfer goes to
the public security organ within 24 hours (第5条; dates only, so by the next day); after the organ's
acceptance the exhibits are handed over within 3 days (第12条, DOMAIN.md R-LR-07). Each step is one
action with its record; the due dates are the sub-workflow's timers. The periods are national (a State
Council regulation)."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils.translation import gettext as _

from sanxiang.core import clock
from sanxiang.core.errors import InvalidInput, RuleViolation
from sanxiang.organizations.enums import Role
from sanxiang.organizations.jurisdiction import AnyUser, holds_role
from sanxiang.organizations.selectors import actor_of
from sanxiang.records import writer
from sanxiang.review import events
from sanxiang.review.enums import ChecklistItem
from sanxiang.review.models import CrimeTransfer, ReviewRequest, TransferStep

DECIDE_DAYS = 3  # 第5条: 自接到报告之日起3日内作出批准移送或者不批准移送的决定
TRANSFER_DAYS = 1  # 第5条: 决定批准的，应当在24小时内向同级公安机关移送
HANDOVER_DAYS = 3  # 第12条 (DOMAIN.md R-LR-07): exhibits within 3 days of the acceptance

RED, AMBER, GREEN = "red", "amber", "green"
AMBER_DAYS = 1  # amber on the last day of a step and the day before: the periods are of one to three days
# The steps with a running timer, and who acts on each: the head decides (第5条); the agency's officers
# transfer and hand over, with the head.
RUNNING = {
    TransferStep.REPORTED: frozenset({Role.AGENCY_HEAD}),
    TransferStep.APPROVED: frozenset({Role.AGENCY_HEAD, Role.OFFICER}),
    TransferStep.ACCEPTED: frozenset({Role.AGENCY_HEAD, Role.OFFICER}),
}


def crime_flagged(request: ReviewRequest) -> bool:
    return request.checklist.get(ChecklistItem.CRIME_TRANSFER.value, {}).get("passed") is False


def do_report_transfer(request: ReviewRequest, *, actor_user: AnyUser, on: dt.date) -> CrimeTransfer:
    """Called in the conclusion's transaction when the reviewer flags a suspected crime."""
    row = CrimeTransfer.objects.create(
        request=request, reported_on=on, decide_due_on=on + dt.timedelta(days=DECIDE_DAYS)
    )
    _record(row, actor_user, on, {"step": row.step, "due_on": row.decide_due_on.isoformat()})
    return row


@transaction.atomic
def check_decide_transfer(
    transfer: CrimeTransfer, *, actor_user: AnyUser, approve: bool, reason: str, on: dt.date
) -> CrimeTransfer:
    """The agency head approves or refuses the transfer (第5条); a refusal records its reason."""
    transfer = CrimeTransfer.objects.select_for_update().select_related("request__agency").get(pk=transfer.pk)
    if not holds_role(actor_user, Role.AGENCY_HEAD, transfer.request.agency):
        raise RuleViolation(
            _("The agency head decides on the transfer (Article 5 of the transfer regulation).")
        )
    _expect(transfer, TransferStep.REPORTED, on, transfer.reported_on)
    if not approve and not reason.strip():
        raise InvalidInput(_("Record the reason for not transferring."), {"reason": [_("Required.")]})
    transfer.decided_on, transfer.reason = on, reason.strip()
    transfer.step = TransferStep.APPROVED if approve else TransferStep.NOT_APPROVED
    if approve:
        transfer.transfer_due_on = on + dt.timedelta(days=TRANSFER_DAYS)
    return _save(transfer, actor_user, on, transfer.transfer_due_on)


@transaction.atomic
def check_record_transfer(
    transfer: CrimeTransfer, *, actor_user: AnyUser, police_body: str, on: dt.date
) -> CrimeTransfer:
    transfer = CrimeTransfer.objects.select_for_update().get(pk=transfer.pk)
    _expect(transfer, TransferStep.APPROVED, on, transfer.decided_on)
    if not police_body.strip():
        raise InvalidInput(_("Name the public security organ."), {"police_body": [_("Required.")]})
    transfer.step, transfer.transferred_on, transfer.police_body = (
        TransferStep.TRANSFERRED,
        on,
        police_body.strip(),
    )
    return _save(transfer, actor_user, on, None)


@transaction.atomic
def check_record_acceptance(transfer: CrimeTransfer, *, actor_user: AnyUser, on: dt.date) -> CrimeTransfer:
    transfer = CrimeTransfer.objects.select_for_update().get(pk=transfer.pk)
    _expect(transfer, TransferStep.TRANSFERRED, on, transfer.transferred_on)
    transfer.step, transfer.accepted_on = TransferStep.ACCEPTED, on
    transfer.handover_due_on = on + dt.timedelta(days=HANDOVER_DAYS)
    return _save(transfer, actor_user, on, transfer.handover_due_on)


@transaction.atomic
def check_record_handover(transfer: CrimeTransfer, *, actor_user: AnyUser, on: dt.date) -> CrimeTransfer:
    transfer = CrimeTransfer.objects.select_for_update().get(pk=transfer.pk)
    _expect(transfer, TransferStep.ACCEPTED, on, transfer.accepted_on)
    transfer.step, transfer.handed_over_on = TransferStep.HANDED_OVER, on
    return _save(transfer, actor_user, on, None)


def running_due(transfer: CrimeTransfer) -> dt.date | None:
    """The due date of the step running now (None once the transfer is refused or handed over)."""
    return {
        TransferStep.REPORTED: transfer.decide_due_on,
        TransferStep.APPROVED: transfer.transfer_due_on,
        TransferStep.ACCEPTED: transfer.handover_due_on,
    }.get(TransferStep(transfer.step))


def timer_state(transfer: CrimeTransfer, *, today: dt.date) -> str:
    """red when the running step's due date has passed, amber on its last day and the day before."""
    due = running_due(transfer)
    if due is None:
        return GREEN
    if today > due:
        return RED
    return AMBER if (due - today).days <= AMBER_DAYS else GREEN


def acts_on(user: AnyUser, transfer: CrimeTransfer) -> bool:
    """Whether ``user`` acts on the running step: the agency head, or for the later steps its officers."""
    roles = RUNNING.get(TransferStep(transfer.step), frozenset())
    return any(holds_role(user, role, transfer.request.agency) for role in roles)


def _expect(transfer: CrimeTransfer, step: TransferStep, on: dt.date, after: dt.date | None) -> None:
    if transfer.step != step:
        raise RuleViolation(_("This step of the transfer is not due now."))
    if on > clock.today() or (after is not None and on < after):
        raise InvalidInput(
            _("The step is dated after the previous one and not in the future."),
            {"on": [_("Give another date.")]},
        )


def _save(transfer: CrimeTransfer, actor_user: AnyUser, on: dt.date, due: dt.date | None) -> CrimeTransfer:
    transfer.updated_at = clock.now()
    transfer.save()
    _record(transfer, actor_user, on, {"step": transfer.step, "due_on": due.isoformat() if due else None})
    return transfer


def _record(transfer: CrimeTransfer, actor_user: AnyUser, on: dt.date, data: dict[str, str | None]) -> None:
    writer.append(
        events.CRIME_TRANSFER_STEP.code,
        agency_id=transfer.request.agency_id,
        actor=actor_of(actor_user, on=on),
        subject=writer.Subject("review", str(transfer.request_id)),
        data={
            "transfer": transfer.pk,
            "on": on.isoformat(),
            **{k: v for k, v in data.items() if v is not None},
        },
    )
