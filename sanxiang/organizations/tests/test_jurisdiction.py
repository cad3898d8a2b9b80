"""Jurisdiction: an officer sees their own agency, a supervisor the subtree, nobody sideways."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser

from conftest import World
from sanxiang.core.errors import NotFoundOrForbidden
from sanxiang.organizations import jurisdiction
from sanxiang.organizations.enums import Role


def test_officer_sees_own_agency_only(world: World) -> None:
    visible = set(jurisdiction.visible_agencies(world.officer_user))
    assert visible == {world.taiyuan}


def test_supervisor_sees_the_whole_subtree(world: World) -> None:
    visible = set(jurisdiction.visible_agencies(world.supervisor_user))
    assert visible == {world.province, world.taiyuan, world.xiaodian, world.datong}


def test_city_administrator_sees_city_and_counties_not_sideways(world: World) -> None:
    visible = set(jurisdiction.visible_agencies(world.admin_user))
    assert visible == {world.taiyuan, world.xiaodian}


def test_outsider_gets_the_same_error_for_missing_and_forbidden(world: World) -> None:
    with pytest.raises(NotFoundOrForbidden) as forbidden:
        jurisdiction.access_officer_by_id(world.outsider_user, world.officer.pk)
    with pytest.raises(NotFoundOrForbidden) as missing:
        jurisdiction.access_officer_by_id(world.outsider_user, 999_999)
    assert str(forbidden.value) == str(missing.value)


def test_colleague_reaches_officer_of_same_agency(world: World) -> None:
    assert jurisdiction.access_officer_by_id(world.colleague_user, world.officer.pk) == world.officer


def test_anonymous_sees_nothing(world: World) -> None:
    assert not jurisdiction.visible_agencies(AnonymousUser()).exists()
    with pytest.raises(NotFoundOrForbidden):
        jurisdiction.access_agency_by_id(AnonymousUser(), world.taiyuan.pk)


def test_subtree_role_holds_for_descendants_only(world: World) -> None:
    assert jurisdiction.holds_role(world.admin_user, Role.ADMINISTRATOR, world.xiaodian)
    assert not jurisdiction.holds_role(world.admin_user, Role.ADMINISTRATOR, world.datong)
    assert not jurisdiction.holds_role(world.admin_user, Role.ADMINISTRATOR, world.province)


def test_own_agency_role_does_not_extend_to_counties(world: World) -> None:
    assert not jurisdiction.holds_role(world.officer_user, Role.OFFICER, world.xiaodian)
