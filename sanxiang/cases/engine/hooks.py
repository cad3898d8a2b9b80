"""Extension points of the case engine for the layers above cases (legal review, publicity, inspections).

A higher app registers, from its ``AppConfig.ready()``:

- a guard under a name the procedures use (``register_guard``), e.g. the legal-review gate replacing the
  ``legal_review_passed`` placeholder; guards only read and return a refusal message or None;
- a listener called inside the act's transaction, with the case locked, after the act and its record were
  written (``register_after_act``), e.g. the publication draft a decision creates. A listener writes through
  its own actions (each with its record); raising refuses the whole act and nothing is kept.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sanxiang.cases.engine.guards import GUARDS, Guard

if TYPE_CHECKING:
    from django.contrib.auth.base_user import AbstractBaseUser
    from django.contrib.auth.models import AnonymousUser

    from sanxiang.cases.models import Case


@dataclass(frozen=True)
class ActDone:
    """An act the engine has just performed (inside its transaction)."""

    case: Case
    act: str
    source: str
    target: str
    on: dt.date
    actor_user: AbstractBaseUser | AnonymousUser
    data: Mapping[str, Any] = field(default_factory=dict)


AfterAct = Callable[[ActDone], None]
_AFTER_ACT: dict[str, AfterAct] = {}


def register_guard(name: str, guard: Guard, *, replace: bool = False) -> None:
    """Make ``guard`` available to procedures under ``name``. Replacing an existing guard must be asked for
    (the legal-review gate replaces its placeholder); a silent clash is a programming error."""
    if name in GUARDS and not replace:
        raise ValueError(f"guard {name!r} is already registered")
    GUARDS[name] = guard


def register_after_act(key: str, listener: AfterAct) -> None:
    """Call ``listener`` after every act, in the act's transaction. ``key`` names the listener so that a
    second ``ready()`` (tests reload apps) replaces rather than duplicates it."""
    _AFTER_ACT[key] = listener


def after_act(done: ActDone) -> None:
    for listener in list(_AFTER_ACT.values()):
        listener(done)
