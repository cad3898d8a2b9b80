"""Form helpers shared by every app: the date widget, and showing an action's refusal on the form that
submitted it. Views and forms only; never validates or writes."""

from __future__ import annotations

from django import forms

from sanxiang.core.errors import InvalidInput, SanxiangError


class DateInput(forms.DateInput):
    """The browser's date picker. Its value is always ISO 8601: a localised value (``2026/11/27`` under
    zh-hans) is ignored by ``<input type=date>``, which then shows an empty field."""

    input_type = "date"

    def __init__(self, attrs: dict[str, str] | None = None) -> None:
        super().__init__(attrs=attrs, format="%Y-%m-%d")


def show_refusal(form: forms.Form, error: SanxiangError) -> None:
    """Put the action's messages on the form: per field where the field is on the form, else on top."""
    field_errors = error.errors if isinstance(error, InvalidInput) else {}
    shown = False
    for field, field_messages in field_errors.items():
        for message in field_messages:
            form.add_error(field if field in form.fields else None, message)
            shown = True
    if not shown:
        form.add_error(None, error.message)
