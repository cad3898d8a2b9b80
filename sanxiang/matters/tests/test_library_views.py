"""The legal-basis library page: every signed-in user reads it, the anonymous public is sent to sign in, and
only an administrator of the province (here a superuser stands in for one, and the 太原 administrator is
refused) amends an article, which marks what cites it stale."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from conftest import World
from sanxiang.matters import selectors
from sanxiang.matters.models import Article
from sanxiang.matters.tests import factories
from sanxiang.matters.tests.helpers import table_counts
from sanxiang.organizations.enums import Role
from sanxiang.organizations.tests import factories as organization_factories


def test_anonymous_is_sent_to_sign_in(client: Client, db: None) -> None:
    response = client.get(reverse("matters:library"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


@pytest.mark.parametrize("who", ["officer", "outsider", "admin", "supervisor"])
def test_signed_in_users_read_the_library_but_only_provincial_administrators_amend(
    client: Client, world: World, who: str
) -> None:
    article = factories.article_49()
    client.force_login(getattr(world, f"{who}_user"))
    html = client.get(reverse("matters:library")).content.decode()
    assert "第四十九条" in html
    assert f'data-amend="{article.pk}"' not in html
    before = table_counts()
    url = reverse("matters:article_amend", args=[article.pk])
    assert client.post(url, {"text": "新", "effective_from": "2027-01-01"}).status_code == 404
    assert table_counts() == before


def test_a_provincial_administrator_amends_and_citing_matters_go_stale(client: Client, world: World) -> None:
    article = factories.make_article(22)
    version = factories.draft(world.taiyuan)
    matter = factories.add_matter(version, [article])
    organization_factories.grant(world.supervisor_user, world.province, Role.ADMINISTRATOR)
    client.force_login(world.supervisor_user)
    assert f'data-amend="{article.pk}"' in client.get(reverse("matters:library")).content.decode()
    url = reverse("matters:article_amend", args=[article.pk])
    assert client.post(url, {"text": "新条文", "effective_from": "2027-01-01"}).status_code == 302
    assert Article.objects.filter(ordinal=22).count() == 2
    assert list(selectors.stale_matters()) == [matter]
