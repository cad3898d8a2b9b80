"""Showing an action's refusal on the form that submitted it. Views only; never validates or writes."""

from __future__ import annotations

from django import forms

from sanxiang.core.errors import InvalidInput, SanxiangError


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
