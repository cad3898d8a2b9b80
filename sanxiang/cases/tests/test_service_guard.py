"""Only the service (送达) performs the notification and the decision's service (行政处罚法 第44条, 第61条;
民事诉讼法 第87条): the generic act form and a bare engine call are refused with the rule's article and write
nothing; a service record of another document, a failed attempt or a record already used does not open the
gate; the procedure tables and the served-acts data agree."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from conftest import World
from sanxiang.cases import engine
from sanxiang.cases.documents.actions import check_issue_case_document
from sanxiang.cases.engine.service_guard import SERVICE_RECORD
from sanxiang.cases.models import Case, CaseAct, ServiceRecord
from sanxiang.cases.service.actions import ServiceEntry, check_record_service
from sanxiang.cases.tests.case_factories import Desk, make_desk, notify, serve_decision
from sanxiang.cases.tests.conftest import _counts
from sanxiang.cases.tests.document_helpers import DECIDED, NOTIFIED, counts, decided_case, examined_case
from sanxiang.core import clock
from sanxiang.core.errors import RuleViolation
from sanxiang.documents import kinds
from sanxiang.documents.models import IssuedDocument
from sanxiang.matters import procedures
from sanxiang.matters.procedures.served import GUARD, SERVED_ACTS, served_act

NOW = dt.datetime(2026, 9, 1, 9, tzinfo=dt.UTC)
SERVED = dt.date(2026, 8, 24)


@pytest.fixture(autouse=True)
def _frozen() -> Iterator[None]:
    with clock.frozen_now(NOW), translation.override("en"):
        yield


@pytest.fixture
def desk(world: World) -> Desk:
    return make_desk(world)


def _everything() -> tuple[int, ...]:
    return (*_counts(), *counts())


def _engine_refuses(desk: Desk, case: Case, act: str, on: dt.date, **data: object) -> str:
    before = _everything()
    with pytest.raises(RuleViolation) as refused:
        engine.check_perform_act(case, act=act, actor_user=desk.world.officer_user, on=on, data=data)
    assert _everything() == before
    assert Case.objects.get(pk=case.pk).stage == case.stage
    return str(refused.value)


def test_article_61_a_direct_engine_call_cannot_notify(desk: Desk) -> None:
    """The notification is the service of the 行政处罚事先告知书 (第44条, 第61条), not an entry."""
    case = examined_case(desk)
    message = _engine_refuses(desk, case, "notify", NOTIFIED, served_on=NOTIFIED)
    assert "行政处罚法 第44条, 第61条" in message
    assert "行政处罚事先告知书" in message


def test_article_61_a_direct_engine_call_cannot_serve_the_decision(desk: Desk) -> None:
    case = decided_case(desk)
    check_issue_case_document(case, kind="penalty_decision", actor_user=desk.world.officer_user, on=DECIDED)
    message = _engine_refuses(desk, case, "serve", SERVED)
    assert "行政处罚法 第61条" in message
    assert "行政处罚决定书" in message


def test_a_service_record_of_another_document_does_not_serve_the_decision(desk: Desk) -> None:
    """The notice's service record cannot stand for the decision's service (民事诉讼法 第87条)."""
    case = decided_case(desk)
    check_issue_case_document(case, kind="penalty_decision", actor_user=desk.world.officer_user, on=DECIDED)
    notice_service = ServiceRecord.objects.get(case=case, document__kind="penalty_notice")
    _engine_refuses(desk, case, "serve", DECIDED, **{SERVICE_RECORD: notice_service.pk})


def test_a_used_or_failed_service_record_does_not_open_the_gate(desk: Desk) -> None:
    case = decided_case(desk)
    decision = check_issue_case_document(
        case, kind="penalty_decision", actor_user=desk.world.officer_user, on=DECIDED
    )
    failed = check_record_service(
        case,
        document=decision,
        actor_user=desk.world.officer_user,
        entry=ServiceEntry(method="direct", served=False, note="无人"),
    )
    _engine_refuses(desk, case, "serve", SERVED, **{SERVICE_RECORD: failed.pk})
    notice_service = ServiceRecord.objects.get(case=case, document__kind="penalty_notice")
    assert notice_service.act_performed
    served = serve_decision(desk, case, SERVED)
    assert served.stage == "served"
    record = ServiceRecord.objects.get(case=case, document=decision, outcome="served")
    assert record.act_performed
    assert CaseAct.objects.get(case=case, act="serve").acted_on == SERVED


def test_the_service_performs_the_act_dated_the_service_day(desk: Desk) -> None:
    """第61条: the notice issued on 10 August and served on 12 August notifies on 12 August."""
    case = notify(desk, examined_case(desk), NOTIFIED, served_on=dt.date(2026, 8, 12))
    assert case.stage == "notified"
    assert case.notice_served_on == dt.date(2026, 8, 12)
    assert CaseAct.objects.get(case=case, act="notify").acted_on == dt.date(2026, 8, 12)


@pytest.mark.parametrize("act", ["notify", "serve"])
def test_the_act_form_refuses_the_acts_only_service_performs(
    client: Client, world: World, desk: Desk, act: str
) -> None:
    """The generic act form cannot notify nor serve: refused with the rule, nothing written."""
    case = examined_case(desk) if act == "notify" else decided_case(desk)
    if act == "serve":
        check_issue_case_document(case, kind="penalty_decision", actor_user=world.officer_user, on=DECIDED)
    client.force_login(world.officer_user)
    before = _everything()
    response = client.post(reverse("cases:case_act", args=[case.pk]), {"act": act, "on": "2026-08-25"})
    assert response.status_code == 400
    assert "第61条; 民事诉讼法 第87条" in response.content.decode()  # the articles the refusal names
    assert _everything() == before
    assert Case.objects.get(pk=case.pk).stage == case.stage


def test_every_act_the_tables_reserve_for_service_is_listed_with_its_document() -> None:
    """The guard named in the procedure tables and the served-acts data agree, each act's document is a
    kind of the procedure, and the guard is implemented by the engine."""
    guarded = {
        (procedure.key, transition.act)
        for procedure in procedures.all_procedures()
        for transition in procedure.transitions
        if GUARD in transition.guards
    }
    assert guarded == {(served.procedure, served.act) for served in SERVED_ACTS}
    assert {("penalty", "notify"), ("penalty", "serve"), ("levy", "serve_demand_note")} <= guarded
    assert {("fee", "serve_demand_note"), ("coercion", "serve_demand")} <= guarded
    for served in SERVED_ACTS:
        assert served.procedure in kinds.get(served.document).procedures
        assert "民事诉讼法 第87条" in served.basis  # service follows the Civil Procedure Law
    assert GUARD in engine.GUARDS
    assert served_act("penalty", "decide") is None


def test_the_next_acts_explain_that_the_notice_is_served(client: Client, world: World, desk: Desk) -> None:
    """The case page's next acts name the service as the way to notify (enter once, 第61条)."""
    case = examined_case(desk)
    client.force_login(world.officer_user)
    page = client.get(reverse("cases:case_detail", args=[case.pk])).content.decode()
    assert "行政处罚法 第44条, 第61条; 民事诉讼法 第87条" in page


def test_issued_document_is_needed_before_its_service(desk: Desk) -> None:
    """No notice issued: nothing to serve, the case stays examined."""
    case = examined_case(desk)
    assert not IssuedDocument.objects.filter(kind="penalty_notice", subject_id=str(case.pk)).exists()
    assert Case.objects.get(pk=case.pk).stage == "examined"
