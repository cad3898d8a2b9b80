"""Login form: refuses while the username or address is throttled, before checking the password."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

from sanxiang.accounts import throttle


def client_address(request: Any) -> str | None:
    # Behind a reverse proxy, the deployment sets REMOTE_ADDR correctly (e.g. gunicorn --forwarded-allow-ips).
    return request.META.get("REMOTE_ADDR") if request is not None else None


class LoginForm(AuthenticationForm):
    error_messages = {
        **AuthenticationForm.error_messages,
        "throttled": _("Too many failed attempts. Please wait %(minutes)d minutes and try again."),
    }

    def clean(self) -> dict[str, Any]:
        username = (self.data.get("username") or "").strip()
        address = client_address(self.request)
        if username and throttle.is_throttled(username=username, address=address):
            raise forms.ValidationError(
                self.error_messages["throttled"],
                code="throttled",
                params={"minutes": max(1, settings.LOGIN_FAILURE_WINDOW_SECONDS // 60)},
            )
        try:
            cleaned = super().clean()
        except forms.ValidationError:
            if username:
                throttle.do_record_login_attempt(username=username, address=address, succeeded=False)
            raise
        throttle.do_record_login_attempt(username=username, address=address, succeeded=True)
        return cleaned
