"""Case pages over HTTP with the personas: the officer and colleague in 太原 handle the case; the outsider in
大同 gets the 404 of a missing id; the provincial supervisor reads but cannot act; the anonymous public is
sent to sign in."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from pytest_django import DjangoAssertNumQueries

from conftest import World
from sanxiang.cases.models import Case, CaseAct
from sanxiang.cases.tests.case_factories import Desk, make_desk, notify, open_case
from sanxiang.core import clock
from sanxiang.records.models import PendingEntry

if TYPE_CHECKING:
    from django.contrib.auth.models import _User as User

MISSING = 999_999
NOW = dt.datetime(2026, 8, 10, 2, tzinfo=dt.UTC)


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


def persona(world: World, name: str) -> User:
    user: User = getattr(world, f"{name}_user")
    return user


def _strip(content: bytes, path: str) -> bytes:
    content = re.sub(rb'name="csrfmiddlewaretoken" value="[^"]*"', b"", content)
    return content.replace(path.encode(), b"<path>")


@pytest.mark.parametrize("name", ["case_list", "case_register", "deadline_board", "case_detail"])
def test_anonymous_is_sent_to_sign_in(client: Client, case: Case, name: str) -> None:
    args = [case.pk] if name == "case_detail" else []
    assert client.get(reverse(f"cases:{name}", args=args)).status_code == 302


@pytest.mark.parametrize(
    ("who", "expected"), [("officer", 200), ("colleague", 200), ("supervisor", 200), ("outsider", 404)]
)
def test_case_page_jurisdiction(client: Client, world: World, case: Case, who: str, expected: int) -> None:
    client.force_login(persona(world, who))
    response = client.get(reverse("cases:case_detail", args=[case.pk]))
    assert response.status_code == expected
    if expected == 200:
        assert case.number in response.content.decode()
        assert 'id="next-acts"' in response.content.decode()


def test_outsider_404_is_the_missing_404(client: Client, world: World, case: Case) -> None:
    client.force_login(world.outsider_user)
    forbidden_path = reverse("cases:case_detail", args=[case.pk])
    missing_path = reverse("cases:case_detail", args=[MISSING])
    forbidden, missing = client.get(forbidden_path), client.get(missing_path)
    assert forbidden.status_code == missing.status_code == 404
    assert _strip(forbidden.content, forbidden_path) == _strip(missing.content, missing_path)


def test_supervisor_reads_but_gets_no_act_form(client: Client, world: World, case: Case) -> None:
    client.force_login(world.supervisor_user)
    page = client.get(reverse("cases:case_detail", args=[case.pk])).content.decode()
    assert 'id="act-form"' not in page
    response = client.post(
        reverse("cases:case_act", args=[case.pk]), {"act": "investigate", "on": "2026-08-04"}
    )
    assert response.status_code == 404
    assert Case.objects.get(pk=case.pk).stage == "registered"


def test_officer_performs_an_act(client: Client, world: World, case: Case) -> None:
    client.force_login(world.colleague_user)
    response = client.post(
        reverse("cases:case_act", args=[case.pk]), {"act": "investigate", "on": "2026-08-04"}
    )
    assert response.status_code == 302
    assert Case.objects.get(pk=case.pk).stage == "investigating"


def test_refused_act_names_the_rule_and_writes_nothing(client: Client, world: World, desk: Desk) -> None:
    """The notification is the service of the prior notice (行政处罚法 第44条, 第61条): the act form refuses
    it, naming the rule, and the decision stays out of reach; nothing is written."""
    case = open_case(desk)
    client.force_login(world.officer_user)
    path = reverse("cases:case_act", args=[case.pk])
    for act in ("investigate", "examine"):
        assert client.post(path, {"act": act, "on": "2026-08-05"}).status_code == 302
    before = (CaseAct.objects.count(), PendingEntry.objects.count())
    response = client.post(path, {"act": "notify", "on": "2026-08-06"})
    assert response.status_code == 400
    assert "行政处罚法 第44条, 第61条" in response.content.decode()
    response = client.post(path, {"act": "decide", "on": "2026-08-10", "amount": "10,000"})
    assert response.status_code == 400
    assert (CaseAct.objects.count(), PendingEntry.objects.count()) == before
    assert Case.objects.get(pk=case.pk).stage == "examined"


def test_next_acts_show_the_blocking_rule(client: Client, world: World, desk: Desk) -> None:
    case = open_case(desk, legal_review_required=True)
    client.force_login(world.officer_user)
    path = reverse("cases:case_act", args=[case.pk])
    for act in ("investigate", "examine"):
        client.post(path, {"act": act, "on": "2026-08-05"})
    notify(desk, case, dt.date(2026, 8, 5))
    page = client.get(reverse("cases:case_detail", args=[case.pk])).content.decode()
    assert 'class="badge danger"' in page


def test_register_a_case(client: Client, world: World, desk: Desk) -> None:
    client.force_login(world.officer_user)
    response = client.post(
        reverse("cases:case_register"),
        {
            "matter": desk.matter.pk,
            "parties": [desk.company.pk],
            "officers": [world.officer.pk, world.colleague.pk],
            "violation_on": "2026-07-01",
            "facts": "擅自拆除人防工程。",
            "proposed": "20,000",
            "registered_on": "2026-08-10",
        },
    )
    assert response.status_code == 302
    case = Case.objects.get()
    assert (case.proposed_fen, case.stage) == (2_000_000, "registered")


def test_register_refusal_is_shown_with_nothing_written(client: Client, world: World, desk: Desk) -> None:
    client.force_login(world.officer_user)
    before = PendingEntry.objects.count()
    response = client.post(
        reverse("cases:case_register"),
        {
            "matter": desk.matter.pk,
            "parties": [desk.company.pk],
            "officers": [world.officer.pk],
            "violation_on": "2026-07-01",
            "facts": "事实",
            "registered_on": "2026-08-10",
        },
    )
    assert response.status_code == 400
    assert not Case.objects.exists()
    assert PendingEntry.objects.count() == before


@pytest.mark.parametrize(("who", "expected"), [("supervisor", 404), ("outsider", 200), ("officer", 200)])
def test_register_page_is_for_officers(
    client: Client, world: World, desk: Desk, who: str, expected: int
) -> None:
    """The outsider is an officer of 大同 and may register 大同's cases; the supervisor registers none."""
    client.force_login(persona(world, who))
    assert client.get(reverse("cases:case_register")).status_code == expected


