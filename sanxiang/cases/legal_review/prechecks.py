"""Machine pre-checks of a review package (DOMAIN.md R-LR-03: the system pre-fills machine checks), each
pre-filling an item of the review checklist: certificates valid on every act date (行政处罚法 第42条), the
limitation period (第36条), open time limits not overdue, the prior notice served (第44条), the fine within
the discretion benchmark, AV recordings the AV list requires present or exempted, camera-captured evidence
reviewed (第41条). A check with no data to decide on says so (``ok`` None). Reads only."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils.translation import gettext as _

from sanxiang.cases.engine.guards import GRAVE_LIMITATION_YEARS, LIMITATION_YEARS, years_after
from sanxiang.cases.legal_review.decisions import ProposedDecision
from sanxiang.cases.legal_review.triggers import benchmark_tiers, party_kind_for
from sanxiang.cases.models import Case, LimitState
from sanxiang.evidence.models import EvidenceItem
from sanxiang.evidence.requirements import av_requirement_met
from sanxiang.review.enums import ChecklistItem


@dataclass(frozen=True)
class PreCheck:
    code: str
    item: str
    ok: bool | None
    message: str

    def as_json(self) -> dict[str, object]:
        return {"code": self.code, "item": self.item, "ok": self.ok, "message": self.message}


def prechecks(case: Case, proposed: ProposedDecision, *, on: dt.date) -> list[PreCheck]:
    return [
        certificates_on_act_dates(case),
        limitation(case),
        limits_not_overdue(case, on=on),
        notice_served(case),
        within_benchmark(case, proposed, on=on),
        av_present(case),
        device_evidence_reviewed(case),
    ]


def certificates_on_act_dates(case: Case) -> PreCheck:
    """行政处罚法 第42条: the handling officers held valid certificates on every act date."""
    officers = [
        a.officer
        for a in case.assignments.select_related("officer").prefetch_related("officer__certificates")
    ]
    gaps = sorted(
        {
            f"{officer.name} {act_day.isoformat()}"
            for act_day in case.acts.values_list("acted_on", flat=True)
            for officer in officers
            if not officer.certified_on(act_day)
        }
    )
    if gaps:
        return PreCheck(
            "certificates",
            ChecklistItem.QUALIFICATION,
            False,
            _("No valid certificate: %(gaps)s") % {"gaps": "、".join(gaps)},
        )
    return PreCheck(
        "certificates",
        ChecklistItem.QUALIFICATION,
        True,
        _("Every handling officer held a valid certificate on every act date (Article 42)."),
    )


def limitation(case: Case) -> PreCheck:
    """行政处罚法 第36条: registered within two (five) years of the violation."""
    years = GRAVE_LIMITATION_YEARS if case.grave_harm else LIMITATION_YEARS
    ok = case.registered_on <= years_after(case.violation_on, years)
    message = (
        _("Registered within the limitation period (Article 36).")
        if ok
        else _("Registered after the limitation period (Article 36).")
    )
    return PreCheck("limitation", ChecklistItem.PROCEDURE, ok, message)


def limits_not_overdue(case: Case, *, on: dt.date) -> PreCheck:
    overdue = [limit.code for limit in case.limits.exclude(state=LimitState.STOPPED) if limit.due_on < on]
    if overdue:
        return PreCheck(
            "deadlines",
            ChecklistItem.PROCEDURE,
            False,
            _("Overdue time limits: %(codes)s") % {"codes": "、".join(overdue)},
        )
    return PreCheck("deadlines", ChecklistItem.PROCEDURE, True, _("No time limit of the case is overdue."))


def notice_served(case: Case) -> PreCheck:
    """行政处罚法 第44条: the prior notice was served."""
    if case.notice_served_on is None:
        return PreCheck(
            "notice", ChecklistItem.PROCEDURE, False, _("The prior notice was not served (Article 44).")
        )
    return PreCheck(
        "notice",
        ChecklistItem.PROCEDURE,
        True,
        _("The prior notice was served on %(day)s (Article 44).")
        % {"day": case.notice_served_on.isoformat()},
    )


def within_benchmark(case: Case, proposed: ProposedDecision, *, on: dt.date) -> PreCheck:
    kinds = frozenset(party_kind_for(kind) for kind in case.parties.values_list("kind", flat=True))
    tiers = benchmark_tiers(case, kinds, on=on)
    if proposed.amount_fen is None or not tiers:
        return PreCheck(
            "benchmark", ChecklistItem.DISCRETION, None, _("No discretion benchmark applies to a fine here.")
        )
    fits = [
        t
        for t in tiers
        if t.min_fen is not None and t.max_fen is not None and t.min_fen <= proposed.amount_fen <= t.max_fen
    ]
    if fits:
        return PreCheck(
            "benchmark",
            ChecklistItem.DISCRETION,
            True,
            _("Within the benchmark tier %(tier)s.") % {"tier": fits[0].get_tier_display()},
        )
    return PreCheck(
        "benchmark",
        ChecklistItem.DISCRETION,
        False,
        _("The fine lies outside every tier of the discretion benchmark."),
    )


def av_present(case: Case) -> PreCheck:
    """The AV-recording list in force: each act it requires filmed has a recording or an exemption."""
    missing = []
    for act, day in case.acts.values_list("act", "acted_on"):
        met, _why = av_requirement_met(
            agency=case.agency,
            matter_code=case.matter.code,
            step=act,
            subject_kind="case",
            subject_id=str(case.pk),
            on=day,
        )
        if not met:
            missing.append(act)
    if missing:
        return PreCheck(
            "av",
            ChecklistItem.EVIDENCE,
            False,
            _("AV recording missing for: %(acts)s") % {"acts": "、".join(missing)},
        )
    return PreCheck(
        "av",
        ChecklistItem.EVIDENCE,
        True,
        _("Every step the AV-recording list requires is recorded or exempted."),
    )


def device_evidence_reviewed(case: Case) -> PreCheck:
    """行政处罚法 第41条: camera- or sensor-captured evidence is reviewed before it is used."""
    pending = EvidenceItem.objects.filter(
        subject_kind="case", subject_id=str(case.pk), needs_review=True, reviewed_by__isnull=True
    )
    if pending.exists():
        return PreCheck(
            "device_evidence",
            ChecklistItem.EVIDENCE,
            False,
            _("Camera-captured evidence not yet reviewed (Article 41)."),
        )
    return PreCheck(
        "device_evidence",
        ChecklistItem.EVIDENCE,
        True,
        _("No unreviewed camera-captured evidence (Article 41)."),
    )
