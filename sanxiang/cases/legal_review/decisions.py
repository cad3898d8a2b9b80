"""The proposed decision under review: its amount, kinds of penalty (行政处罚法 第9条), other decision kinds
of the major-decision catalogue, and the handler's answers (public interest, social impact, complexity…).
Its digest identifies the decision a review passed: a changed amount or kind is another decision. Pure."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _

from sanxiang.review.digests import json_digest


class PenaltyKind(models.TextChoices):
    """行政处罚法 第9条: the kinds of administrative penalty."""

    WARNING = "warning", _("Warning")
    CRITICISM = "criticism", _("Public criticism")
    FINE = "fine", _("Fine")
    CONFISCATION = "confiscation", _("Confiscation of illegal gains or property")
    LICENCE_SUSPENSION = "licence_suspension", _("Suspension of a licence")
    QUALIFICATION_DOWNGRADE = "qualification_downgrade", _("Lowering of a qualification grade")
    LICENCE_REVOCATION = "licence_revocation", _("Revocation of a licence")
    BUSINESS_RESTRICTION = "business_restriction", _("Restriction of business activities")
    BUSINESS_SUSPENSION = "business_suspension", _("Order to suspend production or business")
    CLOSURE = "closure", _("Order to close")
    PRACTICE_RESTRICTION = "practice_restriction", _("Restriction of practice")


class DecisionKind(models.TextChoices):
    """Kinds of decision the major-decision catalogue names (DOMAIN.md R-LR-02)."""

    OUTSIDE_BENCHMARK = "outside_benchmark", _("Mitigated or outside the discretion benchmark")
    LICENCE_REFUSED_OR_REVOKED = "license_refused_or_revoked", _("Licence refused or withdrawn")
    NO_PENALTY = "no_penalty", _("No penalty")
    # the kinds the Shanxi catalogue names for the other enforcement types (国办发〔2018〕118号)
    PUBLIC_WORKS_DEMOLITION = "public_works_demolition", _("Approval to demolish a public civil-defence work")
    COURT_ENFORCEMENT = "court_enforcement", _("Application to the court for enforcement")
    LEVY_EXEMPTION = "levy_exemption", _("Levy reduced or exempted")


class HandlerFlag(models.TextChoices):
    """The handler's answers (行政处罚法 第58条 第1款 第一、三项; 国办发〔2018〕118号)."""

    PUBLIC_INTEREST = "public_interest", _("Involves a major public interest")
    SOCIAL_IMPACT = "social_impact", _("May cause major social impact or risk")
    THIRD_PARTY = "third_party", _("Directly affects major rights of the party or a third party")
    COMPLEX = "complex", _("Complex, or involves several legal relationships")
    GRAVE = "grave", _("Grave violation (collective discussion, Article 57 paragraph 2)")


@dataclass(frozen=True)
class ProposedDecision:
    amount_fen: int | None = None
    penalty_kinds: tuple[str, ...] = ()
    decision_kinds: tuple[str, ...] = ()
    flags: tuple[str, ...] = ()

    def as_json(self) -> dict[str, Any]:
        return {
            "amount_fen": self.amount_fen,
            "penalty_kinds": sorted(self.penalty_kinds),
            "decision_kinds": sorted(self.decision_kinds),
            "flags": sorted(self.flags),
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> ProposedDecision:
        amount = data.get("amount_fen")
        return cls(
            amount_fen=int(amount) if amount is not None else None,
            penalty_kinds=_strings(data.get("penalty_kinds", ())),
            decision_kinds=_strings(data.get("decision_kinds", ())),
            flags=_strings(data.get("flags", ())),
        )


def _strings(values: Iterable[Any]) -> tuple[str, ...]:
    return tuple(sorted({str(value) for value in values}))


def decision_digest(case_id: int, decision: ProposedDecision) -> str:
    """What a review approves: the case, the amount and the kinds (the handler's answers are not part of
    the decision; changing them does not change what was reviewed)."""
    body = decision.as_json()
    return json_digest(
        {
            "case": case_id,
            "amount_fen": body["amount_fen"],
            "penalty_kinds": body["penalty_kinds"],
            "decision_kinds": body["decision_kinds"],
        }
    )
