"""Demo licensing, inspection, levy and coercion cases of 太原, run through the case engine day by day
with the
penalty cases of ``demo.cases``: applications at several stages (one past its 20 working days), an inspection
referred into a penalty case, 易地建设费 levies paid, awaiting payment (overdue) and in arrears, one
referred for
enforcement and before the court, and an unpaid fine whose 加处罚款 is being enforced. Each plan is a list of
(days before today, what to do); the loader sorts every step by day. Data only plus the calls; never writes
outside the engine's actions.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from sanxiang.cases import engine
from sanxiang.cases.models import Case
from sanxiang.demo import documents as demo_documents
from sanxiang.demo.cases import MARK, YUAN, Desk, perform_act
from sanxiang.matters.enums import ListKind
from sanxiang.matters.models import Matter
from sanxiang.matters.selectors import version_in_force

Step = tuple[dt.date, Callable[[], None]]
# (facts, matter code, days ago registered, [(days ago, act, data)]); "refer" and "coerce:<matter>" are the
# referral of an inspection and the opening of a coercion case (the next plan then acts on the new case).
Plan = tuple[str, str, int, list[tuple[int, str, dict[str, Any]]]]

PLANS: list[Plan] = [
    ("拆除人防工程申请，已受理待审查", "XK-03", 12, [(10, "accept", {})]),
    ("易地建设审批，已现场核查", "XK-02", 20, [(18, "accept", {}), (8, "examine", {})]),
    ("结建审批，超过二十个工作日未决定（逾期）", "XK-01", 45, [(44, "accept", {}), (35, "examine", {})]),
    (
        "拆除人防通信设施申请，已发证",
        "XK-05",
        60,
        [(58, "accept", {}), (50, "examine", {}), (45, "grant", {}), (42, "issue", {})],
    ),
    ("年度双随机检查，已批准待检查", "JC-01", 5, [(3, "approve", {})]),
    (
        "双随机检查发现侵占人防工程，移送立案",
        "JC-01",
        70,
        [(68, "approve", {}), (60, "check", {}), (59, "record_result", {}), (58, "refer:CF-03", {})],
    ),
    (
        "易地建设费已缴清结案",
        "ZS-01",
        40,
        [
            (38, "assess", {"area_centi": 42_000}),
            (35, "serve_demand_note", {}),
            (25, "pay", {}),
            (24, "close", {}),
        ],
    ),
    ("易地建设费已核定待送达缴款通知书", "ZS-01", 6, [(4, "assess", {"area_centi": 18_050})]),
    (
        "缴款期限已过仍未缴纳（逾期）",
        "ZS-01",
        25,
        [(24, "assess", {"area_centi": 26_000}), (20, "serve_demand_note", {})],
    ),
    (
        "易地建设费欠缴，已认定逾期",
        "ZS-01",
        50,
        [(48, "assess", {"area_centi": 31_500}), (45, "serve_demand_note", {}), (28, "declare_arrears", {})],
    ),
    (
        "易地建设费欠缴，已申请人民法院强制执行",
        "ZS-01",
        300,
        [
            (298, "assess", {"area_centi": 85_000}),
            (295, "serve_demand_note", {}),
            (270, "declare_arrears", {}),
            (100, "coerce:QZ-02", {}),
            (98, "serve_demand", {}),
            # 申请人民法院强制执行 is a major decision of the Shanxi catalogue (FS-08): reviewed first
            (80, "review.submit", {}),
            (79, "review.assign", {}),
            (77, "review.conclude", {"outcome": "approved"}),
            (75, "apply_court", {}),
            (72, "court_accept", {}),
            (65, "court_rule", {}),
        ],
    ),
    (
        "罚款逾期未缴，加处罚款并催告",
        "CF-03",
        290,
        [
            (288, "investigate", {}),
            (280, "examine", {}),
            (276, "notify", {"served_on": 275}),
            (255, "decide", {"amount_fen": 3_000 * YUAN}),  # below FS-01: no legal review needed
            (250, "serve", {}),
            (55, "coerce:QZ-01", {}),
            (53, "serve_demand", {}),
        ],
    ),
]
AGES = [(facts, age, acts) for facts, _code, age, acts in PLANS]


def _procedure(code: str) -> str:
    """The procedure of a plan's matter, as far as the plan's document steps need it (penalty codes 'CF-',
    levy codes 'ZS-')."""
    return {"CF-": "penalty", "ZS-": "levy"}.get(code[:3], "")


def _matter(desk: Desk, code: str, on: dt.date) -> Matter:
    version = version_in_force(ListKind.CATALOGUE, desk.agency, on=on)
    return Matter.objects.get(version=version, code=code)


def _register(desk: Desk, code: str, facts: str, on: dt.date, party: Any) -> Case:
    return engine.check_register_case(
        actor_user=desk.user,
        agency=desk.agency,
        matter=_matter(desk, code, on),
        parties=[party],
        officers=list(desk.officers),
        violation_on=on - dt.timedelta(days=10),
        facts=MARK + facts,
        on=on,
    )


def _act(desk: Desk, case: Case, act: str, on: dt.date, *, data: dict[str, Any], today: dt.date) -> Case:
    if act.startswith("refer:"):
        return engine.check_refer_to_penalty(
            case,
            actor_user=desk.user,
            on=on,
            matter=_matter(desk, act.removeprefix("refer:"), on),
            violation_on=on - dt.timedelta(days=1),
            facts=MARK + "检查发现擅自占用人防工程堆放杂物",
            proposed_fen=20_000 * YUAN,
        )
    if act.startswith(demo_documents.COERCE):
        matter = _matter(desk, act.removeprefix(demo_documents.COERCE), on)
        return engine.check_open_coercion(
            case, actor_user=desk.user, on=on, matter=matter, facts=MARK + "逾期未履行"
        )
    if act.startswith("review."):
        from sanxiang.demo import reviews  # late: it builds on demo.cases like this module

        return reviews.perform(case, act, actor_user=desk.user, on=on, values=data)
    if act == "pay":
        return engine.check_perform_act(
            case,
            act="record_payment",
            actor_user=desk.user,
            on=on,
            data={"amount_fen": case.assessment.amount_fen},
        )
    values = {k: today - dt.timedelta(days=v) if k == "served_on" else v for k, v in data.items()}
    return perform_act(case, act, user=desk.user, day=on, values=values)


def plan_steps(desk: Desk, today: dt.date) -> list[Step]:
    steps: list[Step] = []
    for number, (facts, code, age, acts) in enumerate(PLANS):
        holder: dict[str, Case] = {}
        party = desk.parties[number % len(desk.parties)]
        day = today - dt.timedelta(days=age)

        def register(
            code: str = code,
            facts: str = facts,
            day: dt.date = day,
            holder: dict[str, Case] = holder,
            party: Any = party,
        ) -> None:
            holder["case"] = _register(desk, code, facts, day, party)

        steps.append((day, register))
        for ago, act, data in demo_documents.expand(_procedure(code), acts):

            def perform(
                act: str = act, ago: int = ago, data: dict[str, Any] = data, holder: dict[str, Case] = holder
            ) -> None:
                holder["case"] = _act(
                    desk, holder["case"], act, today - dt.timedelta(days=ago), data=data, today=today
                )

            steps.append((today - dt.timedelta(days=ago), perform))
    return steps
