"""Party pages over HTTP with the personas: the officer and colleague in 太原, the outsider in 大同, the
provincial supervisor, the 太原 administrator and the anonymous public. A party outside a user's
jurisdiction is a 404 identical to a missing id; only officers register parties, for their own agency."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import pytest
from django.test import Client
from django.urls import reverse
from pytest_django import DjangoAssertNumQueries

from conftest import World
from sanxiang.cases.models import Party
from sanxiang.cases.tests import factories
from sanxiang.core.identifiers import uscc_check_character
from sanxiang.records.models import PendingEntry

if TYPE_CHECKING:
    from django.contrib.auth.models import _User as User

MISSING = 999_999


def persona(world: World, name: str) -> User:
    user: User = getattr(world, f"{name}_user")
    return user


def normalised(content: bytes, path: str) -> bytes:
    """The page minus what differs by request alone: the CSRF token and the page's own address."""
    content = re.sub(rb'name="csrfmiddlewaretoken" value="[^"]*"', b"", content)
    return content.replace(path.encode(), b"<path>")


@pytest.fixture
def party(world: World) -> Party:
    return factories.make_person(world.taiyuan, "赵六")


@pytest.mark.parametrize("name", ["party_list", "party_register", "party_detail"])
def test_anonymous_is_sent_to_sign_in(client: Client, party: Party, name: str) -> None:
    args = [party.pk] if name == "party_detail" else []
    response = client.get(reverse(f"cases:{name}", args=args))
    assert response.status_code == 302


@pytest.mark.parametrize(
    ("who", "expected"),
    [("officer", 200), ("colleague", 200), ("supervisor", 200), ("admin", 200), ("outsider", 404)],
)
def test_party_detail_jurisdiction(
    client: Client, world: World, party: Party, who: str, expected: int
) -> None:
    client.force_login(persona(world, who))
    response = client.get(reverse("cases:party_detail", args=[party.pk]))
    assert response.status_code == expected
    if expected == 200:
        assert factories.PERSON_ID in response.content.decode()


def test_a_party_outside_jurisdiction_looks_exactly_like_a_missing_one(
    client: Client, world: World, party: Party
) -> None:
    client.force_login(world.outsider_user)
    forbidden_path = reverse("cases:party_detail", args=[party.pk])
    missing_path = reverse("cases:party_detail", args=[MISSING])
    forbidden, missing = client.get(forbidden_path), client.get(missing_path)
    assert forbidden.status_code == missing.status_code == 404
    assert normalised(forbidden.content, forbidden_path) == normalised(missing.content, missing_path)


@pytest.mark.parametrize(
    ("who", "expected"),
    [("officer", True), ("colleague", True), ("supervisor", True), ("admin", True), ("outsider", False)],
)
def test_party_list_shows_only_parties_in_jurisdiction_with_identifiers_masked(
    client: Client, world: World, party: Party, who: str, expected: bool
) -> None:
    client.force_login(persona(world, who))
    html = client.get(reverse("cases:party_list")).content.decode()
    assert (f'data-party="{party.pk}"' in html) is expected
    assert factories.PERSON_ID not in html
    if expected:
        assert "1101**********002X" in html


def test_party_list_query_count_does_not_grow_with_parties(
    client: Client, world: World, django_assert_max_num_queries: DjangoAssertNumQueries
) -> None:
    for n in range(30):
        factories.make_company(world.taiyuan, f"计数公司{n:02d}", uscc=_uscc(n))
    client.force_login(world.supervisor_user)
    with django_assert_max_num_queries(12):
        response = client.get(reverse("cases:party_list"), {"q": "计数"})
    assert response.status_code == 200
    assert response.content.decode().count("data-party=") == 25


@pytest.mark.parametrize(
    ("who", "expected"),
    # the outsider is an officer too, and registers for their own agency (大同)
    [("officer", 200), ("colleague", 200), ("outsider", 200), ("supervisor", 404), ("admin", 404)],
)
def test_only_officers_open_the_registration_form(
    client: Client, world: World, who: str, expected: int
) -> None:
    client.force_login(persona(world, who))
    assert client.get(reverse("cases:party_register")).status_code == expected


def test_an_officer_registers_a_party_for_their_own_agency(client: Client, world: World) -> None:
    client.force_login(world.officer_user)
    response = client.post(
        reverse("cases:party_register"),
        {
            "kind": "organization",
            "name": "山西某建设有限公司",
            "uscc": factories.COMPANY_USCC,
            "representative_name": "钱七",
        },
    )
    party = Party.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("cases:party_detail", args=[party.pk])
    assert party.agency == world.taiyuan
    entry = PendingEntry.objects.filter(event_type="party.registered").get()
    assert f'"officer":{world.officer.pk}'.encode() in bytes(entry.body)


def test_a_refused_registration_shows_the_actions_message_and_writes_nothing(
    client: Client, world: World
) -> None:
    client.force_login(world.officer_user)
    before = PendingEntry.objects.count()
    response = client.post(
        reverse("cases:party_register"),
        {"kind": "person", "name": "赵六", "id_number": "110105194912310021"},
    )
    assert response.status_code == 400
    assert 'data-error-for="id_number"' in response.content.decode()
    assert not Party.objects.exists()
    assert PendingEntry.objects.count() == before


def _uscc(n: int) -> str:
    body = f"91140100MA{n:07d}"
    return body + uscc_check_character(body)


@pytest.mark.parametrize(
    ("who", "expected"),
    [("officer", 200), ("colleague", 200), ("outsider", 404), ("supervisor", 404), ("admin", 404)],
)
def test_only_officers_of_the_registering_agency_edit_a_party(
    client: Client, world: World, party: Party, who: str, expected: int
) -> None:
    client.force_login(persona(world, who))
    assert client.get(reverse("cases:party_edit", args=[party.pk])).status_code == expected
    detail = client.get(reverse("cases:party_detail", args=[party.pk])).content.decode()
    assert ('id="edit-party"' in detail) is (expected == 200)


def test_an_officer_changes_a_partys_facts(client: Client, world: World, party: Party) -> None:
    client.force_login(world.colleague_user)
    response = client.post(
        reverse("cases:party_edit", args=[party.pk]),
        {"name": "赵六", "id_kind": "resident_id", "id_number": party.id_number, "phone": "13900000000"},
    )
    assert response.status_code == 302
    assert Party.objects.get(pk=party.pk).phone == "13900000000"
    entry = PendingEntry.objects.filter(event_type="party.updated").get()
    assert f'"officer":{world.colleague.pk}'.encode() in bytes(entry.body)


def test_a_refused_change_shows_the_message_and_writes_nothing(
    client: Client, world: World, party: Party
) -> None:
    client.force_login(world.officer_user)
    before = PendingEntry.objects.count()
    response = client.post(
        reverse("cases:party_edit", args=[party.pk]),
        {"name": "", "id_kind": "resident_id", "id_number": party.id_number},
    )
    assert response.status_code == 400
    assert 'data-error-for="name"' in response.content.decode()
    assert Party.objects.get(pk=party.pk).name == "赵六"
    assert PendingEntry.objects.count() == before
