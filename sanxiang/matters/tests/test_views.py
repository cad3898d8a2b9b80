"""The matters pages over HTTP with the personas: 太原's officer and colleague read 太原's lists and the
province's, the administrator of 太原 also drafts, approves and publishes them, the outsider from 大同 gets a
404 identical to a missing id, and the anonymous public is sent to sign in."""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

import pytest
from django.test import Client
from django.urls import reverse
from pytest_django import DjangoAssertNumQueries

from conftest import World
from sanxiang.matters.enums import ListKind, TimeUnit, VersionStatus
from sanxiang.matters.models import BenchmarkEntry, ListVersion, Matter
from sanxiang.matters.specs import TimeLimit
from sanxiang.matters.tests import factories
from sanxiang.matters.tests.helpers import table_counts
from sanxiang.organizations.enums import AgencyLevel
from sanxiang.organizations.tests import factories as organization_factories

if TYPE_CHECKING:
    from django.contrib.auth.models import _User as User

MISSING = 999_999


@pytest.fixture
def matter(world: World) -> Matter:
    """太原's published catalogue with one licence."""
    article = factories.make_article(22)
    version = factories.draft(world.taiyuan)
    spec = {"statutory": TimeLimit(20, TimeUnit.WORKING_DAYS), "statutory_basis": article}
    found = factories.add_matter(version, [article], code="XK-01", name="防空地下室易地建设审批", **spec)
    factories.approve_and_publish(version)
    return found


def persona(world: World, name: str) -> User:
    user: User = getattr(world, f"{name}_user")
    return user


def normalised(content: bytes, path: str) -> bytes:
    content = re.sub(rb'name="csrfmiddlewaretoken" value="[^"]*"', b"", content)
    return content.replace(path.encode(), b"<path>")


@pytest.mark.parametrize("name", ["index", "version_detail", "matter_detail"])
def test_anonymous_is_sent_to_sign_in(client: Client, matter: Matter, name: str) -> None:
    args = {"index": [], "version_detail": [matter.version_id], "matter_detail": [matter.pk]}[name]
    response = client.get(reverse(f"matters:{name}", args=args))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_anonymous_cannot_draft(client: Client, world: World) -> None:
    response = client.post(reverse("matters:version_draft"), {"agency": world.taiyuan.pk})
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


@pytest.mark.parametrize(
    ("who", "expected"),
    [("officer", 200), ("colleague", 200), ("admin", 200), ("supervisor", 200), ("outsider", 404)],
)
def test_reading_a_matter_follows_jurisdiction(
    client: Client, world: World, matter: Matter, who: str, expected: int
) -> None:
    client.force_login(persona(world, who))
    for url in (
        reverse("matters:version_detail", args=[matter.version_id]),
        reverse("matters:matter_detail", args=[matter.pk]),
    ):
        assert client.get(url).status_code == expected


def test_a_matter_outside_jurisdiction_looks_exactly_like_a_missing_one(
    client: Client, world: World, matter: Matter
) -> None:
    client.force_login(world.outsider_user)
    for name, pk in (("matter_detail", matter.pk), ("version_detail", matter.version_id)):
        forbidden_path = reverse(f"matters:{name}", args=[pk])
        missing_path = reverse(f"matters:{name}", args=[MISSING])
        forbidden, missing = client.get(forbidden_path), client.get(missing_path)
        assert forbidden.status_code == missing.status_code == 404
        assert normalised(forbidden.content, forbidden_path) == normalised(missing.content, missing_path)


def test_the_service_guide_shows_basis_limits_and_relief(
    client: Client, world: World, matter: Matter
) -> None:
    client.force_login(world.officer_user)
    html = client.get(reverse("matters:matter_detail", args=[matter.pk])).content.decode()
    for fact in (
        "防空地下室易地建设审批",
        "《中华人民共和国人民防空法》第二十二条",
        'id="statutory">20 ',
        "本级人民政府",
        "60",
    ):
        assert fact in html


