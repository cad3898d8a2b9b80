"""Plain, immutable descriptions of entries to add to a draft list version. Actions validate them; loaders and
forms build them. No rules and no database access here."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from sanxiang.matters.enums import (
    AVRequirement,
    ListKind,
    MatterType,
    PartyKind,
    ReliefKind,
    RetentionClass,
    ReviewCriterion,
    Tier,
    TimeUnit,
)
from sanxiang.matters.models import Article
from sanxiang.organizations.enums import AgencyLevel, DepartmentKind


@dataclass(frozen=True)
class ReliefSpec:
    kind: ReliefKind
    body: str
    time_limit: int
    unit: TimeUnit
    article: Article


@dataclass(frozen=True)
class TimeLimit:
    limit: int
    unit: TimeUnit


@dataclass(frozen=True)
class MatterSpec:
    code: str
    name: str
    type: MatterType
    articles: Sequence[Article]
    workflow_key: str
    agency_levels: Sequence[AgencyLevel] = (AgencyLevel.PROVINCE, AgencyLevel.CITY, AgencyLevel.COUNTY)
    department_kind: DepartmentKind = DepartmentKind.ENFORCEMENT
    statutory: TimeLimit | None = None
    statutory_basis: Article | None = None
    promised: TimeLimit | None = None
    time_limit_note: str = ""
    relief: Sequence[ReliefSpec] = ()
    fee_standard: str = ""
    guide: dict[str, str] = field(default_factory=dict)  # service-guide text fields by model field name
    materials: Sequence[str] = ()
    unconfirmed_note: str = ""


@dataclass(frozen=True)
class BenchmarkSpec:
    code: str
    violation: str
    articles: Sequence[Article]
    party_kind: PartyKind
    tier: Tier
    condition: str
    min_fen: int | None = None
    max_fen: int | None = None
    measures: str = ""
    matter_code: str = ""
    unconfirmed_note: str = ""


@dataclass(frozen=True)
class AVSpec:
    matter_code: str
    step: str
    step_name: str
    requirement: AVRequirement
    retention: RetentionClass
    note: str = ""


@dataclass(frozen=True)
class ReviewRuleSpec:
    code: str
    criterion: ReviewCriterion
    description: str
    articles: Sequence[Article] = ()
    matter_type: MatterType | None = None
    party_kind: PartyKind | None = None
    threshold_fen: int | None = None
    value: str = ""
    unconfirmed_note: str = ""


@dataclass(frozen=True)
class InspectionSpec:
    code: str
    name: str
    articles: Sequence[Article]
    inspecting_body: str
    object_type: str
    content: str
    method: str
    frequency: str
    ratio_percent: int | None = None
    matter_code: str = ""
    unconfirmed_note: str = ""


@dataclass(frozen=True)
class ExemptionSpec:
    code: str
    name: str
    articles: Sequence[Article]


@dataclass(frozen=True)
class FeeSpec:
    code: str
    name: str
    rate_fen: int
    per_unit: str
    articles: Sequence[Article]
    exemptions: Sequence[ExemptionSpec] = ()
    matter_code: str = ""
    note: str = ""
    unconfirmed_note: str = ""


EntrySpec = MatterSpec | BenchmarkSpec | AVSpec | ReviewRuleSpec | InspectionSpec | FeeSpec
KIND_OF_SPEC: dict[type[EntrySpec], ListKind] = {
    MatterSpec: ListKind.CATALOGUE,
    BenchmarkSpec: ListKind.BENCHMARKS,
    AVSpec: ListKind.AV_RECORDING,
    ReviewRuleSpec: ListKind.MAJOR_DECISIONS,
    InspectionSpec: ListKind.RANDOM_INSPECTION,
    FeeSpec: ListKind.FEE_STANDARDS,
}
