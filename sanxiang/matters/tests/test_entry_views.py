"""Entry forms and the Excel round trip over HTTP with the personas: 太原's administrator adds, changes and
imports entries of a draft; the officer and the supervisor may read and export but not edit (404); the
outsider from 大同 gets 404 everywhere; the anonymous public is sent to sign in. A benchmark outside
人民防空法 第四十九条's range is refused on the form naming the article, and nothing is written."""

from __future__ import annotations

import io

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from conftest import World
from sanxiang.matters import actions, spreadsheets
from sanxiang.matters.enums import ListKind, PartyKind
from sanxiang.matters.models import Article, BenchmarkEntry, FeeStandard, InspectionItem, ListVersion, Matter
from sanxiang.matters.tests import factories
from sanxiang.matters.tests.helpers import table_counts

SYSTEM = factories.SYSTEM


@pytest.fixture
def article(world: World) -> Article:
    return factories.article_49()


@pytest.fixture
def benchmarks(world: World, article: Article) -> ListVersion:
    version = factories.draft(world.taiyuan, ListKind.BENCHMARKS)
    actions.check_add_benchmark(
        actor=SYSTEM,
        version=version,
        spec=factories.benchmark(article, PartyKind.ORGANIZATION, 10_000, 20_000),
    )
    return version


def benchmark_post(article: Article, low: str, high: str, code: str = "RF-49") -> dict[str, object]:
    return {
        "code": code,
        "violation": "擅自拆除人防工程",
        "articles": [article.pk],
        "party_kind": "organization",
        "tier": "severe",
        "condition": "情节严重",
        "min_yuan": low,
        "max_yuan": high,
    }


def entry(version: ListVersion) -> BenchmarkEntry:
    return BenchmarkEntry.objects.get(version=version)


def test_the_administrator_adds_a_tier_from_the_form(
    client: Client, world: World, benchmarks: ListVersion, article: Article
) -> None:
    client.force_login(world.admin_user)
    url = reverse("matters:entry_new", args=[benchmarks.pk])
    assert client.get(url).status_code == 200
    response = client.post(url, benchmark_post(article, "30000", "50,000"))
    assert response.status_code == 302
    assert BenchmarkEntry.objects.filter(version=benchmarks, tier="severe", max_fen=5_000_000).exists()


