"""Jurisdiction over parties: the registering agency's officers and the supervisors above see a party; an
officer of another city and the anonymous public get the same error as for a party that does not exist."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser

from conftest import World
from sanxiang.cases import selectors
from sanxiang.cases.models import Party
from sanxiang.cases.tests import factories
from sanxiang.core.errors import NotFoundOrForbidden


@pytest.fixture
def party(world: World) -> Party:
    return factories.make_company(world.taiyuan)


@pytest.mark.parametrize("persona", ["officer_user", "colleague_user", "supervisor_user", "admin_user"])
def test_the_agency_and_those_above_it_see_its_party(world: World, party: Party, persona: str) -> None:
    user = getattr(world, persona)
    assert selectors.access_party_by_id(user, party.pk) == party
    assert list(selectors.list_parties(user)) == [party]


def test_an_outsider_gets_the_same_error_as_for_a_missing_party(world: World, party: Party) -> None:
    with pytest.raises(NotFoundOrForbidden) as forbidden:
        selectors.access_party_by_id(world.outsider_user, party.pk)
    with pytest.raises(NotFoundOrForbidden) as missing:
        selectors.access_party_by_id(world.outsider_user, party.pk + 1000)
    assert forbidden.value.message == missing.value.message
    assert list(selectors.list_parties(world.outsider_user)) == []


def test_the_anonymous_public_sees_no_party(world: World, party: Party) -> None:
    with pytest.raises(NotFoundOrForbidden):
        selectors.access_party_by_id(AnonymousUser(), party.pk)
    assert list(selectors.list_parties(AnonymousUser())) == []


def test_a_county_party_is_seen_by_the_supervisor_but_not_by_the_city_officer(world: World) -> None:
    county_party = factories.make_person(world.xiaodian)
    assert selectors.access_party_by_id(world.supervisor_user, county_party.pk) == county_party
    with pytest.raises(NotFoundOrForbidden):
        selectors.access_party_by_id(world.officer_user, county_party.pk)


def test_each_city_sees_only_its_own_registration_of_the_same_company(world: World) -> None:
    taiyuan_party = factories.make_company(world.taiyuan)
    datong_party = factories.make_company(world.datong)
    assert list(selectors.list_parties(world.officer_user)) == [taiyuan_party]
    assert list(selectors.list_parties(world.outsider_user)) == [datong_party]
    assert set(selectors.list_parties(world.supervisor_user)) == {taiyuan_party, datong_party}


@pytest.mark.parametrize(
    ("persona", "allowed"),
    [("officer_user", True), ("colleague_user", True), ("outsider_user", False), ("supervisor_user", False)],
)
def test_only_the_agencys_officers_may_register_its_parties(
    world: World, persona: str, allowed: bool
) -> None:
    assert selectors.can_register_party(getattr(world, persona), world.taiyuan) is allowed
    assert selectors.can_register_party(AnonymousUser(), world.taiyuan) is False
