"""The user model and the login-attempt log that drives throttling (a security log kept ≥ 180 days,
网络安全法 第21条)."""

from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _

from sanxiang.core import clock


class User(AbstractUser):
    """A login. Roles and jurisdiction live in ``organizations.RoleGrant``; the officer link in
    ``Officer.user``."""

    display_name = models.CharField(_("display name"), max_length=64, blank=True)

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self) -> str:
        return self.display_name or self.username


class LoginAttempt(models.Model):
    """One login attempt. Failures within the window throttle further attempts for the username and for
    the address."""

    username = models.CharField(_("username"), max_length=150)
    address = models.GenericIPAddressField(_("address"), null=True, blank=True)
    succeeded = models.BooleanField(_("succeeded"))
    attempted_at = models.DateTimeField(_("attempted at"), default=clock.now)

    class Meta:
        verbose_name = _("login attempt")
        verbose_name_plural = _("login attempts")
        indexes = [
            models.Index(fields=["username", "attempted_at"]),
            models.Index(fields=["address", "attempted_at"]),
        ]

    def __str__(self) -> str:
        return f"{self.username} {self.attempted_at:%Y-%m-%d %H:%M}"
