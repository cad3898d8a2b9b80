"""Writes to logins: creation and password changes, each recorded in the record log (never the password)."""

from __future__ import annotations

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from sanxiang.accounts import events
from sanxiang.accounts.models import User
from sanxiang.core.errors import InvalidInput
from sanxiang.core.validation import validated
from sanxiang.records import writer


def _check_password(password: str, user: User | None) -> None:
    try:
        validate_password(password, user)
    except ValidationError as error:
        raise InvalidInput(_("The password is not strong enough."), {"password": error.messages}) from error


@transaction.atomic
def check_create_user(*, actor: writer.Actor, username: str, password: str, display_name: str = "") -> User:
    username = username.strip()
    if not username:
        raise InvalidInput(_("A username is required."))
    if User.objects.filter(username__iexact=username).exists():
        raise InvalidInput(
            _("This username is already taken."), {"username": [_("This username is already taken.")]}
        )
    user = User(username=username, display_name=display_name)
    _check_password(password, user)
    user.set_password(password)
    validated(user)
    user.save()
    writer.append(
        events.USER_CREATED.code,
        agency_id=None,
        actor=actor,
        subject=writer.Subject("account", str(user.pk)),
        data={"username": username},
    )
    return user


@transaction.atomic
def check_set_password(*, actor: writer.Actor, user: User, password: str) -> None:
    _check_password(password, user)
    user.set_password(password)
    user.save(update_fields=["password"])
    writer.append(
        events.PASSWORD_CHANGED.code,
        agency_id=None,
        actor=actor,
        subject=writer.Subject("account", str(user.pk)),
        data={"username": user.username},
    )
