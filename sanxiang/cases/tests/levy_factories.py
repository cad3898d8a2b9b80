"""Factories for levy, fee and coercion cases: a published catalogue of 太原 with a 易地建设费 levy matter,
a fee matter, a penalty matter and a court-enforcement matter (each with its relief periods), the
fee-standards
list with the 易地建设费 rate and its coded exemptions, and the agency's late-charge setting."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from conftest import World
from sanxiang.cases import engine
from sanxiang.cases.models import Case
from sanxiang.cases.tests import factories
from sanxiang.cases.tests.case_factories import YUAN, actor_for, agency_head_user, serve_document
from sanxiang.core import clock
from sanxiang.matters.actions import lists as list_actions
from sanxiang.matters.enums import ListKind, MatterType, ReliefKind, TimeUnit
from sanxiang.matters.models import Matter
from sanxiang.matters.specs import ExemptionSpec, FeeSpec, ReliefSpec
from sanxiang.matters.tests import factories as matter_factories
from sanxiang.records import writer

RATE_FEN = 1_500 * YUAN  # a placeholder standard of the tests, per m²
LATE_PER_10000 = 5  # 万分之五 a day, the tests' setting


@dataclass
class LevyDesk:
    world: World
    levy: Matter
    fee: Matter
    penalty: Matter
    coercion: Matter
    company: Any


def _relief(article: Any) -> tuple[ReliefSpec, ...]:
    return (
        ReliefSpec(ReliefKind.RECONSIDERATION, "本级人民政府", 60, TimeUnit.CALENDAR_DAYS, article),
        ReliefSpec(ReliefKind.LITIGATION, "有管辖权的人民法院", 6, TimeUnit.MONTHS, article),
    )


def make_levy_desk(world: World, *, fee_list: bool = True) -> LevyDesk:
    with clock.frozen_now(dt.datetime(2026, 6, 15, 9, tzinfo=dt.UTC)):
        article = matter_factories.article_49()
        version = matter_factories.draft(world.taiyuan, effective=dt.date(2026, 7, 1))
        add = matter_factories.add_matter
        levy = add(
            version,
            [article],
            code="ZS-01",
            name="防空地下室易地建设费征收",
            type=MatterType.LEVY,
            workflow_key="levy",
            relief=_relief(article),
        )
        fee = add(
            version,
            [article],
            code="SF-01",
            name="人防工程平时使用费",
            type=MatterType.FEE,
            workflow_key="fee",
            relief=_relief(article),
        )
        penalty = add(version, [article], code="CF-03", relief=_relief(article))
        coercion = add(
            version,
            [article],
            code="QZ-02",
            name="申请人民法院强制执行",
            type=MatterType.COERCION,
            workflow_key="coercion",
            relief=(),
        )
        matter_factories.approve_and_publish(version)
        if fee_list:
            _fee_list(world, article)
    engine.check_set_case_setting(
        actor_user=world.admin_user,
        agency=world.taiyuan,
        effective_from=dt.date(2026, 1, 1),
        hearing_person_fen=5_000 * YUAN,
        hearing_organization_fen=100_000 * YUAN,
        amber_working_days=2,
        levy_late_per_10000=LATE_PER_10000,
    )
    agency_head_user(world)  # the agency head signs the application to the court (行政强制法 第55条)
    return LevyDesk(world, levy, fee, penalty, coercion, factories.make_company(world.taiyuan))


def _fee_list(world: World, article: Any) -> None:
    version = matter_factories.draft(world.taiyuan, ListKind.FEE_STANDARDS, effective=dt.date(2026, 7, 1))
    exemption = ExemptionSpec("JM-01", "廉租住房、经济适用住房", [article])
    for code, matter_code, rate in (("YD-01", "ZS-01", RATE_FEN), ("SY-01", "SF-01", 2 * YUAN)):
        spec = FeeSpec(code, "防空地下室易地建设费", rate, "m²", [article], (exemption,), matter_code)
        list_actions.check_add_fee_standard(actor=writer.SYSTEM, version=version, spec=spec)
    matter_factories.approve_and_publish(version)


def open_levy(desk: LevyDesk, on: dt.date, *, matter: Matter | None = None) -> Case:
    world = desk.world
    return engine.check_register_case(
        actor_user=world.officer_user,
        agency=world.taiyuan,
        matter=matter or desk.levy,
        parties=[desk.company],
        officers=[world.officer, world.colleague],
        violation_on=on,
        facts="某住宅小区项目因地质条件无法修建防空地下室，经批准易地建设。",
        on=on,
    )


def act(desk: LevyDesk, case: Case, name: str, on: dt.date, **data: Any) -> Case:
    user = actor_for(desk.world, case, name)  # the agency head for a decision reserved to that role
    return engine.check_perform_act(case, act=name, actor_user=user, on=on, data=data)


def serve_payment_notice(desk: LevyDesk, case: Case, on: dt.date) -> Case:
    """Serve the 缴款通知书 directly on ``on``, issuing it that day when not issued yet; the service performs
    ``serve_demand_note`` dated the service day (民事诉讼法 第87条)."""
    return serve_document(desk, case, "payment_notice", issued_on=on, served_on=on)


def serve_demand(desk: LevyDesk, case: Case, on: dt.date) -> Case:
    """Serve the 催告书 of a coercion case directly on ``on`` (行政强制法 第35条, 第38条), issuing it that day
    when not issued yet; the service performs ``serve_demand`` dated the service day."""
    return serve_document(desk, case, "demand_notice", issued_on=on, served_on=on)


def demanded_coercion(desk: LevyDesk, *, area_centi: int) -> Case:
    """A levy of ``area_centi`` assessed on 2026-09-02 and its 缴款通知书 served the next day, the arrears
    declared, and a coercion case opened on 2027-03-04 with its 催告书 served on 2027-03-05: the case waits
    for the application to the court (行政强制法 第53条, 第54条)."""
    levy = open_levy(desk, dt.date(2026, 9, 1))
    levy = act(desk, levy, "assess", dt.date(2026, 9, 2), area_centi=area_centi)
    levy = serve_payment_notice(desk, levy, dt.date(2026, 9, 3))
    levy = act(desk, levy, "declare_arrears", dt.date(2026, 9, 21))
    case = engine.check_open_coercion(
        levy,
        actor_user=desk.world.officer_user,
        on=dt.date(2027, 3, 4),
        matter=desk.coercion,
        facts="逾期未缴",
    )
    return serve_demand(desk, case, dt.date(2027, 3, 5))
