"""Field records (询问笔录, 现场检查笔录) over HTTP with the personas: handling officers make them on a
phone-sized form prefilled from the case (enter once); the supervisor reads the case but cannot write one;
the outsider gets the 404 of a missing case; the anonymous public is sent to sign in. A refusal writes
nothing."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from django.test import Client
from django.urls import reverse

from conftest import World
from sanxiang.cases import engine
from sanxiang.cases.models import Case, FieldRecord
from sanxiang.cases.tests.case_factories import Desk, make_desk, open_case
from sanxiang.core import clock
from sanxiang.records.models import PendingEntry

NOW = dt.datetime(2026, 8, 10, 2, tzinfo=dt.UTC)
MISSING = 999_999


@pytest.fixture(autouse=True)
def _frozen() -> Iterator[None]:
    with clock.frozen_now(NOW):
        yield


@pytest.fixture
def desk(world: World) -> Desk:
    return make_desk(world)


@pytest.fixture
def case(desk: Desk) -> Case:
    return open_case(desk)


def _url(case_id: int, kind: str = "inspection") -> str:
    return reverse("cases:field_record_new", args=[case_id, kind])


def _post(**changes: str) -> dict[str, str]:
    data = {
        "kind": "inspection",
        "step": "investigate",
        "place": "太原市小店区长治路某号地下一层",
        "started_at": "2026-08-10T09:00",
        "ended_at": "2026-08-10T09:40",
        "persons": "梁宏（执行董事）",
        "content": "检查发现人防工程内堆放杂物，部分防护设备被拆除。",
    }
    data.update(changes)
    return data


def test_anonymous_is_sent_to_sign_in(client: Client, case: Case) -> None:
    assert client.get(_url(case.pk)).status_code == 302


@pytest.mark.parametrize(
    ("who", "expected"), [("officer", 200), ("colleague", 200), ("supervisor", 404), ("outsider", 404)]
)
def test_field_record_page_by_persona(
    client: Client, world: World, case: Case, who: str, expected: int
) -> None:
    client.force_login(getattr(world, f"{who}_user"))
    assert client.get(_url(case.pk)).status_code == expected


def test_outsider_and_missing_case_and_unknown_kind_are_alike(
    client: Client, world: World, case: Case
) -> None:
    client.force_login(world.outsider_user)
    assert client.get(_url(MISSING)).status_code == 404
    client.force_login(world.officer_user)
    assert client.get(_url(MISSING)).status_code == 404
    assert client.get(_url(case.pk, "diary")).status_code == 404


def test_form_is_prefilled_from_the_case_and_fits_a_phone(client: Client, world: World, case: Case) -> None:
    """Enter once: the place from the party's address, the persons from the parties, the step the case
    is at."""
    client.force_login(world.officer_user)
    page = client.get(_url(case.pk)).content.decode()
    company = case.parties.get()
    assert company.name in page
    assert company.address in page
    assert 'value="investigate"' in page
    assert "cases/field_record.css" in page
    assert 'name="viewport"' in page


def test_officer_makes_a_record_recorded_with_digests_only(client: Client, world: World, case: Case) -> None:
    client.force_login(world.officer_user)
    response = client.post(_url(case.pk), _post())
    assert response.status_code == 302
    record = FieldRecord.objects.get(case=case)
    assert (record.kind, record.step, record.officers) == (
        "inspection",
        "investigate",
        sorted([world.officer.pk, world.colleague.pk]),
    )
    entry = PendingEntry.objects.filter(event_type="case.field_record_added").get()
    body = bytes(entry.body).decode()
    assert "梁宏" not in body
    assert "堆放杂物" not in body
    page = client.get(reverse("cases:case_detail", args=[case.pk])).content.decode()
    assert "堆放杂物" in page


def test_record_ending_before_it_starts_is_refused_with_nothing_written(
    client: Client, world: World, case: Case
) -> None:
    client.force_login(world.officer_user)
    before = PendingEntry.objects.count()
    response = client.post(_url(case.pk), _post(ended_at="2026-08-10T08:00"))
    assert response.status_code == 400
    assert not FieldRecord.objects.exists()
    assert PendingEntry.objects.count() == before


def test_record_is_refused_while_an_officer_awaits_recusal_article_43(
    client: Client, world: World, desk: Desk
) -> None:
    """行政处罚法 第43条: an officer with a declared conflict must be recused before the case moves on."""
    case = open_case(desk)
    engine.check_declare_conflict(case, officer=world.colleague, actor_user=world.officer_user)
    client.force_login(world.officer_user)
    response = client.post(_url(case.pk), _post())
    assert response.status_code == 400
    assert "第四十三条" in response.content.decode()
    assert not FieldRecord.objects.exists()


def test_closed_case_takes_no_record(client: Client, world: World, desk: Desk) -> None:
    case = open_case(desk, matter=desk.inspection, proposed_fen=None)
    for name in ("approve", "check", "record_result", "close"):
        case = engine.check_perform_act(case, act=name, actor_user=world.officer_user, on=dt.date(2026, 8, 4))
    client.force_login(world.officer_user)
    assert client.post(_url(case.pk), _post()).status_code == 400
    assert not FieldRecord.objects.exists()
