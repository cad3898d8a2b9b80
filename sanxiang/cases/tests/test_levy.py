"""The 易地建设费 levy through the engine: assessment from the fee standard in force (人民防空法 第22条) with
only coded exemptions (中发〔2001〕9号), payment notice, arrears with the late charge capped at the principal
(行政强制法 第45条), referral to a coercion case opened only inside the court window (行政强制法 第53条),
the demand notice and its ten working days (第54条, 第69条), the court's limits (第56条, 第57条); and the
fee procedure."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator

import pytest
from django.utils import translation

from conftest import World
from sanxiang.cases import engine
from sanxiang.cases.documents.actions import check_issue_case_document
from sanxiang.cases.models import Assessment, Case, CaseLimit, Enforcement, LimitState
from sanxiang.cases.tests.case_factories import notify, serve_decision
from sanxiang.cases.tests.conftest import Snapshot
from sanxiang.cases.tests.levy_factories import (
    LATE_PER_10000,
    RATE_FEN,
    LevyDesk,
    act,
    make_levy_desk,
    open_levy,
    serve_demand,
    serve_payment_notice,
)
from sanxiang.core import clock
from sanxiang.core.errors import InvalidInput, RuleViolation
from sanxiang.records.selectors import timeline

NOW = dt.datetime(2027, 9, 30, 9, tzinfo=dt.UTC)
OPENED = dt.date(2026, 9, 1)
SERVED = dt.date(2026, 9, 3)  # the payment notice; 15 days to pay: 18 September
PAY_DUE = dt.date(2026, 9, 18)
AREA = 120_000  # 1,200.00 m²
PRINCIPAL = RATE_FEN * 1_200


@pytest.fixture(autouse=True)
def _frozen() -> Iterator[None]:
    with clock.frozen_now(NOW), translation.override("en"):
        yield


@pytest.fixture
def desk(world: World) -> LevyDesk:
    return make_levy_desk(world)


def _open(case: Case, code: str) -> CaseLimit:
    return CaseLimit.objects.get(case=case, code=code, state=LimitState.OPEN)


def _in_arrears(desk: LevyDesk) -> Case:
    case = act(desk, open_levy(desk, OPENED), "assess", dt.date(2026, 9, 2), area_centi=AREA)
    case = serve_payment_notice(desk, case, SERVED)
    return act(desk, case, "declare_arrears", dt.date(2026, 9, 21))


def _coercion(desk: LevyDesk, origin: Case, on: dt.date) -> Case:
    return engine.check_open_coercion(
        origin, actor_user=desk.world.officer_user, on=on, matter=desk.coercion, facts="逾期未缴易地建设费"
    )


def _late(days: int, rate: int = LATE_PER_10000, principal: int = PRINCIPAL) -> int:
    return min(principal * rate * days // 10_000, principal)


def test_levy_is_assessed_from_the_standard_in_force(desk: LevyDesk) -> None:
    """人民防空法 第22条: 易地建设费 = the rate of the published standard × the area; the record keeps
    both."""
    case = act(desk, open_levy(desk, OPENED), "assess", dt.date(2026, 9, 2), area_centi=AREA)
    assessment = Assessment.objects.get(case=case)
    assert (assessment.standard_code, assessment.rate_fen, assessment.amount_fen) == (
        "YD-01",
        RATE_FEN,
        PRINCIPAL,
    )
    assert "征" in case.number
    last = timeline("case", case.pk)[-1]
    assert last.data["facts"]["amount_fen"] == PRINCIPAL
    assert last.data["facts"]["rate_fen"] == RATE_FEN


def test_levy_without_a_standard_in_force_is_refused(world: World, counts: Callable[[], Snapshot]) -> None:
    """人民防空法 第22条: no rate typed in — without a fee-standards list in force the assessment is
    refused."""
    desk = make_levy_desk(world, fee_list=False)
    case = open_levy(desk, OPENED)
    before = counts()
    with pytest.raises(RuleViolation, match="Article 22"):
        act(desk, case, "assess", dt.date(2026, 9, 2), area_centi=AREA)
    assert counts() == before
    assert not Assessment.objects.exists()


def test_exemption_outside_the_coded_list_is_refused(desk: LevyDesk, counts: Callable[[], Snapshot]) -> None:
    """中发〔2001〕9号 第三部分第9条: no one may grant an exemption that is not on the coded list."""
    case = open_levy(desk, OPENED)
    before = counts()
    with pytest.raises(RuleViolation, match="coded list"):
        act(
            desk,
            case,
            "assess",
            dt.date(2026, 9, 2),
            area_centi=AREA,
            exempt_centi=AREA,
            exemption_code="招商引资",
            exemption_evidence="县政府会议纪要",
        )
    with pytest.raises(RuleViolation, match="coded list"):
        act(desk, case, "assess", dt.date(2026, 9, 2), area_centi=AREA, exempt_centi=1_000)
    assert counts() == before


def test_listed_exemption_needs_its_evidence(desk: LevyDesk) -> None:
    """中发〔2001〕9号: each exemption cites the evidence that the project qualifies."""
    case = open_levy(desk, OPENED)
    with pytest.raises(RuleViolation, match="evidence"):
        act(
            desk,
            case,
            "assess",
            dt.date(2026, 9, 2),
            area_centi=AREA,
            exempt_centi=20_000,
            exemption_code="JM-01",
        )


def test_listed_exemption_reduces_the_levy_by_its_area(desk: LevyDesk) -> None:
    """中发〔2001〕9号: 廉租住房 area (JM-01) is taken off before the rate applies."""
    case = act(
        desk,
        open_levy(desk, OPENED),
        "assess",
        dt.date(2026, 9, 2),
        area_centi=AREA,
        exempt_centi=20_000,
        exemption_code="JM-01",
        exemption_evidence="保障房认定文件",
    )
    assert Assessment.objects.get(case=case).amount_fen == RATE_FEN * 1_000


def test_wholly_exempt_levy_closes_without_a_payment_notice(desk: LevyDesk) -> None:
    """中发〔2001〕9号: nothing due — no payment notice (人民防空法 第22条), the case closes."""
    case = act(
        desk,
        open_levy(desk, OPENED),
        "assess",
        dt.date(2026, 9, 2),
        area_centi=AREA,
        exempt_centi=AREA,
        exemption_code="JM-01",
        exemption_evidence="保障房认定文件",
    )
    with pytest.raises(RuleViolation, match="Article 22"):
        serve_payment_notice(desk, case, SERVED)
    case = act(desk, case, "close_exempt", SERVED)
    assert (case.stage, case.closed_on) == ("closed", SERVED)


def test_amount_due_cannot_close_as_exempt(desk: LevyDesk) -> None:
    case = act(desk, open_levy(desk, OPENED), "assess", dt.date(2026, 9, 2), area_centi=AREA)
    with pytest.raises(RuleViolation, match="closes only after payment"):
        act(desk, case, "close_exempt", SERVED)


def test_payment_notice_starts_the_time_to_pay(desk: LevyDesk) -> None:
    case = act(desk, open_levy(desk, OPENED), "assess", dt.date(2026, 9, 2), area_centi=AREA)
    case = serve_payment_notice(desk, case, SERVED)
    assert _open(case, "pay").due_on == PAY_DUE


def test_payment_in_time_closes_the_levy(desk: LevyDesk) -> None:
    case = act(desk, open_levy(desk, OPENED), "assess", dt.date(2026, 9, 2), area_centi=AREA)
    case = serve_payment_notice(desk, case, SERVED)
    case = act(desk, case, "record_payment", PAY_DUE, amount_fen=PRINCIPAL)
    case = act(desk, case, "close", dt.date(2026, 9, 21))
    assessment = Assessment.objects.get(case=case)
    assert (assessment.paid_fen, assessment.late_fen, case.stage) == (PRINCIPAL, 0, "closed")


def test_arrears_only_after_the_last_day_to_pay(desk: LevyDesk) -> None:
    """行政强制法 第45条: the payer is in arrears, and owes the late charge, only after the last day."""
    case = act(desk, open_levy(desk, OPENED), "assess", dt.date(2026, 9, 2), area_centi=AREA)
    case = serve_payment_notice(desk, case, SERVED)
    with pytest.raises(RuleViolation, match="Article 45"):
        act(desk, case, "declare_arrears", PAY_DUE)
    case = act(desk, case, "declare_arrears", dt.date(2026, 9, 21))
    assert case.stage == "in_arrears"


def test_late_payment_must_cover_the_late_charge(desk: LevyDesk) -> None:
    """行政强制法 第45条: principal plus the late charge at the agency's rate, recorded with the payment."""
    case = _in_arrears(desk)
    on = dt.date(2026, 10, 8)  # 20 days late
    with pytest.raises(RuleViolation, match="Article 45"):
        act(desk, case, "record_payment", on, amount_fen=PRINCIPAL)
    case = act(desk, case, "record_payment", on, amount_fen=PRINCIPAL + _late(20))
    assert Assessment.objects.get(case=case).late_fen == _late(20) == 1_800_000


