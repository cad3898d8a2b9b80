"""Extension point of the review engine for the layers above it: a listener per subject kind, called inside
the conclusion's transaction after the outcome and its record were written (e.g. the case app performs the
case's ``legal_review`` act when a review of a case is approved). Raising refuses the whole conclusion."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from django.contrib.auth.base_user import AbstractBaseUser
    from django.contrib.auth.models import AnonymousUser

    from sanxiang.review.models import ReviewRequest


@dataclass(frozen=True)
class Concluded:
    request: ReviewRequest
    actor_user: AbstractBaseUser | AnonymousUser
    on: dt.date


Listener = Callable[[Concluded], None]
_LISTENERS: dict[str, Listener] = {}


def register_concluded(subject_kind: str, listener: Listener) -> None:
    """Call ``listener`` when a review of ``subject_kind`` is concluded (a re-registration replaces)."""
    _LISTENERS[subject_kind] = listener


def concluded(done: Concluded) -> None:
    listener = _LISTENERS.get(done.request.subject_kind)
    if listener is not None:
        listener(done)
