"""Model validation errors become the domain's InvalidInput, with per-field messages."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group

from sanxiang.core.errors import InvalidInput
from sanxiang.core.validation import validated


def test_field_errors_are_carried_per_field(db: None) -> None:
    with pytest.raises(InvalidInput) as error:
        validated(Group(name=""))
    assert "name" in error.value.errors


def test_excluded_fields_are_not_checked(db: None) -> None:
    validated(Group(name=""), exclude=["name"])
