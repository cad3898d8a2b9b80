"""Four processes on PostgreSQL perform the same act on the same case at once: the case row lock
(``lock_objects.lock_case``) serialises them, so exactly one moves the case and writes its act and record;
the others see the new stage and are refused. SQLite serialises writers by itself."""

from __future__ import annotations

import multiprocessing
from typing import Any

import pytest
from django.db import connections

from conftest import World
from sanxiang.accounts.models import User
from sanxiang.cases import engine
from sanxiang.cases.models import Case, CaseAct
from sanxiang.cases.tests.case_factories import REGISTERED, make_desk, open_case
from sanxiang.core.errors import RuleViolation
from sanxiang.records.models import Entry, PendingEntry

WORKERS = 4

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def _worker(case_id: int, user_id: int, start: Any, results: Any) -> None:
    connections.close_all()
    try:
        case, user = Case.objects.get(pk=case_id), User.objects.get(pk=user_id)
        start.wait(timeout=30)
        try:
            engine.check_perform_act(case, act="investigate", actor_user=user, on=REGISTERED)
            results.put("moved")
        except RuleViolation:
            results.put("refused")
    except Exception as error:  # reported to the test process
        results.put(f"error {error!r}")
    finally:
        connections.close_all()


def test_one_act_wins_the_race(world: World) -> None:
    case = open_case(make_desk(world))
    before = Entry.objects.count() + PendingEntry.objects.count()
    connections.close_all()
    context = multiprocessing.get_context("fork")
    start, results = context.Barrier(WORKERS), context.Queue()
    args = (case.pk, world.officer_user.pk, start, results)
    processes = [context.Process(target=_worker, args=args) for _ in range(WORKERS)]
    for process in processes:
        process.start()
    outcomes = sorted(results.get(timeout=120) for _ in processes)
    for process in processes:
        process.join(timeout=60)
    assert outcomes == ["moved", *["refused"] * (WORKERS - 1)]
    assert Case.objects.get(pk=case.pk).stage == "investigating"
    assert CaseAct.objects.filter(case=case, act="investigate").count() == 1
    assert Entry.objects.count() + PendingEntry.objects.count() == before + 1
