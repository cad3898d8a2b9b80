"""Every write of the editor's desk (事后公开): mask more, the confidentiality check (保密审查), approve,
publish, exclude, override must-publish, correct on request, open and perform a withdrawal, expire, and set
the publication rules. Each ``check_*`` locks the publication, validates, assigns the status only through
``workflow.require_transition`` and appends exactly one record in the same transaction; pushes to external
platforms are queued in the outbox (``publicity.outbox``) and sent after commit.

Callers have passed ``access_publication_by_id``; acting needs the publicity-editor role of the agency.
"""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.db import transaction
from django.utils.translation import gettext as _

from sanxiang.calendar.selectors import get_working_calendar
from sanxiang.core import clock
from sanxiang.core.errors import InvalidInput, RuleViolation
from sanxiang.organizations.enums import Role
from sanxiang.organizations.jurisdiction import holds_role
from sanxiang.organizations.selectors import actor_of
from sanxiang.publicity import documents, events, outbox, rules
from sanxiang.publicity.drafts import _party_facts, known_for, subject, terms_of
from sanxiang.publicity.enums import ExclusionReason, PublicationStatus, PushEvent, WithdrawalGround
from sanxiang.publicity.models import Correction, Publication
from sanxiang.publicity.workflow import require_editable, require_transition
from sanxiang.records import writer
from sanxiang.records.registry import EventType

User = AbstractBaseUser | AnonymousUser
MAX_TERMS = 50


def may_edit(user: User, publication: Publication) -> bool:
    """Publicity editors of the publication's agency act on it; officers and supervisors only read."""
    return holds_role(user, Role.PUBLICITY_EDITOR, publication.agency)


def _locked(publication: Publication, user: User) -> Publication:
    if not may_edit(user, publication):
        raise RuleViolation(_("Only a publicity editor of the agency may do this."))
    return (
        Publication.objects.select_for_update()
        .select_related("agency", "case", "party", "rule")
        .get(pk=publication.pk)
    )


def _record(publication: Publication, user: User, event: EventType, data: dict[str, object]) -> None:
    writer.append(
        event.code,
        agency_id=publication.agency_id,
        actor=actor_of(user, on=clock.today()),
        subject=subject(publication),
        data=data,
    )


def _remask(publication: Publication) -> None:
    """Mask the decided items again with the editor's terms; the served document and digests follow."""
    known = known_for(publication.case, publication.party, list(publication.extra_terms))
    publication.masked = documents.masked_items(
        publication.items, party=_party_facts(publication.party), known=known
    )
    _set_document(publication)


def _set_document(publication: Publication) -> None:
    publication.document = documents.render(publication.masked)
    publication.document_digest = documents.sha256(publication.document)
    publication.search_text = documents.search_text(publication.masked)


@transaction.atomic
def check_mask_more(publication: Publication, *, actor_user: User, terms: list[str]) -> Publication:
    """The editor masks more: each term is replaced by asterisks wherever it appears (R-PUB-11)."""
    publication = _locked(publication, actor_user)
    require_editable(publication.status)
    cleaned = [term.strip() for term in terms if term.strip()]
    if not cleaned or len(cleaned) > MAX_TERMS or any(len(term) < 2 for term in cleaned):
        raise InvalidInput(
            _("Give between 1 and 50 terms to mask, each of at least two characters."),
            {"terms": [_("Give between 1 and 50 terms, each of at least two characters.")]},
        )
    publication.extra_terms = sorted({*publication.extra_terms, *cleaned})
    _remask(publication)
    publication.confidentiality_digest = ""  # a changed document needs a new check
    publication.confidentiality_by = None
    publication.save()
    _record(
        publication,
        actor_user,
        events.PUBLICATION_MASKED,
        {"terms": len(publication.extra_terms), "document_digest": publication.document_digest},
    )
    return publication


@transaction.atomic
def check_clear_confidentiality(publication: Publication, *, actor_user: User) -> Publication:
    """保密审查: the editor confirms the served document holds no state secret, trade secret or personal
    privacy (行政处罚法 第50条; 政府信息公开条例 第17条; DOMAIN R-PUB-11). It clears this document only."""
    publication = _locked(publication, actor_user)
    require_editable(publication.status)
    publication.confidentiality_digest = publication.document_digest
    publication.confidentiality_by = actor_user  # type: ignore[assignment]
    publication.save(update_fields=["confidentiality_digest", "confidentiality_by", "updated_at"])
    _record(
        publication, actor_user, events.PUBLICATION_CLEARED, {"document_digest": publication.document_digest}
    )
    return publication