def test_levy_in_arrears_is_enforced_through_the_court_start_to_finish(desk: LevyDesk) -> None:
    """行政强制法 第53条: after the relief periods (复议 60 days, 诉讼 6 months from service) the office
    has three
    months to apply; 第35条/第54条 demand notice and ten working days; 第56条/第57条 the court's limits."""
    levy = _in_arrears(desk)
    case = _coercion(desk, levy, dt.date(2027, 3, 4))
    levy.refresh_from_db()
    assert levy.stage == "referred"
    assert (case.origin_id, case.stage, case.procedure_key) == (levy.pk, "opened", "coercion")
    enforcement = Enforcement.objects.get(case=case)
    assert (enforcement.principal_fen, enforcement.pay_due_on) == (PRINCIPAL, PAY_DUE)
    assert enforcement.relief_expires_on == dt.date(2027, 3, 3)
    assert _open(case, "apply_court").due_on == enforcement.apply_by == dt.date(2027, 6, 3)
    case = serve_demand(desk, case, dt.date(2027, 3, 5))
    assert _open(case, "perform").due_on == dt.date(2027, 3, 19)
    case = act(desk, case, "apply_court", dt.date(2027, 3, 19))
    enforcement.refresh_from_db()
    assert enforcement.applied_fen == PRINCIPAL + _late(182)
    assert _open(case, "court_accept").due_on == dt.date(2027, 3, 26)
    case = act(desk, case, "court_accept", dt.date(2027, 3, 24))
    assert _open(case, "court_rule").due_on == dt.date(2027, 4, 2)
    case = act(desk, case, "court_rule", dt.date(2027, 3, 31))
    case = act(desk, case, "court_execute", dt.date(2027, 4, 20), amount_fen=PRINCIPAL + _late(214))
    case = act(desk, case, "close", dt.date(2027, 4, 21))
    assert case.stage == "closed"
    assert not CaseLimit.objects.filter(case=case).exclude(state=LimitState.STOPPED).exists()
    events = [item.event_type for item in timeline("case", case.pk)]
    assert "case.enforcement_filed" in events


