"""The template upload form: parsing only."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from sanxiang.core.forms import DateInput
from sanxiang.documents.kinds import KINDS


class TemplateUploadForm(forms.Form):
    kind = forms.ChoiceField(label=_("Document"), choices=[(kind.code, kind.title) for kind in KINDS])
    effective_from = forms.DateField(label=_("In force from"), widget=DateInput())
    file = forms.FileField(label=_("Word template (.docx)"))
