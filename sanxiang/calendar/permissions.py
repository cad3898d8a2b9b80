"""Who may edit the calendar: administrators (系统管理员) and superusers. The calendar is national, so an
administrator of any agency may maintain it.

Calendar and organizations are sibling layers and must not import each other: the role is read through the
user's ``role_grants`` relation by its stored value, never through ``organizations``.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.utils.translation import gettext as _

from sanxiang.core.errors import NotFoundOrForbidden

ADMINISTRATOR_ROLE = "administrator"  # organizations.enums.Role.ADMINISTRATOR


def is_calendar_administrator(user: AbstractBaseUser | AnonymousUser) -> bool:
    if not user.is_authenticated or not user.is_active:
        return False
    if getattr(user, "is_superuser", False):
        return True
    users = get_user_model().objects.filter(pk=user.pk, role_grants__role=ADMINISTRATOR_ROLE)
    return users.exists()


def require_calendar_administrator(user: AbstractBaseUser | AnonymousUser) -> None:
    """Refuse with the same error as a missing page: a non-administrator learns nothing."""
    if not is_calendar_administrator(user):
        raise NotFoundOrForbidden(_("Page not found."))
