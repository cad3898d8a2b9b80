"""Reads of evidence files and items for views, and ``access_evidence_by_id``, the one permission chokepoint.

An officer sees their own agency's evidence; a supervisor or administrator the subtree below. "Not found" and
"not allowed" raise the same NotFoundOrForbidden. Never writes (reads are recorded by the views via actions).
"""

from __future__ import annotations

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from sanxiang.core.errors import NotFoundOrForbidden
from sanxiang.evidence.enums import AccessCopyStatus
from sanxiang.evidence.models import AccessCopy, Deletion, EvidenceFile, EvidenceItem, Exemption
from sanxiang.organizations.jurisdiction import AnyUser, scope_for


def visible_evidence(user: AnyUser) -> QuerySet[EvidenceFile]:
    scope = scope_for(user)
    if scope.is_empty:
        return EvidenceFile.objects.none()
    return EvidenceFile.objects.filter(scope.agency_filter("agency__"))


def access_evidence_by_id(user: AnyUser, evidence_id: int) -> EvidenceFile:
    try:
        return visible_evidence(user).get(pk=evidence_id)
    except EvidenceFile.DoesNotExist:
        raise NotFoundOrForbidden(_("Evidence not found.")) from None


def list_items_for(user: AnyUser, *, subject: tuple[str, str]) -> QuerySet[EvidenceItem]:
    scope = scope_for(user)
    if scope.is_empty:
        return EvidenceItem.objects.none()
    return EvidenceItem.objects.filter(
        scope.agency_filter("agency__"), subject_kind=subject[0], subject_id=subject[1]
    ).select_related("file")


def list_files_for(user: AnyUser, *, subject: tuple[str, str]) -> QuerySet[EvidenceFile]:
    """The subject's files the user may see, by step and capture time, with their access copies."""
    return (
        visible_evidence(user)
        .filter(subject_kind=subject[0], subject_id=subject[1])
        .select_related("access_copy", "device")
        .order_by("step", "capture_start", "pk")
    )


def ready_copy(evidence: EvidenceFile) -> AccessCopy | None:
    return AccessCopy.objects.filter(original=evidence, status=AccessCopyStatus.READY).first()


def is_removed(evidence: EvidenceFile) -> bool:
    """Whether an approved deletion removed the file's bytes (its row and records stay)."""
    return Deletion.objects.filter(file=evidence, approved_at__isnull=False).exists()


def list_exemptions_for(user: AnyUser, *, subject: tuple[str, str]) -> QuerySet[Exemption]:
    scope = scope_for(user)
    if scope.is_empty:
        return Exemption.objects.none()
    return Exemption.objects.filter(
        scope.agency_filter("agency__"), subject_kind=subject[0], subject_id=subject[1]
    ).select_related("requested_by", "approved_by")


def access_exemption_by_id(user: AnyUser, exemption_id: int) -> Exemption:
    scope = scope_for(user)
    try:
        if scope.is_empty:
            raise Exemption.DoesNotExist
        return Exemption.objects.filter(scope.agency_filter("agency__")).get(pk=exemption_id)
    except Exemption.DoesNotExist:
        raise NotFoundOrForbidden(_("Exemption not found.")) from None
