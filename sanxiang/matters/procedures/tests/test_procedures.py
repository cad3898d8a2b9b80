"""Every procedure is well-formed as data: registered, stages joined, every limit with its article and unit,
and the statutory numbers of the penalty and licensing laws as the laws state them. Pure: no database."""

from __future__ import annotations

import dataclasses

import pytest

from sanxiang.matters import procedures
from sanxiang.matters.procedures import DayUnit, LimitChange, LimitEffect, Procedure, Stage, Transition

KEYS = ["coercion", "fee", "inspection", "levy", "license", "penalty", "penalty_simple"]


def test_every_procedure_is_registered() -> None:
    assert [procedure.key for procedure in procedures.all_procedures()] == KEYS


@pytest.mark.parametrize("key", KEYS)
def test_each_procedure_is_well_formed(key: str) -> None:
    """register() validates: re-registering a copy under a new key passes its checks."""
    procedure = procedures.get(key)
    copy = dataclasses.replace(procedure, key=f"{key}_copy")
    try:
        assert procedures.register(copy) is copy
    finally:
        procedures._registry.pop(copy.key)


@pytest.mark.parametrize("key", KEYS)
def test_each_limit_names_its_article(key: str) -> None:
    for limit in procedures.get(key).limits:
        assert "第" in limit.basis
        assert limit.basis.endswith("条")
        assert limit.unit in set(DayUnit)


@pytest.mark.parametrize("key", KEYS)
def test_each_act_names_its_article(key: str) -> None:
    procedure = procedures.get(key)
    assert procedure.register_basis
    for transition in procedure.transitions:
        assert transition.basis, transition.act


@pytest.mark.parametrize(
    ("key", "code", "days", "unit", "basis"),
    [
        ("penalty", "decide", 90, DayUnit.CALENDAR, "行政处罚法 第60条"),
        ("penalty", "serve", 7, DayUnit.WORKING, "行政处罚法 第61条"),
        ("penalty", "pay", 15, DayUnit.CALENDAR, "行政处罚法 第67条"),
        ("license", "intake", 5, DayUnit.WORKING, "行政许可法 第32条"),
        ("license", "decide", 20, DayUnit.WORKING, "行政许可法 第42条"),
        ("license", "issue", 10, DayUnit.WORKING, "行政许可法 第44条"),
        ("coercion", "apply_court", 3, DayUnit.MONTH, "行政强制法 第53条"),
        ("coercion", "perform", 10, DayUnit.WORKING, "行政强制法 第54条, 第69条"),
        ("coercion", "court_accept", 5, DayUnit.WORKING, "行政强制法 第56条"),
        ("coercion", "court_rule", 7, DayUnit.WORKING, "行政强制法 第57条"),
    ],
)
def test_statutory_limits(key: str, code: str, days: int, unit: DayUnit, basis: str) -> None:
    limit = procedures.get(key).limit(code)
    assert (limit.days, limit.unit, limit.basis) == (days, unit, basis)


def test_licence_decision_extends_by_ten_working_days() -> None:
    """行政许可法 第42条: 20 working days, extendable by 10 with the head's approval."""
    assert procedures.get("license").limit("decide").extension_days == 10


def test_penalty_registration_starts_the_90_days_and_is_numbered() -> None:
    penalty = procedures.get("penalty")
    assert penalty.register_limits == (LimitChange("decide", LimitEffect.START),)
    assert penalty.number_code == "罚立"
    assert "within_limitation" in penalty.register_guards


def test_every_decision_needs_notification_and_review() -> None:
    """行政处罚法 第44条/第62条 and 第58条: each decide act carries the guards."""
    decides = [t for t in procedures.get("penalty").transitions if t.act == "decide"]
    assert decides
    for transition in decides:
        assert {"notified_before_decision", "legal_review_passed", "two_certified_officers"} <= set(
            transition.guards
        )


# (procedure, decision act, the article reserving it to the agency head)
DECISIONS = [
    ("penalty", "decide", "行政处罚法 第57条"),
    ("penalty", "decide_no_penalty", "行政处罚法 第57条"),
    ("license", "grant", "行政许可法 第38条"),
    ("license", "refuse", "行政许可法 第38条"),
    ("coercion", "apply_court", "行政强制法 第55条"),
]


