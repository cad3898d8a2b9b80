"""Only the service (送达) performs the service of a levy's or fee's payment notice (缴款通知书, 人民防空法
第22条) and the demand of a coercion case (催告书, 行政强制法 第35条, 第38条: served as the Civil Procedure
Law provides, 民事诉讼法 第87条): a bare engine call and the generic act form are refused with the article and
write nothing; the service issues its 送达回证 and its date starts the days to pay and the ten working days
of the demand."""

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
from sanxiang.cases.engine import levy_facts
from sanxiang.cases.models import Case, CaseAct, CaseLimit, Enforcement, LimitState, ServiceRecord
from sanxiang.cases.tests.conftest import _counts
from sanxiang.cases.tests.document_helpers import counts
from sanxiang.cases.tests.levy_factories import (
    LevyDesk,
    act,
    make_levy_desk,
    open_levy,
    serve_demand,
    serve_payment_notice,
)
from sanxiang.core import clock
from sanxiang.core.errors import RuleViolation
from sanxiang.documents.models import IssuedDocument

NOW = dt.datetime(2027, 9, 30, 9, tzinfo=dt.UTC)
OPENED = dt.date(2026, 9, 1)
ISSUED = dt.date(2026, 9, 2)
SERVED = dt.date(2026, 9, 3)  # 15 days to pay from the service: 18 September
AREA = 120_000


@pytest.fixture(autouse=True)
def _frozen() -> Iterator[None]:
    with clock.frozen_now(NOW), translation.override("en"):
        yield


@pytest.fixture
def desk(world: World) -> LevyDesk:
    return make_levy_desk(world)


def _everything() -> tuple[int, ...]:
    return (*_counts(), *counts())


def _assessed(desk: LevyDesk, *, fee: bool = False) -> Case:
    case = open_levy(desk, OPENED, matter=desk.fee if fee else None)
    return act(desk, case, "assess", ISSUED, area_centi=AREA)


def _coercion(desk: LevyDesk) -> Case:
    levy = serve_payment_notice(desk, _assessed(desk), SERVED)
    levy = act(desk, levy, "declare_arrears", dt.date(2026, 9, 21))
    return engine.check_open_coercion(
        levy, actor_user=desk.world.officer_user, on=dt.date(2027, 3, 4), matter=desk.coercion, facts="欠缴"
    )


def _engine_refuses(desk: LevyDesk, case: Case, name: str, on: dt.date) -> str:
    before = _everything()
    with pytest.raises(RuleViolation) as refused:
        act(desk, case, name, on)
    assert _everything() == before
    assert Case.objects.get(pk=case.pk).stage == case.stage
    return str(refused.value)


@pytest.mark.parametrize("fee", [False, True])
def test_a_direct_engine_call_cannot_serve_the_payment_notice(desk: LevyDesk, fee: bool) -> None:
    """The payment notice is served as a document (民事诉讼法 第87条), never entered as an act."""
    case = _assessed(desk, fee=fee)
    check_issue_case_document(case, kind="payment_notice", actor_user=desk.world.officer_user, on=ISSUED)
    message = _engine_refuses(desk, case, "serve_demand_note", SERVED)
    assert "缴款通知书" in message
    assert "民事诉讼法 第87条" in message
    assert ("行政事业性收费标准管理办法" if fee else "人民防空法 第22条") in message
    assert not CaseLimit.objects.filter(case=case, code="pay").exists()


def test_a_direct_engine_call_cannot_serve_the_demand_notice(desk: LevyDesk) -> None:
    """行政强制法 第38条: the 催告书 is served as the Civil Procedure Law provides."""
    case = _coercion(desk)
    check_issue_case_document(
        case, kind="demand_notice", actor_user=desk.world.officer_user, on=dt.date(2027, 3, 4)
    )
    message = _engine_refuses(desk, case, "serve_demand", dt.date(2027, 3, 5))
    assert "催告书" in message
    assert "行政强制法 第35条, 第38条; 民事诉讼法 第87条" in message
    assert Enforcement.objects.get(case=case).demand_served_on is None
    assert not CaseLimit.objects.filter(case=case, code="perform").exists()


@pytest.mark.parametrize(
    ("name", "article"),
    [
        ("serve_demand_note", "人民防空法 第22条; 民事诉讼法 第87条"),
        ("serve_demand", "行政强制法 第35条, 第38条"),
    ],
)
def test_the_act_form_refuses_the_services(
    client: Client, world: World, desk: LevyDesk, name: str, article: str
) -> None:
    """The generic act form cannot serve a payment notice nor a demand: refused, nothing written."""
    case = _assessed(desk) if name == "serve_demand_note" else _coercion(desk)
    client.force_login(world.officer_user)
    before = _everything()
    response = client.post(reverse("cases:case_act", args=[case.pk]), {"act": name, "on": "2027-03-05"})
    assert response.status_code == 400
    assert article in response.content.decode()
    assert _everything() == before
    assert Case.objects.get(pk=case.pk).stage == case.stage


def test_the_service_of_the_payment_notice_starts_the_days_to_pay(desk: LevyDesk) -> None:
    """Issued on 2 September, served on 3 September: the act and the 15 days run from the service day,
    and the 送达回证 is issued on the levy case."""
    case = _assessed(desk)
    check_issue_case_document(case, kind="payment_notice", actor_user=desk.world.officer_user, on=ISSUED)
    case = serve_payment_notice(desk, case, SERVED)
    assert case.stage == "demanded"
    assert CaseAct.objects.get(case=case, act="serve_demand_note").acted_on == SERVED
    assert levy_facts.served_on(case) == SERVED
    limit = CaseLimit.objects.get(case=case, code="pay", state=LimitState.OPEN)
    assert (limit.started_on, limit.due_on) == (SERVED, dt.date(2026, 9, 18))
    record = ServiceRecord.objects.get(case=case)
    assert record.act_performed
    assert record.receipt is not None
    assert record.receipt.kind == "service_receipt"


def test_the_demand_notice_is_issued_and_served_on_the_coercion_case(desk: LevyDesk) -> None:
    """行政强制法 第35条 (三): the 催告书 states the amount owed; its service dates the demand and starts the
    ten working days (第54条, 第69条); the application (第55条) follows that service."""
    case = _coercion(desk)
    with pytest.raises(RuleViolation, match="Serve the demand notice"):
        check_issue_case_document(
            case, kind="enforcement_application", actor_user=desk.world.officer_user, on=dt.date(2027, 3, 4)
        )
    case = serve_demand(desk, case, dt.date(2027, 3, 5))
    notice = IssuedDocument.objects.get(subject_id=str(case.pk), kind="demand_notice")
    assert notice.number
    assert case.stage == "demanded"
    assert Enforcement.objects.get(case=case).demand_served_on == dt.date(2027, 3, 5)
    assert CaseLimit.objects.get(case=case, code="perform").due_on == dt.date(2027, 3, 19)
    record = ServiceRecord.objects.get(case=case)
    assert record.act_performed
    assert record.receipt is not None