@transaction.atomic
def check_approve_publication(publication: Publication, *, actor_user: User) -> Publication:
    """Approve a draft. Refused until the confidentiality check cleared the document as it now reads."""
    publication = _locked(publication, actor_user)
    target = require_transition(publication.status, "approve")
    if publication.confidentiality_digest != publication.document_digest:
        raise RuleViolation(
            _("The confidentiality check (保密审查) has not cleared this document (政府信息公开条例 第17条).")
        )
    publication.status = target
    publication.approved_by = actor_user  # type: ignore[assignment]
    publication.approved_at = clock.now()
    publication.save()
    _record(
        publication, actor_user, events.PUBLICATION_APPROVED, {"document_digest": publication.document_digest}
    )
    return publication


@transaction.atomic
def check_publish_publication(publication: Publication, *, actor_user: User) -> Publication:
    """Put an approved publication on the public list; the time enters the record log, with whether it is
    late against its due date (118号; DOMAIN R-PUB-07), and the pushes are queued."""
    publication = _locked(publication, actor_user)
    publication.status = require_transition(publication.status, "publish")
    now = clock.now()
    today = clock.today()
    publication.published_at = now
    publication.public_until = rules.public_until(today, terms_of(publication.rule))
    publication.save()
    _record(
        publication,
        actor_user,
        events.PUBLICATION_PUBLISHED,
        {
            "document_digest": publication.document_digest,
            "published_at": now.isoformat(),
            "due_on": publication.due_on.isoformat(),
            "late": today > publication.due_on,
            "public_until": publication.public_until.isoformat(),
        },
    )
    outbox.enqueue(publication, PushEvent.PUBLISH)
    return publication


@transaction.atomic
def check_exclude_publication(
    publication: Publication, *, actor_user: User, reason: str, note: str
) -> Publication:
    """Do not publish: a minor party, a state secret or personal privacy (行政处罚法 第50条;
    政府信息公开条例 第14条、第15条). The reason is recorded; the draft stays in the archive."""
    publication = _locked(publication, actor_user)
    if reason not in ExclusionReason.values or not note.strip():
        raise InvalidInput(_("Choose the reason and explain it."), {"note": [_("Explain the reason.")]})
    publication.status = require_transition(publication.status, "exclude")
    publication.exclusion = reason
    publication.exclusion_note = note.strip()
    publication.save()
    _record(
        publication,
        actor_user,
        events.PUBLICATION_EXCLUDED,
        {"reason": reason, "note_digest": documents.sha256(note.strip()), "automatic": False},
    )
    return publication


@transaction.atomic
def check_set_must_publish(
    publication: Publication, *, actor_user: User, must_publish: bool, reason: str
) -> Publication:
    """Override the rule's must-publish default (行政处罚法 第48条 第1款; DOMAIN R-PUB-09), with a reason."""
    publication = _locked(publication, actor_user)
    require_editable(publication.status)
    if not reason.strip():
        raise InvalidInput(_("Give the reason for the override."), {"reason": [_("This field is required.")]})
    publication.must_publish = must_publish
    publication.must_publish_reason = reason.strip()
    publication.save()
    _record(
        publication,
        actor_user,
        events.PUBLICATION_MUST_PUBLISH_SET,
        {"must_publish": must_publish, "reason": reason.strip()},
    )
    return publication


