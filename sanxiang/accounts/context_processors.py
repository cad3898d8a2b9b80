"""Navigation for the signed-in user's roles."""

from __future__ import annotations

from django.http import HttpRequest
from django.urls import reverse

from sanxiang.accounts import worklist
from sanxiang.organizations.jurisdiction import roles_of


def navigation(request: HttpRequest) -> dict[str, object]:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"nav_items": []}
    roles = {str(role) for role in roles_of(user)}
    superuser = getattr(user, "is_superuser", False)
    items = [
        {"label": item.label, "url": reverse(item.url_name)}
        for item in worklist.navigation()
        if item.roles is None or superuser or roles & item.roles
    ]
    return {"nav_items": items, "user_roles": sorted(roles)}
