"""The page opening a coercion case from a levy in arrears, with the personas: handling officers only (the
supervisor reads the case but cannot open one; the outsider gets the 404 of a missing case; the anonymous
public is sent to sign in); a refusal of 行政强制法 第53条 is shown on the form and nothing is written; the
referral act alone is refused (行政强制法 第53条, 行政处罚法 第54条: only with the case it opens)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from conftest import World
from sanxiang.cases.models import Case, Enforcement
from sanxiang.cases.tests.case_factories import act as desk_act
from sanxiang.cases.tests.case_factories import make_desk, open_case
from sanxiang.cases.tests.levy_factories import LevyDesk, act, make_levy_desk, open_levy, serve_payment_notice
from sanxiang.core import clock
from sanxiang.core.errors import RuleViolation
from sanxiang.records.models import PendingEntry

NOW = dt.datetime(2027, 3, 4, 2, tzinfo=dt.UTC)  # the day after the relief periods ran out


@pytest.fixture(autouse=True)
def _frozen() -> Iterator[None]:
    with clock.frozen_now(NOW):
        yield


@pytest.fixture
def desk(world: World) -> LevyDesk:
    return make_levy_desk(world)


@pytest.fixture
def levy(desk: LevyDesk) -> Case:
    case = act(desk, open_levy(desk, dt.date(2026, 9, 1)), "assess", dt.date(2026, 9, 2), area_centi=10_000)
    case = serve_payment_notice(desk, case, dt.date(2026, 9, 3))
    return act(desk, case, "declare_arrears", dt.date(2026, 9, 21))


def _url(case: Case) -> str:
    return reverse("cases:coercion_new", args=[case.pk])


def test_anonymous_is_sent_to_sign_in(client: Client, levy: Case) -> None:
    assert client.get(_url(levy)).status_code == 302


@pytest.mark.parametrize(
    ("who", "expected"), [("officer", 200), ("colleague", 200), ("supervisor", 404), ("outsider", 404)]
)
def test_page_by_persona(client: Client, world: World, levy: Case, who: str, expected: int) -> None:
    client.force_login(getattr(world, f"{who}_user"))
    assert client.get(_url(levy)).status_code == expected


def test_case_not_in_arrears_has_no_such_page(client: Client, world: World, desk: LevyDesk) -> None:
    case = open_levy(desk, dt.date(2026, 9, 1))
    client.force_login(world.officer_user)
    assert client.get(_url(case)).status_code == 404


def test_officer_opens_the_enforcement_case_from_the_levy_page(
    client: Client, world: World, desk: LevyDesk, levy: Case
) -> None:
    client.force_login(world.officer_user)
    page = client.get(reverse("cases:case_detail", args=[levy.pk])).content.decode()
    assert 'id="open-coercion"' in page
    response = client.post(_url(levy), {"matter": desk.coercion.pk, "on": "2027-03-04", "facts": "逾期未缴"})
    assert response.status_code == 302
    enforcement = Enforcement.objects.get(case__origin=levy)
    assert response["Location"] == reverse("cases:case_detail", args=[enforcement.case_id])


def test_too_early_is_refused_on_the_form_with_nothing_written(
    client: Client, world: World, desk: LevyDesk, levy: Case
) -> None:
    """行政强制法 第53条: not before the relief periods ran out (3 March 2027 is their last day)."""
    client.force_login(world.officer_user)
    before = PendingEntry.objects.count()
    response = client.post(_url(levy), {"matter": desk.coercion.pk, "on": "2027-03-03", "facts": "逾期未缴"})
    assert response.status_code == 400
    assert "第五十三条" in response.content.decode()
    assert PendingEntry.objects.count() == before
    assert not Enforcement.objects.exists()


def test_referral_act_alone_is_refused_article_53(desk: LevyDesk, levy: Case) -> None:
    """行政强制法 第53条: the levy is referred only together with the enforcement case it opens."""
    with translation.override("en"), pytest.raises(RuleViolation, match="follow-up case"):
        act(desk, levy, "refer_enforcement", dt.date(2027, 3, 4))


def test_inspection_referral_alone_is_refused_article_54(world: World) -> None:
    """行政处罚法 第54条: an inspection is referred only with the penalty case it opens."""
    desk = make_desk(world)
    case = open_case(desk, matter=desk.inspection, proposed_fen=None, on=dt.date(2026, 9, 1))
    for name in ("approve", "check", "record_result"):
        case = desk_act(desk, case, name, dt.date(2026, 9, 2))
    with translation.override("en"), pytest.raises(RuleViolation, match="follow-up case"):
        desk_act(desk, case, "refer", dt.date(2026, 9, 3))
