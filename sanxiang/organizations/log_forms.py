"""The filters of an agency's record-log page: parsing only. Never reads the log itself."""

from __future__ import annotations

from django import forms
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

from sanxiang.core.forms import DateInput
from sanxiang.organizations.models import Agency
from sanxiang.records import registry
from sanxiang.records.selectors import LogFilter


class AgencyLogFilterForm(forms.Form):
    event_type = forms.ChoiceField(label=_("Event"), required=False)
    subject_kind = forms.CharField(
        label=_("Subject kind"),
        required=False,
        max_length=32,
        validators=[RegexValidator(r"^[a-z_]+$", _("Lower-case letters and underscores only."))],
        help_text=_("e.g. case, evidence_file, officer"),
    )
    since = forms.DateField(label=_("From"), required=False, widget=DateInput())
    until = forms.DateField(label=_("To"), required=False, widget=DateInput())
    actor = forms.TypedChoiceField(label=_("By officer"), required=False, coerce=int, empty_value=None)

    def __init__(self, *args: object, agency: Agency, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        events = sorted(
            ((event_type.code, event_type.display()) for event_type in registry.all_types()),
            key=lambda choice: choice[1],
        )
        self.fields["event_type"].choices = [("", _("All events")), *events]  # type: ignore[attr-defined]
        officers = agency.officers.order_by("name").values_list("pk", "name")
        self.fields["actor"].choices = [("", _("Anyone")), *officers]  # type: ignore[attr-defined]

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        since, until = data.get("since"), data.get("until")
        if since and until and since > until:
            self.add_error("until", _("The end date is before the start date."))
        return data

    def log_filter(self) -> LogFilter:
        """The filters as the selector takes them (call after ``is_valid``)."""
        data = self.cleaned_data
        return LogFilter(
            event_type=data.get("event_type") or "",
            subject_kind=data.get("subject_kind") or "",
            since=data.get("since"),
            until=data.get("until"),
            actor_officer_id=data.get("actor"),
        )
