"""The home page's work items. Each app registers a provider at start-up (in its AppConfig.ready); a provider
returns the items a user should act on. Higher layers plug in here, so accounts never imports them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.utils.functional import Promise


@dataclass(frozen=True)
class WorkItem:
    title: str
    detail: str
    url: str
    severity: str = "info"  # "info" | "warning" | "danger"


Provider = Callable[[AbstractBaseUser | AnonymousUser], list[WorkItem]]
_providers: list[Provider] = []


def register(provider: Provider) -> Provider:
    _providers.append(provider)
    return provider


def items_for(user: AbstractBaseUser | AnonymousUser) -> list[WorkItem]:
    items: list[WorkItem] = []
    for provider in _providers:
        items.extend(provider(user))
    order = {"danger": 0, "warning": 1, "info": 2}
    return sorted(items, key=lambda item: order.get(item.severity, 3))


@dataclass(frozen=True)
class NavItem:
    label: str | Promise  # lazily translated: resolved in the request's language
    url_name: str
    roles: frozenset[str] | None = None  # None: every signed-in user


_navigation: list[NavItem] = []


def register_nav(item: NavItem) -> None:
    _navigation.append(item)


def navigation() -> list[NavItem]:
    return list(_navigation)
