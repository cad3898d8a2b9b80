"""The models of the case aggregate: parties and numbering (``parties``), cases with their acts and time
limits (``cases``), the per-agency case settings (``settings``) and service (``service``). Import them
from here."""

from sanxiang.cases.models.cases import Case, CaseAct, CaseLimit, CaseOfficer, LimitState
from sanxiang.cases.models.discussions import CollectiveDiscussion
from sanxiang.cases.models.field_records import FieldRecord, FieldRecordKind
from sanxiang.cases.models.levy import Assessment, Enforcement
from sanxiang.cases.models.parties import (
    DEFAULT_PATTERN,
    MASK_KEEP,
    AllocatedNumber,
    NumberCounter,
    NumberPattern,
    Party,
)
from sanxiang.cases.models.service import ServiceMethod, ServiceOutcome, ServiceRecord
from sanxiang.cases.models.settings import CaseSetting

__all__ = [
    "DEFAULT_PATTERN",
    "MASK_KEEP",
    "AllocatedNumber",
    "Assessment",
    "Case",
    "CaseAct",
    "CaseLimit",
    "CaseOfficer",
    "CaseSetting",
    "CollectiveDiscussion",
    "Enforcement",
    "FieldRecord",
    "FieldRecordKind",
    "LimitState",
    "NumberCounter",
    "NumberPattern",
    "Party",
    "ServiceMethod",
    "ServiceOutcome",
    "ServiceRecord",
]
