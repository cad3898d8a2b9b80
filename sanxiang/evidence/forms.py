"""Forms of the evidence pages. Parsing and rendering only: the upload form's values travel to the tus
endpoint as Upload-Metadata (validated there by ``metadata.parse``); the gap form's reason goes to
``check_explain_gap``."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from sanxiang.core.forms import DateInput


class UploadForm(forms.Form):
    """What the browser's tus client sends with the file. Names match the Upload-Metadata keys."""

    subject_kind = forms.RegexField(
        label=_("Subject kind"), regex=r"^[a-z_]{1,32}$", initial="case", max_length=32
    )
    subject_id = forms.CharField(label=_("Subject id"), max_length=64)
    step = forms.CharField(label=_("Workflow step"), max_length=64)
    capture_start = forms.DateTimeField(
        label=_("Capture start"), required=False, widget=forms.DateTimeInput(attrs={"type": "datetime-local"})
    )
    capture_end = forms.DateTimeField(
        label=_("Capture end"), required=False, widget=forms.DateTimeInput(attrs={"type": "datetime-local"})
    )
    device = forms.CharField(label=_("Device number"), max_length=64, required=False)
    certificate = forms.CharField(label=_("Certificate number"), max_length=32, required=False)
    location = forms.CharField(label=_("Location"), max_length=255, required=False)
    file = forms.FileField(label=_("Audio or video file"))


class GapReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for the gap"), max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )


class ExemptionForm(forms.Form):
    matter_code = forms.CharField(label=_("Matter code"), max_length=32)
    step = forms.CharField(label=_("Workflow step"), max_length=64)
    reason = forms.CharField(label=_("Reason"), max_length=2000, widget=forms.Textarea(attrs={"rows": 2}))


class DeletionForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), max_length=2000, widget=forms.Textarea(attrs={"rows": 2}))


class UploadLagLimitForm(forms.Form):
    """A new upload-lag limit of an agency from a date (R-REC-04); ``lag.check_set_upload_lag_limit``
    decides."""

    effective_from = forms.DateField(label=_("Effective from"), widget=DateInput())
    hours = forms.IntegerField(label=_("Hours allowed after capture ends"), min_value=1, max_value=32767)
    basis = forms.CharField(
        label=_("Basis"), max_length=255, help_text=_("The local rule that sets the limit.")
    )


class LateReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Why was the recording uploaded late?"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
