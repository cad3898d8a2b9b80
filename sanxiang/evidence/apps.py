"""Evidence and audio/video records (音像记录): resumable upload, digests, WORM storage, playback, reads."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EvidenceConfig(AppConfig):
    name = "sanxiang.evidence"
    label = "evidence"
    verbose_name = _("Evidence")

    def ready(self) -> None:
        from sanxiang.evidence import events  # noqa: F401 - registers the event types
