"""Issuing a case's documents: the enter-once context, numbering (文号), the 第59条 content check, the
legal-review gate (行政处罚法 第58条), immutability and corrections."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterator

import pytest
from django.db import IntegrityError, transaction
from django.utils import translation

from conftest import World
from sanxiang.cases.documents import actions
from sanxiang.cases.documents.context import case_context
from sanxiang.cases.models import Case
from sanxiang.cases.tests.case_factories import YUAN, Desk, make_desk
from sanxiang.cases.tests.document_helpers import DECIDED, counts, decided_case, examined_case, pdf_text
from sanxiang.cases.tests.review_factories import publish_catalogue
from sanxiang.core import clock
from sanxiang.core.errors import InvalidInput, RuleViolation
from sanxiang.documents import storage
from sanxiang.documents.models import IssuedDocument
from sanxiang.records.models import PendingEntry

NOW = dt.datetime(2026, 9, 1, 9, tzinfo=dt.UTC)


@pytest.fixture(autouse=True)
def _frozen() -> Iterator[None]:
    with clock.frozen_now(NOW), translation.override("en"):
        yield


@pytest.fixture
def desk(world: World) -> Desk:
    return make_desk(world)


def _issue(desk: Desk, case: object, kind: str, on: dt.date = DECIDED) -> IssuedDocument:
    return actions.check_issue_case_document(
        case,  # type: ignore[arg-type]
        kind=kind,
        actor_user=desk.world.officer_user,
        on=on,
    )


def test_context_carries_what_the_case_entered_once(desk: Desk) -> None:
    case = decided_case(desk)
    context = case_context(case, on=DECIDED)
    assert context["party_name"] == desk.company.name
    assert context["party_identifier"] == desk.company.uscc
    assert context["facts"] == case.facts
    assert context["agency_name"] == desk.world.taiyuan.name
    assert "壹万元整" in context["penalty"]
    assert "《" in context["legal_bases"]
    assert context["issued_on"] == "2026年8月20日"
    assert "15日内" in context["performance"]  # the PAY limit of the procedure (行政处罚法 第67条)


def test_the_notice_states_the_hearing_right_only_above_the_threshold_article_63(desk: Desk) -> None:
    """行政处罚法 第63条: 20,000 yuan for a company is below the 100,000 threshold; 200,000 is not."""
    assert case_context(decided_case(desk), on=DECIDED)["hearing_right"] is False
    assert case_context(decided_case(desk, proposed_fen=200_000 * YUAN), on=DECIDED)["hearing_right"] is True


@pytest.mark.prints_pdf
def test_a_decision_is_numbered_rendered_and_its_digests_recorded(desk: Desk) -> None:
    """The decision receives the agency's 文号 and both files are stored under their SHA-256."""
    case = decided_case(desk)
    document = _issue(desk, case, "penalty_decision")
    assert document.number == f"{desk.world.taiyuan.document_prefix}罚决字〔2026〕1号"
    assert hashlib.sha256(storage.read(document.docx_key)).hexdigest() == document.docx_sha256
    assert hashlib.sha256(storage.read(document.pdf_key)).hexdigest() == document.pdf_sha256
    text = pdf_text(document)
    assert desk.company.name in text
    assert "行政处罚决定书" in text
    assert "六十日" in text
    assert "六个月" in text
    entry = PendingEntry.objects.filter(event_type="document.issued").latest("pk")
    assert f"sha256:{document.pdf_sha256}".encode() in entry.body
    assert f"sha256:{document.docx_sha256}".encode() in entry.body


def test_numbers_follow_each_other_per_kind(desk: Desk) -> None:
    case = decided_case(desk)  # its prior notice, served to notify, took 罚告字〔2026〕1号
    first = _issue(desk, case, "penalty_notice")
    second = _issue(desk, case, "penalty_decision")
    third = _issue(desk, case, "penalty_notice")
    assert first.number.endswith("罚告字〔2026〕2号")
    assert second.number.endswith("罚决字〔2026〕1号")
    assert third.number.endswith("罚告字〔2026〕3号")


def test_a_decision_before_the_decide_act_is_refused(desk: Desk) -> None:
    case = examined_case(desk)
    before = counts()
    with pytest.raises(RuleViolation, match="has not been recorded"):
        _issue(desk, case, "penalty_decision")
    assert counts() == before


def test_decision_waits_for_legal_review_article_58(desk: Desk) -> None:
    """行政处罚法 第58条: issuing the decision document passes the legal-review gate in its transaction. A
    major decision that reached the case without a passed review (here written behind the engine's back) is
    refused and nothing is issued."""
    case = decided_case(desk)
    publish_catalogue(desk)
    Case.objects.filter(pk=case.pk).update(decided_fen=60_000 * YUAN)
    case.refresh_from_db()
    before = counts()
    with pytest.raises(RuleViolation, match="Article 58"):
        _issue(desk, case, "penalty_decision")
    assert counts() == before


def test_decision_without_amount_is_refused_article_59(desk: Desk) -> None:
    """行政处罚法 第59条: every element of the decision must be filled in (here the kind of penalty)."""
    case = decided_case(desk, proposed_fen=None)
    case.decided_fen = None
    case.save(update_fields=["decided_fen"])
    before = counts()
    with pytest.raises(InvalidInput, match="Article 59"):
        _issue(desk, case, "penalty_decision")
    assert counts() == before


def test_a_kind_of_another_procedure_is_refused(desk: Desk) -> None:
    case = decided_case(desk)
    with pytest.raises(InvalidInput):
        _issue(desk, case, "license_grant")


def test_a_document_dated_in_the_future_is_refused(desk: Desk) -> None:
    case = decided_case(desk)
    with pytest.raises(InvalidInput):
        _issue(desk, case, "penalty_notice", on=dt.date(2026, 9, 2))


def test_an_issued_document_cannot_be_updated(desk: Desk) -> None:
    """Immutability is enforced by the database: an UPDATE of an issued document is refused."""
    document = _issue(desk, decided_case(desk), "penalty_notice")
    with pytest.raises(IntegrityError), transaction.atomic():
        IssuedDocument.objects.filter(pk=document.pk).update(number="改过的文号")


def test_a_correction_is_a_new_document_that_supersedes_the_old(desk: Desk) -> None:
    case = decided_case(desk)
    original = _issue(desk, case, "penalty_decision")
    correction = actions.check_issue_case_document(
        case, kind="penalty_decision", actor_user=desk.world.officer_user, on=DECIDED, supersedes=original
    )
    assert correction.supersedes == original
    assert correction.number != original.number
    with pytest.raises(RuleViolation):
        actions.check_issue_case_document(
            case, kind="penalty_decision", actor_user=desk.world.officer_user, on=DECIDED, supersedes=original
        )


def test_evidence_lists_the_case_records(desk: Desk) -> None:
    case = decided_case(desk)
    _issue(desk, case, "inspection_record")
    assert any("现场检查笔录" in item for item in case_context(case, on=DECIDED)["evidence"])


@pytest.mark.prints_pdf
def test_drafts_are_unnumbered_and_store_nothing(desk: Desk) -> None:
    case = decided_case(desk)
    before = counts()
    docx, printed = actions.render_draft(case, kind="penalty_decision", on=DECIDED)
    assert docx.startswith(b"PK")
    assert printed.startswith(b"%PDF")
    assert counts() == before


@pytest.mark.prints_pdf
def test_amount_in_words_reaches_the_document(desk: Desk) -> None:
    case = decided_case(desk)
    assert case.decided_fen == 10_000 * YUAN
    assert "壹万元整" in pdf_text(_issue(desk, case, "penalty_decision"))
