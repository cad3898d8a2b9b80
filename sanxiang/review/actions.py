"""Every write of the review engine: submit a decision for review, assign a reviewer, extend the time limit,
conclude with the checklist and the signed opinion, attach a legal adviser's opinion, set an agency's time
limit. Each ``check_*`` validates (refusing with InvalidInput / RuleViolation and writing nothing), writes and
appends exactly one record in the same transaction. Callers have passed the ``selectors`` permission checks;
the subject's own rules (is the decision major, is the case locked) belong to the caller."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any, cast

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from sanxiang.accounts.models import User as AccountUser
from sanxiang.calendar import deadlines
from sanxiang.calendar.selectors import get_working_calendar
from sanxiang.core import clock
from sanxiang.core.errors import InvalidInput, RuleViolation
from sanxiang.core.validation import validated
from sanxiang.organizations.models import Agency, Officer
from sanxiang.organizations.selectors import actor_of
from sanxiang.records import writer
from sanxiang.review import checklist, events, hooks, opinion_documents, selectors, transfer
from sanxiang.review.digests import json_digest, text_digest
from sanxiang.review.eligibility import reviewer_refusals
from sanxiang.review.enums import ConsultationKind, Outcome, ReviewStatus
from sanxiang.review.lock_objects import lock_request
from sanxiang.review.models import Consultation, ReviewRequest, ReviewSetting
from sanxiang.review.opinion import opinion_text

User = AbstractBaseUser | AnonymousUser


@transaction.atomic
def check_submit_review(
    *,
    actor_user: User,
    agency: Agency,
    subject: writer.Subject,
    subject_label: str,
    matter_type: str,
    package: Mapping[str, Any],
    decision_digest: str,
    handler_ids: Sequence[int],
    rules: Sequence[str],
    on: dt.date,
) -> ReviewRequest:
    """Open a review of the decision ``decision_digest`` of ``subject``; refused while one is open."""
    if not actor_user.is_authenticated:
        raise RuleViolation(_("Only a signed-in officer submits a decision for review."))
    if selectors.open_request(subject) is not None:
        raise RuleViolation(_("A review of this decision is already open."))
    if on > clock.today():
        raise InvalidInput(_("An act cannot be dated in the future."), {"on": [_("Give another date.")]})
    setting = selectors.setting_for(agency, on=on)
    due = _add(on, setting.working_days) if setting else None
    request = ReviewRequest(
        agency=agency,
        subject_kind=subject.kind,
        subject_id=subject.id,
        subject_label=subject_label[:160],
        matter_type=matter_type,
        decision_digest=decision_digest,
        package=dict(package),
        package_digest=json_digest(dict(package)),
        handler_ids=list(handler_ids),
        submitted_by_id=cast(int, actor_user.pk),
        submitted_on=on,
        due_on=due,
    )
    # The one-open-request constraint is left to the insert: a concurrent submission that committed
    # first must be refused as a rule, not reported as a form error.
    validated(request, exclude=["submitted_by"], constraints=False)
    _save_new(request)
    _record(
        events.REVIEW_SUBMITTED.code,
        request,
        actor_user,
        on,
        {
            "matter_type": matter_type,
            "decision_digest": decision_digest,
            "package_digest": request.package_digest,
            "submitted_on": on.isoformat(),
            "due_on": due.isoformat() if due else None,
            "rules": list(rules),
        },
    )
    return request


@transaction.atomic
def check_assign_reviewer(
    request: ReviewRequest, *, actor_user: User, reviewer: Officer, on: dt.date
) -> ReviewRequest:
    """Assign ``reviewer``: of the agency's legal staff, not a handler of the decision (行政处罚法 第43条),
    qualified for a first penalty review (第58条 第2款)."""
    request = lock_request(request.pk)
    if not request.is_open:
        raise RuleViolation(_("This review is already concluded."))
    refusals = reviewer_refusals(request, reviewer)
    if refusals:
        raise RuleViolation(" ".join(refusals))
    request.reviewer = reviewer
    request.status = ReviewStatus.ASSIGNED
    request.updated_at = clock.now()
    validated(request)
    request.save()
    _record(events.REVIEW_ASSIGNED.code, request, actor_user, on, {"reviewer": reviewer.pk})
    return request


@transaction.atomic
def check_extend_review(request: ReviewRequest, *, actor_user: User, on: dt.date) -> ReviewRequest:
    """Extend the time limit once by the setting's extension days, approved by the agency head (R-LR-05)."""
    request = lock_request(request.pk)
    setting = selectors.setting_for(request.agency, on=request.submitted_on)
    if not request.is_open or request.extended or request.due_on is None or setting is None:
        raise RuleViolation(_("This review's time limit cannot be extended (once only, while open)."))
    if setting.extension_days == 0:
        raise RuleViolation(_("The agency's review time limit allows no extension."))
    request.due_on = _add(request.due_on, setting.extension_days)
    request.extended = True
    request.updated_at = clock.now()
    request.save()
    _record(events.REVIEW_EXTENDED.code, request, actor_user, on, {"due_on": request.due_on.isoformat()})
    return request


