"""``validated``: a model's ``full_clean()`` with Django's errors turned into the domain's InvalidInput.

Every action validates the rows it is about to write through this, so a bad value becomes a translated,
per-field message and nothing is written. It never saves.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext as _

from sanxiang.core.errors import InvalidInput


def validated(instance: models.Model, *, exclude: list[str] | None = None, constraints: bool = True) -> None:
    """``constraints=False`` leaves the database constraints to the insert, for an action that turns a
    concurrent writer's violation into its own refusal (checking them here would race with that writer)."""
    try:
        instance.full_clean(exclude=exclude, validate_constraints=constraints)
    except ValidationError as error:
        raise InvalidInput(_("Please correct the errors below."), error.message_dict) from error
