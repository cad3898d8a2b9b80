"""Every write of documents: an office uploads a template version (``check_upload_template``), a document is
issued (``check_issue_document``, called by the subject's app inside its own transaction, after it locked
its subject and took the document's number), a download is recorded.

Each action appends its record in the same transaction. Issued documents have no update path: a correction
is a new document that supersedes the old one. This module never allocates numbers and never decides
whether the subject may receive a document (the caller's guards do).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from sanxiang.accounts.models import User
from sanxiang.core import clock
from sanxiang.core.errors import InvalidInput, RuleViolation
from sanxiang.core.validation import validated
from sanxiang.documents import elements, events, kinds, rendering, storage
from sanxiang.documents.models import DocumentTemplate, IssuedDocument
from sanxiang.documents.selectors import template_in_force
from sanxiang.organizations.models import Agency
from sanxiang.organizations.selectors import actor_of
from sanxiang.records import writer

MAX_TEMPLATE_BYTES = 5 * 1024 * 1024


@transaction.atomic
def check_upload_template(
    *,
    actor_user: User,
    agency: Agency,
    kind: str,
    content: bytes,
    filename: str,
    effective_from: dt.date,
) -> DocumentTemplate:
    """Add a version of ``agency``'s template for ``kind``. A template lacking an element the law lists
    for its kind (行政处罚法 第59条, 行政许可法 第38条, 行政强制法 第35条, 第55条, ``elements``) is
    refused, naming the element."""
    _check_template(kind, content, effective_from)
    # Versions are numbered per agency and kind: the agency row serialises concurrent uploads (rare).
    Agency.objects.select_for_update().filter(pk=agency.pk).first()
    if DocumentTemplate.objects.filter(agency=agency, kind=kind, effective_from=effective_from).exists():
        raise InvalidInput(
            _("A version of this template already takes effect on that day."),
            {"effective_from": [_("Choose another day.")]},
        )
    latest = DocumentTemplate.objects.filter(agency=agency, kind=kind).aggregate(v=Max("version"))["v"]
    stored = storage.store(content)
    row = DocumentTemplate(
        agency=agency,
        kind=kind,
        version=(latest or 0) + 1,
        effective_from=effective_from,
        sha256=stored.sha256,
        storage_key=stored.key,
        filename=filename[:255],
        uploaded_by=actor_user,
        uploaded_at=clock.now(),
    )
    validated(row)
    row.save()
    writer.append(
        events.TEMPLATE_UPLOADED.code,
        agency_id=agency.pk,
        actor=actor_of(actor_user, on=clock.today()),
        subject=writer.Subject("document_template", str(row.pk)),
        data={
            "kind": kind,
            "version": row.version,
            "effective_from": effective_from.isoformat(),
            "digest": f"sha256:{stored.sha256}",
        },
    )
    return row


def _check_template(kind: str, content: bytes, effective_from: dt.date) -> None:
    if not kinds.exists(kind):
        raise InvalidInput(_("Unknown kind of document."), {"kind": [_("Choose a kind of document.")]})
    if len(content) > MAX_TEMPLATE_BYTES or not rendering.is_docx(content):
        raise InvalidInput(
            _("A template is a Word document (.docx) of at most 5 MB."), {"file": [_("Upload a .docx file.")]}
        )
    if effective_from < clock.today():
        raise InvalidInput(
            _("A template takes effect today or later; documents already issued keep their template."),
            {"effective_from": [_("Choose today or a later day.")]},
        )
    if not elements.required(kind):
        return
    missing = elements.missing_elements(rendering.placeholders(content), rendering.fixed_text(content), kind)
    if missing and kinds.get(kind).penalty_decision:
        raise RuleViolation(
            _("The decision template lacks %(elements)s (Administrative Penalty Law, Article 59).")
            % {"elements": "; ".join(missing)}
        )
    if missing:
        raise RuleViolation(
            _("The template of the %(document)s lacks %(elements)s.")
            % {"document": kinds.get(kind).title, "elements": "; ".join(missing)}
        )


def check_decision_context(kind: str, context: Mapping[str, Any]) -> None:
    """The elements the law lists for ``kind`` (行政处罚法 第59条 for a penalty decision, ``elements``) on the
    filled-in values: each is non-empty."""
    empty = elements.empty_elements(kind, dict(context))
    if empty and kinds.get(kind).penalty_decision:
        raise InvalidInput(
            _("The decision cannot be issued without %(elements)s (Administrative Penalty Law, Article 59).")
            % {"elements": "; ".join(empty)}
        )
    if empty:
        raise InvalidInput(
            _("The %(document)s cannot be issued without %(elements)s.")
            % {"document": kinds.get(kind).title, "elements": "; ".join(empty)}
        )


def render_files(
    agency: Agency, kind: str, context: Mapping[str, Any], *, on: dt.date
) -> tuple[bytes, bytes, DocumentTemplate | None, str]:
    """The DOCX and PDF of a document, the template version used and its digest; stores nothing."""
    from sanxiang.documents import pdf  # on use, with python-docx and WeasyPrint (see ``rendering``)

    template, content, sha256 = template_in_force(agency, kind, on=on)
    docx = rendering.render(content, context)
    return docx, pdf.docx_to_pdf(docx, title=kinds.get(kind).title), template, sha256


@transaction.atomic
def check_issue_document(
    *,
    actor_user: User,
    agency: Agency,
    kind: str,
    number: str,
    subject: writer.Subject,
    context: Mapping[str, Any],
    on: dt.date,
    supersedes: IssuedDocument | None = None,
) -> IssuedDocument:
    """Issue a document: render it with the template in force on ``on``, store both files write-once and
    record their digests. The caller has locked the subject and allocated ``number``."""
    check_decision_context(kind, context)
    _check_correction(supersedes, agency=agency, kind=kind, subject=subject)
    docx, printed, template, template_sha256 = render_files(agency, kind, context, on=on)
    docx_file, pdf_file = storage.store(docx), storage.store(printed)
    row = IssuedDocument(
        agency=agency,
        kind=kind,
        title=kinds.get(kind).title,
        number=number,
        subject_kind=subject.kind,
        subject_id=subject.id,
        template=template,
        template_sha256=template_sha256,
        docx_key=docx_file.key,
        docx_sha256=docx_file.sha256,
        pdf_key=pdf_file.key,
        pdf_sha256=pdf_file.sha256,
        issued_on=on,
        issued_at=clock.now(),
        issued_by=actor_user,
        supersedes=supersedes,
    )
    validated(row)
    row.save()
    _record_issue(row, actor_user=actor_user, subject=subject)
    return row


def _check_correction(
    supersedes: IssuedDocument | None, *, agency: Agency, kind: str, subject: writer.Subject
) -> None:
    if supersedes is None:
        return
    same = (supersedes.agency_id, supersedes.kind, supersedes.subject_kind, supersedes.subject_id)
    if same != (agency.pk, kind, subject.kind, subject.id):
        raise InvalidInput(_("A correction replaces a document of the same kind and subject."))
    if IssuedDocument.objects.filter(supersedes=supersedes).exists():
        raise RuleViolation(_("This document was already corrected; correct the latest version."))


def _record_issue(row: IssuedDocument, *, actor_user: User, subject: writer.Subject) -> None:
    data: dict[str, Any] = {
        "kind": row.kind,
        "number": row.number,
        "template": f"v{row.template.version}" if row.template else "default",
        "template_digest": f"sha256:{row.template_sha256}",
        "docx_digest": f"sha256:{row.docx_sha256}",
        "pdf_digest": f"sha256:{row.pdf_sha256}",
        "issued_on": row.issued_on.isoformat(),
    }
    if row.supersedes_id is not None:
        data["supersedes"] = row.supersedes_id
    writer.append(
        events.ISSUED.code,
        agency_id=row.agency_id,
        actor=actor_of(actor_user, on=row.issued_on),
        subject=subject,
        data=data,
    )


@transaction.atomic
def do_record_read(document: IssuedDocument, *, actor_user: User, fmt: str) -> None:
    """Record that an issued file was downloaded (who read what is part of the record)."""
    writer.append(
        events.READ.code,
        agency_id=document.agency_id,
        actor=actor_of(actor_user, on=clock.today()),
        subject=writer.Subject(document.subject_kind, document.subject_id),
        data={"document": document.pk, "format": fmt},
    )