@transaction.atomic
def check_conclude_review(
    request: ReviewRequest,
    *,
    actor_user: User,
    outcome: str,
    answers: Mapping[str, Mapping[str, Any]],
    opinion: str,
    on: dt.date,
) -> ReviewRequest:
    """Conclude with the checklist (R-LR-03) and sign the opinion: its digest goes into the record, and the
    法制审核意见书 is issued as DOCX and PDF (their digests recorded by the documents app). The
    subject's listener runs in this transaction (a case performs its ``legal_review`` act on approval)."""
    request = lock_request(request.pk)
    _check_concludable(request, actor_user, outcome, on)
    cleaned = checklist.clean_answers(answers)
    checklist.check_outcome(outcome, cleaned)
    if not opinion.strip():
        raise InvalidInput(_("Write the review opinion."), {"opinion": [_("Required.")]})
    request.status = ReviewStatus(outcome)
    request.checklist, request.opinion, request.concluded_on = cleaned, opinion.strip(), on
    request.opinion_digest = text_digest(opinion_text(request))
    request.updated_at = clock.now()
    validated(request)
    request.save()
    _record(
        events.REVIEW_CONCLUDED.code,
        request,
        actor_user,
        on,
        {
            "outcome": outcome,
            "failed_items": checklist.failed_items(cleaned),
            "opinion_digest": request.opinion_digest,
            "decision_digest": request.decision_digest,
            "concluded_on": on.isoformat(),
        },
    )
    # the 法制审核意见书 as DOCX and PDF, their digests in the log (the reviewer, who concludes, is logged in)
    opinion_documents.do_issue_opinion(request, actor_user=cast("AccountUser", actor_user), on=on)
    if transfer.crime_flagged(request):
        transfer.do_report_transfer(request, actor_user=actor_user, on=on)
    hooks.concluded(hooks.Concluded(request, actor_user, on))
    return request


@transaction.atomic
def check_record_consultation(
    request: ReviewRequest,
    *,
    actor_user: User,
    kind: str,
    adviser_name: str,
    asked_on: dt.date,
    answered_on: dt.date,
    opinion: str,
) -> Consultation:
    """Attach a legal adviser's opinion (政府法律顾问 / 公职律师, seed 二(三)2(3)) to an open review."""
    request = lock_request(request.pk)
    if not request.is_open:
        raise RuleViolation(_("This review is already concluded."))
    errors: dict[str, list[str]] = {}
    if kind not in ConsultationKind.values:
        errors["kind"] = [_("Choose the kind of adviser.")]
    if answered_on < asked_on or answered_on > clock.today():
        errors["answered_on"] = [_("The answer comes after the question and not in the future.")]
    if not adviser_name.strip() or not opinion.strip():
        errors["opinion"] = [_("Give the adviser's name and opinion.")]
    if errors:
        raise InvalidInput(_("Please correct the errors below."), errors)
    row = Consultation(
        request=request,
        kind=kind,
        adviser_name=adviser_name.strip(),
        asked_on=asked_on,
        answered_on=answered_on,
        opinion=opinion.strip(),
    )
    validated(row)
    row.save()
    _record(
        events.REVIEW_CONSULTED.code,
        request,
        actor_user,
        answered_on,
        {
            "kind": kind,
            "answered_on": answered_on.isoformat(),
            "opinion_digest": text_digest(row.opinion),
        },
    )
    return row


