"""Home-page work items: an administrator is told which live lists cite amended or repealed articles and which
still hold values to be confirmed; nobody else sees another agency's items."""

from __future__ import annotations

import datetime as dt

from django.test import Client
from django.urls import reverse

from conftest import World
from sanxiang.matters import actions
from sanxiang.matters.tests import factories
from sanxiang.matters.worklist_items import catalogue_work_items


def test_administrators_see_stale_and_unconfirmed_lists(world: World) -> None:
    article = factories.make_article(49)
    version = factories.draft(world.taiyuan)
    factories.add_matter(version, [article], unconfirmed_note="条号待核")
    assert [item.severity for item in catalogue_work_items(world.admin_user)] == ["warning"]
    actions.check_amend_article(
        actor=factories.SYSTEM, article=article, text="新", effective_from=dt.date(2027, 1, 1)
    )
    items = catalogue_work_items(world.admin_user)
    assert [item.severity for item in items] == ["danger", "warning"]
    assert items[0].url == reverse("matters:version_detail", args=[version.pk])
    for user in (world.officer_user, world.outsider_user, world.supervisor_user):
        assert catalogue_work_items(user) == []


def test_the_items_reach_the_home_page(client: Client, world: World) -> None:
    version = factories.draft(world.taiyuan)
    factories.add_matter(version, [factories.make_article(22)], unconfirmed_note="条号待核")
    client.force_login(world.admin_user)
    response = client.get(reverse("home"))
    urls = [item.url for item in response.context["items"]]
    assert reverse("matters:version_detail", args=[version.pk]) in urls