@pytest.mark.parametrize(("key", "act", "basis"), DECISIONS)
def test_decisions_are_the_agency_heads_with_their_article(key: str, act: str, basis: str) -> None:
    """行政处罚法 第57条, 行政许可法 第38条, 行政强制法 第55条: the head decides; the guard enforces it."""
    found = [t for t in procedures.get(key).transitions if t.act == act]
    assert found
    for transition in found:
        assert (transition.role, transition.role_basis) == ("agency_head", basis)
        assert procedures.ROLE_GUARD in transition.guards


@pytest.mark.parametrize(
    ("key", "act"),
    [*((key, act) for key, act, _basis in DECISIONS), ("levy", "assess"), ("fee", "assess")],
)
def test_every_enforcement_decision_passes_the_legal_review_gate(key: str, act: str) -> None:
    """国办发〔2018〕118号 extends the review of major decisions to every enforcement type: each decision act
    carries the gate, and the procedure has the ``legal_review`` act on the stages it is taken from."""
    procedure = procedures.get(key)
    found = [t for t in procedure.transitions if t.act == act]
    assert found
    for transition in found:
        assert procedures.REVIEW_GUARD in transition.guards
        assert procedures.REVIEW_ACT in {t.act for t in procedure.acts_from(transition.source)} or (
            key == "penalty"  # the penalty's review has its own stage before the decision
        )


def test_simple_procedure_has_its_cap_guard() -> None:
    """行政处罚法 第51条: 200 yuan for individuals, 3,000 for organisations."""
    decide = procedures.get("penalty_simple").acts_from("found")[0]
    assert "simple_procedure_cap" in decide.guards


def _tiny(**changes: object) -> Procedure:
    base = Procedure(
        key="tiny",
        label="tiny",
        version="1",
        stages=(Stage("a", "a"), Stage("b", "b", terminal=True)),
        transitions=(Transition("go", "go", "a", "b", basis="x 第1条"),),
    )
    return dataclasses.replace(base, **changes)  # type: ignore[arg-type]  # test-only partial replace


@pytest.mark.parametrize(
    "changes",
    [
        {"transitions": (Transition("go", "go", "a", "nowhere"),)},
        {"stages": (Stage("a", "a"), Stage("b", "b"))},
        {"register_limits": (LimitChange("missing", LimitEffect.START),)},
        {"limits": (procedures.TimeLimit("x", "x", 5, DayUnit.WORKING, ""),)},
        # a role without its guard, a guard without a role, a role without its article
        {"transitions": (Transition("go", "go", "a", "b", role="agency_head", role_basis="x 第1条"),)},
        {"transitions": (Transition("go", "go", "a", "b", guards=(procedures.ROLE_GUARD,)),)},
        {"transitions": (Transition("go", "go", "a", "b", (procedures.ROLE_GUARD,), role="agency_head"),)},
    ],
)
def test_register_refuses_malformed(changes: dict[str, object]) -> None:
    with pytest.raises(ValueError, match="tiny"):
        procedures.register(_tiny(**changes))
    assert "tiny" not in procedures._registry


@pytest.mark.parametrize(
    ("key", "act", "av_step"),
    [
        ("penalty", "examine", "investigate"),  # closes 调查取证 (现场检查、勘验)
        ("penalty", "hearing", ""),
        ("penalty", "serve", ""),
        ("license", "examine", "verify"),  # 现场核查
        ("license", "hearing", ""),
        ("inspection", "check", "inspect"),  # 现场检查
        ("coercion", "serve_demand", ""),  # 催告
        ("levy", "serve_demand_note", ""),
    ],
)
def test_recorded_steps_carry_the_av_guard_r_rec_02(key: str, act: str, av_step: str) -> None:
    """R-REC-02 (国办发〔2018〕118号): on-site inspection, investigation, hearing, service and coercion
    close only as the AV-recording list allows; the list decides which of them need full recording."""
    transitions = [t for t in procedures.get(key).transitions if t.act == act]
    assert transitions
    for transition in transitions:
        assert "av_recorded" in transition.guards
        assert transition.av_step == av_step


@pytest.mark.parametrize(("key", "act"), [("inspection", "refer"), ("levy", "refer_enforcement")])
def test_referrals_happen_only_with_the_case_they_open(key: str, act: str) -> None:
    """行政处罚法 第54条, 行政强制法 第53条: the hand-over is one act with the opening of the next case."""
    (transition,) = [t for t in procedures.get(key).transitions if t.act == act]
    assert "opens_follow_up_case" in transition.guards
