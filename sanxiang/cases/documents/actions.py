"""Issuing a case's documents. ``check_issue_case_document`` locks the case, checks that the kind belongs to
the case's procedure and that the act it documents was done, passes a decision through the engine's
legal-review gate (行政处罚法 第58条) inside the same transaction, takes the document number (文号) as late as
possible, and issues through ``sanxiang.documents``. Drafts render the same context without a number and
store nothing. Callers have passed ``access_case_by_id`` and ``may_handle``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from sanxiang.accounts.models import User
from sanxiang.cases.documents.context import case_context
from sanxiang.cases.engine.acts import context as guard_context
from sanxiang.cases.engine.guards import refusals
from sanxiang.cases.lock_objects import lock_case
from sanxiang.cases.models import Case
from sanxiang.cases.numbering import allocate_number
from sanxiang.core import clock
from sanxiang.core.errors import InvalidInput, RuleViolation
from sanxiang.documents import actions as document_actions
from sanxiang.documents import kinds
from sanxiang.documents.kinds import DocumentKind
from sanxiang.documents.models import IssuedDocument
from sanxiang.matters import procedures
from sanxiang.organizations.selectors import actor_of
from sanxiang.records import writer

DRAFT_NUMBER = "（草稿，未编号）"
# The decisions that pass the legal-review gate before they can be issued (行政处罚法 第58条).
GATED_KINDS = frozenset({"penalty_decision", "no_penalty_decision", "license_grant", "license_refusal"})


def kind_for(case: Case, code: str) -> DocumentKind:
    """The kind ``code`` when it belongs to the case's procedure."""
    if not kinds.exists(code) or case.procedure_key not in kinds.get(code).procedures:
        raise InvalidInput(
            _("This kind of document does not belong to the case's procedure."),
            {"kind": [_("Choose a kind of document of this case.")]},
        )
    return kinds.get(code)


@transaction.atomic
def check_issue_case_document(
    case: Case,
    *,
    kind: str,
    actor_user: User,
    on: dt.date,
    supersedes: IssuedDocument | None = None,
    extra: Mapping[str, Any] | None = None,
) -> IssuedDocument:
    """Issue a document of ``kind`` for ``case`` dated ``on``; ``extra`` adds values only the caller knows
    (the document a 送达回证 is for)."""
    case = lock_case(case.pk)
    document_kind = kind_for(case, kind)
    _check_day(case, on)
    _check_act_done(case, document_kind)
    if document_kind.code in GATED_KINDS:
        _check_legal_review(case, on=on)
    if supersedes is not None and supersedes.subject_id != str(case.pk):
        raise InvalidInput(_("A correction replaces a document of the same case."))
    context = {**case_context(case, on=on), **{k: v for k, v in (extra or {}).items() if v is not None}}
    document_actions.check_decision_context(document_kind.code, context)
    context["number"] = _number(case, document_kind, actor_user=actor_user, on=on)
    return document_actions.check_issue_document(
        actor_user=actor_user,
        agency=case.agency,
        kind=document_kind.code,
        number=context["number"],
        subject=writer.Subject("case", str(case.pk)),
        context=context,
        on=on,
        supersedes=supersedes,
    )


def render_draft(case: Case, *, kind: str, on: dt.date) -> tuple[bytes, bytes]:
    """The DOCX and PDF of a draft (no number, nothing stored or recorded)."""
    document_kind = kind_for(case, kind)
    context = case_context(case, on=on)
    context["number"] = DRAFT_NUMBER if document_kind.number_code else ""
    docx, printed, _template, _digest = document_actions.render_files(
        case.agency, document_kind.code, context, on=on
    )
    return docx, printed


def _check_day(case: Case, on: dt.date) -> None:
    if on > clock.today() or on < case.registered_on:
        raise InvalidInput(
            _("A document is dated between the case's registration and today."),
            {"on": [_("Give another date.")]},
        )


def _check_act_done(case: Case, kind: DocumentKind) -> None:
    required = kind.required_act(case.procedure_key)
    if required and not case.acts.filter(act=required).exists():
        procedure = procedures.get(case.procedure_key)
        labels = {t.act: str(t.label) for t in procedure.transitions}
        raise RuleViolation(
            _("%(document)s documents the act “%(act)s”, which has not been recorded on this case.")
            % {"document": kind.title, "act": labels.get(required, required)}
        )


def _check_legal_review(case: Case, *, on: dt.date) -> None:
    """The engine's legal-review gate, evaluated on the locked case (行政处罚法 第58条)."""
    procedure = procedures.get(case.procedure_key)
    messages = refusals(("legal_review_passed",), guard_context(case, procedure, "decide", on, {}))
    if messages:
        raise RuleViolation(" ".join(messages))


def _number(case: Case, kind: DocumentKind, *, actor_user: User, on: dt.date) -> str:
    if not kind.number_code:
        return ""
    allocated = allocate_number(
        agency=case.agency,
        code=kind.number_code,
        year=on.year,
        actor=actor_of(actor_user, on=on),
        subject=writer.Subject("case", str(case.pk)),
    )
    return allocated.text
