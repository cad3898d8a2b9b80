"""Enforcement procedures as data: for each procedure (the workflow key a matter names), its stages and the
transition table between them — the acts, their guards and the time limits they start, pause or stop.

The table *is* the legal procedure: it is printed as the matter's flowchart on the portal (事前公开), and it
drives the case engine in ``sanxiang.cases``, the only place that changes a case's stage. This package is
pure data and pure functions: no database, no Django models, never any I/O.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from django.utils.functional import Promise

# The guard that checks ``Transition.role`` (implemented by the case engine).
ROLE_GUARD = "actor_holds_role"
# The guard of the legal-review gate and the act the reviewer's approval records (行政处罚法 第58条).
REVIEW_GUARD = "legal_review_passed"
REVIEW_ACT = "legal_review"

# A label is English source text marked for translation (gettext_lazy); show it with str().
Label = str | Promise


class DayUnit(StrEnum):
    WORKING = "working"  # 工作日
    CALENDAR = "calendar"  # 自然日
    MONTH = "month"


class LimitEffect(StrEnum):
    START = "start"
    PAUSE = "pause"
    RESUME = "resume"
    STOP = "stop"
    EXTEND = "extend"  # add TimeLimit.extension_days to the due date (e.g. 行政许可法 第42条, with approval)


@dataclass(frozen=True)
class TimeLimit:
    """A statutory time limit, e.g. 90 calendar days to decide a penalty case (行政处罚法 第60条)."""

    code: str
    label: Label
    days: int
    unit: DayUnit
    basis: str  # the article, e.g. "行政处罚法 第60条"
    extension_days: int = 0  # how far an EXTEND effect moves the due date, in the same unit


@dataclass(frozen=True)
class LimitChange:
    limit: str  # TimeLimit.code
    effect: LimitEffect


@dataclass(frozen=True)
class Stage:
    code: str
    label: Label
    terminal: bool = False


@dataclass(frozen=True)
class Transition:
    """An act that moves a case from ``source`` to ``target`` when every guard passes. ``guards`` name checks
    the case engine implements (e.g. "two_certified_officers", "legal_review_passed"), each citing its article
    in the engine; ``basis`` is the article that provides for the act itself."""

    act: str
    label: Label
    source: str
    target: str
    guards: tuple[str, ...] = ()
    limits: tuple[LimitChange, ...] = ()
    basis: str = ""
    optional: bool = False  # a branch taken only in some cases (hearing, collective discussion, extension)
    av_step: str = ""  # the AV-list step whose recording this act closes (R-REC-02); blank: the act itself
    # The role (organizations.enums.Role value) the officer performing the act must hold in the case's agency,
    # with the article that reserves the act to it (e.g. the agency head decides: 行政处罚法 第57条); the
    # ``actor_holds_role`` guard enforces it and must be named whenever a role is.
    role: str = ""
    role_basis: str = ""


@dataclass(frozen=True)
class Procedure:
    key: str
    label: Label
    version: str  # procedures are versioned with the catalogue; a case keeps the version it started with
    stages: tuple[Stage, ...]
    transitions: tuple[Transition, ...]
    limits: tuple[TimeLimit, ...] = field(default=())
    # Opening a case (立案 / 申请 / 计划): its guards, the limits it starts, its article, and the
    # document code of the number it receives (案号, e.g. 罚立); blank: not numbered at opening.
    register_guards: tuple[str, ...] = ()
    register_limits: tuple[LimitChange, ...] = ()
    register_basis: str = ""
    number_code: str = ""

    def stage(self, code: str) -> Stage:
        for stage in self.stages:
            if stage.code == code:
                return stage
        raise KeyError(code)

    def acts_from(self, stage: str) -> tuple[Transition, ...]:
        return tuple(transition for transition in self.transitions if transition.source == stage)

    def limit(self, code: str) -> TimeLimit:
        for limit in self.limits:
            if limit.code == code:
                return limit
        raise KeyError(code)

    def guard_names(self) -> frozenset[str]:
        """Every guard the procedure names, for the engine to check that it implements them all."""
        names = set(self.register_guards)
        for transition in self.transitions:
            names.update(transition.guards)
        return frozenset(names)

    @property
    def initial(self) -> Stage:
        return self.stages[0]


def legal_review_loops(sources: tuple[str, ...], basis: str) -> tuple[Transition, ...]:
    """The ``legal_review`` act of a procedure without a stage of its own for it: recorded on the stage the
    decision is taken from (国办发〔2018〕118号 extends the review to every kind of enforcement decision).
    Only the reviewer's approval performs it (the ``legal_review_approved`` guard)."""
    from django.utils.translation import gettext_lazy as _

    return tuple(
        Transition(
            REVIEW_ACT,
            _("Legal review"),
            source,
            source,
            guards=("legal_review_approved",),
            basis=basis,
            optional=True,
        )
        for source in sources
    )


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
    for transition in procedure.transitions:
        if bool(transition.role) != (ROLE_GUARD in transition.guards) or (
            transition.role and not transition.role_basis
        ):
            raise ValueError(f"{procedure.key}: {transition.act} names a role without its guard and article")
    limit_codes = {limit.code for limit in procedure.limits}
    changes = [*procedure.register_limits, *(c for t in procedure.transitions for c in t.limits)]
    for change in changes:
        if change.limit not in limit_codes:
            raise ValueError(f"{procedure.key}: unknown time limit {change.limit}")
    for limit in procedure.limits:
        if not limit.basis or limit.days <= 0:
            raise ValueError(f"{procedure.key}: time limit {limit.code} needs its article and a length")
    if procedure.key in _registry:
        raise ValueError(f"procedure {procedure.key!r} is already registered")
    _registry[procedure.key] = procedure
    return procedure


def get(key: str) -> Procedure:
    _load_definitions()
    return _registry[key]


def all_procedures() -> list[Procedure]:
    _load_definitions()
    return sorted(_registry.values(), key=lambda procedure: procedure.key)


def _load_definitions() -> None:
    """Import the definition modules, which register themselves (late: they import this module)."""
    from sanxiang.matters.procedures import (  # noqa: F401
        coercion,
        fee,
        inspection,
        levy,
        license,
        penalty,
    )