def test_a_tier_above_article_49s_range_is_refused_on_the_form(
    client: Client, world: World, benchmarks: ListVersion, article: Article
) -> None:
    """人民防空法 第四十九条: organisations at most 50,000 yuan."""
    client.force_login(world.admin_user)
    before = table_counts()
    response = client.post(
        reverse("matters:entry_new", args=[benchmarks.pk]), benchmark_post(article, "40000", "60000")
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "《中华人民共和国人民防空法》第四十九条" in html
    assert 'id="entry-form"' in html
    assert table_counts() == before


def test_the_administrator_changes_an_entry_under_the_same_checks(
    client: Client, world: World, benchmarks: ListVersion, article: Article
) -> None:
    client.force_login(world.admin_user)
    old = entry(benchmarks)
    url = reverse("matters:entry_edit", args=[benchmarks.pk, old.pk])
    form = client.get(url).content.decode()
    assert 'value="10000"' in form
    refused = client.post(url, benchmark_post(article, "5000", "20000"))
    assert refused.status_code == 400
    assert entry(benchmarks).pk == old.pk
    assert client.post(url, benchmark_post(article, "15000", "25000")).status_code == 302
    changed = entry(benchmarks)
    assert (changed.min_fen, changed.max_fen, changed.tier) == (1_500_000, 2_500_000, "severe")


def test_an_inspection_item_is_added_from_its_form(client: Client, world: World, article: Article) -> None:
    version = factories.draft(world.taiyuan, ListKind.RANDOM_INSPECTION)
    client.force_login(world.admin_user)
    data = {
        "code": "CC-1",
        "name": "人防工程维护管理检查",
        "articles": [article.pk],
        "inspecting_body": "太原市人防办",
        "object_type": "人防工程使用单位",
        "content": "维护管理制度落实情况",
        "ratio_percent": "5",
        "method": "现场检查",
        "frequency": "每年一次",
        "unconfirmed_note": "待确认抽查比例",
    }
    assert client.post(reverse("matters:entry_new", args=[version.pk]), data).status_code == 302
    item = InspectionItem.objects.get(version=version)
    assert (item.ratio_percent, item.unconfirmed) == (5, True)
    page = client.get(reverse("matters:version_detail", args=[version.pk])).content.decode()
    assert "待确认" in page  # the badge stays until an administrator confirms


def test_a_fee_standard_with_exemptions_is_added_from_its_form(
    client: Client, world: World, article: Article
) -> None:
    version = factories.draft(world.taiyuan, ListKind.FEE_STANDARDS)
    client.force_login(world.admin_user)
    data = {
        "code": "FY-1",
        "name": "防空地下室易地建设费",
        "rate_yuan": "60",
        "per_unit": "平方米",
        "articles": [article.pk],
        "exemptions": f"JM-1｜幼儿园｜{article.citation}\nJM-2｜学校教学楼｜{article.citation}",
    }
    assert client.post(reverse("matters:entry_new", args=[version.pk]), data).status_code == 302
    bad = {**data, "code": "FY-2", "exemptions": "JM-3｜缺少依据"}
    response = client.post(reverse("matters:entry_new", args=[version.pk]), bad)
    assert response.status_code == 400
    assert "每个减免项目单独一行" in response.content.decode()
    assert not FeeStandard.objects.filter(code="FY-2").exists()


@pytest.mark.parametrize("who", ["officer", "supervisor", "outsider"])
def test_only_the_administrator_may_edit(
    client: Client, world: World, benchmarks: ListVersion, article: Article, who: str
) -> None:
    client.force_login(getattr(world, f"{who}_user"))
    before = table_counts()
    old = entry(benchmarks)
    for url in (
        reverse("matters:entry_new", args=[benchmarks.pk]),
        reverse("matters:entry_edit", args=[benchmarks.pk, old.pk]),
        reverse("matters:list_import", args=[benchmarks.pk]),
    ):
        assert client.get(url).status_code == 404
        assert client.post(url, benchmark_post(article, "10000", "20000")).status_code == 404
    assert client.get(reverse("matters:list_template", args=[benchmarks.pk])).status_code == 404
    assert table_counts() == before


@pytest.mark.parametrize(("who", "expected"), [("officer", 200), ("supervisor", 200), ("outsider", 404)])
def test_reading_personas_may_export(
    client: Client, world: World, benchmarks: ListVersion, who: str, expected: int
) -> None:
    client.force_login(getattr(world, f"{who}_user"))
    response = client.get(reverse("matters:list_export", args=[benchmarks.pk]))
    assert response.status_code == expected
    if expected == 200:
        book = openpyxl.load_workbook(io.BytesIO(response.content))
        assert book["裁量基准"]["A2"].value == "RF-49"


def test_anonymous_is_sent_to_sign_in(client: Client, benchmarks: ListVersion) -> None:
    for name in ("entry_new", "list_import", "list_export"):
        response = client.get(reverse(f"matters:{name}", args=[benchmarks.pk]))
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("accounts:login"))


def test_a_published_version_has_no_forms(client: Client, world: World, benchmarks: ListVersion) -> None:
    factories.approve_and_publish(benchmarks)
    client.force_login(world.admin_user)
    assert client.get(reverse("matters:entry_new", args=[benchmarks.pk])).status_code == 404
    assert client.get(reverse("matters:list_import", args=[benchmarks.pk])).status_code == 404
    assert client.get(reverse("matters:list_export", args=[benchmarks.pk])).status_code == 200


