"""The rows of the office's published lists (seed 二(一)3(1)): 权力清单 (power list), 责任清单
(responsibility list), 罚没清单 (penalty list: fines and confiscations with their ranges), 监管清单
(supervision list) and 收费清单 (fee list). Each builder turns already-fetched rows of the versions in force
into a ``Table`` of plain strings under fixed Chinese headers (the published document's format, like a
文书; never translated), so the portal page, the XLSX and the CSV show the same cells. Pure: no queries, no
writes; entries reach here with their relations prefetched (``published.build``)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sanxiang.core.spreadsheets import Column
from sanxiang.matters.enums import MatterType, PartyKind
from sanxiang.matters.models import Article, BenchmarkEntry, FeeStandard, InspectionItem, Matter
from sanxiang.matters.money import yuan
from sanxiang.matters.spreadsheets.layouts import PARTY_LABELS, TIER_LABELS, TYPE_LABELS, exemption_lines

UNIT_LABELS = {"working_days": "个工作日", "calendar_days": "日", "months": "个月"}
DEPARTMENT_LABELS = {"enforcement": "执法机构", "legal": "法制机构", "office": "办公室", "other": "其他机构"}
RELIEF_LABELS = {"reconsideration": "行政复议", "litigation": "行政诉讼"}
_CONFIRM = Column("unconfirmed", "待确认事项", False, 24)


@dataclass(frozen=True)
class Row:
    """One row: ``key`` identifies it across versions (for the diff), ``unconfirmed`` is the placeholder
    note an administrator must still confirm ("" once confirmed)."""

    key: str
    cells: tuple[str, ...]
    unconfirmed: str = ""

    @property
    def values(self) -> tuple[str, ...]:
        return (*self.cells, self.unconfirmed)


@dataclass(frozen=True)
class Table:
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]


def citations(articles: Iterable[Article]) -> str:
    return "；".join(article.citation for article in articles)


def _limit(value: int | None, unit: str) -> str:
    return "" if value is None else f"{value}{UNIT_LABELS.get(unit, '')}"


def _note(entry: Matter | BenchmarkEntry | InspectionItem | FeeStandard) -> str:
    return (entry.unconfirmed_note or "待确认") if entry.unconfirmed else ""


def _range(low: int | None, high: int | None) -> str:
    if low is None and high is None:
        return ""
    return f"{yuan(low or 0)}–{yuan(high or 0)}"


POWER_COLUMNS = (
    Column("code", "事项编码", True, 12),
    Column("name", "事项名称", True, 30),
    Column("type", "权力类型", True, 10),
    Column("body", "实施主体", True, 24),
    Column("department", "承办机构", True, 16),
    Column("basis", "设定依据", True, 40),
    Column("statutory", "法定时限", False, 12),
    Column("promised", "承诺时限", False, 12),
    Column("relief", "救济渠道", False, 30),
    _CONFIRM,
)


def _relief(matter: Matter) -> str:
    parts = []
    for channel in matter.relief_channels.all():
        within = _limit(channel.time_limit, channel.unit)
        parts.append(f"{RELIEF_LABELS.get(channel.kind, channel.kind)}（{channel.body}，{within}内）")
    return "；".join(parts)


def power_table(matters: Sequence[Matter], *, body: str) -> Table:
    """权力清单: every power the agency exercises, with its basis, time limits and relief."""
    rows = tuple(
        Row(
            matter.code,
            (
                matter.code,
                matter.name,
                TYPE_LABELS[MatterType(matter.type)],
                body,
                matter.accepting_body or DEPARTMENT_LABELS.get(matter.department_kind, ""),
                citations(matter.articles.all()),
                _limit(matter.statutory_limit, matter.statutory_unit) or matter.time_limit_note,
                _limit(matter.promised_limit, matter.promised_unit),
                _relief(matter),
            ),
            _note(matter),
        )
        for matter in matters
    )
    return Table(POWER_COLUMNS, rows)


RESPONSIBILITY_COLUMNS = (
    Column("code", "事项编码", True, 12),
    Column("name", "事项名称", True, 30),
    Column("type", "权力类型", True, 10),
    Column("body", "责任主体", True, 24),
    Column("department", "承办机构", True, 16),
    Column("duties", "责任事项", True, 40),
    Column("supervision", "监督方式", False, 30),
    Column("accountability", "追责情形", False, 30),
    Column("phone", "监督电话", False, 14),
    _CONFIRM,
)


def responsibility_table(matters: Sequence[Matter], *, body: str) -> Table:
    """责任清单: for each power, who answers for it, what the duty is, how it is supervised and when
    officials are held accountable."""
    rows = tuple(
        Row(
            matter.code,
            (
                matter.code,
                matter.name,
                TYPE_LABELS[MatterType(matter.type)],
                body,
                matter.accepting_body or DEPARTMENT_LABELS.get(matter.department_kind, ""),
                matter.procedure,
                matter.supervision,
                matter.accountability,
                matter.complaint_phone or matter.office_phone,
            ),
            _note(matter),
        )
        for matter in matters
    )
    return Table(RESPONSIBILITY_COLUMNS, rows)


PENALTY_COLUMNS = (
    Column("code", "编码", True, 12),
    Column("matter", "事项名称", True, 30),
    Column("violation", "违法行为", True, 30),
    Column("basis", "处罚依据", True, 40),
    Column("party", "当事人类型", False, 10),
    Column("tier", "裁量阶次", False, 10),
    Column("condition", "适用情形", False, 30),
    Column("measures", "处罚种类（罚没措施）", False, 20),
    Column("amount", "罚没金额幅度（元）", False, 18),
    Column("statutory", "法定幅度（元）", False, 18),
    _CONFIRM,
)


def _statutory(articles: Iterable[Article], party: str | None) -> str:
    ranges = [
        r for article in articles for r in article.ranges.all() if party is None or r.party_kind == party
    ]
    return "；".join(
        f"{PARTY_LABELS[PartyKind(r.party_kind)]} {_range(r.min_fen, r.max_fen)}" for r in ranges
    )


def _benchmark_row(entry: BenchmarkEntry, names: dict[str, str]) -> Row:
    articles = list(entry.articles.all())
    key = f"{entry.code}/{entry.party_kind}/{entry.tier}"
    cells = (
        entry.code,
        names.get(entry.matter_code, ""),
        entry.violation,
        citations(articles),
        PARTY_LABELS[PartyKind(entry.party_kind)],
        TIER_LABELS[entry.tier],
        entry.condition,
        entry.measures or ("罚款" if entry.max_fen else ""),
        _range(entry.min_fen, entry.max_fen),
        _statutory(articles, entry.party_kind),
    )
    return Row(key, cells, _note(entry))


def penalty_table(matters: Sequence[Matter], benchmarks: Sequence[BenchmarkEntry]) -> Table:
    """罚没清单: every penalty the agency may impose, with the fine (and confiscation) ranges of the
    discretion benchmarks and the statutory range they must stay inside (行政处罚法 第34条). A penalty
    matter no benchmark names still appears, with its statutory range."""
    penalties = [matter for matter in matters if matter.type == MatterType.PENALTY]
    names = {matter.code: matter.name for matter in penalties}
    rows = [_benchmark_row(entry, names) for entry in benchmarks]
    named = {entry.matter_code for entry in benchmarks}
    for matter in penalties:
        if matter.code in named:
            continue
        articles = list(matter.articles.all())
        cells = (matter.code, matter.name, matter.name, citations(articles), "", "", "", "", "", "")
        rows.append(Row(matter.code, (*cells[:-1], _statutory(articles, None)), _note(matter)))
    return Table(PENALTY_COLUMNS, tuple(rows))


SUPERVISION_COLUMNS = (
    Column("code", "编码", True, 12),
    Column("name", "监管事项", True, 30),
    Column("matter", "事项编码", False, 12),
    Column("basis", "监管依据", True, 40),
    Column("body", "监管主体", True, 20),
    Column("objects", "监管对象", True, 20),
    Column("content", "监管内容", True, 40),
    Column("method", "监管方式", True, 16),
    Column("ratio", "抽查比例", False, 10),
    Column("frequency", "抽查频次", False, 12),
    _CONFIRM,
)


def supervision_table(matters: Sequence[Matter], items: Sequence[InspectionItem], *, body: str) -> Table:
    """监管清单: the random-inspection items, and every inspection matter of the catalogue none of them
    covers (国办发〔2015〕58号: no inspection without a basis in law)."""
    rows = [
        Row(
            item.code,
            (
                item.code,
                item.name,
                item.matter_code,
                citations(item.articles.all()),
                item.inspecting_body,
                item.object_type,
                item.content,
                item.method,
                "" if item.ratio_percent is None else f"{item.ratio_percent}%",
                item.frequency,
            ),
            _note(item),
        )
        for item in items
    ]
    covered = {item.matter_code for item in items}
    for matter in matters:
        if matter.type == MatterType.INSPECTION and matter.code not in covered:
            basis = citations(matter.articles.all())
            cells = (matter.code, matter.name, matter.code, basis, body, "", matter.conditions, "", "", "")
            rows.append(Row(matter.code, cells, _note(matter)))
    return Table(SUPERVISION_COLUMNS, tuple(rows))


FEE_COLUMNS = (
    Column("code", "编码", True, 12),
    Column("name", "收费项目", True, 30),
    Column("matter", "事项编码", False, 12),
    Column("basis", "收费依据", True, 40),
    Column("rate", "收费标准（元）", True, 14),
    Column("unit", "计费单位", True, 10),
    Column("exemptions", "减免项目", False, 40),
    Column("note", "备注", False, 30),
    _CONFIRM,
)


def fee_table(matters: Sequence[Matter], standards: Sequence[FeeStandard]) -> Table:
    """收费清单: every fee and levy with its basis, rate and the coded exemptions it allows (政府信息公开条例
    第20条(六); 中发〔2001〕9号: no other exemption may be granted). A fee or levy matter no standard names
    still appears, with the fee text of its service guide."""
    rows = [
        Row(
            standard.code,
            (
                standard.code,
                standard.name,
                standard.matter_code,
                citations(standard.articles.all()),
                yuan(standard.rate_fen),
                standard.per_unit,
                exemption_lines(standard),
                standard.note,
            ),
            _note(standard),
        )
        for standard in standards
    ]
    named = {standard.matter_code for standard in standards}
    for matter in matters:
        if matter.type in (MatterType.FEE, MatterType.LEVY) and matter.code not in named:
            basis = citations(matter.articles.all())
            cells = (matter.code, matter.name, matter.code, basis, "", "", "", matter.fee_standard)
            rows.append(Row(matter.code, cells, _note(matter)))
    return Table(FEE_COLUMNS, tuple(rows))