def test_coercion_before_the_relief_periods_run_out_is_refused(
    desk: LevyDesk, counts: Callable[[], Snapshot]
) -> None:
    """行政强制法 第53条: not before the 6 months of 行政诉讼法 第46条 have run out; nothing is kept, not even
    the levy's referral."""
    levy = _in_arrears(desk)
    before = counts()
    with pytest.raises(RuleViolation, match="Article 53"):
        _coercion(desk, levy, dt.date(2027, 3, 3))
    assert counts() == before
    levy.refresh_from_db()
    assert levy.stage == "in_arrears"
    assert not Enforcement.objects.exists()


def test_coercion_after_the_three_months_is_refused(desk: LevyDesk) -> None:
    """行政强制法 第53条: three months after the periods ran out the court can no longer be applied to."""
    with pytest.raises(RuleViolation, match="Article 53"):
        _coercion(desk, _in_arrears(desk), dt.date(2027, 6, 4))


def test_court_only_ten_working_days_after_the_demand_notice(desk: LevyDesk) -> None:
    """行政强制法 第54条 with 第69条: 催告书送达十日后 (working days) the application may be made."""
    case = serve_demand(desk, _coercion(desk, _in_arrears(desk), dt.date(2027, 3, 4)), dt.date(2027, 3, 5))
    with pytest.raises(RuleViolation, match="Articles 54 and 69"):
        act(desk, case, "apply_court", dt.date(2027, 3, 18))


def test_court_window_closes_even_after_the_demand(desk: LevyDesk) -> None:
    """行政强制法 第53条: the demand notice does not extend the three months."""
    case = serve_demand(desk, _coercion(desk, _in_arrears(desk), dt.date(2027, 5, 20)), dt.date(2027, 5, 21))
    with pytest.raises(RuleViolation, match="three months"):
        act(desk, case, "apply_court", dt.date(2027, 6, 8))


