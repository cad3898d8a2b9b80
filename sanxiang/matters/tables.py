"""Which entry table belongs to which list, and which tables cite articles. Pure mapping; no queries."""

from __future__ import annotations

from django.db import models

from sanxiang.matters.enums import ListKind
from sanxiang.matters.models import (
    AVEntry,
    BenchmarkEntry,
    FeeStandard,
    InspectionItem,
    MajorDecisionRule,
    Matter,
)

ENTRY_MODELS: dict[ListKind, type[models.Model]] = {
    ListKind.CATALOGUE: Matter,
    ListKind.BENCHMARKS: BenchmarkEntry,
    ListKind.AV_RECORDING: AVEntry,
    ListKind.MAJOR_DECISIONS: MajorDecisionRule,
    ListKind.RANDOM_INSPECTION: InspectionItem,
    ListKind.FEE_STANDARDS: FeeStandard,
}

# Tables whose rows cite articles through an ``articles`` relation and carry the "to be confirmed" mark.
CITING_MODELS: tuple[
    type[Matter | BenchmarkEntry | MajorDecisionRule | InspectionItem | FeeStandard], ...
] = (
    Matter,
    BenchmarkEntry,
    MajorDecisionRule,
    InspectionItem,
    FeeStandard,
)


def table_name(model: type[models.Model]) -> str:
    return model._meta.model_name or model.__name__.lower()
