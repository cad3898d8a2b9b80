"""The spreadsheet layouts of the attached lists, in the columns offices keep: discretion benchmarks
(裁量基准), the AV-recording list (音像记录事项清单), the major-decision catalogue (重大执法决定法制审核目录),
the random-inspection items (随机抽查事项清单) and fee and levy standards (收费标准, exemptions in one cell,
one per line as 编码｜名称｜依据). Headers and choice labels are the file format: fixed Chinese, never
translated. Each layout turns a row into a spec and an entry back into a row, so an export re-imports
unchanged. Never writes."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from sanxiang.core.spreadsheets import Column
from sanxiang.matters.enums import (
    AVRequirement,
    ListKind,
    MatterType,
    PartyKind,
    RetentionClass,
    ReviewCriterion,
    Tier,
)
from sanxiang.matters.models import (
    AVEntry,
    BenchmarkEntry,
    FeeStandard,
    InspectionItem,
    ListVersion,
    MajorDecisionRule,
)
from sanxiang.matters.money import yuan
from sanxiang.matters.specs import (
    AVSpec,
    BenchmarkSpec,
    EntrySpec,
    ExemptionSpec,
    FeeSpec,
    InspectionSpec,
    ReviewRuleSpec,
)
from sanxiang.matters.spreadsheets.cells import Cells, Citations, join_citations

PARTY_LABELS: dict[str, str] = {PartyKind.INDIVIDUAL: "个人", PartyKind.ORGANIZATION: "单位"}
TIER_LABELS: dict[str, str] = {
    Tier.NO_PENALTY: "不予处罚",
    Tier.LENIENT: "从轻",
    Tier.ORDINARY: "一般",
    Tier.SEVERE: "从重",
}
AV_LABELS: dict[str, str] = {
    AVRequirement.FULL: "全程音像记录",
    AVRequirement.AS_NEEDED: "根据需要",
    AVRequirement.NOT_REQUIRED: "不要求",
}
RETENTION_LABELS: dict[str, str] = {
    RetentionClass.EVIDENCE: "作为证据随案归档",
    RetentionClass.ROUTINE: "常规保存",
}
TYPE_LABELS: dict[str, str] = {
    MatterType.LICENSE: "行政许可",
    MatterType.PENALTY: "行政处罚",
    MatterType.COERCION: "行政强制",
    MatterType.LEVY: "行政征收",
    MatterType.FEE: "行政收费",
    MatterType.INSPECTION: "行政检查",
}
CRITERION_LABELS: dict[str, str] = {
    ReviewCriterion.AMOUNT: "金额达到标准",
    ReviewCriterion.PENALTY_KIND: "处罚种类",
    ReviewCriterion.HEARING_HELD: "经过听证",
    ReviewCriterion.DECISION_KIND: "决定种类",
    ReviewCriterion.HANDLER_FLAG: "承办人认定",
}
_UNCONFIRMED = Column("unconfirmed_note", "待确认事项", False, 24, 255)


@dataclass(frozen=True)
class Layout:
    kind: ListKind
    sheet_title: str
    columns: tuple[Column, ...]
    choices: Mapping[str, Mapping[str, str]]
    parse: Callable[[Cells, Citations], EntrySpec]
    row: Callable[[Any], list[Any]]
    entries: Callable[[ListVersion], QuerySet[Any]]


def _fen_text(fen: int | None) -> str:
    return "" if fen is None else yuan(fen).replace(",", "")


def _benchmark(cells: Cells, citations: Citations) -> BenchmarkSpec:
    return BenchmarkSpec(
        code=cells.code("code"),
        violation=cells.text("violation"),
        matter_code=cells.code("matter_code"),
        articles=cells.articles("articles", citations),
        party_kind=PartyKind(cells.choice("party_kind", PARTY_LABELS) or PartyKind.INDIVIDUAL),
        tier=Tier(cells.choice("tier", TIER_LABELS) or Tier.ORDINARY),
        condition=cells.text("condition"),
        measures=cells.text("measures"),
        min_fen=cells.fen("min_fen"),
        max_fen=cells.fen("max_fen"),
        unconfirmed_note=cells.text("unconfirmed_note"),
    )


def _benchmark_row(entry: BenchmarkEntry) -> list[Any]:
    return [
        entry.code,
        entry.violation,
        entry.matter_code,
        join_citations(list(entry.articles.all())),
        PARTY_LABELS[PartyKind(entry.party_kind)],
        TIER_LABELS[Tier(entry.tier)],
        entry.condition,
        entry.measures,
        _fen_text(entry.min_fen),
        _fen_text(entry.max_fen),
        entry.unconfirmed_note if entry.unconfirmed else "",
    ]


BENCHMARKS = Layout(
    kind=ListKind.BENCHMARKS,
    sheet_title="裁量基准",
    columns=(
        Column("code", "编码", True, 12, 32),
        Column("violation", "违法行为", True, 30, 2000),
        Column("matter_code", "事项编码", False, 12, 32),
        Column("articles", "法律依据", True, 30, 2000),
        Column("party_kind", "当事人类型", True, 10),
        Column("tier", "裁量阶次", True, 10),
        Column("condition", "适用情形", True, 40, 2000),
        Column("measures", "处罚措施", False, 20, 255),
        Column("min_fen", "罚款下限（元）", False, 12),
        Column("max_fen", "罚款上限（元）", False, 12),
        _UNCONFIRMED,
    ),
    choices={"party_kind": PARTY_LABELS, "tier": TIER_LABELS},
    parse=_benchmark,
    row=_benchmark_row,
    entries=lambda version: BenchmarkEntry.objects.filter(version=version).prefetch_related("articles__law"),
)


def _av(cells: Cells, citations: Citations) -> AVSpec:
    return AVSpec(
        matter_code=cells.code("matter_code"),
        step=cells.text("step"),
        step_name=cells.text("step_name"),
        requirement=AVRequirement(cells.choice("requirement", AV_LABELS) or AVRequirement.FULL),
        retention=RetentionClass(cells.choice("retention", RETENTION_LABELS) or RetentionClass.EVIDENCE),
        note=cells.text("note"),
    )


def _av_row(entry: AVEntry) -> list[Any]:
    return [
        entry.matter_code,
        entry.step,
        entry.step_name,
        AV_LABELS[AVRequirement(entry.requirement)],
        RETENTION_LABELS[RetentionClass(entry.retention)],
        entry.note,
    ]


AV_RECORDING = Layout(
    kind=ListKind.AV_RECORDING,
    sheet_title="音像记录事项清单",
    columns=(
        Column("matter_code", "事项编码", True, 12, 32),
        Column("step", "环节编码", True, 14, 32),
        Column("step_name", "执法环节", True, 16, 64),
        Column("requirement", "记录要求", True, 14),
        Column("retention", "保存类别", True, 18),
        Column("note", "备注", False, 30, 255),
    ),
    choices={"requirement": AV_LABELS, "retention": RETENTION_LABELS},
    parse=_av,
    row=_av_row,
    entries=lambda version: AVEntry.objects.filter(version=version),
)


def _review_rule(cells: Cells, citations: Citations) -> ReviewRuleSpec:
    matter_type = cells.choice("matter_type", TYPE_LABELS, required=False)
    party = cells.choice("party_kind", PARTY_LABELS, required=False)
    return ReviewRuleSpec(
        code=cells.code("code"),
        criterion=ReviewCriterion(
            cells.choice("criterion", CRITERION_LABELS) or ReviewCriterion.HANDLER_FLAG
        ),
        matter_type=MatterType(matter_type) if matter_type else None,
        party_kind=PartyKind(party) if party else None,
        threshold_fen=cells.fen("threshold_fen"),
        value=cells.text("value"),
        description=cells.text("description"),
        articles=cells.articles("articles", citations),
        unconfirmed_note=cells.text("unconfirmed_note"),
    )


def _review_rule_row(rule: MajorDecisionRule) -> list[Any]:
    return [
        rule.code,
        CRITERION_LABELS[ReviewCriterion(rule.criterion)],
        TYPE_LABELS[MatterType(rule.matter_type)] if rule.matter_type else "",
        PARTY_LABELS[PartyKind(rule.party_kind)] if rule.party_kind else "",
        _fen_text(rule.threshold_fen),
        rule.value,
        rule.description,
        join_citations(list(rule.articles.all())),
        rule.unconfirmed_note if rule.unconfirmed else "",
    ]


MAJOR_DECISIONS = Layout(
    kind=ListKind.MAJOR_DECISIONS,
    sheet_title="重大执法决定法制审核目录",
    columns=(
        Column("code", "编码", True, 12, 32),
        Column("criterion", "审核情形", True, 14),
        Column("matter_type", "执法类别", False, 12),
        Column("party_kind", "当事人类型", False, 10),
        Column("threshold_fen", "金额标准（元）", False, 14),
        Column("value", "取值", False, 16, 64),
        Column("description", "说明", True, 40, 2000),
        Column("articles", "法律依据", False, 30, 2000),
        _UNCONFIRMED,
    ),
    choices={"criterion": CRITERION_LABELS, "matter_type": TYPE_LABELS, "party_kind": PARTY_LABELS},
    parse=_review_rule,
    row=_review_rule_row,
    entries=lambda version: MajorDecisionRule.objects.filter(version=version).prefetch_related(
        "articles__law"
    ),
)


def _inspection(cells: Cells, citations: Citations) -> InspectionSpec:
    return InspectionSpec(
        code=cells.code("code"),
        name=cells.text("name"),
        matter_code=cells.code("matter_code"),
        articles=cells.articles("articles", citations),
        inspecting_body=cells.text("inspecting_body"),
        object_type=cells.text("object_type"),
        content=cells.text("content"),
        ratio_percent=cells.percent("ratio_percent"),
        method=cells.text("method"),
        frequency=cells.text("frequency"),
        unconfirmed_note=cells.text("unconfirmed_note"),
    )


def _inspection_row(item: InspectionItem) -> list[Any]:
    return [
        item.code,
        item.name,
        item.matter_code,
        join_citations(list(item.articles.all())),
        item.inspecting_body,
        item.object_type,
        item.content,
        "" if item.ratio_percent is None else str(item.ratio_percent),
        item.method,
        item.frequency,
        item.unconfirmed_note if item.unconfirmed else "",
    ]


RANDOM_INSPECTION = Layout(
    kind=ListKind.RANDOM_INSPECTION,
    sheet_title="随机抽查事项清单",
    columns=(
        Column("code", "编码", True, 12, 32),
        Column("name", "抽查事项", True, 24, 255),
        Column("matter_code", "事项编码", False, 12, 32),
        Column("articles", "抽查依据", True, 30, 2000),
        Column("inspecting_body", "抽查主体", True, 20),
        Column("object_type", "抽查对象", True, 20, 255),
        Column("content", "抽查内容", True, 40, 2000),
        Column("ratio_percent", "抽查比例（%）", False, 10),
        Column("method", "抽查方式", True, 16),
        Column("frequency", "抽查频次", True, 16),
        _UNCONFIRMED,
    ),
    choices={},
    parse=_inspection,
    row=_inspection_row,
    entries=lambda version: InspectionItem.objects.filter(version=version).prefetch_related("articles__law"),
)


def parse_exemptions(cells: Cells, citations: Citations) -> list[ExemptionSpec]:
    """One exemption per line: 编码｜名称｜依据 (several citations separated by ；)."""
    found = []
    for line in cells.text("exemptions").splitlines():
        if not line.strip():
            continue
        parts = [part.strip() for part in line.replace("|", "｜").split("｜")]
        if len(parts) != 3 or not all(parts):
            cells.fail("exemptions", _("Write each exemption on its own line as code｜name｜basis."))
            continue
        articles = Cells(cells.number, {"articles": parts[2]}, ())
        cited = articles.articles("articles", citations)
        for error in articles.errors:
            cells.fail("exemptions", error.message)
        found.append(ExemptionSpec(code=parts[0].upper(), name=parts[1], articles=cited))
    return found


def _fee(cells: Cells, citations: Citations) -> FeeSpec:
    rate = cells.fen("rate_fen")
    return FeeSpec(
        code=cells.code("code"),
        name=cells.text("name"),
        matter_code=cells.code("matter_code"),
        rate_fen=0 if rate is None else rate,
        per_unit=cells.text("per_unit"),
        articles=cells.articles("articles", citations),
        exemptions=parse_exemptions(cells, citations),
        note=cells.text("note"),
        unconfirmed_note=cells.text("unconfirmed_note"),
    )


def exemption_lines(standard: FeeStandard) -> str:
    """The standard's exemptions as the cell (and form field) writes them: code｜name｜basis per line."""
    return "\n".join(
        f"{item.code}｜{item.name}｜{'；'.join(a.citation for a in item.articles.all())}"
        for item in standard.exemptions.all()
    )


