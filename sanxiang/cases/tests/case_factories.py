"""Factories for cases: a published penalty matter of 太原, and cases opened through the engine, so every
row they make is recorded too. The notification and the service of the decision go through ``cases.service``
(the only way the engine performs them, 行政处罚法 第61条)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, Protocol

import pytest
from django.utils import translation

from conftest import PASSWORD, World
from sanxiang.accounts.models import User
from sanxiang.cases import engine
from sanxiang.cases.documents.actions import check_issue_case_document
from sanxiang.cases.engine.role_guards import role_for
from sanxiang.cases.models import Case, CaseSetting, Party
from sanxiang.cases.service.actions import ServiceEntry, check_record_service
from sanxiang.cases.tests import factories
from sanxiang.core import clock
from sanxiang.documents.selectors import documents_of
from sanxiang.matters.enums import MatterType
from sanxiang.matters.models import Matter
from sanxiang.matters.tests import factories as matter_factories
from sanxiang.organizations.enums import Role
from sanxiang.organizations.tests import factories as org_factories

REGISTERED = dt.date(2026, 8, 3)  # a Monday
NOTIFIED = dt.date(2026, 8, 10)
APPLIED = dt.date(2026, 9, 1)  # a licence application
VIOLATION = dt.date(2026, 7, 20)
YUAN = 100


def frozen_in_english(moment: dt.datetime) -> Callable[[], Iterator[None]]:
    """An autouse fixture for a test module (``_frozen = frozen_in_english(...)``): every test runs at
    ``moment``, with messages in English so that refusals can be matched by their English text."""

    @pytest.fixture(autouse=True)
    def _frozen() -> Iterator[None]:
        with clock.frozen_now(moment), translation.override("en"):
            yield

    return _frozen


@dataclass
class Desk:
    """The 太原 officer's desk: the world, a penalty matter, a person and a company."""

    world: World
    matter: Matter
    licence: Matter
    inspection: Matter
    person: Party
    company: Party
    setting: CaseSetting


def make_desk(world: World) -> Desk:
    with clock.frozen_now(dt.datetime(2026, 6, 15, 9, tzinfo=dt.UTC)):  # the catalogue predates the cases
        version = matter_factories.draft(world.taiyuan, effective=dt.date(2026, 7, 1))
        article = matter_factories.article_49()
        matter = matter_factories.add_matter(version, [article])
        licence = matter_factories.add_matter(
            version,
            [article],
            name="人防工程拆除审批",
            type=MatterType.LICENSE,
            workflow_key="license",
            statutory_basis=article,
            **matter_factories.licence_limits(),
        )
        inspection = matter_factories.add_matter(
            version,
            [article],
            name="人防工程维护管理检查",
            type=MatterType.INSPECTION,
            workflow_key="inspection",
        )
        matter_factories.approve_and_publish(version)
    setting = engine.check_set_case_setting(
        actor_user=world.admin_user,
        agency=world.taiyuan,
        effective_from=dt.date(2026, 1, 1),
        hearing_person_fen=5_000 * YUAN,
        hearing_organization_fen=100_000 * YUAN,
        amber_working_days=2,
    )
    agency_head_user(world)  # the agency head decides (行政处罚法 第57条)
    return Desk(
        world=world,
        matter=matter,
        licence=licence,
        inspection=inspection,
        person=factories.make_person(world.taiyuan, "赵六"),
        company=factories.make_company(world.taiyuan),
        setting=setting,
    )


def open_case(desk: Desk, **changes: Any) -> Case:
    world = desk.world
    arguments: dict[str, Any] = {
        "actor_user": world.officer_user,
        "agency": world.taiyuan,
        "matter": desk.matter,
        "parties": [desk.company],
        "officers": [world.officer, world.colleague],
        "violation_on": VIOLATION,
        "facts": "擅自改变人民防空工程主体结构。",
        "on": REGISTERED,
        "proposed_fen": 20_000 * YUAN,
    }
    arguments.update(changes)
    return engine.check_register_case(**arguments)


def notified_case(desk: Desk, **changes: Any) -> Case:
    """A penalty case investigated and examined on its registration day, the intended penalty notified and
    served on ``NOTIFIED`` (行政处罚法 第44条): the case waits for its decision."""
    case = open_case(desk, **changes)
    for name in ("investigate", "examine"):
        case = act(desk, case, name, REGISTERED)
    return notify(desk, case, NOTIFIED)


def examined_licence(desk: Desk) -> Case:
    """A licence application of the company, accepted the next day and examined on the third: it waits for
    the grant or refusal (行政许可法 第38条)."""
    case = open_case(desk, matter=desk.licence, parties=[desk.company], on=APPLIED, proposed_fen=None)
    case = act(desk, case, "accept", APPLIED + dt.timedelta(days=1))
    return act(desk, case, "examine", APPLIED + dt.timedelta(days=2))


def agency_head_user(world: World) -> User:
    """常建军, agency head (机关负责人) of 太原 with a login ``head``: the role that decides
    (行政处罚法 第57条, 行政许可法 第38条, 行政强制法 第55条)."""
    found = User.objects.filter(username="head").first()
    if found is not None:
        return found
    user = User.objects.create_user(username="head", password=PASSWORD)
    org_factories.make_officer(world.taiyuan, "常建军", user=user)
    org_factories.grant(user, world.taiyuan, Role.AGENCY_HEAD)
    return user


def actor_for(world: World, case: Case, name: str) -> User:
    """The user who performs ``name``: the agency head for an act the procedure reserves to that role,
    else the handling officer."""
    return agency_head_user(world) if role_for(case, name) else world.officer_user


def act(desk: Desk, case: Case, name: str, on: dt.date, **data: Any) -> Case:
    user = actor_for(desk.world, case, name)
    return engine.check_perform_act(case, act=name, actor_user=user, on=on, data=data)


class HasWorld(Protocol):
    world: World


def notify(desk: HasWorld, case: Case, on: dt.date, *, served_on: dt.date | None = None) -> Case:
    """Notify the intended penalty (行政处罚法 第44条): issue the 行政处罚事先告知书 on ``on`` and serve it
    directly on ``served_on`` (default ``on``); the service performs the act, dated the service day."""
    return serve_document(desk, case, "penalty_notice", issued_on=on, served_on=served_on or on)


def serve_decision(desk: HasWorld, case: Case, on: dt.date) -> Case:
    """Serve the decision directly on ``on`` (行政处罚法 第61条), issuing the 行政处罚决定书 on the day of the
    decision first when it is not issued yet."""
    return serve_document(desk, case, "penalty_decision", issued_on=case.decided_on or on, served_on=on)


def serve_document(desk: HasWorld, case: Case, kind: str, *, issued_on: dt.date, served_on: dt.date) -> Case:
    document = documents_of("case", str(case.pk)).filter(kind=kind).last()
    if document is None:
        document = check_issue_case_document(
            case, kind=kind, actor_user=desk.world.officer_user, on=issued_on
        )
    check_record_service(
        case,
        document=document,
        actor_user=desk.world.officer_user,
        entry=ServiceEntry(method="direct", served=True, served_on=served_on, recipient="王某"),
    )
    return Case.objects.get(pk=case.pk)
