"""The 法制审核意见书 as an issued document (DOCX and PDF through the documents app): issued when a review is
concluded, in the conclusion's transaction, with the template of the agency in force that day (the
package's default unless the office uploaded its own); the documents app stores both files write-once and
records their digests in the log. Reads of the issued files for the review page. Never decides whether a
review may be concluded (the conclusion's checks do) and never writes a review row."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sanxiang.accounts.models import User
from sanxiang.documents import actions as document_actions
from sanxiang.documents.models import IssuedDocument
from sanxiang.documents.selectors import documents_of
from sanxiang.records.writer import Subject
from sanxiang.review.models import ReviewRequest
from sanxiang.review.opinion import opinion_context

KIND = "review_opinion"
SUBJECT_KIND = "review"
VERDICTS = {True: "符合", False: "不符合", None: "未审"}


def document_context(request: ReviewRequest, *, on: dt.date) -> dict[str, Any]:
    """The template's values: the opinion's context with the verdict words and the signed digest."""
    context = opinion_context(request)
    rows = [{**row, "verdict": VERDICTS[row["passed"]]} for row in context["rows"]]
    return {
        **context,
        "rows": rows,
        "agency_name": context["agency"],
        "qualification": context["qualification"] or "无",
        "opinion_digest": request.opinion_digest,
        "issued_on": on.isoformat(),
    }


def do_issue_opinion(request: ReviewRequest, *, actor_user: User, on: dt.date) -> IssuedDocument:
    """Issue the opinion of a concluded review (inside the conclusion's transaction, the request locked)."""
    return document_actions.check_issue_document(
        actor_user=actor_user,
        agency=request.agency,
        kind=KIND,
        number="",
        subject=Subject(SUBJECT_KIND, str(request.pk)),
        context=document_context(request, on=on),
        on=on,
    )


def opinion_document(request: ReviewRequest) -> IssuedDocument | None:
    return documents_of(SUBJECT_KIND, str(request.pk)).filter(kind=KIND).last()
