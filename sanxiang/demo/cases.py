"""Demo cases of 太原 at every stage, some overdue, run through the case engine day by day: the penalty cases
here, the licensing, inspection, levy and coercion cases in ``demo.levies``.

Each act is performed with the clock set to its own day (the engine refuses acts dated after today), in date
order across all cases, so the record log's times only move forward. Idempotent: cases already loaded (marked
by their facts) are left alone.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sanxiang.accounts.models import User
from sanxiang.cases import actions as party_actions
from sanxiang.cases import engine
from sanxiang.cases.engine.role_guards import role_for
from sanxiang.cases.enums import PartyKind
from sanxiang.cases.models import Case, CaseSetting, Party
from sanxiang.core import clock
from sanxiang.evidence import requirements
from sanxiang.matters import procedures
from sanxiang.matters.enums import AVRequirement, ListKind, MatterType
from sanxiang.matters.models import Matter
from sanxiang.matters.selectors import version_in_force
from sanxiang.organizations.models import Agency, Officer, RoleGrant
from sanxiang.organizations.selectors import actor_of
from sanxiang.records import writer

MARK = "【演示】"
APPROVER = "agency_head"  # approves the demo's AV exemptions
YUAN = 100

# (days before today the case was registered, the acts after registration as (days after registration, act,
# data)); the final stage is whatever the last act leaves.
PLANS: list[tuple[str, int, list[tuple[int, str, dict[str, Any]]]]] = [
    ("未按规定修建防空地下室，刚刚立案", 2, []),
    ("擅自拆除人防工程，正在调查取证", 20, [(3, "investigate", {})]),
    ("超过九十日仍未作出决定（逾期）", 100, [(5, "investigate", {})]),
    (
        "已送达行政处罚事先告知书，等待当事人陈述申辩",
        30,
        [(4, "investigate", {}), (15, "examine", {}), (20, "notify", {"served_on": 21})],
    ),
    (
        "已作出处罚决定，尚待送达",
        40,
        [
            (3, "investigate", {}),
            (12, "examine", {}),
            (16, "notify", {"served_on": 17}),
            (30, "decide", {"amount_fen": 8_000 * YUAN}),
        ],
    ),
    (
        "决定已送达，当事人缴纳罚款期间",
        50,
        [
            (3, "investigate", {}),
            (10, "examine", {}),
            (14, "notify", {"served_on": 15}),
            (35, "decide", {"amount_fen": 4_000 * YUAN}),
            (38, "serve", {}),
        ],
    ),
    (
        "已执行完毕并结案",
        80,
        [
            (2, "investigate", {}),
            (9, "examine", {}),
            (12, "notify", {"served_on": 13}),
            (16, "statement", {"note": "当事人提出陈述申辩，未提出新的事实和理由"}),
            (30, "decide", {"amount_fen": 12_000 * YUAN}),
            (33, "serve", {}),
            (45, "execute", {}),
            (46, "close", {}),
        ],
    ),
]


@dataclass(frozen=True)
class Desk:
    agency: Agency
    user: User
    officers: tuple[Officer, Officer]
    matter: Matter
    parties: tuple[Party, ...]


def acting_user(case: Case, act: str, user: User) -> User:
    """Who performs ``act`` in the demo: the agency's head for an act the procedure reserves to that role
    (行政处罚法 第57条 and the like), else ``user``."""
    role = role_for(case, act)
    if not role:
        return user
    grant = (
        RoleGrant.objects.filter(agency=case.agency, role=role).select_related("user").order_by("pk").first()
    )
    return grant.user if grant is not None else user


def at(day: dt.date, minute: int = 0) -> Any:
    """Freeze the clock on ``day`` during office hours, so an act dated ``day`` is not in the future."""
    return clock.frozen_now(dt.datetime.combine(day, dt.time(9, minute % 60), tzinfo=clock.SHANGHAI))


def _parties(agency: Agency) -> tuple[Party, ...]:
    existing = tuple(Party.objects.filter(agency=agency).order_by("pk"))
    if existing:
        return existing
    return (
        party_actions.check_register_party(
            actor=writer.SYSTEM,
            agency=agency,
            kind=PartyKind.ORGANIZATION,
            name="山西晋阳置业有限公司",
            uscc="91350100M000100Y43",
            representative_name="梁宏",
            representative_post="执行董事",
            address="太原市小店区长治路某号",
            service_address="太原市小店区长治路某号",
        ),
        party_actions.check_register_party(
            actor=writer.SYSTEM,
            agency=agency,
            kind=PartyKind.PERSON,
            name="赵明",
            id_kind="resident_id",
            id_number="11010519491231002X",
            phone="13800000000",
            address="太原市迎泽区某街1号",
            service_address="太原市迎泽区某街1号",
        ),
    )


def clear_recording(case: Case, act: str, day: dt.date, *, requester: User) -> None:
    """The demo stores no video: where the AV list demands full recording of the act's step, the officer asks
    for an exemption and the agency head approves it (R-REC-02), as after a camera failure."""
    procedure = procedures.get(case.procedure_key)
    transition = next((t for t in procedure.acts_from(case.stage) if t.act == act), None)
    if transition is None or "av_recorded" not in transition.guards:
        return
    step = transition.av_step or act
    entry = requirements.requirement_for(agency=case.agency, matter_code=case.matter.code, step=step, on=day)
    head = User.objects.filter(username=APPROVER).first()
    if entry is None or entry.requirement != AVRequirement.FULL or head is None:
        return
    exemption = requirements.check_request_exemption(
        actor=actor_of(requester, on=day),
        user=requester,
        agency=case.agency,
        matter_code=case.matter.code,
        subject=("case", str(case.pk)),
        step=step,
        reason="【演示】执法记录仪故障，已以文字笔录完整记录",
    )
    requirements.check_approve_exemption(actor=actor_of(head, on=day), user=head, exemption=exemption)


def desk(agency: Agency, officer_username: str, second_username: str) -> Desk | None:
    version = version_in_force(ListKind.CATALOGUE, agency, on=clock.today())
    matter = (
        Matter.objects.filter(version=version, type=MatterType.PENALTY, workflow_key="penalty")
        .order_by("code")
        .first()
        if version
        else None
    )
    user = User.objects.filter(username=officer_username).first()
    officers = Officer.objects.filter(user__username__in=[officer_username, second_username]).order_by("pk")
    if matter is None or user is None or officers.count() != 2:
        return None
    first, second = officers
    return Desk(agency=agency, user=user, officers=(first, second), matter=matter, parties=_parties(agency))


def plan_steps(desk: Desk, today: dt.date) -> list[tuple[dt.date, Callable[[], None]]]:
    """Every registration and act of the demo cases as (day, do-it), to be run in date order."""
    from sanxiang.demo import documents as demo_documents  # late: it uses this module's MARK
    from sanxiang.demo import reviews  # the review plans use this module's Desk: imported late

    steps: list[tuple[dt.date, Callable[[], None]]] = []
    for number, (facts, age, acts) in enumerate(all_plans()):
        registered = today - dt.timedelta(days=age)
        holder: dict[str, Case] = {}
        party = desk.parties[number % len(desk.parties) if number < len(PLANS) else 0]

        def register(
            facts: str = facts,
            registered: dt.date = registered,
            holder: dict[str, Case] = holder,
            party: Party = party,
        ) -> None:
            holder["case"] = engine.check_register_case(
                actor_user=desk.user,
                agency=desk.agency,
                matter=desk.matter,
                parties=[party],
                officers=list(desk.officers),
                violation_on=registered - dt.timedelta(days=10),
                facts=MARK + facts,
                on=registered,
            )

        steps.append((registered, register))
        for offset, act, data in demo_documents.expand("penalty", acts):
            day = registered + dt.timedelta(days=offset)
            values = {
                key: registered + dt.timedelta(days=v) if key == "served_on" else v for key, v in data.items()
            }

            def perform(
                act: str = act,
                day: dt.date = day,
                values: dict[str, Any] = values,
                holder: dict[str, Case] = holder,
            ) -> None:
                if act.startswith("review."):
                    holder["case"] = reviews.perform(
                        holder["case"], act, actor_user=desk.user, on=day, values=values
                    )
                    return
                holder["case"] = perform_act(holder["case"], act, user=desk.user, day=day, values=values)

            steps.append((day, perform))
    return steps


def perform_act(case: Case, act: str, *, user: User, day: dt.date, values: dict[str, Any]) -> Case:
    """One planned act of a demo case on ``day``: a document's issue or service (the service performs the
    notification and the decision's service, 行政处罚法 第61条), else the engine's act followed by the
    document it leaves behind."""
    from sanxiang.demo import documents as demo_documents

    served = demo_documents.act_served(case, act)
    if served is not None:
        clear_recording(case, served, day, requester=user)
    if demo_documents.perform(case, act, user=user, day=day):
        return Case.objects.get(pk=case.pk)
    clear_recording(case, act, day, requester=user)
    actor = acting_user(case, act, user)
    case = engine.check_perform_act(case, act=act, actor_user=actor, on=day, data=values)
    demo_documents.issue_after(case, act, user=user, day=day)
    return case


def load_cases(agency: Agency, *, officer_username: str, second_username: str, today: dt.date) -> int:
    """Load the demo cases for ``agency`` once; returns how many were opened."""
    from sanxiang.demo import levies  # late: it builds on this module

    if Case.objects.filter(agency=agency, facts__startswith=MARK).exists():
        return 0
    from sanxiang.demo import reviews

    start = today - dt.timedelta(days=max(age for _facts, age, _acts in [*all_plans(), *levies.AGES]))
    with at(start):
        found = desk(agency, officer_username, second_username)
        if found is None:
            return 0
        if not CaseSetting.objects.filter(agency=agency).exists():
            engine.check_set_case_setting(
                actor_user=found.user,
                agency=agency,
                effective_from=start,
                hearing_person_fen=5_000 * YUAN,
                hearing_organization_fen=100_000 * YUAN,
                amber_working_days=2,
                levy_late_per_10000=5,  # 滞纳金 万分之五 a day: a demo value, Shanxi's to be confirmed
            )
        reviews.set_time_limit(agency, actor_user=found.user, on=start)
    steps = plan_steps(found, today) + levies.plan_steps(found, today)
    steps.sort(key=lambda step: step[0])
    for index, (day, do) in enumerate(steps):
        with at(day, index):
            do()
    return len(all_plans()) + len(levies.PLANS)


def all_plans() -> list[tuple[str, int, list[tuple[int, str, dict[str, Any]]]]]:
    """The cases' plans and the legal-review plans (organisations as parties, reviews in every state)."""
    from sanxiang.demo.reviews import REVIEW_PLANS

    return PLANS + REVIEW_PLANS
