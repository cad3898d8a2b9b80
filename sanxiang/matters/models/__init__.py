"""The tables of the matters app: the legal-basis library, list versions, the catalogue of matters and the
attached lists. Rows change only through ``matters.actions`` (each change writes its record)."""

from sanxiang.matters.models.catalogue import Matter, ReliefChannel
from sanxiang.matters.models.library import Article, Law, StatutoryRange
from sanxiang.matters.models.lists import (
    AVEntry,
    BenchmarkEntry,
    FeeExemption,
    FeeStandard,
    InspectionItem,
    MajorDecisionRule,
)
from sanxiang.matters.models.versions import Confirmable, ListVersion
from sanxiang.matters.models.windows import ServiceWindow

__all__ = [
    "AVEntry",
    "Article",
    "BenchmarkEntry",
    "Confirmable",
    "FeeExemption",
    "FeeStandard",
    "InspectionItem",
    "Law",
    "ListVersion",
    "MajorDecisionRule",
    "Matter",
    "ReliefChannel",
    "ServiceWindow",
    "StatutoryRange",
]
