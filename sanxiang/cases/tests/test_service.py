"""Service (送达) of a case's documents: each method's rule (民事诉讼法 第87–95条 as applied by 行政处罚法
第61条), the 送达回证, the act the service completes and the limits it drives, refusals writing nothing."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from django.utils import translation

from conftest import World
from sanxiang.cases import actions as party_actions
from sanxiang.cases.documents.actions import check_issue_case_document
from sanxiang.cases.models import Case, CaseLimit, LimitState, ServiceRecord
from sanxiang.cases.service import rules
from sanxiang.cases.service.actions import (
    ServiceEntry,
    check_attach_signed_receipt,
    check_complete_deemed_service,
    check_record_service,
)
from sanxiang.cases.tests.case_factories import Desk, make_desk
from sanxiang.cases.tests.document_helpers import DECIDED, counts, decided_case, pdf_text
from sanxiang.core import clock
from sanxiang.core.errors import InvalidInput, RuleViolation
from sanxiang.documents.models import IssuedDocument
from sanxiang.records import writer

NOW = dt.datetime(2026, 9, 1, 9, tzinfo=dt.UTC)
SERVED = dt.date(2026, 8, 24)  # a Monday


@pytest.fixture(autouse=True)
def _frozen() -> Iterator[None]:
    with clock.frozen_now(NOW), translation.override("en"):
        yield


@pytest.fixture
def desk(world: World) -> Desk:
    return make_desk(world)


@pytest.fixture
def decision(desk: Desk) -> IssuedDocument:
    case = decided_case(desk)
    return check_issue_case_document(
        case, kind="penalty_decision", actor_user=desk.world.officer_user, on=DECIDED
    )


def _serve(desk: Desk, document: IssuedDocument, **entry: object) -> ServiceRecord:
    case = Case.objects.get(pk=int(document.subject_id))
    values: dict[str, object] = {"method": "direct", "served": True, "served_on": SERVED, "recipient": "王某"}
    values.update(entry)
    return check_record_service(
        case,
        document=document,
        actor_user=desk.world.officer_user,
        entry=ServiceEntry(**values),  # type: ignore[arg-type]
    )


def _refused(
    desk: Desk, document: IssuedDocument, error: type[Exception], match: str, **entry: object
) -> None:
    before = counts()
    with pytest.raises(error, match=match):
        _serve(desk, document, **entry)
    assert counts() == before


def test_direct_service_serves_the_decision_and_starts_15_days_to_pay(
    desk: Desk, decision: IssuedDocument
) -> None:
    """行政处罚法 第61条, 第67条: the service date stops the service limit and starts the payment limit."""
    record = _serve(desk, decision)
    case = Case.objects.get(pk=record.case_id)
    assert case.stage == "served"
    assert record.act_performed
    pay = CaseLimit.objects.get(case=case, code="pay", state=LimitState.OPEN)
    assert pay.started_on == SERVED
    assert pay.due_on == dt.date(2026, 9, 8)
    assert CaseLimit.objects.get(case=case, code="serve").stopped_on == SERVED


@pytest.mark.prints_pdf
def test_a_served_attempt_generates_the_service_receipt(desk: Desk, decision: IssuedDocument) -> None:
    """民事诉讼法 第87条: the 送达回证 names the document served and the method."""
    record = _serve(desk, decision)
    assert record.receipt is not None
    assert record.receipt.kind == "service_receipt"
    text = pdf_text(record.receipt)
    assert decision.number in text
    assert "直接送达" in text or "Direct service" in text


def test_direct_service_names_who_signed_articles_87_88(desk: Desk, decision: IssuedDocument) -> None:
    _refused(desk, decision, RuleViolation, "Articles 87 and 88", recipient="")


def test_lodged_service_needs_witnesses_or_recording_article_89(desk: Desk, decision: IssuedDocument) -> None:
    _refused(desk, decision, RuleViolation, "Article 89", method="lodged", refusal_reason="拒绝签收")
    _refused(desk, decision, RuleViolation, "Article 89", method="lodged", witnesses="社区主任刘某")
    record = _serve(desk, decision, method="lodged", refusal_reason="拒绝签收", av_recorded=True)
    assert record.served_on == SERVED


def test_electronic_service_without_consent_is_refused_article_61(
    desk: Desk, decision: IssuedDocument
) -> None:
    """行政处罚法 第61条 第2款: electronic service only with the party's signed consent on file."""
    _refused(desk, decision, RuleViolation, "Article 61", method="electronic")


