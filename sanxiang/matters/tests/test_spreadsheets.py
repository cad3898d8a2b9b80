"""Excel round trip of the attached lists: export in the offices' layout, re-import into a draft unchanged,
row-by-row errors (a benchmark outside 人民防空法 第四十九条's range is refused naming the article), nothing
written when any row is bad, one ``list_version.imported`` record with the file's digest."""

from __future__ import annotations

import io
import json
from typing import Any

import openpyxl
import pytest

from sanxiang.core.errors import InvalidInput, RuleViolation
from sanxiang.core.spreadsheets import ImportRejected, file_digest
from sanxiang.matters import actions, spreadsheets
from sanxiang.matters.enums import AVRequirement, ListKind, PartyKind, RetentionClass, ReviewCriterion, Tier
from sanxiang.matters.models import Article, BenchmarkEntry, FeeStandard, ListVersion
from sanxiang.matters.specs import AVSpec, ExemptionSpec, FeeSpec, InspectionSpec, ReviewRuleSpec
from sanxiang.matters.tests import factories
from sanxiang.matters.tests.conftest import Places
from sanxiang.matters.tests.helpers import table_counts
from sanxiang.records.models import PendingEntry

SYSTEM = factories.SYSTEM
CITATION_49 = "《中华人民共和国人民防空法》第四十九条"
BENCHMARK_HEADER = [
    "编码", "违法行为", "事项编码", "法律依据", "当事人类型", "裁量阶次", "适用情形", "处罚措施",
    "罚款下限（元）", "罚款上限（元）", "待确认事项",
]  # fmt: skip


def workbook(header: list[str], *rows: list[Any], title: str = "裁量基准") -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = title
    sheet.append(["太原市人防办 裁量基准"])  # offices put a title line above the header
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def article_49() -> Article:
    """人民防空法 第四十九条 with its ranges, made once per test."""
    return Article.objects.filter(ordinal=49).first() or factories.article_49()


def benchmark_row(code: str, party: str, low: str, high: str, tier: str = "一般") -> list[Any]:
    return [code, "擅自拆除人防工程", "", CITATION_49, party, tier, "一般情节", "", low, high, ""]


@pytest.fixture
def version(places: Places) -> ListVersion:
    article_49()
    return factories.draft(places.taiyuan, ListKind.BENCHMARKS)


def imported(version: ListVersion, data: bytes) -> spreadsheets.ImportSummary:
    return spreadsheets.check_import_list(actor=SYSTEM, version=version, data=data)


def test_a_good_file_replaces_the_drafts_entries_with_one_record(version: ListVersion) -> None:
    article = article_49()
    actions.check_add_benchmark(
        actor=SYSTEM, version=version, spec=factories.benchmark(article, PartyKind.INDIVIDUAL, 0, 1000)
    )
    data = workbook(
        BENCHMARK_HEADER,
        benchmark_row("rf-49", "单位", "10000", "30000"),
        benchmark_row("RF-49", "个人", "1000", "5,000", tier="从重"),
    )
    records = PendingEntry.objects.count()
    summary = imported(version, data)
    assert (summary.removed, summary.added, summary.file_digest) == (1, 2, file_digest(data))
    rows = list(BenchmarkEntry.objects.filter(version=version).order_by("party_kind"))
    assert [(r.code, r.party_kind, r.tier, r.min_fen, r.max_fen) for r in rows] == [
        ("RF-49", PartyKind.INDIVIDUAL, Tier.SEVERE, 100_000, 500_000),
        ("RF-49", PartyKind.ORGANIZATION, Tier.ORDINARY, 1_000_000, 3_000_000),
    ]
    assert [list(r.articles.all()) for r in rows] == [[article], [article]]
    new = list(PendingEntry.objects.order_by("pk")[records:])
    assert [entry.event_type for entry in new] == ["list_version.imported"]
    assert json.loads(bytes(new[0].body))["data"]["file_digest"] == file_digest(data)


def test_a_fine_outside_article_49s_range_rejects_the_whole_file(version: ListVersion) -> None:
    """人民防空法 第四十九条: organisations 10,000–50,000 yuan; row 4 asks up to 60,000."""
    before = table_counts()
    data = workbook(
        BENCHMARK_HEADER,
        benchmark_row("RF-49", "个人", "0", "5000"),
        benchmark_row("RF-49", "单位", "40000", "60000"),
    )
    with pytest.raises(ImportRejected) as caught:
        imported(version, data)
    assert [(e.row, e.column) for e in caught.value.row_errors] == [(4, "")]
    assert CITATION_49 in caught.value.row_errors[0].message
    assert table_counts() == before


def test_every_bad_cell_is_reported_by_row_and_column(version: ListVersion) -> None:
    before = table_counts()
    data = workbook(
        BENCHMARK_HEADER,
        ["", "擅自拆除", "", "《不存在法》第一条", "法人", "一般", "情节", "", "abc", "", ""],
        benchmark_row("RF-2", "单位", "10000", "20000"),
    )
    with pytest.raises(ImportRejected) as caught:
        imported(version, data)
    assert {(e.row, e.column) for e in caught.value.row_errors} == {
        (3, "编码"),
        (3, "法律依据"),
        (3, "当事人类型"),
        (3, "罚款下限（元）"),
    }
    assert table_counts() == before


