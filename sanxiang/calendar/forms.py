"""Parsing of the calendar pages' input. No rules here: ``calendar.actions`` validates."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from sanxiang.calendar.enums import DayKind
from sanxiang.core.forms import DateInput


class AddDayForm(forms.Form):
    date = forms.DateField(label=_("Date"), widget=DateInput)
    kind = forms.ChoiceField(label=_("Kind"), choices=DayKind.choices)
    name = forms.CharField(label=_("Name"), max_length=64, help_text=_("For example 春节."))


class RemoveDayForm(forms.Form):
    date = forms.DateField(label=_("Date"), widget=DateInput)


class ConfirmYearForm(forms.Form):
    notice_reference = forms.CharField(
        label=_("State Council notice"), max_length=64, help_text=_("For example 国办发明电〔2025〕7号.")
    )


class DueDateForm(forms.Form):
    UNITS = (("working", _("working days")), ("calendar", _("calendar days")))

    start = forms.DateField(label=_("Start date (not counted)"), widget=DateInput)
    days = forms.IntegerField(label=_("Time limit"), min_value=0, max_value=3650)
    unit = forms.ChoiceField(label=_("Unit"), choices=UNITS, initial="working")
