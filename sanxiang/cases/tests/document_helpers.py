"""Helpers for the document and service tests: a penalty case taken to a given step through the engine,
the text of a stored PDF, and row counts to assert that a refusal wrote nothing."""

from __future__ import annotations

import datetime as dt
import io

from pypdf import PdfReader

from sanxiang.cases.documents.actions import check_issue_case_document
from sanxiang.cases.models import Case, ServiceRecord
from sanxiang.cases.tests.case_factories import REGISTERED, YUAN, Desk, act, notify, open_case
from sanxiang.documents import storage
from sanxiang.documents.models import IssuedDocument
from sanxiang.records.models import PendingEntry

NOTIFIED = dt.date(2026, 8, 10)
DECIDED = dt.date(2026, 8, 20)


def examined_case(desk: Desk, **changes: object) -> Case:
    """A case examined on its registration day, with its 现场检查笔录 issued (the evidence 第59条 needs)."""
    case = open_case(desk, **changes)
    case = act(desk, case, "investigate", REGISTERED)
    check_issue_case_document(
        case, kind="inspection_record", actor_user=desk.world.officer_user, on=REGISTERED
    )
    return act(desk, case, "examine", REGISTERED)


def decided_case(desk: Desk, **changes: object) -> Case:
    case = notify(desk, examined_case(desk, **changes), NOTIFIED)
    return act(desk, case, "decide", DECIDED, amount_fen=10_000 * YUAN)


def pdf_text(document: IssuedDocument) -> str:
    reader = PdfReader(io.BytesIO(storage.read(document.pdf_key)))
    return "".join(page.extract_text() for page in reader.pages)


def counts() -> tuple[int, ...]:
    return (
        IssuedDocument.objects.count(),
        ServiceRecord.objects.count(),
        PendingEntry.objects.count(),
    )
