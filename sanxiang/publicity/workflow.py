"""The lifecycle of a publication as an explicit transition table (draft → approved → published →
corrected | withdrawn | expired; a draft may be excluded). Only ``require_transition`` callers in
``publicity.actions`` assign ``Publication.status``; this module is pure data and never touches the database.
"""

from __future__ import annotations

from django.utils.translation import gettext as _

from sanxiang.core.errors import RuleViolation
from sanxiang.publicity.enums import PublicationStatus as S

TRANSITIONS: dict[str, tuple[tuple[S, ...], S]] = {
    # act: (from statuses, to status)
    "approve": ((S.DRAFT,), S.APPROVED),
    "exclude": ((S.DRAFT, S.APPROVED), S.EXCLUDED),
    "publish": ((S.APPROVED,), S.PUBLISHED),
    "correct": ((S.PUBLISHED, S.CORRECTED), S.CORRECTED),
    "withdraw": ((S.PUBLISHED, S.CORRECTED), S.WITHDRAWN),  # 行政处罚法 第48条 第2款
    "expire": ((S.PUBLISHED, S.CORRECTED), S.EXPIRED),  # DOMAIN R-PUB-12
}
# Edits that keep the status: masking more and the confidentiality check happen on drafts only.
EDITABLE = (S.DRAFT,)


def require_transition(status: str, act: str) -> S:
    """The status ``act`` leads to from ``status``; refuses an act the table does not allow."""
    sources, target = TRANSITIONS[act]
    if status not in sources:
        raise RuleViolation(
            _("This is not possible for a publication that is %(status)s.") % {"status": S(status).label}
        )
    return target


def require_editable(status: str) -> None:
    if status not in EDITABLE:
        raise RuleViolation(_("Only a draft can be changed before approval."))
