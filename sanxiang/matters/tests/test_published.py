"""The office's published lists (seed 二(一)3(1)) built from the published versions in force: a city applies
the province's catalogue, a draft never shows, the penalty list carries the benchmark ranges and the
statutory range of 人民防空法 第四十九条, placeholders stay flagged, and a new version shows what changed
(动态调整). Files: XLSX with a caption naming the versions, CSV that Excel opens and never computes."""

from __future__ import annotations

import datetime as dt
import io

import openpyxl
import pytest

from sanxiang.core.spreadsheets import Column
from sanxiang.matters import actions, published
from sanxiang.matters.enums import ListKind, MatterType, PartyKind, PublishedListKind
from sanxiang.matters.models import Article, Matter
from sanxiang.matters.published import Row, diff_rows
from sanxiang.matters.specs import FeeSpec, InspectionSpec
from sanxiang.matters.tests import factories
from sanxiang.matters.tests.conftest import Places
from sanxiang.organizations.enums import AgencyLevel

SYSTEM = factories.SYSTEM
JUNE, JULY = dt.date(2026, 6, 1), dt.date(2026, 7, 1)
COLUMNS = (Column("code", "编码", True, 10), Column("name", "名称", True, 10))


def test_the_diff_names_added_removed_and_changed_rows_and_columns() -> None:
    before = [Row("A", ("A", "甲")), Row("B", ("B", "乙")), Row("C", ("C", "丙"))]
    after = [
        Row("A", ("A", "甲")),
        Row("B", ("B", "乙改")),
        Row("C", ("C", "丙"), "待确认"),
        Row("D", ("D", "丁")),
    ]
    diff = diff_rows(before, after, (*COLUMNS, Column("unconfirmed", "待确认事项", False, 10)))
    assert [row.key for row in diff.added] == ["D"]
    assert diff.removed == ()
    assert [(c.after.key, c.columns) for c in diff.changed] == [("B", ("名称",)), ("C", ("待确认事项",))]
    assert diff_rows(after, before[:1], COLUMNS).removed == tuple(after[1:])
    assert diff_rows(before, before, COLUMNS).empty


@pytest.fixture
def article(places: Places) -> Article:
    return factories.article_49()


@pytest.fixture
def province_lists(places: Places, article: Article) -> dict[ListKind, int]:
    """The province publishes, in force from today: a catalogue (a penalty, an inspection, a levy matter and
    a penalty only the province exercises), benchmarks for 第四十九条, an inspection item and a fee."""
    catalogue = factories.draft(places.province, effective=JUNE)
    factories.add_matter(catalogue, [article], code="CF-01", name="擅自拆除人防工程")
    factories.add_matter(
        catalogue, [article], code="CF-02", name="省级处罚", agency_levels=(AgencyLevel.PROVINCE,)
    )
    factories.add_matter(catalogue, [article], code="JC-01", name="人防工程检查", type=MatterType.INSPECTION)
    factories.add_matter(
        catalogue, [article], code="ZS-01", name="易地建设费征收", type=MatterType.LEVY, fee_standard="按面积"
    )
    benchmarks = factories.draft(places.province, ListKind.BENCHMARKS, effective=JUNE)
    spec = factories.benchmark(article, PartyKind.ORGANIZATION, 10_000, 30_000)
    actions.check_add_benchmark(actor=SYSTEM, version=benchmarks, spec=spec)
    inspection = factories.draft(places.province, ListKind.RANDOM_INSPECTION, effective=JUNE)
    item = InspectionSpec(
        "CC-1", "维护管理检查", [article], "省人防办", "使用单位", "制度", "现场", "每年", 5
    )
    actions.check_add_inspection_item(actor=SYSTEM, version=inspection, spec=item)
    fees = factories.draft(places.province, ListKind.FEE_STANDARDS, effective=JUNE)
    fee = FeeSpec(
        "FY-1", "防空地下室易地建设费", 6000, "平方米", [article], unconfirmed_note="待核对费率文件"
    )
    actions.check_add_fee_standard(actor=SYSTEM, version=fees, spec=fee)
    versions = (catalogue, benchmarks, inspection, fees)
    return {ListKind(v.kind): factories.approve_and_publish(v).pk for v in versions}


def keys(kind: PublishedListKind, places: Places, on: dt.date = JUNE) -> list[str]:
    return [row.key for row in published.published_list(kind, places.taiyuan, on=on).table.rows]


