"""Enter once: what the catalogue and the case already know, offered when an officer opens a step — the
matter's evidence checklist (required materials) and legal bases, the discretion benchmark tier whose range
fits the amount already proposed or decided (BenchmarkEntry), the fee standard and its coded exemptions for an
assessment, what a payer owes today with the capped late charge and the court window of a coercion case; and
the case's timeline with readable labels for its stages, acts and record events. Reads only: this module must
never write, and never decide whether an act is allowed (the engine does).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from sanxiang.cases.engine import levy_facts
from sanxiang.cases.enums import PartyKind
from sanxiang.cases.legal_review.decisions import HandlerFlag
from sanxiang.cases.models import Assessment, Case, Enforcement
from sanxiang.matters import procedures
from sanxiang.matters.enums import ListKind
from sanxiang.matters.enums import PartyKind as BenchmarkParty
from sanxiang.matters.models import Article, BenchmarkEntry, FeeExemption, FeeStandard
from sanxiang.matters.procedures import Procedure
from sanxiang.matters.selectors import version_in_force
from sanxiang.records import registry
from sanxiang.records.selectors import TimelineItem, timeline


@dataclass(frozen=True)
class Guidance:
    materials: list[str]
    articles: list[Article]
    amount_fen: int | None
    tiers: list[BenchmarkEntry]
    fitting: BenchmarkEntry | None
    standard: FeeStandard | None
    exemptions: list[FeeExemption] = field(default_factory=list)
    assessment: Assessment | None = None
    enforcement: Enforcement | None = None
    owed: levy_facts.Owed | None = None


def guidance_for(case: Case, *, on: dt.date) -> Guidance:
    amount = case.decided_fen if case.decided_fen is not None else case.proposed_fen
    tiers = list(benchmark_tiers(case, on=on))
    fitting = next((tier for tier in tiers if _fits(tier, amount)), None)
    standard = levy_facts.standard_for(case, on=on) if case.procedure_key in {"levy", "fee"} else None
    assessment = Assessment.objects.filter(case=case).first()
    enforcement = Enforcement.objects.filter(case=case).first()
    owed = None
    if enforcement is not None:
        owed = levy_facts.owed_on_enforcement(enforcement, on=on)
    elif assessment is not None and assessment.paid_on is None:
        owed = levy_facts.owed_on_assessment(case, assessment, on=on)
    return Guidance(
        materials=[str(item) for item in case.matter.materials or []],
        articles=list(case.matter.articles.select_related("law").order_by("law__title", "ordinal", "pk")),
        amount_fen=amount,
        tiers=tiers,
        fitting=fitting,
        standard=standard,
        exemptions=list(standard.exemptions.order_by("code")) if standard else [],
        assessment=assessment,
        enforcement=enforcement,
        owed=owed,
    )


def benchmark_tiers(case: Case, *, on: dt.date) -> QuerySet[BenchmarkEntry]:
    """The tiers of the benchmarks in force that name the matter, or that rest on one of its articles, for
    the kind of party the case has (organisations theirs; persons and individual businesses the others)."""
    version = version_in_force(ListKind.BENCHMARKS, case.agency, on=on)
    if version is None:
        return BenchmarkEntry.objects.none()
    kinds = set(case.parties.values_list("kind", flat=True))
    party = BenchmarkParty.ORGANIZATION if kinds == {PartyKind.ORGANIZATION} else BenchmarkParty.INDIVIDUAL
    named = Q(matter_code=case.matter.code) | Q(matter_code="", articles__in=case.matter.articles.all())
    return (
        BenchmarkEntry.objects.filter(named, version=version, party_kind=party)
        .distinct()
        .order_by("code", "min_fen", "pk")
    )


def _fits(tier: BenchmarkEntry, amount: int | None) -> bool:
    if amount is None or tier.min_fen is None or tier.max_fen is None:
        return False
    return tier.min_fen <= amount <= tier.max_fen


@dataclass(frozen=True)
class TimelineRow:
    time: dt.datetime
    label: str
    detail: str
    event_type: str
    pending: bool


def readable_timeline(case: Case) -> list[TimelineRow]:
    """The case's record events, each with a translated label: an act by its name in the procedure, with the
    stages it joined."""
    procedure = procedures.get(case.procedure_key)
    return [_row(procedure, item) for item in timeline("case", case.pk)]


def _row(procedure: Procedure, item: TimelineItem) -> TimelineRow:
    data: dict[str, Any] = item.data
    label = registry.label(item.event_type)
    detail = ""
    if item.event_type == "case.act_performed":
        label = act_label(procedure, str(data.get("act", "")))
        detail = (
            f"{stage_label(procedure, data.get('from', ''))} → {stage_label(procedure, data.get('to', ''))}"
        )
        detail += f" · {data.get('acted_on', '')}"
    elif item.event_type == "case.registered":
        detail = f"{stage_label(procedure, data.get('stage', ''))} · {data.get('registered_on', '')}"
    elif item.event_type == "number.allocated":
        detail = str(data.get("number", ""))
    elif item.event_type == "case.handler_answers_recorded":
        detail = f"{answer_labels(data.get('flags', []))} · {data.get('answered_on', '')}"
    return TimelineRow(item.time, label, detail, item.event_type, item.pending)


def answer_labels(flags: object) -> str:
    """The handler's answers by their labels (none: a dash)."""
    labels = dict(HandlerFlag.choices)
    chosen = flags if isinstance(flags, list) else []
    return "、".join(str(labels.get(str(flag), flag)) for flag in chosen) or "—"


def act_label(procedure: Procedure, act: str) -> str:
    if act == "register":
        return str(_("Case opened"))
    for transition in procedure.transitions:
        if transition.act == act:
            return str(transition.label)
    return act


def stage_label(procedure: Procedure, code: str) -> str:
    try:
        return str(procedure.stage(code).label)
    except KeyError:
        return code


def limit_labels(procedure: Procedure) -> dict[str, str]:
    return {limit.code: str(limit.label) for limit in procedure.limits}