def test_party_paying_after_the_demand_ends_the_case(desk: LevyDesk) -> None:
    """行政强制法 第37条 (performance after the demand), with the late charge (第45条)."""
    case = serve_demand(desk, _coercion(desk, _in_arrears(desk), dt.date(2027, 3, 4)), dt.date(2027, 3, 5))
    with pytest.raises(RuleViolation, match="Article 45"):
        act(desk, case, "perform", dt.date(2027, 3, 10), amount_fen=PRINCIPAL)
    case = act(desk, case, "perform", dt.date(2027, 3, 10), amount_fen=PRINCIPAL + _late(173))
    case = act(desk, case, "close", dt.date(2027, 3, 11))
    assert case.stage == "closed"


def test_unpaid_fine_surcharge_is_three_percent_a_day_capped_at_the_fine(desk: LevyDesk) -> None:
    """行政处罚法 第72条: 3 % of the fine a day; 行政强制法 第45条: never more than the fine."""
    world = desk.world
    fine = 10_000 * 100
    penalty = engine.check_register_case(
        actor_user=world.officer_user,
        agency=world.taiyuan,
        matter=desk.penalty,
        parties=[desk.company],
        officers=[world.officer, world.colleague],
        violation_on=dt.date(2026, 7, 20),
        facts="侵占人民防空工程。",
        on=dt.date(2026, 8, 3),
        proposed_fen=fine,
    )
    for name, day, data in (
        ("investigate", dt.date(2026, 8, 4), {}),
        ("examine", dt.date(2026, 8, 10), {}),
        ("decide", dt.date(2026, 8, 31), {"amount_fen": fine}),
    ):
        if name == "decide":  # the notice and the decision are served through cases.service (第61条)
            penalty = notify(desk, penalty, dt.date(2026, 8, 11), served_on=dt.date(2026, 8, 12))
        penalty = act(desk, penalty, name, day, **data)
        if name == "investigate":  # the evidence the decision states (第59条)
            check_issue_case_document(
                penalty, kind="inspection_record", actor_user=world.officer_user, on=day
            )
    penalty = serve_decision(desk, penalty, SERVED)
    case = _coercion(desk, penalty, dt.date(2027, 3, 4))
    enforcement = Enforcement.objects.get(case=case)
    assert (enforcement.principal_fen, enforcement.late_per_10000) == (fine, 300)
    case = serve_demand(desk, case, dt.date(2027, 3, 5))
    case = act(desk, case, "apply_court", dt.date(2027, 3, 19))
    enforcement.refresh_from_db()
    assert enforcement.applied_fen == 2 * fine


def test_only_a_served_fine_or_levy_in_arrears_is_enforced(desk: LevyDesk) -> None:
    levy = act(desk, open_levy(desk, OPENED), "assess", dt.date(2026, 9, 2), area_centi=AREA)
    with pytest.raises(InvalidInput):
        _coercion(desk, levy, dt.date(2027, 3, 4))


def test_fee_runs_from_assessment_to_payment(desk: LevyDesk) -> None:
    """行政事业性收费: the same assessment from the list (rate × quantity) and payment with the late
    charge."""
    case = act(
        desk, open_levy(desk, OPENED, matter=desk.fee), "assess", dt.date(2026, 9, 2), area_centi=50_000
    )
    assert Assessment.objects.get(case=case).amount_fen == 200 * 500
    case = serve_payment_notice(desk, case, SERVED)
    case = act(desk, case, "declare_arrears", dt.date(2026, 9, 28))
    case = act(
        desk, case, "record_payment", dt.date(2026, 9, 28), amount_fen=100_000 + _late(10, principal=100_000)
    )
    case = act(desk, case, "close", dt.date(2026, 9, 29))
    assert case.stage == "closed"


@pytest.mark.prints_pdf
def test_the_levy_payment_notice_states_amount_period_and_late_charge(desk: LevyDesk) -> None:
    """缴款通知书: the assessed amount, the period to pay (15 days, the procedure's limit) and the agency's
    late-charge standard, told to the payer (行政强制法 第45条); never a 罚款."""
    from sanxiang.cases.tests.document_helpers import pdf_text

    case = act(desk, open_levy(desk, OPENED), "assess", dt.date(2026, 9, 2), area_centi=AREA)
    notice = check_issue_case_document(
        case, kind="payment_notice", actor_user=desk.world.officer_user, on=dt.date(2026, 9, 2)
    )
    text = pdf_text(notice).replace("\n", "")
    assert "1,800,000.00" in text or "1800000" in text
    assert "15日内" in text
    assert "万分之5" in text
    assert "第四十五条" in text
    assert "罚款" not in text
