"""Enforcement procedures as data: for each procedure (the workflow key a matter names), its stages and the
transition table between them — the acts, their guards and the time limits they start, pause or stop.

The table *is* the legal procedure: it is printed as the matter's flowchart on the portal (事前公开), and it
drives the case engine in ``sanxiang.cases``, the only place that changes a case's stage. This package is
pure data and pure functions: no database, no Django models, never any I/O.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class DayUnit(StrEnum):
    WORKING = "working"  # 工作日
    CALENDAR = "calendar"  # 自然日
    MONTH = "month"


class LimitEffect(StrEnum):
    START = "start"
    PAUSE = "pause"
    RESUME = "resume"
    STOP = "stop"


@dataclass(frozen=True)
class TimeLimit:
    """A statutory time limit, e.g. 90 calendar days to decide a penalty case (行政处罚法 第60条)."""

    code: str
    label: str
    days: int
    unit: DayUnit
    basis: str  # the article, e.g. "行政处罚法 第60条"


@dataclass(frozen=True)
class LimitChange:
    limit: str  # TimeLimit.code
    effect: LimitEffect


@dataclass(frozen=True)
class Stage:
    code: str
    label: str
    terminal: bool = False


@dataclass(frozen=True)
class Transition:
    """An act that moves a case from ``source`` to ``target`` when every guard passes. ``guards`` name checks
    the case engine implements (e.g. "two_certified_officers", "legal_review_passed"), each citing its article
    in the engine; ``basis`` is the article that provides for the act itself."""

    act: str
    label: str
    source: str
    target: str
    guards: tuple[str, ...] = ()
    limits: tuple[LimitChange, ...] = ()
    basis: str = ""
    optional: bool = False  # a branch taken only in some cases (hearing, collective discussion, extension)


@dataclass(frozen=True)
class Procedure:
    key: str
    label: str
    version: str  # procedures are versioned with the catalogue; a case keeps the version it started with
    stages: tuple[Stage, ...]
    transitions: tuple[Transition, ...]
    limits: tuple[TimeLimit, ...] = field(default=())

    def stage(self, code: str) -> Stage:
        for stage in self.stages:
            if stage.code == code:
                return stage
        raise KeyError(code)

    def acts_from(self, stage: str) -> tuple[Transition, ...]:
        return tuple(transition for transition in self.transitions if transition.source == stage)

    @property
    def initial(self) -> Stage:
        return self.stages[0]


_registry: dict[str, Procedure] = {}


def register(procedure: Procedure) -> Procedure:
    """Add a procedure. Its stages must exist and every non-terminal stage must have an act out of it."""
    codes = {stage.code for stage in procedure.stages}
    for transition in procedure.transitions:
        if transition.source not in codes or transition.target not in codes:
            raise ValueError(f"{procedure.key}: {transition.act} joins unknown stages")
    for stage in procedure.stages:
        if not stage.terminal and not procedure.acts_from(stage.code):
            raise ValueError(f"{procedure.key}: stage {stage.code} has no way out")
    if procedure.key in _registry:
        raise ValueError(f"procedure {procedure.key!r} is already registered")
    _registry[procedure.key] = procedure
    return procedure


def get(key: str) -> Procedure:
    return _registry[key]


def all_procedures() -> list[Procedure]:
    return sorted(_registry.values(), key=lambda procedure: procedure.key)
