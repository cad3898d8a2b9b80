"""集体讨论 (行政处罚法 第57条 第2款): the meeting record of the agency's heads on a case's decision — chair,
attendees, opinions, conclusion — and the digest of the decision discussed. Written only by
``cases.legal_review.discussion`` with its record; immutable."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from sanxiang.cases.models.cases import Case
from sanxiang.core.models import TimestampedModel
from sanxiang.organizations.models import Officer


class CollectiveDiscussion(TimestampedModel):
    case = models.ForeignKey(
        Case, verbose_name=_("case"), on_delete=models.PROTECT, related_name="discussions"
    )
    held_on = models.DateField(_("held on"))
    chair = models.ForeignKey(
        Officer, verbose_name=_("chair"), on_delete=models.PROTECT, related_name="chaired_discussions"
    )
    attendees = models.ManyToManyField(Officer, verbose_name=_("attendees"), related_name="discussions")
    opinions = models.TextField(_("opinions"))
    conclusion = models.TextField(_("conclusion"))
    decision_digest = models.CharField(_("decision discussed (digest)"), max_length=80)

    class Meta:
        verbose_name = _("collective discussion")
        verbose_name_plural = _("collective discussions")
        ordering = ["case", "-held_on", "-pk"]

    def __str__(self) -> str:
        return f"{self.case_id} {self.held_on}"
