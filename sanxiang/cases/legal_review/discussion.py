"""集体讨论 (行政处罚法 第57条 第2款): for complex cases or grave violations the agency's heads decide
collectively. ``discussion_required`` says when (the handler's answers "complex" or "grave" on the decision
submitted); ``check_record_discussion`` records the meeting (chaired by an agency head, attendees of the
agency, opinions, conclusion) and performs the case's ``collective_discussion`` act in the same transaction;
the guards refuse a decision that needs a discussion of this very decision, and the act without a record."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from django.db import transaction
from django.utils.translation import gettext as _

from sanxiang.cases.engine.acts import User, check_perform_act
from sanxiang.cases.engine.guards import GuardContext
from sanxiang.cases.legal_review import events
from sanxiang.cases.legal_review.decisions import HandlerFlag, decision_digest
from sanxiang.cases.legal_review.gate import proposal_for_act
from sanxiang.cases.lock_objects import lock_case
from sanxiang.cases.models import Case, CollectiveDiscussion
from sanxiang.core.errors import InvalidInput
from sanxiang.core.validation import validated
from sanxiang.organizations.enums import Role
from sanxiang.organizations.jurisdiction import holds_role
from sanxiang.organizations.models import Officer
from sanxiang.organizations.selectors import actor_of
from sanxiang.records import writer
from sanxiang.review.digests import text_digest

TRIGGERS = frozenset({HandlerFlag.COMPLEX.value, HandlerFlag.GRAVE.value})


def discussion_required(case: Case, act: str = "decide", data: dict[str, object] | None = None) -> bool:
    """第57条 第2款: 情节复杂或者重大违法行为 — the handler's answers on the decision submitted."""
    return bool(TRIGGERS & set(proposal_for_act(case, act, data or {}).flags))


@transaction.atomic
def check_record_discussion(
    case: Case,
    *,
    actor_user: User,
    held_on: dt.date,
    chair: Officer,
    attendees: Sequence[Officer],
    opinions: str,
    conclusion: str,
) -> CollectiveDiscussion:
    case = lock_case(case.pk)
    _check(case, chair, attendees, opinions, conclusion)
    digest = decision_digest(case.pk, proposal_for_act(case, "decide", {}))
    row = CollectiveDiscussion(
        case=case,
        held_on=held_on,
        chair=chair,
        opinions=opinions.strip(),
        conclusion=conclusion.strip(),
        decision_digest=digest,
    )
    validated(row)
    row.save()
    row.attendees.set(attendees)
    writer.append(
        events.DISCUSSION_RECORDED.code,
        agency_id=case.agency_id,
        actor=actor_of(actor_user, on=held_on),
        subject=writer.Subject("case", str(case.pk)),
        data={
            "discussion": row.pk,
            "held_on": held_on.isoformat(),
            "chair": chair.pk,
            "attendees": sorted(o.pk for o in attendees),
            "decision_digest": digest,
            "conclusion_digest": text_digest(row.conclusion),
        },
    )
    check_perform_act(
        case, act="collective_discussion", actor_user=actor_user, on=held_on, data={"discussion": row.pk}
    )
    return row


def _check(case: Case, chair: Officer, attendees: Sequence[Officer], opinions: str, conclusion: str) -> None:
    errors: dict[str, list[str]] = {}
    if (
        chair.agency_id != case.agency_id
        or chair.user is None
        or not holds_role(chair.user, Role.AGENCY_HEAD, case.agency)
    ):
        errors["chair"] = [_("An agency head of the case's agency chairs the discussion (Article 57).")]
    if (
        chair not in attendees
        or any(o.agency_id != case.agency_id for o in attendees)
        or len(set(attendees)) < 3
    ):
        errors["attendees"] = [_("At least three attendees of the agency, the chair among them.")]
    if not opinions.strip() or not conclusion.strip():
        errors["conclusion"] = [_("Record the opinions and the conclusion.")]
    if errors:
        raise InvalidInput(_("Please correct the errors below."), errors)


def collective_discussion_held(ctx: GuardContext) -> str | None:
    """行政处罚法 第57条 第2款: a decision needing a collective discussion waits for one on this decision."""
    if not discussion_required(ctx.case, ctx.act, dict(ctx.data)):
        return None
    digest = decision_digest(ctx.case.pk, proposal_for_act(ctx.case, ctx.act, ctx.data))
    if CollectiveDiscussion.objects.filter(
        case=ctx.case, decision_digest=digest, held_on__lte=ctx.on
    ).exists():
        return None
    return _(
        "A complex case or a grave violation is decided by the agency heads collectively: record the "
        "collective discussion of this decision first (Administrative Penalty Law, Article 57, paragraph 2)."
    )


def collective_discussion_recorded(ctx: GuardContext) -> str | None:
    """The ``collective_discussion`` act is performed only with its meeting record, on the meeting's day."""
    discussion = ctx.data.get("discussion")
    found = CollectiveDiscussion.objects.filter(case=ctx.case, held_on=ctx.on)
    if isinstance(discussion, int) and found.filter(pk=discussion).exists():
        return None
    return _(
        "Record the collective discussion with its attendees and conclusion "
        "(Administrative Penalty Law, Article 57)."
    )
