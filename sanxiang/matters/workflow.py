"""The transition table of a list version: drafted, then approved by the body that must review it (seed:
报本级政府法制部门审核), then published. Nothing else assigns ``ListVersion.status``. Pure; no database."""

from __future__ import annotations

from django.utils.translation import gettext as _

from sanxiang.core.errors import RuleViolation
from sanxiang.matters.enums import VersionStatus

TRANSITIONS: dict[VersionStatus, frozenset[VersionStatus]] = {
    VersionStatus.DRAFT: frozenset({VersionStatus.APPROVED}),
    VersionStatus.APPROVED: frozenset({VersionStatus.PUBLISHED}),
    VersionStatus.PUBLISHED: frozenset(),
}


def require_transition(current: str, target: VersionStatus) -> None:
    if target not in TRANSITIONS[VersionStatus(current)]:
        raise RuleViolation(
            _("A %(current)s version cannot become %(target)s.")
            % {"current": VersionStatus(current).label, "target": target.label}
        )
