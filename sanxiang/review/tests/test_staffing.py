"""Staffing report (国办发〔2018〕118号: legal reviewers at least 5 % of enforcement officers; seed 二(三
)2(1), 2(2)): counts, the flag under 5 %, reviewers' training, and jurisdiction (supervisors see their
subtree, outsiders only their own agency, the anonymous public logs in)."""

from __future__ import annotations

import datetime as dt

from django.test import Client

from conftest import PASSWORD
from sanxiang.organizations.models import TrainingRecord
from sanxiang.organizations.tests import factories
from sanxiang.review.staffing import staffing_report
from sanxiang.review.tests.conftest import Office

TODAY = dt.date(2026, 9, 30)


def test_118_an_agency_under_5_percent_is_flagged(office: Office) -> None:
    """太原: 3 certified officers (张三, 李四, the reviewer) and 1 reviewer: 33 %, not under."""
    row = next(
        r
        for r in staffing_report(office.world.supervisor_user, today=TODAY)
        if r.agency == office.world.taiyuan
    )
    assert (row.officers, len(row.reviewers), row.under) == (3, 1, False)
    for n in range(18):
        factories.make_officer(office.world.taiyuan, f"执法{n}")
    row = next(
        r
        for r in staffing_report(office.world.supervisor_user, today=TODAY)
        if r.agency == office.world.taiyuan
    )
    assert (row.officers, row.percent, row.under) == (21, 4, True)  # 1 of 21 is under 5 %


def test_the_reviewers_training_of_this_year(office: Office) -> None:
    TrainingRecord.objects.create(
        officer=office.reviewer, completed_on=dt.date(2026, 3, 2), topic="行政处罚法", hours=16
    )
    TrainingRecord.objects.create(
        officer=office.reviewer, completed_on=dt.date(2025, 3, 2), topic="旧", hours=8
    )
    row = next(
        r for r in staffing_report(office.world.officer_user, today=TODAY) if r.agency == office.world.taiyuan
    )
    assert [(r.officer, r.qualified, r.training_hours) for r in row.reviewers] == [
        (office.reviewer, True, 16)
    ]


def test_jurisdiction_of_the_report(office: Office) -> None:
    world = office.world
    for username, sees_taiyuan, sees_datong in (
        ("supervisor", True, True),
        ("head", True, False),
        ("officer", True, False),
        ("outsider", False, True),
    ):
        client = Client()
        client.login(username=username, password=PASSWORD)
        page = client.get("/review/staffing/").content.decode()
        assert (f'data-agency="{world.taiyuan.pk}"' in page) is sees_taiyuan, username
        assert (f'data-agency="{world.datong.pk}"' in page) is sees_datong, username
    assert Client().get("/review/staffing/").status_code == 302