@transaction.atomic
def check_set_review_setting(
    *,
    actor_user: User,
    agency: Agency,
    effective_from: dt.date,
    working_days: int,
    extension_days: int,
    amber_working_days: int = 2,
) -> ReviewSetting:
    """Set the agency's review time limit from a day (data, R-LR-05: no national limit; e.g. 7 working days
    extendable by 3, 宁夏住建厅): the working days to conclude, of one extension, and from how many working
    days left a review turns amber. Replaces the row of the same day; refuses numbers out of range."""
    _check_setting(working_days, extension_days, amber_working_days)
    row = ReviewSetting.objects.filter(agency=agency, effective_from=effective_from).first()
    row = row or ReviewSetting(agency=agency, effective_from=effective_from)
    row.working_days, row.extension_days = working_days, extension_days
    row.amber_working_days = amber_working_days
    row.updated_at = clock.now()
    validated(row)
    row.save()
    writer.append(
        events.REVIEW_SETTING_SET.code,
        agency_id=agency.pk,
        actor=actor_of(actor_user, on=clock.today()),
        subject=writer.Subject("agency", str(agency.pk)),
        data={
            "effective_from": effective_from.isoformat(),
            "working_days": working_days,
            "extension_days": extension_days,
            "amber_working_days": amber_working_days,
        },
    )
    return row


MAX_REVIEW_DAYS = 60  # a sanity bound on the data entered, not a legal limit (there is none nationally)


def _check_setting(working_days: int, extension_days: int, amber: int) -> None:
    errors: dict[str, list[str]] = {}
    if not 1 <= working_days <= MAX_REVIEW_DAYS:
        errors["working_days"] = [_("Between 1 and %(max)d working days.") % {"max": MAX_REVIEW_DAYS}]
    if not 0 <= extension_days <= MAX_REVIEW_DAYS:
        errors["extension_days"] = [_("Between 0 and %(max)d working days.") % {"max": MAX_REVIEW_DAYS}]
    if not 0 <= amber < working_days:
        errors["amber_working_days"] = [_("Fewer working days than the time limit itself.")]
    if errors:
        raise InvalidInput(_("Please correct the errors below."), errors)


def _check_concludable(request: ReviewRequest, actor_user: User, outcome: str, on: dt.date) -> None:
    if request.status != ReviewStatus.ASSIGNED or not selectors.may_conclude(actor_user, request):
        raise RuleViolation(_("Only the assigned reviewer concludes an open review."))
    if outcome not in Outcome.values:
        raise InvalidInput(_("Choose the outcome."), {"outcome": [_("Choose again.")]})
    if on < request.submitted_on or on > clock.today():
        raise InvalidInput(
            _("The review is dated between its submission and today."), {"on": [_("Give another date.")]}
        )


def _save_new(request: ReviewRequest) -> None:
    """Insert; a concurrent submission of the same decision loses on the database constraint."""
    try:
        with transaction.atomic():
            request.save()
    except IntegrityError:
        raise RuleViolation(_("A review of this decision is already open.")) from None


def _add(start: dt.date, days: int) -> dt.date:
    return deadlines.add_working_days(start, days, calendar=get_working_calendar()).date


def _record(code: str, request: ReviewRequest, actor_user: User, on: dt.date, data: dict[str, Any]) -> None:
    writer.append(
        code,
        agency_id=request.agency_id,
        actor=actor_of(actor_user, on=on),
        subject=writer.Subject("review", str(request.pk)),
        data={"request": request.pk, **{k: v for k, v in data.items() if v is not None}},
    )
