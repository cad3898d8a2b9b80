"""``{% av_players KIND ID %}``: players for the audio and video files of a subject, for other apps' pages.

The including page passes only the subject (kind and id), so evidence never imports the app that owns it
(e.g. the case page: ``{% av_players "case" case.pk %}``). The files come through the jurisdiction-scoped
selector with the requesting user from the template context, so the players show only what the user may see;
each play is a recorded read at the copy endpoint. Two queries whatever the number of files.
"""

from __future__ import annotations

from typing import Any

from django import template

from sanxiang.evidence import access, selectors
from sanxiang.evidence.enums import AccessCopyStatus

register = template.Library()


@register.inclusion_tag("evidence/_players.html", takes_context=True)
def av_players(context: dict[str, Any], subject_kind: str, subject_id: object) -> dict[str, Any]:
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None:
        return {"players": [], "pending": 0}
    files = [
        evidence
        for evidence in selectors.list_files_for(user, subject=(subject_kind, str(subject_id))).exclude(
            deletion__approved_at__isnull=False  # a routine recording whose bytes were removed
        )
        if access.wants_copy(evidence)
    ]
    players = [
        {"file": evidence, "audio": access.is_audio(evidence), "copy": evidence.access_copy}
        for evidence in files
        if getattr(evidence, "access_copy", None) is not None
        and evidence.access_copy.status == AccessCopyStatus.READY
    ]
    return {"players": players, "pending": len(files) - len(players)}
