"""The 法制审核意见书 issued as DOCX and PDF when a review concludes (whatever the outcome): the files carry
the checklist, the outcome and the signed digest, their digests are in the log with the conclusion, a
refused conclusion issues nothing, and the files are downloaded from the review page by those who read the
review — the outsider of 大同 gets 404, the anonymous public is sent to log in."""

from __future__ import annotations

import hashlib
import io

import pytest
from django.test import Client
from docx import Document

from conftest import PASSWORD
from sanxiang.core.errors import InvalidInput
from sanxiang.documents.models import IssuedDocument
from sanxiang.records.selectors import timeline
from sanxiang.review import actions
from sanxiang.review.enums import ChecklistItem, Outcome
from sanxiang.review.models import ReviewRequest
from sanxiang.review.opinion_documents import opinion_document
from sanxiang.review.tests.conftest import SUBMITTED, Office, submit
from sanxiang.review.tests.factories import ALL_PASS

CONCLUDED = SUBMITTED.replace(day=26)


def _conclude(office: Office, outcome: str = Outcome.APPROVED) -> ReviewRequest:
    request = actions.check_assign_reviewer(
        submit(office), actor_user=office.head_user, reviewer=office.reviewer, on=SUBMITTED
    )
    answers = dict(ALL_PASS)
    if outcome != Outcome.APPROVED:
        answers[ChecklistItem.EVIDENCE.value] = {"passed": False, "comment": "缺少现场检查笔录"}
    return actions.check_conclude_review(
        request,
        actor_user=office.reviewer_user,
        outcome=outcome,
        answers=answers,
        opinion="经审核，同意。" if outcome == Outcome.APPROVED else "请补充现场检查笔录。",
        on=CONCLUDED,
    )


def _text(docx: bytes) -> str:
    return "\n".join(paragraph.text for paragraph in Document(io.BytesIO(docx)).paragraphs)


@pytest.mark.parametrize("outcome", [Outcome.APPROVED, Outcome.RETURNED])
def test_the_opinion_is_issued_when_the_review_concludes(office: Office, outcome: str) -> None:
    request = _conclude(office, outcome)
    document = opinion_document(request)
    assert document is not None
    assert (document.kind, document.title, document.issued_on) == (
        "review_opinion",
        "法制审核意见书",
        CONCLUDED,
    )
    client = Client()
    client.login(username="reviewer", password=PASSWORD)
    docx = client.get(f"/review/{request.pk}/opinion.docx").content
    text = _text(docx)
    assert "法制审核意见书" in text
    assert request.opinion_digest in text
    assert (
        "审核结论：同意" if outcome == Outcome.APPROVED else "证据是否合法充分：不符合（缺少现场检查笔录）"
    ) in text
    assert hashlib.sha256(docx).hexdigest() == document.docx_sha256


def test_the_digests_are_recorded_with_the_conclusion(office: Office) -> None:
    request = _conclude(office)
    document = opinion_document(request)
    assert document is not None
    entries = [item for item in timeline("review", request.pk) if item.event_type == "document.issued"]
    assert len(entries) == 1
    assert entries[0].data["pdf_digest"] == f"sha256:{document.pdf_sha256}"
    assert entries[0].data["docx_digest"] == f"sha256:{document.docx_sha256}"


def test_a_refused_conclusion_issues_nothing(office: Office) -> None:
    request = actions.check_assign_reviewer(
        submit(office), actor_user=office.head_user, reviewer=office.reviewer, on=SUBMITTED
    )
    with pytest.raises(InvalidInput):
        actions.check_conclude_review(
            request,
            actor_user=office.reviewer_user,
            outcome=Outcome.APPROVED,
            answers=ALL_PASS,
            opinion=" ",
            on=CONCLUDED,
        )
    assert not IssuedDocument.objects.exists()


@pytest.mark.prints_pdf
@pytest.mark.parametrize("username", ["reviewer", "head", "officer", "supervisor"])
def test_readers_of_the_review_download_both_files_and_the_read_is_recorded(
    office: Office, username: str
) -> None:
    request = _conclude(office)
    client = Client()
    client.login(username=username, password=PASSWORD)
    page = client.get(f"/review/{request.pk}/").content.decode()
    assert f"/review/{request.pk}/opinion.pdf" in page
    for fmt, media_type in (("pdf", "application/pdf"), ("docx", "application/vnd.openxmlformats")):
        response = client.get(f"/review/{request.pk}/opinion.{fmt}")
        assert response.status_code == 200
        assert response["Content-Type"].startswith(media_type)
    reads = [item for item in timeline("review", request.pk) if item.event_type == "document.read"]
    assert [item.data["format"] for item in reads] == ["pdf", "docx"]


def test_the_outsider_and_the_anonymous_public_get_no_file(office: Office) -> None:
    request = _conclude(office)
    outsider, anonymous = Client(), Client()
    outsider.login(username="outsider", password=PASSWORD)
    for fmt in ("pdf", "docx"):
        assert outsider.get(f"/review/{request.pk}/opinion.{fmt}").status_code == 404
        response = anonymous.get(f"/review/{request.pk}/opinion.{fmt}")
        assert (response.status_code, response["Location"].startswith("/accounts/login/")) == (302, True)
    assert not [item for item in timeline("review", request.pk) if item.event_type == "document.read"]


def test_an_open_review_has_no_file(office: Office) -> None:
    request = submit(office)
    client = Client()
    client.login(username="officer", password=PASSWORD)
    assert client.get(f"/review/{request.pk}/opinion.pdf").status_code == 404
    assert client.get(f"/review/{request.pk}/opinion.txt").status_code == 404
