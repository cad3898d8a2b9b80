"""Helpers shared by the matters actions: validation into domain errors, the record call, entry digests, the
lock on a version and the draft-only rule. Never decides permissions; never commits on its own."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from typing import Any

from django.utils.translation import gettext as _

from sanxiang.core.errors import InvalidInput, RuleViolation
from sanxiang.matters.models import ListVersion
from sanxiang.records import canonical, writer


def record(
    event: str, *, actor: writer.Actor, agency_id: int | None, kind: str, pk: int, data: Mapping[str, Any]
) -> None:
    writer.append(event, agency_id=agency_id, actor=actor, subject=writer.Subject(kind, str(pk)), data=data)


def digest(value: Any) -> str:
    """The digest that goes into the record log instead of bulky text (the log can be redacted-free)."""
    return "sha256:" + hashlib.sha256(canonical.dumps(value)).hexdigest()


def lock_version(version: ListVersion) -> ListVersion:
    return ListVersion.objects.select_for_update().select_related("agency").get(pk=version.pk)


def require_draft(version: ListVersion) -> ListVersion:
    """Lock ``version`` and refuse unless it is still a draft: approved and published lists never change."""
    locked = lock_version(version)
    if not locked.is_draft:
        raise RuleViolation(
            _("%(version)s is %(status)s; only a draft can be changed. Draft a new version.")
            % {"version": locked, "status": locked.get_status_display()}
        )
    return locked


def require_kind(version: ListVersion, kind: str) -> None:
    if version.kind != kind:
        raise InvalidInput(_("This entry does not belong in %(version)s.") % {"version": version})
