"""Drafts from decisions: the after-act listener creates one masked draft per party of a decision act, in
the act's transaction and with its record; other acts and unknown procedures create nothing; minors are
excluded (未成年人保护法 第72条); must-publish follows the rule (行政处罚法 第48条 第1款; DOMAIN R-PUB-09)."""

from __future__ import annotations

import datetime as dt

import pytest

from sanxiang.cases.engine.hooks import ActDone
from sanxiang.cases.tests import factories as party_factories
from sanxiang.cases.tests.case_factories import REGISTERED, YUAN, Desk, act, open_case
from sanxiang.core.errors import ConfigurationError
from sanxiang.publicity import drafts
from sanxiang.publicity.enums import ExclusionReason, PublicationKind, PublicationStatus
from sanxiang.publicity.masking import leaks
from sanxiang.publicity.models import Publication, PublicationRule
from sanxiang.publicity.tests.helpers import DECIDED, decided_penalty, draft_of
from sanxiang.records.selectors import timeline


def test_a_penalty_decision_creates_its_draft_due_in_7_working_days(desk: Desk) -> None:
    """118号 / R-PUB-07: decided Thu 2026-08-20, due Mon 2026-08-31; the 双公示 items are filled."""
    case = decided_penalty(desk)
    publication = draft_of(case)
    assert (publication.kind, publication.status) == (PublicationKind.PENALTY, PublicationStatus.DRAFT)
    assert publication.due_on == dt.date(2026, 8, 31)
    assert publication.must_publish
    items = publication.masked
    assert items["party_name"] == "山西某建设有限公司"
    assert items["credit_code"] == party_factories.COMPANY_USCC  # an organisation's code is public
    assert items["representative"] == "钱七"
    assert items["document_number"] == case.number
    assert items["content"].startswith("罚款人民币10000.00元")
    assert items["agency"] == desk.world.taiyuan.name
    assert publication.document.startswith("相对人名称：山西某建设有限公司\n")
    events = [item.event_type for item in timeline("publication", publication.pk)]
    assert events == ["publication.drafted"]


def test_acts_that_are_not_decisions_create_nothing(desk: Desk) -> None:
    act(desk, open_case(desk), "investigate", REGISTERED)
    assert not Publication.objects.exists()


def test_unknown_procedures_are_skipped(desk: Desk) -> None:
    case = open_case(desk)
    case.procedure_key = "not_a_procedure"
    drafts.on_act(ActDone(case, "decide", "notified", "decided", DECIDED, desk.world.officer_user))
    assert not Publication.objects.exists()


def test_a_persons_identity_number_phone_and_address_are_masked(desk: Desk) -> None:
    """R-PUB-11: the person's identity number, phone and address never reach the served document."""
    case = decided_penalty(
        desk, parties=[desk.person], facts="赵六（电话13800000000）在太原市小店区某街1号私建。"
    )
    publication = draft_of(case)
    assert publication.masked["credit_code"] == "1101**********002X"
    assert leaks(publication.document) == []
    assert "13800000000" not in publication.document
    assert "某街1号" not in publication.document
    assert "13800000000" in publication.items["facts"]  # the original is kept for the editor


def test_other_persons_of_the_case_are_third_parties(desk: Desk) -> None:
    other = party_factories.make_person(desk.world.taiyuan, "孙八", id_number=party_factories.OTHER_PERSON_ID)
    case = decided_penalty(desk, parties=[desk.company, other], facts="孙八目击山西某建设有限公司施工。")
    company = Publication.objects.get(case=case, party=desk.company)
    assert "孙某目击" in company.masked["facts"]
    assert Publication.objects.filter(case=case).count() == 2


def test_a_minor_party_is_excluded_with_the_reason(desk: Desk) -> None:
    """未成年人保护法 第72条: a minor's penalty is never published; the reason is recorded."""
    minor = party_factories.make_person(desk.world.taiyuan, "周九", id_number="140105201001010016")
    publication = draft_of(decided_penalty(desk, parties=[minor]))
    assert publication.status == PublicationStatus.EXCLUDED
    assert publication.exclusion == ExclusionReason.MINOR
    events = [item.event_type for item in timeline("publication", publication.pk)]
    assert events == ["publication.drafted", "publication.excluded"]


def test_simple_procedure_decisions_need_not_be_published(desk: Desk) -> None:
    """行政处罚法 第48条 第1款 / R-PUB-09: the default is false for 简易程序."""
    case = open_case(desk, procedure_key="penalty_simple", parties=[desk.person], proposed_fen=200 * YUAN)
    act(desk, case, "decide", REGISTERED, amount_fen=200 * YUAN)
    publication = draft_of(case)
    assert not publication.must_publish
    assert not publication.must_publish_default


def test_licence_granted_is_a_licence_publication(desk: Desk) -> None:
    """行政许可法 第40条 / R-PUB-14."""
    case = open_case(desk, matter=desk.licence, proposed_fen=None, on=dt.date(2026, 8, 3))
    for name in ("accept", "examine"):
        case = act(desk, case, name, dt.date(2026, 8, 4))
    case = act(desk, case, "grant", DECIDED)
    publication = draft_of(case)
    assert publication.kind == PublicationKind.LICENSE
    assert publication.masked["content"] == "准予人防工程拆除审批"
    assert publication.due_on == dt.date(2026, 8, 31)


def test_an_inspection_result_is_due_in_20_working_days(desk: Desk) -> None:
    """R-INS-03: results within 20 working days (2026-08-20 → 2026-09-17)."""
    case = open_case(desk, matter=desk.inspection, proposed_fen=None, on=dt.date(2026, 8, 3))
    for name in ("approve", "check"):
        case = act(desk, case, name, dt.date(2026, 8, 4))
    case = act(desk, case, "record_result", DECIDED, note="未发现问题。")
    publication = draft_of(case)
    assert publication.kind == PublicationKind.INSPECTION
    assert publication.masked["result"] == "未发现问题。"
    assert publication.due_on == dt.date(2026, 9, 17)


def test_an_agency_rule_from_its_effective_date_wins_over_the_default(desk: Desk) -> None:
    """Periods are data with effective dates: 太原 publishes penalties within 5 working days from 2026-08-01
    and a rule starting after the decision does not apply."""
    common = {"kind": "penalty", "display_months": 12, "basis": "太原市规定"}
    PublicationRule.objects.create(
        agency=desk.world.taiyuan, effective_from=dt.date(2026, 8, 1), due_working_days=5, **common
    )
    PublicationRule.objects.create(
        agency=desk.world.taiyuan, effective_from=dt.date(2026, 8, 21), due_working_days=2, **common
    )
    publication = draft_of(decided_penalty(desk))
    assert publication.due_on == dt.date(2026, 8, 27)
    assert publication.rule.basis == "太原市规定"


def test_without_any_rule_the_decision_is_refused(desk: Desk) -> None:
    PublicationRule.objects.all().delete()
    with pytest.raises(ConfigurationError):
        decided_penalty(desk)