def test_electronic_service_with_consent_on_file(desk: Desk, decision: IssuedDocument) -> None:
    party_actions.check_record_service_consent(
        actor=writer.SYSTEM,
        party=desk.company,
        consent=True,
        electronic_address="legal@example.cn",
        signed_on=dt.date(2026, 8, 1),
        document_digest="sha256:" + "a" * 64,
    )
    assert _serve(desk, decision, method="electronic").served_on == SERVED


def test_consent_signed_after_the_service_does_not_count(desk: Desk, decision: IssuedDocument) -> None:
    party_actions.check_record_service_consent(
        actor=writer.SYSTEM,
        party=desk.company,
        consent=True,
        electronic_address="legal@example.cn",
        signed_on=dt.date(2026, 8, 30),
        document_digest="sha256:" + "a" * 64,
    )
    _refused(desk, decision, RuleViolation, "Article 61", method="electronic")


def test_mail_needs_the_tracking_number_article_91(desk: Desk, decision: IssuedDocument) -> None:
    _refused(desk, decision, RuleViolation, "Article 91", method="mail")
    assert _serve(desk, decision, method="mail", tracking_number="EMS1234567890").served_on == SERVED


def test_public_notice_before_other_methods_fail_is_refused_article_95(
    desk: Desk, decision: IssuedDocument
) -> None:
    """民事诉讼法 第95条: 公告送达 only when the whereabouts are unknown or the other methods failed."""
    _refused(desk, decision, RuleViolation, "Article 95", method="public_notice", published_on=SERVED)


def test_public_notice_is_deemed_served_30_days_after_publication_article_95(
    desk: Desk, decision: IssuedDocument
) -> None:
    _serve(desk, decision, served=False, served_on=None, note="查无此人")
    record = _serve(desk, decision, method="public_notice", served_on=None, published_on=SERVED)
    assert record.served_on == SERVED + dt.timedelta(days=30)
    assert not record.act_performed  # deemed served only on 23 September
    assert record.receipt is None
    with pytest.raises(RuleViolation, match="Article 95"):
        check_complete_deemed_service(record, actor_user=desk.world.officer_user)
    with clock.frozen_now(dt.datetime(2026, 9, 23, 9, tzinfo=dt.UTC)):
        check_complete_deemed_service(record, actor_user=desk.world.officer_user)
    case = Case.objects.get(pk=record.case_id)
    assert case.stage == "served"
    assert CaseLimit.objects.get(case=case, code="pay", state=LimitState.OPEN).started_on == record.served_on


def test_public_notice_when_whereabouts_unknown(desk: Desk, decision: IssuedDocument) -> None:
    record = _serve(desk, decision, method="public_notice", published_on=SERVED, whereabouts_unknown=True)
    assert record.served_on == rules.deemed_served_on(SERVED)


def test_a_failed_attempt_moves_nothing(desk: Desk, decision: IssuedDocument) -> None:
    record = _serve(desk, decision, served=False, served_on=None, recipient="")
    assert record.served_on is None
    assert record.receipt is None
    assert Case.objects.get(pk=record.case_id).stage == "decided"


def test_service_before_the_issue_is_refused(desk: Desk, decision: IssuedDocument) -> None:
    _refused(desk, decision, InvalidInput, "between", served_on=dt.date(2026, 8, 19))


def test_serving_the_prior_notice_performs_the_notification_article_44(desk: Desk) -> None:
    """行政处罚法 第44条: the prior notice's service date is the case's notification date."""
    from sanxiang.cases.tests.document_helpers import examined_case

    case = examined_case(desk)
    notice = check_issue_case_document(
        case, kind="penalty_notice", actor_user=desk.world.officer_user, on=dt.date(2026, 8, 5)
    )
    _serve(desk, notice, served_on=dt.date(2026, 8, 6))
    case.refresh_from_db()
    assert case.stage == "notified"
    assert case.notice_served_on == dt.date(2026, 8, 6)


def test_records_are_not_served(desk: Desk, decision: IssuedDocument) -> None:
    record = IssuedDocument.objects.get(kind="inspection_record", subject_id=decision.subject_id)
    _refused(desk, record, InvalidInput, "notices and decisions")


def test_the_signed_receipt_scan_is_attached_once(desk: Desk, decision: IssuedDocument) -> None:
    record = _serve(desk, decision)
    with pytest.raises(InvalidInput):
        check_attach_signed_receipt(record, actor_user=desk.world.officer_user, content=b"not a scan")
    record = check_attach_signed_receipt(
        record, actor_user=desk.world.officer_user, content=b"%PDF-1.7 signed receipt"
    )
    assert len(record.scan_sha256) == 64
    with pytest.raises(RuleViolation):
        check_attach_signed_receipt(record, actor_user=desk.world.officer_user, content=b"%PDF-1.7 again")