def test_the_catalogue_lists_matters_by_type(
    client: Client, world: World, matter: Matter, django_assert_max_num_queries: DjangoAssertNumQueries
) -> None:
    client.force_login(world.officer_user)
    url = reverse("matters:version_detail", args=[matter.version_id])
    with django_assert_max_num_queries(15):
        html = client.get(url).content.decode()
    assert f'data-matter="{matter.pk}"' in html
    assert f'data-matter="{matter.pk}"' not in client.get(url, {"type": "license"}).content.decode()


def test_the_index_shows_the_versions_in_force(client: Client, world: World, matter: Matter) -> None:
    client.force_login(world.officer_user)
    html = client.get(reverse("matters:index")).content.decode()
    assert f'data-version="{matter.version_id}"' in html
    assert 'id="draft-form"' not in html
    client.force_login(world.admin_user)
    assert 'id="draft-form"' in client.get(reverse("matters:index")).content.decode()


def draft_post(client: Client, world: World) -> int:
    data = {
        "agency": world.taiyuan.pk,
        "kind": ListKind.BENCHMARKS,
        "effective_from": "2026-07-01",
        "note": "调整",
    }
    return client.post(reverse("matters:version_draft"), data).status_code


@pytest.mark.parametrize(("who", "expected"), [("officer", 404), ("supervisor", 404), ("outsider", 404)])
def test_only_administrators_draft(client: Client, world: World, who: str, expected: int) -> None:
    client.force_login(persona(world, who))
    before = table_counts()
    assert draft_post(client, world) == expected
    assert table_counts() == before


def test_an_administrator_drafts_approves_and_publishes(client: Client, world: World, matter: Matter) -> None:
    client.force_login(world.admin_user)
    data = {
        "agency": world.taiyuan.pk,
        "kind": ListKind.CATALOGUE,
        "effective_from": "2026-08-01",
        "note": "调整",
    }
    assert client.post(reverse("matters:version_draft"), data).status_code == 302
    version = ListVersion.objects.get(kind=ListKind.CATALOGUE, agency=world.taiyuan, number=2)
    assert version.drafted_by == world.admin_user
    approval = {
        "approving_body": "太原市司法局",
        "reference": "并司审〔2026〕1号",
        "approved_on": "2026-06-01",
    }
    response = client.post(reverse("matters:version_approve", args=[version.pk]), approval)
    assert response.status_code == 302
    response = client.post(reverse("matters:version_publish", args=[version.pk]), {"effective_from": ""})
    assert response.status_code == 302
    version.refresh_from_db()
    assert version.status == VersionStatus.PUBLISHED
    assert (version.approving_body, version.approved_by) == ("太原市司法局", world.admin_user)
    html = client.get(reverse("matters:version_detail", args=[matter.version_id])).content.decode()
    assert 'id="superseded"' in html


def test_a_refused_step_shows_the_reason_and_writes_nothing(client: Client, world: World) -> None:
    client.force_login(world.admin_user)
    version = factories.draft(world.taiyuan, ListKind.BENCHMARKS)
    before = table_counts()
    approval = {"approving_body": "太原市司法局", "approved_on": "2026-06-01"}
    response = client.post(reverse("matters:version_approve", args=[version.pk]), approval, follow=True)
    assert table_counts() == before
    assert "error" in response.content.decode()


@pytest.mark.parametrize("who", ["officer", "colleague", "supervisor", "outsider"])
def test_only_administrators_approve_and_publish(
    client: Client, world: World, matter: Matter, who: str
) -> None:
    version = factories.draft(world.taiyuan, effective=dt.date(2026, 8, 1))
    client.force_login(persona(world, who))
    before = table_counts()
    approval = {"approving_body": "x", "approved_on": "2026-06-01"}
    assert client.post(reverse("matters:version_approve", args=[version.pk]), approval).status_code == 404
    assert client.post(reverse("matters:version_publish", args=[version.pk]), {}).status_code == 404
    assert table_counts() == before


def test_an_administrator_removes_an_entry_and_recites_citations(
    client: Client, world: World, matter: Matter
) -> None:
    version = factories.draft(world.taiyuan, effective=dt.date(2026, 8, 1))
    copy = Matter.objects.get(version=version)
    client.force_login(world.admin_user)
    html = client.get(reverse("matters:version_detail", args=[version.pk])).content.decode()
    assert f'data-remove="{copy.pk}"' in html
    assert client.post(reverse("matters:version_recite", args=[version.pk])).status_code == 302
    assert client.post(reverse("matters:entry_remove", args=[version.pk, copy.pk])).status_code == 302
    assert not Matter.objects.filter(version=version).exists()


