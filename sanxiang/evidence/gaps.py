"""Gaps between consecutive AV segments of one act (R-REC-03): a pure finder, the selector the pages use, and
the action that records an officer's reason.

One act is one subject and one step; its segments are the audio and video files with capture times, ordered by
capture start. A pause longer than ``SANXIANG_EVIDENCE_GAP_SECONDS`` asks for a reason. Never changes a file.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from sanxiang.core.errors import InvalidInput, RuleViolation
from sanxiang.core.validation import validated
from sanxiang.evidence import conf
from sanxiang.evidence.models import EvidenceFile, GapReason
from sanxiang.evidence.selectors import visible_evidence
from sanxiang.organizations.jurisdiction import AnyUser
from sanxiang.organizations.selectors import officer_of
from sanxiang.records import writer

AV_FILES = Q(media_type__startswith="video/") | Q(media_type__startswith="audio/")


@dataclass(frozen=True)
class Gap:
    before: EvidenceFile
    after: EvidenceFile
    seconds: int
    reason: GapReason | None = None


def find_gaps(segments: Iterable[EvidenceFile], *, threshold: dt.timedelta) -> list[Gap]:
    """Pauses longer than ``threshold`` between segments of one act. Overlapping segments make no gap; a
    segment without both capture times cannot be placed and is left out."""
    placed = sorted(
        (s.capture_start, s.pk, s.capture_end, s)
        for s in segments
        if s.capture_start is not None and s.capture_end is not None
    )
    gaps: list[Gap] = []
    latest: tuple[dt.datetime, EvidenceFile] | None = None
    for start, _pk, end, segment in placed:
        if latest is not None and start - latest[0] > threshold:
            gaps.append(
                Gap(before=latest[1], after=segment, seconds=int((start - latest[0]).total_seconds()))
            )
        if latest is None or end > latest[0]:
            latest = (end, segment)
    return gaps


def _segments(
    files: QuerySet[EvidenceFile], *, subject: tuple[str, str], step: str
) -> QuerySet[EvidenceFile]:
    return files.filter(AV_FILES, subject_kind=subject[0], subject_id=subject[1], step=step)


def list_gaps(user: AnyUser, *, subject: tuple[str, str]) -> list[Gap]:
    """Every gap of every act of ``subject`` the user may see, each with its reason if one was given."""
    files = list(visible_evidence(user).filter(AV_FILES, subject_kind=subject[0], subject_id=subject[1]))
    reasons = {r.after_id: r for r in GapReason.objects.filter(after__in=[f.pk for f in files])}
    gaps: list[Gap] = []
    for step in sorted({f.step for f in files}):
        act = [f for f in files if f.step == step]
        for gap in find_gaps(act, threshold=conf.gap_threshold()):
            gaps.append(Gap(gap.before, gap.after, gap.seconds, reasons.get(gap.after.pk)))
    return gaps


@transaction.atomic
def check_explain_gap(
    *, actor: writer.Actor, user: AbstractBaseUser, after: EvidenceFile, reason: str
) -> GapReason:
    """Record why recording paused before ``after``. Refuses an empty reason, a segment with no gap before it,
    an officer of another agency and a second explanation of the same gap."""
    reason = reason.strip()
    if not reason:
        raise InvalidInput(_("Give the reason for the gap."), {"reason": [_("This field is required.")]})
    officer = officer_of(user)
    if officer is None or not officer.is_active or officer.agency_id != after.agency_id:
        raise RuleViolation(_("Only an officer of the file's agency may explain its gaps."))
    act = _segments(
        EvidenceFile.objects.select_for_update().filter(agency_id=after.agency_id),
        subject=(after.subject_kind, after.subject_id),
        step=after.step,
    )
    gap = next((g for g in find_gaps(act, threshold=conf.gap_threshold()) if g.after.pk == after.pk), None)
    if gap is None:
        raise RuleViolation(_("There is no gap before this segment."))
    if GapReason.objects.filter(after=after).exists():
        raise RuleViolation(_("This gap has already been explained."))
    explained = GapReason(
        agency_id=after.agency_id,
        before=gap.before,
        after=after,
        seconds=gap.seconds,
        reason=reason,
        explained_by_id=user.pk,
    )
    validated(explained)
    explained.save()
    writer.append(
        "evidence.gap_explained",
        agency_id=after.agency_id,
        actor=actor,
        subject=writer.Subject("evidence_file", str(after.pk)),
        data={"before": gap.before.pk, "after": after.pk, "seconds": gap.seconds, "reason": reason},
    )
    return explained
