"""Service windows (办事窗口) of the 政务大厅 and of the offices: where a party applies, when and whom to call
(seed 二(一)3(3) 受理机构、办公地址、办公时间、办公电话). A window belongs to an agency and serves either one
matter (by its stable code) or, with a blank code, every matter the agency takes applications for. Rows change
only through ``matters.actions.windows``; values loaded as placeholders stay marked
"to be confirmed" until an administrator saves the window with the note cleared."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from sanxiang.core.models import TimestampedModel
from sanxiang.matters.models.versions import Confirmable
from sanxiang.organizations.models import Agency


class ServiceWindow(Confirmable, TimestampedModel):
    agency = models.ForeignKey(
        Agency, verbose_name=_("agency"), on_delete=models.PROTECT, related_name="service_windows"
    )
    matter_code = models.CharField(
        _("matter code"), max_length=32, blank=True, help_text=_("Blank: every matter of the agency.")
    )
    name = models.CharField(_("window"), max_length=128)
    accepting_body = models.CharField(_("accepting body"), max_length=128)
    address = models.CharField(_("office address"), max_length=255)
    hours = models.CharField(_("office hours"), max_length=128)
    phone = models.CharField(_("office phone"), max_length=32)

    class Meta:
        verbose_name = _("service window")
        verbose_name_plural = _("service windows")
        ordering = ["agency__path", "matter_code", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "matter_code", "name"], name="matters_window_unique_name"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name}（{self.accepting_body}）"