def _fee_row(standard: FeeStandard) -> list[Any]:
    return [
        standard.code,
        standard.name,
        standard.matter_code,
        _fen_text(standard.rate_fen),
        standard.per_unit,
        join_citations(list(standard.articles.all())),
        exemption_lines(standard),
        standard.note,
        standard.unconfirmed_note if standard.unconfirmed else "",
    ]


FEE_STANDARDS = Layout(
    kind=ListKind.FEE_STANDARDS,
    sheet_title="收费标准",
    columns=(
        Column("code", "编码", True, 12, 32),
        Column("name", "收费项目", True, 24, 255),
        Column("matter_code", "事项编码", False, 12, 32),
        Column("rate_fen", "收费标准（元）", True, 14),
        Column("per_unit", "计费单位", True, 10, 16),
        Column("articles", "收费依据", True, 30, 2000),
        Column("exemptions", "减免项目", False, 40, 4000),
        Column("note", "备注", False, 30, 2000),
        _UNCONFIRMED,
    ),
    choices={},
    parse=_fee,
    row=_fee_row,
    entries=lambda version: FeeStandard.objects.filter(version=version).prefetch_related(
        "articles__law", "exemptions__articles__law"
    ),
)

LAYOUTS: dict[ListKind, Layout] = {
    layout.kind: layout
    for layout in (BENCHMARKS, AV_RECORDING, MAJOR_DECISIONS, RANDOM_INSPECTION, FEE_STANDARDS)
}