@pytest.mark.parametrize(
    ("who", "rows"), [("officer", 1), ("colleague", 1), ("supervisor", 1), ("outsider", 0)]
)
def test_lists_and_board_by_persona(client: Client, world: World, case: Case, who: str, rows: int) -> None:
    client.force_login(persona(world, who))
    listing = client.get(reverse("cases:case_list")).content.decode()
    assert listing.count("data-case=") == rows
    board = client.get(reverse("cases:deadline_board"))
    assert board.status_code == 200
    assert board.content.decode().count("data-colour=") == rows


@pytest.mark.parametrize("name", ["case_list", "deadline_board"])
def test_list_pages_do_not_query_per_row(
    client: Client, world: World, desk: Desk, name: str, django_assert_max_num_queries: DjangoAssertNumQueries
) -> None:
    """The page's queries do not grow with its rows: measured with one case, asserted with four."""
    open_case(desk)
    client.force_login(world.officer_user)
    with CaptureQueriesContext(connection) as one:
        client.get(reverse(f"cases:{name}"))
    for _extra in range(3):
        open_case(desk)
    with django_assert_max_num_queries(len(one.captured_queries)):
        response = client.get(reverse(f"cases:{name}"))
    assert response.content.decode().count("data-case=" if name == "case_list" else "data-colour=") == 4