def test_a_city_publishes_the_powers_of_its_level_from_the_provincial_catalogue(
    places: Places, province_lists: dict[ListKind, int]
) -> None:
    shown = published.published_list(PublishedListKind.POWER, places.taiyuan, on=JUNE)
    # CF-02 is exercised by the province only; rows follow the order of the six types
    assert [row.key for row in shown.table.rows] == ["CF-01", "ZS-01", "JC-01"]
    assert shown.table.rows[0].cells[3] == places.taiyuan.name
    assert [source.pk for source in shown.sources] == [province_lists[ListKind.CATALOGUE]]
    assert shown.effective_from == JUNE
    assert shown.diff is None  # the first version


def test_the_penalty_list_carries_benchmark_and_statutory_ranges(
    places: Places, province_lists: dict[ListKind, int]
) -> None:
    """人民防空法 第四十九条: organisations 10,000–50,000 yuan; the benchmark asks 10,000–30,000."""
    shown = published.published_list(PublishedListKind.PENALTY, places.taiyuan, on=JUNE)
    row = next(row for row in shown.table.rows if row.key.startswith("RF-49"))
    assert row.cells[8] == "10,000–30,000"
    assert row.cells[9] == "单位 10,000–50,000"
    assert "《中华人民共和国人民防空法》第四十九条" in row.cells[3]
    assert {"CF-01"} <= {r.key for r in shown.table.rows}  # no benchmark names it: shown with its range


def test_supervision_and_fee_lists_and_the_to_confirm_flag(
    places: Places, province_lists: dict[ListKind, int]
) -> None:
    assert keys(PublishedListKind.SUPERVISION, places) == ["CC-1", "JC-01"]
    fees = published.published_list(PublishedListKind.FEE, places.taiyuan, on=JUNE).table.rows
    assert [(row.key, row.unconfirmed) for row in fees] == [("FY-1", "待核对费率文件"), ("ZS-01", "")]


def test_a_draft_never_reaches_a_published_list(places: Places, article: Article) -> None:
    catalogue = factories.draft(places.taiyuan, effective=JUNE)
    factories.add_matter(catalogue, [article], code="CF-09")
    shown = published.published_list(PublishedListKind.POWER, places.taiyuan, on=JUNE)
    assert shown.sources == ()
    assert shown.table.rows == ()


def test_a_new_version_shows_its_date_and_what_changed(
    places: Places, article: Article, province_lists: dict[ListKind, int]
) -> None:
    """动态调整: the province drafts a catalogue in force from 1 July that drops JC-01, adds CF-03 and renames
    CF-01; the power list of 1 July says so, the list of 15 June is unchanged."""
    draft = factories.draft(places.province, effective=JULY)
    for matter in Matter.objects.filter(version=draft, code__in=["JC-01", "CF-01"]):
        actions.check_remove_entry(actor=SYSTEM, version=draft, entry_id=matter.pk)
    factories.add_matter(draft, [article], code="CF-01", name="擅自拆除、改造人防工程")
    factories.add_matter(draft, [article], code="CF-03", name="新增处罚")
    factories.approve_and_publish(draft)
    july = published.published_list(PublishedListKind.POWER, places.taiyuan, on=JULY)
    assert july.effective_from == JULY
    assert july.diff is not None
    assert [row.key for row in july.diff.added] == ["CF-03"]
    assert [row.key for row in july.diff.removed] == ["JC-01"]
    assert [(c.after.key, c.columns) for c in july.diff.changed] == [("CF-01", ("事项名称",))]
    june = published.published_list(PublishedListKind.POWER, places.taiyuan, on=dt.date(2026, 6, 15))
    assert "JC-01" in [row.key for row in june.table.rows]
    assert june.diff is None


def test_the_files_carry_the_same_rows(places: Places, province_lists: dict[ListKind, int]) -> None:
    shown = published.published_list(PublishedListKind.FEE, places.taiyuan, on=JUNE)
    book = openpyxl.load_workbook(io.BytesIO(published.xlsx_file(shown)))
    sheet = book.worksheets[0]
    assert "太原市人民防空办公室" in sheet["A1"].value
    assert "第1版" in sheet["A1"].value
    assert [cell.value for cell in sheet[2]][:2] == ["编码", "收费项目"]
    assert sheet["A3"].value == "FY-1"
    text = published.csv_file(shown).decode("utf-8")
    assert text.startswith("\ufeff编码,收费项目")
    assert "待核对费率文件" in text


def test_a_csv_cell_is_never_computed(places: Places, article: Article) -> None:
    fees = factories.draft(places.province, ListKind.FEE_STANDARDS, effective=JUNE)
    spec = FeeSpec("FY-2", '=HYPERLINK("http://x")', 100, "次", [article])
    actions.check_add_fee_standard(actor=SYSTEM, version=fees, spec=spec)
    factories.approve_and_publish(fees)
    shown = published.published_list(PublishedListKind.FEE, places.taiyuan, on=JUNE)
    assert "'=HYPERLINK" in published.csv_file(shown).decode("utf-8")
