"""The Shanxi default catalogue: the 25 matters of SHANXI.md §6 with their bases and time limits,
benchmarks inside 人民防空法 第四十八条 and 第四十九条, the sample lists and the 易地建设费 standard, all
published for the provincial agency through the actions, placeholders marked to be confirmed.
Loading twice adds nothing."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from conftest import World
from sanxiang.matters import selectors
from sanxiang.matters.enums import ListKind, MatterType, TimeUnit
from sanxiang.matters.models import Article, BenchmarkEntry, FeeStandard, ListVersion, Matter
from sanxiang.matters.shanxi import load_shanxi_catalogue
from sanxiang.matters.tests import factories
from sanxiang.matters.tests.conftest import TODAY, Places
from sanxiang.matters.tests.helpers import table_counts
from sanxiang.records.models import PendingEntry


@pytest.mark.django_db
def test_the_shanxi_catalogue_loads_once_and_is_in_force_below_the_province(places: Places) -> None:
    result = load_shanxi_catalogue(actor=factories.SYSTEM)
    assert len(result.lists_published) == len(ListKind)
    catalogue = selectors.version_in_force(ListKind.CATALOGUE, places.xiaodian, on=TODAY)
    assert catalogue is not None
    assert catalogue.agency == places.province
    matters = Matter.objects.filter(version=catalogue)
    assert matters.count() == 25
    licence = matters.get(code="XK-01")
    assert (licence.statutory_limit, licence.statutory_unit) == (20, TimeUnit.WORKING_DAYS)
    assert licence.statutory_basis is not None
    assert licence.statutory_basis.citation == "《中华人民共和国行政许可法》第四十二条"
    assert {channel.time_limit for channel in licence.relief_channels.all()} == {60, 6}
    assert set(matters.values_list("type", flat=True)) == {
        MatterType.LICENSE,
        MatterType.LEVY,
        MatterType.PENALTY,
        MatterType.COERCION,
        MatterType.INSPECTION,
    }
    cf03 = matters.get(code="CF-03")
    assert [a.provision for a in cf03.articles.all()] == ["第四十九条", "第四十九条第（一）项"]
    assert matters.filter(unconfirmed=True).exists()
    assert BenchmarkEntry.objects.filter(max_fen=50_000 * 100, party_kind="organization").exists()
    fee = FeeStandard.objects.get(code="YD-01")
    assert fee.unconfirmed
    assert fee.exemptions.count() == 5
    article_49 = Article.objects.get(law__title="中华人民共和国人民防空法", ordinal=49, item=0)
    assert {(r.party_kind, r.min_fen, r.max_fen) for r in article_49.ranges.all()} == {
        ("individual", 0, 500_000),
        ("organization", 1_000_000, 5_000_000),
    }
    assert PendingEntry.objects.filter(event_type="list_version.published").count() == len(ListKind)

    before = table_counts()
    again = load_shanxi_catalogue(actor=factories.SYSTEM)
    assert again.lists_published == ()
    assert table_counts() == before


def test_the_shanxi_lists_render_in_chinese(client: Client, world: World) -> None:
    load_shanxi_catalogue(actor=factories.SYSTEM)
    client.force_login(world.officer_user)  # 太原 reads the provincial lists it applies
    for version in ListVersion.objects.all():
        response = client.get(reverse("matters:version_detail", args=[version.pk]))
        assert response.status_code == 200
        assert "待确认" in response.content.decode() or version.kind == ListKind.AV_RECORDING
    licence = Matter.objects.get(code="XK-01")
    html = client.get(reverse("matters:matter_detail", args=[licence.pk])).content.decode()
    for fact in ("服务指南", "20 个工作日", "《中华人民共和国行政许可法》第四十二条", "行政复议", "6 个月"):
        assert fact in html
    assert (
        "1,500"
        in client.get(reverse("matters:version_detail", args=[licence.version_id + 5])).content.decode()
    )