@pytest.mark.parametrize("who", ["officer", "outsider"])
def test_readers_cannot_remove_entries(client: Client, world: World, matter: Matter, who: str) -> None:
    version = factories.draft(world.taiyuan, effective=dt.date(2026, 8, 1))
    copy = Matter.objects.get(version=version)
    client.force_login(persona(world, who))
    html = client.get(reverse("matters:version_detail", args=[version.pk])).content.decode()
    assert f'data-remove="{copy.pk}"' not in html
    before = table_counts()
    assert client.post(reverse("matters:entry_remove", args=[version.pk, copy.pk])).status_code == 404
    assert client.post(reverse("matters:version_recite", args=[version.pk])).status_code == 404
    assert table_counts() == before


def benchmark_post(client: Client, version: ListVersion, article_pk: int, low: str, high: str) -> str:
    data = {
        "code": "RF-49",
        "violation": "侵占人民防空工程",
        "article": article_pk,
        "party_kind": "organization",
        "tier": "ordinary",
        "condition": "一般情节",
        "min_yuan": low,
        "max_yuan": high,
    }
    response = client.post(reverse("matters:benchmark_add", args=[version.pk]), data, follow=True)
    return response.content.decode()


def test_a_benchmark_above_article_49s_range_is_refused_in_chinese(client: Client, world: World) -> None:
    article = factories.article_49()
    version = factories.draft(world.taiyuan, ListKind.BENCHMARKS)
    client.force_login(world.admin_user)
    before = table_counts()
    html = benchmark_post(client, version, article.pk, "40000", "60,000")
    assert "超出了《中华人民共和国人民防空法》第四十九条对单位规定的幅度" in html
    assert table_counts() == before
    benchmark_post(client, version, article.pk, "20000", "40000")
    assert BenchmarkEntry.objects.get(version=version).max_fen == 4_000_000


@pytest.mark.parametrize("who", ["officer", "outsider", "supervisor"])
def test_only_administrators_add_benchmarks(client: Client, world: World, who: str) -> None:
    article = factories.article_49()
    version = factories.draft(world.taiyuan, ListKind.BENCHMARKS)
    client.force_login(persona(world, who))
    before = table_counts()
    data = {"code": "RF-49", "article": article.pk}
    assert client.post(reverse("matters:benchmark_add", args=[version.pk]), data).status_code == 404
    assert table_counts() == before


def test_the_index_needs_few_queries_however_many_agencies(
    client: Client, world: World, matter: Matter, django_assert_max_num_queries: DjangoAssertNumQueries
) -> None:
    for n in range(8):
        county = organization_factories.make_agency(
            f"县{n}人民防空办公室", level=AgencyLevel.COUNTY, parent=world.datong
        )
        factories.draft(county)
    client.force_login(world.supervisor_user)
    with django_assert_max_num_queries(12):
        html = client.get(reverse("matters:index")).content.decode()
    assert html.count("<tr>") > 8 * len(ListKind)


def test_an_administrator_confirms_a_placeholder_naming_the_source(client: Client, world: World) -> None:
    version = factories.draft(world.taiyuan)
    placeholder = factories.add_matter(version, [factories.make_article(22)], unconfirmed_note="条号待核")
    url = reverse("matters:entry_confirm", args=[version.pk, placeholder.pk])
    for who in ("officer", "outsider"):
        client.force_login(persona(world, who))
        assert client.post(url, {"note": "x"}).status_code == 404
    client.force_login(world.admin_user)
    page = client.get(reverse("matters:version_detail", args=[version.pk])).content.decode()
    assert f'data-confirm="{placeholder.pk}"' in page
    client.post(url, {"note": ""})
    placeholder.refresh_from_db()
    assert placeholder.unconfirmed
    client.post(url, {"note": "山西省人大常委会公报2013年第2号"})
    placeholder.refresh_from_db()
    assert not placeholder.unconfirmed
