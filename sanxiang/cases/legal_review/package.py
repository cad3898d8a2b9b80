"""The review package (送审材料) of a case's proposed decision: facts, parties, evidence list, legal bases,
discretion applied, officers with their certificates, the acts and hearing record, the draft decision, the
catalogue rules that fired and the machine pre-checks. A JSON snapshot whose digest the review records, so
what was reviewed can be proved later. Reads only; amounts are integers in fen (and text in yuan)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.urls import reverse

from sanxiang.cases.legal_review.decisions import ProposedDecision
from sanxiang.cases.legal_review.prechecks import prechecks
from sanxiang.cases.legal_review.triggers import ReviewNeed, benchmark_tiers, party_kind_for
from sanxiang.cases.models import Case
from sanxiang.evidence.models import EvidenceFile, EvidenceItem
from sanxiang.matters.money import yuan
from sanxiang.organizations.selectors import certificate_on


def build_package(
    case: Case, proposed: ProposedDecision, need: ReviewNeed, *, draft: str, on: dt.date
) -> dict[str, Any]:
    decision = proposed.as_json()
    decision["amount_yuan"] = yuan(proposed.amount_fen) if proposed.amount_fen is not None else ""
    return {
        "case": case.pk,
        "case_number": case.number,
        "case_url": reverse("cases:case_detail", args=[case.pk]),
        "matter": f"{case.matter.code} {case.matter.name}",
        "facts": "\n".join(part for part in (case.facts, case.new_facts) if part),
        "parties": [{"name": p.name, "kind": p.kind} for p in case.parties.order_by("pk")],
        "legal_bases": [str(article) for article in case.matter.articles.all()],
        "discretion": _discretion(case, on=on),
        "officers": _officers(case, on=on),
        "acts": [
            {"act": act, "on": day.isoformat(), "note": note}
            for act, day, note in case.acts.values_list("act", "acted_on", "note")
        ],
        "hearing": [
            {"on": day.isoformat(), "note": note}
            for day, note in case.acts.filter(act="hearing").values_list("acted_on", "note")
        ],
        "evidence": _evidence(case),
        "decision": decision,
        "draft": draft.strip(),
        "rules": [rule.as_json() for rule in need.fired],
        "catalogue": need.catalogue,
        "prechecks": [check.as_json() for check in prechecks(case, proposed, on=on)],
    }


def _discretion(case: Case, *, on: dt.date) -> list[str]:
    kinds = frozenset(party_kind_for(kind) for kind in case.parties.values_list("kind", flat=True))
    return [
        f"{tier.code} {tier.get_party_kind_display()} {tier.get_tier_display()} "
        f"{yuan(tier.min_fen or 0)}–{yuan(tier.max_fen or 0)}"
        for tier in benchmark_tiers(case, kinds, on=on)
    ]


def _officers(case: Case, *, on: dt.date) -> list[dict[str, Any]]:
    rows = []
    for assignment in case.assignments.select_related("officer").prefetch_related("officer__certificates"):
        certificate = certificate_on(assignment.officer, on)
        rows.append(
            {
                "id": assignment.officer_id,
                "name": assignment.officer.name,
                "certificate": certificate.number if certificate else "",
            }
        )
    return rows


def _evidence(case: Case) -> list[dict[str, str]]:
    items = [
        {"name": item.title, "kind": item.kind, "digest": f"sha256:{item.file.sha256}" if item.file else ""}
        for item in EvidenceItem.objects.filter(subject_kind="case", subject_id=str(case.pk)).select_related(
            "file"
        )
    ]
    linked = {row["digest"] for row in items}
    files = [
        {"name": f.filename, "kind": "file", "digest": f"sha256:{f.sha256}"}
        for f in EvidenceFile.objects.filter(subject_kind="case", subject_id=str(case.pk))
        if f"sha256:{f.sha256}" not in linked
    ]
    return items + files