def test_the_import_page_reports_every_bad_row_and_writes_nothing(
    client: Client, world: World, benchmarks: ListVersion
) -> None:
    client.force_login(world.admin_user)
    book = openpyxl.load_workbook(io.BytesIO(spreadsheets.export_list(benchmarks)))
    book["裁量基准"]["J2"] = "60000"  # above 第四十九条's 50,000 yuan for organisations
    book["裁量基准"].append(["RF-2", "违法", "", "《没有的法》第一条", "单位", "一般", "情节"])
    buffer = io.BytesIO()
    book.save(buffer)
    before = table_counts()
    upload = SimpleUploadedFile("list.xlsx", buffer.getvalue())
    response = client.post(reverse("matters:list_import", args=[benchmarks.pk]), {"file": upload})
    assert response.status_code == 400
    html = response.content.decode()
    assert 'id="import-report"' in html
    assert "第四十九条" in html
    assert "《没有的法》第一条" in html
    assert table_counts() == before


def test_the_import_page_accepts_a_good_file(client: Client, world: World, benchmarks: ListVersion) -> None:
    client.force_login(world.admin_user)
    upload = SimpleUploadedFile("list.xlsx", spreadsheets.export_list(benchmarks))
    response = client.post(reverse("matters:list_import", args=[benchmarks.pk]), {"file": upload})
    assert response.status_code == 302
    assert BenchmarkEntry.objects.filter(version=benchmarks).count() == 1


def matter_post(article: Article, **changes: object) -> dict[str, object]:
    data: dict[str, object] = {
        "code": "XK-02",
        "name": "拆除人民防空工程审批",
        "type": "license",
        "agency_levels": ["city", "county"],
        "department_kind": "enforcement",
        "articles": [article.pk],
        "workflow_key": "penalty",
        "statutory_limit": "20",
        "statutory_unit": "working_days",
        "statutory_basis": article.pk,
        "promised_limit": "7",
        "promised_unit": "working_days",
        "accepting_body": "太原市人防办",
        "materials": "申请书\n工程图纸",
        "reconsideration_body": "太原市人民政府",
        "reconsideration_days": "60",
        "reconsideration_article": article.pk,
    }
    return {**data, **changes}


def test_the_administrator_adds_and_changes_a_matter(client: Client, world: World, article: Article) -> None:
    """Service-guide fields, time limits with unit and basis, materials and relief from one form."""
    catalogue = factories.draft(world.taiyuan)
    client.force_login(world.admin_user)
    new = reverse("matters:entry_new", args=[catalogue.pk])
    assert client.post(new, matter_post(article)).status_code == 302
    matter = Matter.objects.get(version=catalogue, code="XK-02")
    assert (matter.statutory_limit, matter.promised_limit, matter.materials) == (
        20,
        7,
        ["申请书", "工程图纸"],
    )
    assert [(c.kind, c.time_limit) for c in matter.relief_channels.all()] == [("reconsideration", 60)]
    edit = reverse("matters:entry_edit", args=[catalogue.pk, matter.pk])
    assert 'value="拆除人民防空工程审批"' in client.get(edit).content.decode()
    assert client.post(edit, matter_post(article, promised_limit="5")).status_code == 302
    assert Matter.objects.get(version=catalogue, code="XK-02").promised_limit == 5


def test_a_promise_beyond_the_statutory_limit_is_refused_on_the_form(
    client: Client, world: World, article: Article
) -> None:
    catalogue = factories.draft(world.taiyuan)
    client.force_login(world.admin_user)
    before = table_counts()
    response = client.post(
        reverse("matters:entry_new", args=[catalogue.pk]), matter_post(article, promised_limit="30")
    )
    assert response.status_code == 400
    assert 'id="entry-form"' in response.content.decode()
    assert table_counts() == before


def test_an_officer_cannot_add_a_matter(client: Client, world: World, article: Article) -> None:
    catalogue = factories.draft(world.taiyuan)
    client.force_login(world.officer_user)
    assert (
        client.post(reverse("matters:entry_new", args=[catalogue.pk]), matter_post(article)).status_code
        == 404
    )
    assert client.get(reverse("matters:list_import", args=[catalogue.pk])).status_code == 404