def test_a_missing_column_is_named(version: ListVersion) -> None:
    with pytest.raises(InvalidInput, match="法律依据"):
        imported(version, workbook([h for h in BENCHMARK_HEADER if h != "法律依据"], ["RF-1"]))


def test_a_published_version_refuses_an_import(version: ListVersion) -> None:
    actions.check_add_benchmark(
        actor=SYSTEM,
        version=version,
        spec=factories.benchmark(article_49(), PartyKind.INDIVIDUAL, 0, 1000),
    )
    factories.approve_and_publish(version)
    before = table_counts()
    with pytest.raises(RuleViolation, match="only a draft can be changed"):
        imported(version, workbook(BENCHMARK_HEADER, benchmark_row("RF-1", "个人", "0", "100")))
    assert table_counts() == before


def _fill(places: Places, kind: ListKind) -> ListVersion:
    article = article_49()
    catalogue = factories.draft(places.taiyuan)
    factories.add_matter(catalogue, [article], code="RF-CF-01")
    version = factories.draft(places.taiyuan, kind)
    specs: dict[ListKind, list[Any]] = {
        ListKind.AV_RECORDING: [
            AVSpec("RF-CF-01", "inspect", "现场检查", AVRequirement.FULL, RetentionClass.EVIDENCE, "记录仪")
        ],
        ListKind.MAJOR_DECISIONS: [
            ReviewRuleSpec("ZD-1", ReviewCriterion.AMOUNT, "对单位罚款五万元以上", [article],
                           party_kind=PartyKind.ORGANIZATION, threshold_fen=5_000_000,
                           unconfirmed_note="待省司法厅确认金额"),
        ],
        ListKind.RANDOM_INSPECTION: [
            InspectionSpec("CC-1", "人防工程维护管理检查", [article], "太原市人防办", "人防工程使用单位",
                           "维护管理制度落实情况", "现场检查", "每年一次", ratio_percent=5),
        ],
        ListKind.FEE_STANDARDS: [
            FeeSpec("FY-1", "防空地下室易地建设费", 6000, "平方米", [article],
                    exemptions=[ExemptionSpec("JM-1", "幼儿园、学校教学楼", [article])],
                    unconfirmed_note="待核对省物价局文件"),
        ],
        ListKind.BENCHMARKS: [factories.benchmark(article, PartyKind.ORGANIZATION, 10_000, 20_000)],
    }  # fmt: skip
    for spec in specs[kind]:
        actions.check_add_list_entry(actor=SYSTEM, version=version, spec=spec)
    return version


@pytest.mark.parametrize(
    "kind",
    [
        ListKind.BENCHMARKS,
        ListKind.AV_RECORDING,
        ListKind.MAJOR_DECISIONS,
        ListKind.RANDOM_INSPECTION,
        ListKind.FEE_STANDARDS,
    ],
)
def test_an_export_reimports_unchanged(places: Places, kind: ListKind) -> None:
    version = _fill(places, kind)
    exported = spreadsheets.export_list(version)
    layout = spreadsheets.LAYOUTS[kind]
    before = [layout.row(entry) for entry in layout.entries(version)]
    summary = imported(version, exported)
    assert summary.removed == summary.added == len(before)
    assert [layout.row(entry) for entry in layout.entries(version)] == before


def test_fee_exemptions_keep_their_codes_and_the_to_confirm_mark(places: Places) -> None:
    version = _fill(places, ListKind.FEE_STANDARDS)
    imported(version, spreadsheets.export_list(version))
    standard = FeeStandard.objects.get(version=version)
    assert [(e.code, e.name) for e in standard.exemptions.all()] == [("JM-1", "幼儿园、学校教学楼")]
    assert standard.unconfirmed
    assert standard.unconfirmed_note == "待核对省物价局文件"


def test_the_template_has_the_header_and_instructions(version: ListVersion) -> None:
    book = openpyxl.load_workbook(io.BytesIO(spreadsheets.template(version)))
    assert [cell.value for cell in book["裁量基准"][1]] == BENCHMARK_HEADER
    assert len(book.sheetnames) == 2


def test_changing_an_entry_writes_one_record_and_keeps_the_range_check(version: ListVersion) -> None:
    """人民防空法 第四十九条: a change to 60,000 yuan for an organisation is refused like an addition."""
    article = article_49()
    entry = actions.check_add_benchmark(
        actor=SYSTEM,
        version=version,
        spec=factories.benchmark(article, PartyKind.ORGANIZATION, 10_000, 20_000),
    )
    before = table_counts()
    with pytest.raises(RuleViolation, match="第四十九条"):
        actions.check_change_entry(
            actor=SYSTEM,
            version=version,
            entry_id=entry.pk,
            spec=factories.benchmark(article, PartyKind.ORGANIZATION, 10_000, 60_000),
        )
    assert table_counts() == before
    records = PendingEntry.objects.count()
    changed = actions.check_change_entry(
        actor=SYSTEM,
        version=version,
        entry_id=entry.pk,
        spec=factories.benchmark(article, PartyKind.ORGANIZATION, 20_000, 40_000),
    )
    assert isinstance(changed, BenchmarkEntry)
    assert (changed.min_fen, changed.max_fen) == (2_000_000, 4_000_000)
    assert list(PendingEntry.objects.order_by("pk").values_list("event_type", flat=True)[records:]) == [
        "list_entry.changed"
    ]
