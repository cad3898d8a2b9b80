"""Row locks of the review engine. Assignment, extension and consultation lock the request only. Conclusion
locks the request, then its subject's listener locks the subject (a case: ``cases.lock_objects.lock_case``).
Submission by the case side locks the case, then only reads and inserts requests: it never locks an existing
request, so the two orders cannot wait on each other (a submission while a request is open is refused before
any insert). Never locks anything else."""

from __future__ import annotations

from sanxiang.review.models import ReviewRequest


def lock_request(request_id: int) -> ReviewRequest:
    return ReviewRequest.objects.select_for_update().get(pk=request_id)
