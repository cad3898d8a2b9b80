"""Enter once and the readable timeline on the case page: the matter's legal bases and materials, the
discretion benchmark tier whose range fits the proposed fine (行政处罚法 第34条: published 裁量基准), the act
form prefilled with the known amount, the assessment of a levy from the fee standard in force (人民防空法
第22条) typed once as an area, and acts and stages shown by their translated names, not their codes."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from conftest import World
from sanxiang.cases import engine
from sanxiang.cases.models import Assessment, Case
from sanxiang.cases.tests.case_factories import YUAN, make_desk, open_case
from sanxiang.cases.tests.levy_factories import RATE_FEN, make_levy_desk, open_levy, serve_payment_notice
from sanxiang.core import clock
from sanxiang.matters import procedures
from sanxiang.matters.actions import lists as list_actions
from sanxiang.matters.enums import ListKind, PartyKind, Tier
from sanxiang.matters.models import Article
from sanxiang.matters.tests import factories as matter_factories
from sanxiang.records import writer

NOW = dt.datetime(2026, 9, 10, 2, tzinfo=dt.UTC)


@pytest.fixture(autouse=True)
def _frozen() -> Iterator[None]:
    with clock.frozen_now(NOW):
        yield


def _section(page: str, name: str) -> str:
    found = re.search(rf'<section class="card" id="{name}">(.*?)</section>', page, re.S)
    assert found is not None, name
    return found.group(1)


def _benchmarks(world: World, article: Article) -> None:
    with clock.frozen_now(dt.datetime(2026, 6, 15, 9, tzinfo=dt.UTC)):
        version = matter_factories.draft(world.taiyuan, ListKind.BENCHMARKS, effective=dt.date(2026, 7, 1))
        for tier, low, high in ((Tier.LENIENT, 10_000, 15_000), (Tier.ORDINARY, 15_000, 30_000)):
            spec = matter_factories.benchmark(article, PartyKind.ORGANIZATION, low, high, tier=tier)
            list_actions.check_add_benchmark(actor=writer.SYSTEM, version=version, spec=spec)
        matter_factories.approve_and_publish(version)


def test_case_page_offers_the_fitting_benchmark_tier_and_legal_bases(client: Client, world: World) -> None:
    """行政处罚法 第34条: the published benchmark's tier whose range holds the proposed 20,000 yuan."""
    desk = make_desk(world)
    _benchmarks(world, desk.matter.articles.get())
    case = open_case(desk)
    client.force_login(world.officer_user)
    page = client.get(reverse("cases:case_detail", args=[case.pk])).content.decode()
    guidance = _section(page, "guidance")
    fitting = re.search(r'<li class="fitting" data-fitting="1">(.*?)</li>', guidance, re.S)
    assert fitting is not None
    assert "15,000–30,000" in fitting.group(1)
    assert str(desk.matter.articles.get()) in guidance
    assert 'name="amount" value="20000"' in page


def test_timeline_and_limits_read_as_names_not_codes(client: Client, world: World) -> None:
    desk = make_desk(world)
    case = open_case(desk)
    case = engine.check_perform_act(
        case, act="investigate", actor_user=world.officer_user, on=dt.date(2026, 8, 4)
    )
    client.force_login(world.officer_user)
    page = client.get(reverse("cases:case_detail", args=[case.pk])).content.decode()
    timeline = _section(page, "timeline")
    penalty = procedures.get("penalty")
    with translation.override("zh-hans"):
        assert str(penalty.transitions[0].label) in timeline  # 调查 (investigate)
        assert str(penalty.stage("investigating").label) in timeline
        assert str(penalty.limit("decide").label) in _section(page, "open-limits")
    assert "investigate" not in re.sub(r'data-[a-z]+="[^"]*"', "", timeline)


def test_levy_is_assessed_from_an_area_typed_once(client: Client, world: World) -> None:
    """人民防空法 第22条: the officer types the area; the rate comes from the standard in force."""
    desk = make_levy_desk(world)
    case = open_levy(desk, dt.date(2026, 9, 1))
    client.force_login(world.officer_user)
    page = client.get(reverse("cases:case_detail", args=[case.pk])).content.decode()
    assert "JM-01" in _section(page, "guidance")
    response = client.post(
        reverse("cases:case_act", args=[case.pk]), {"act": "assess", "on": "2026-09-02", "area": "1,200.50"}
    )
    assert response.status_code == 302
    assert Assessment.objects.get(case=case).amount_fen == RATE_FEN * 120_050 // 100
    page = client.get(reverse("cases:case_detail", args=[case.pk])).content.decode()
    assert "1,800,750" in _section(page, "guidance")


def test_exemption_off_the_list_cannot_even_be_chosen(client: Client, world: World) -> None:
    """中发〔2001〕9号: the exemption field offers only the coded list; anything else is refused, nothing
    written."""
    desk = make_levy_desk(world)
    case = open_levy(desk, dt.date(2026, 9, 1))
    client.force_login(world.officer_user)
    response = client.post(
        reverse("cases:case_act", args=[case.pk]),
        {
            "act": "assess",
            "on": "2026-09-02",
            "area": "1200",
            "exempt_area": "200",
            "exemption_code": "招商引资",
        },
    )
    assert response.status_code == 400
    assert not Assessment.objects.exists()


def test_levy_payment_is_prefilled_with_what_is_owed(client: Client, world: World) -> None:
    desk = make_levy_desk(world)
    case: Case = open_levy(desk, dt.date(2026, 8, 3))
    case = engine.check_perform_act(
        case, act="assess", actor_user=world.officer_user, on=dt.date(2026, 8, 4), data={"area_centi": 10_000}
    )
    case = serve_payment_notice(desk, case, dt.date(2026, 8, 5))
    client.force_login(world.officer_user)
    page = client.get(reverse("cases:case_detail", args=[case.pk])).content.decode()
    # due 20 August, today 10 September: 21 days at 5/10,000 of 150,000 yuan = 1,575 yuan
    assert f'name="amount" value="{(RATE_FEN * 100 + RATE_FEN * 100 * 5 * 21 // 10_000) // YUAN}"' in page
    assert "1,575" in _section(page, "guidance")
