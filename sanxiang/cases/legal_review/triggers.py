"""Is a proposed decision major? ``needs_legal_review`` evaluates the rows of the major-decision catalogue
(重大执法决定法制审核目录清单, a versioned list: 国办发〔2018〕118号; DOMAIN.md R-LR-01, R-LR-02) in force on
the decision date for the case's agency against the proposed decision, and returns the rules that fired:

- amount at or above the rule's threshold for the kind of party (R-LR-02);
- a kind of penalty of the rule (e.g. 吊销许可证件, 责令停产停业);
- a kind of decision of the rule (不予许可 / 撤销许可, outside the discretion benchmark);
- a hearing held (行政处罚法 第58条 第1款 第二项);
- the handler's answers: public interest, social impact, complexity (第58条 第1款 第一、三项), recorded on
  the case before the decision (``answers``) or with a submission;
- a case marked at registration as required by law or regulation (第58条 第1款 第四项).

``evaluate`` is the pure core over plain facts; ``needs_legal_review`` gathers the facts. Never writes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from django.utils.translation import gettext as _

from sanxiang.cases.enums import PartyKind as CasePartyKind
from sanxiang.cases.legal_review.decisions import DecisionKind, ProposedDecision
from sanxiang.cases.models import Case
from sanxiang.matters.enums import ListKind, PartyKind, ReviewCriterion
from sanxiang.matters.models import BenchmarkEntry, MajorDecisionRule
from sanxiang.matters.selectors import version_in_force

LAW_RULE = "LAW"


@dataclass(frozen=True)
class DecisionFacts:
    matter_type: str
    amount_fen: int | None
    party_kinds: frozenset[str]  # matters.PartyKind values
    penalty_kinds: frozenset[str]
    decision_kinds: frozenset[str]
    flags: frozenset[str]
    hearing_held: bool


@dataclass(frozen=True)
class FiredRule:
    code: str
    description: str
    basis: str

    def as_json(self) -> dict[str, str]:
        return {"code": self.code, "description": self.description, "basis": self.basis}


@dataclass(frozen=True)
class ReviewNeed:
    fired: tuple[FiredRule, ...]
    catalogue: str  # the version applied, for the record and the officer

    @property
    def required(self) -> bool:
        return bool(self.fired)


def _amount(rule: MajorDecisionRule, facts: DecisionFacts) -> bool:
    return (
        facts.amount_fen is not None
        and rule.threshold_fen is not None
        and rule.party_kind in facts.party_kinds
        and facts.amount_fen >= rule.threshold_fen
    )


CRITERIA: dict[str, Callable[[MajorDecisionRule, DecisionFacts], bool]] = {
    ReviewCriterion.AMOUNT: _amount,
    ReviewCriterion.PENALTY_KIND: lambda rule, facts: rule.value in facts.penalty_kinds,
    ReviewCriterion.DECISION_KIND: lambda rule, facts: rule.value in facts.decision_kinds,
    ReviewCriterion.HEARING_HELD: lambda rule, facts: facts.hearing_held,
    ReviewCriterion.HANDLER_FLAG: lambda rule, facts: rule.value in facts.flags,
}


def fires(rule: MajorDecisionRule, facts: DecisionFacts) -> bool:
    """Whether one catalogue rule applies to the facts (an unknown criterion never fires)."""
    if rule.matter_type and rule.matter_type != facts.matter_type:
        return False
    predicate = CRITERIA.get(rule.criterion)
    return predicate is not None and predicate(rule, facts)


def evaluate(rules: list[MajorDecisionRule], facts: DecisionFacts) -> list[FiredRule]:
    return [FiredRule(rule.code, rule.description, _basis(rule)) for rule in rules if fires(rule, facts)]


def needs_legal_review(case: Case, proposed: ProposedDecision, *, on: dt.date) -> ReviewNeed:
    """The rules of the catalogue in force on ``on`` that make ``proposed`` a major decision."""
    version = version_in_force(ListKind.MAJOR_DECISIONS, case.agency, on=on)
    rules = list(
        MajorDecisionRule.objects.filter(version=version).prefetch_related("articles").order_by("code")
        if version is not None
        else []
    )
    fired = evaluate(rules, decision_facts(case, proposed, on=on))
    if case.legal_review_required and not any(rule.code == LAW_RULE for rule in fired):
        fired.append(
            FiredRule(
                LAW_RULE,
                _("Marked at registration as requiring legal review by law or regulation"),
                "行政处罚法 第58条 第1款 第四项",
            )
        )
    label = f"{version.agency.short_name} {version.effective_from.isoformat()}" if version else ""
    return ReviewNeed(tuple(fired), label)


def decision_facts(case: Case, proposed: ProposedDecision, *, on: dt.date) -> DecisionFacts:
    party_kinds = frozenset(party_kind_for(kind) for kind in case.parties.values_list("kind", flat=True))
    decision_kinds = set(proposed.decision_kinds)
    if outside_benchmark(case, proposed.amount_fen, party_kinds, on=on):
        decision_kinds.add(DecisionKind.OUTSIDE_BENCHMARK.value)
    return DecisionFacts(
        matter_type=case.matter.type,
        amount_fen=proposed.amount_fen,
        party_kinds=party_kinds,
        penalty_kinds=frozenset(proposed.penalty_kinds),
        decision_kinds=frozenset(decision_kinds),
        # the answers recorded on the case count without a submission
        flags=frozenset({*proposed.flags, *case.handler_flags}),
        hearing_held=case.acts.filter(act="hearing").exists(),
    )


def benchmark_tiers(case: Case, party_kinds: frozenset[str], *, on: dt.date) -> list[BenchmarkEntry]:
    """The fine tiers of the discretion benchmark in force for the case's matter and parties."""
    version = version_in_force(ListKind.BENCHMARKS, case.agency, on=on)
    if version is None:
        return []
    return list(
        BenchmarkEntry.objects.filter(
            version=version, matter_code=case.matter.code, party_kind__in=party_kinds, min_fen__isnull=False
        ).order_by("min_fen")
    )


def outside_benchmark(case: Case, amount: int | None, party_kinds: frozenset[str], *, on: dt.date) -> bool:
    """A fine outside every tier of the benchmark (减轻 or beyond it). Unknown without a benchmark."""
    tiers = benchmark_tiers(case, party_kinds, on=on)
    if amount is None or not tiers:
        return False
    return not any(
        t.min_fen is not None and t.max_fen is not None and t.min_fen <= amount <= t.max_fen for t in tiers
    )


def party_kind_for(kind: str) -> str:
    """Organisations against the units' thresholds; persons and individual businesses the individuals'."""
    return PartyKind.ORGANIZATION if kind == CasePartyKind.ORGANIZATION else PartyKind.INDIVIDUAL


def _basis(rule: MajorDecisionRule) -> str:
    return "；".join(str(article) for article in rule.articles.all()) or "国办发〔2018〕118号"
