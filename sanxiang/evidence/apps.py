"""Evidence and audio/video records (音像记录): resumable upload, digests, WORM storage, playback, reads."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EvidenceConfig(AppConfig):
    name = "sanxiang.evidence"
    label = "evidence"
    verbose_name = _("Evidence")

    def ready(self) -> None:
        from sanxiang.accounts import worklist
        from sanxiang.evidence import events  # noqa: F401 - registers the event types
        from sanxiang.organizations.enums import Role

        officers = frozenset({Role.OFFICER.value})
        worklist.register_nav(worklist.NavItem(_("Upload a recording"), "evidence:upload_page", officers))
        from sanxiang.evidence.worklist_items import late_upload_items

        worklist.register(late_upload_items)
