"""When a case reaches a terminal stage, classify the retention of its recordings (R-REC-05): each AV file
linked to the case gets its class from the AV-recording list (routine recordings a keep-until date, evidence
with the case file), through the evidence app's own action and record. Registered as an after-act listener, so
it runs inside the closing act's transaction: if a classification fails, the case does not close. This module
must never delete or alter a file.
"""

from __future__ import annotations

from sanxiang.cases.engine.hooks import ActDone
from sanxiang.evidence.models import EvidenceFile
from sanxiang.evidence.retention import check_classify_retention
from sanxiang.matters import procedures
from sanxiang.organizations.selectors import actor_of

LISTENER = "cases.classify_retention_on_close"


def classify_recordings_on_close(done: ActDone) -> None:
    if not procedures.get(done.case.procedure_key).stage(done.target).terminal:
        return
    files = EvidenceFile.objects.filter(
        agency_id=done.case.agency_id, subject_kind="case", subject_id=str(done.case.pk)
    ).order_by("pk")
    actor = actor_of(done.actor_user, on=done.on)
    for evidence in files:
        check_classify_retention(actor=actor, evidence=evidence, matter_code=done.case.matter.code)
