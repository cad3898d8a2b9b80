"""The models of the case aggregate: parties and numbering (``parties``), cases with their acts and time
limits (``cases``) and the per-agency case settings (``settings``). Import them from here."""

from sanxiang.cases.models.cases import Case, CaseAct, CaseLimit, CaseOfficer, LimitState
from sanxiang.cases.models.discussions import CollectiveDiscussion
from sanxiang.cases.models.parties import (
    DEFAULT_PATTERN,
    MASK_KEEP,
    AllocatedNumber,
    NumberCounter,
    NumberPattern,
    Party,
)
from sanxiang.cases.models.settings import CaseSetting

__all__ = [
    "DEFAULT_PATTERN",
    "MASK_KEEP",
    "AllocatedNumber",
    "Case",
    "CaseAct",
    "CaseLimit",
    "CaseOfficer",
    "CaseSetting",
    "CollectiveDiscussion",
    "LimitState",
    "NumberCounter",
    "NumberPattern",
    "Party",
]