@transaction.atomic
def check_correct_publication(
    publication: Publication, *, actor_user: User, requested_by: str, request: str, changes: dict[str, str]
) -> Publication:
    """Correct a published item on request (更正); the corrected text is masked again, the old and new
    documents are kept as digests, and the publication shows that it was corrected."""
    publication = _locked(publication, actor_user)
    target = require_transition(publication.status, "correct")
    editable = {key for key, _label in documents.ITEMS} - {"agency", "decided_on"}
    changes = {key: value.strip() for key, value in changes.items() if value.strip()}
    if not requested_by.strip() or not request.strip() or not changes or set(changes) - editable:
        raise InvalidInput(
            _("Say who asked, what they asked and what changes."),
            {"request": [_("Say who asked, what they asked and what changes.")]},
        )
    before = publication.document_digest
    known = known_for(publication.case, publication.party, list(publication.extra_terms))
    publication.masked = {
        **publication.masked,
        **documents.masked_items(
            {**publication.masked, **changes}, party=_party_facts(publication.party), known=known
        ),
    }
    _set_document(publication)
    publication.status = target
    publication.save()
    Correction.objects.create(
        publication=publication,
        requested_by=requested_by.strip()[:128],
        request=request.strip(),
        before_digest=before,
        after_digest=publication.document_digest,
        corrected_at=clock.now(),
        corrected_by=actor_user,  # type: ignore[misc] # a signed-in user: the view requires a login
    )
    _record(
        publication,
        actor_user,
        events.PUBLICATION_CORRECTED,
        {
            "before_digest": before,
            "document_digest": publication.document_digest,
            "request_digest": documents.sha256(request.strip()),
        },
    )
    return publication


@transaction.atomic
def check_open_withdrawal(
    publication: Publication, *, actor_user: User, ground: str, ground_on: dt.date
) -> Publication:
    """The published decision was changed, revoked, found illegal or void: it must be withdrawn within 3
    working days (行政处罚法 第48条 第2款); the due date becomes a work item."""
    publication = _locked(publication, actor_user)
    require_transition(publication.status, "withdraw")  # only a public publication can be withdrawn
    if (
        ground not in WithdrawalGround.values
        or ground_on > clock.today()
        or ground_on < publication.decided_on
    ):
        raise InvalidInput(
            _("Choose the ground and the day the decision was changed."),
            {"ground_on": [_("The day must lie between the decision and today.")]},
        )
    due = rules.withdrawal_due(ground_on, calendar=get_working_calendar())
    publication.withdrawal_ground, publication.ground_on, publication.withdrawal_due = (
        ground,
        ground_on,
        due.date,
    )
    publication.save()
    _record(
        publication,
        actor_user,
        events.PUBLICATION_WITHDRAWAL_OPENED,
        {"ground": ground, "ground_on": ground_on.isoformat(), "due_on": due.date.isoformat()},
    )
    return publication


@transaction.atomic
def check_withdraw_publication(publication: Publication, *, actor_user: User, reason: str) -> Publication:
    """Withdraw with the reason shown to the public — never a silent delete (行政处罚法 第48条 第2款). The
    ground must have been recorded first (``check_open_withdrawal``); the withdrawal is pushed too."""
    publication = _locked(publication, actor_user)
    target = require_transition(publication.status, "withdraw")
    if not publication.withdrawal_ground or publication.withdrawal_due is None:
        raise RuleViolation(_("Record first why the decision no longer stands (行政处罚法 第48条 第2款)."))
    if not reason.strip():
        raise InvalidInput(
            _("Give the reason shown to the public."), {"reason": [_("This field is required.")]}
        )
    publication.status = target
    publication.withdrawal_reason = reason.strip()
    publication.withdrawn_at = clock.now()
    publication.save()
    _record(
        publication,
        actor_user,
        events.PUBLICATION_WITHDRAWN,
        {
            "ground": publication.withdrawal_ground,
            "reason": reason.strip(),
            "due_on": publication.withdrawal_due.isoformat(),
            "late": clock.today() > publication.withdrawal_due,
            "document_digest": publication.document_digest,
        },
    )
    outbox.enqueue(publication, PushEvent.WITHDRAW)
    return publication


@transaction.atomic
def do_expire_publications(*, today: dt.date) -> int:
    """Publications past their display window leave the public list (DOMAIN R-PUB-12) and stay in the
    archive; each expiry is recorded. Run daily by the beat task."""
    due = Publication.objects.select_for_update().filter(
        status__in=(PublicationStatus.PUBLISHED, PublicationStatus.CORRECTED), public_until__lt=today
    )
    count = 0
    for publication in due:
        publication.status = require_transition(publication.status, "expire")
        publication.expired_on = today
        publication.save(update_fields=["status", "expired_on", "updated_at"])
        assert publication.public_until is not None
        writer.append(
            events.PUBLICATION_EXPIRED.code,
            agency_id=publication.agency_id,
            actor=writer.SYSTEM,
            subject=subject(publication),
            data={"public_until": publication.public_until.isoformat()},
        )
        count += 1
    return count
