"""Row locks of the review engine. A caller that also locks a case takes the case first, then the request
(the case app's order: case → review request). Never locks anything else."""

from __future__ import annotations

from sanxiang.review.models import ReviewRequest


def lock_request(request_id: int) -> ReviewRequest:
    return ReviewRequest.objects.select_for_update().get(pk=request_id)
