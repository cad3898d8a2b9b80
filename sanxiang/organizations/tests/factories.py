"""Factories for organisations. They go through the actions, so every row they make is recorded too."""

from __future__ import annotations

import datetime as dt
import itertools

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractUser

from sanxiang.organizations import actions
from sanxiang.organizations.enums import AgencyLevel, DepartmentKind, Role
from sanxiang.organizations.models import Agency, Certificate, Department, Officer
from sanxiang.records import writer

_sequence = itertools.count(1)
SYSTEM = writer.SYSTEM


def make_agency(
    name: str, *, level: AgencyLevel, parent: Agency | None = None, short_name: str = ""
) -> Agency:
    n = next(_sequence)
    return actions.check_create_agency(
        actor=SYSTEM,
        code=f"A{n:04d}",
        name=name,
        short_name=short_name or name[:8],
        level=level,
        parent=parent,
        document_prefix="晋人防",
        region=name,
    )


def make_department(
    agency: Agency, name: str = "执法科", kind: DepartmentKind = DepartmentKind.ENFORCEMENT
) -> Department:
    return actions.check_create_department(actor=SYSTEM, agency=agency, name=name, kind=kind)


def make_user(username: str, *, password: str = "correct-horse-battery") -> AbstractUser:
    user: AbstractUser = get_user_model().objects.create_user(username=username, password=password)
    return user


def make_officer(
    agency: Agency,
    name: str,
    *,
    user: AbstractUser | None = None,
    certified: bool = True,
    valid_from: dt.date = dt.date(2024, 1, 1),
    valid_to: dt.date = dt.date(2029, 12, 31),
    qualification: str = "",
) -> Officer:
    officer = actions.check_create_officer(
        actor=SYSTEM, agency=agency, name=name, post="科员", legal_qualification_number=qualification
    )
    if certified:
        make_certificate(officer, valid_from=valid_from, valid_to=valid_to)
    if user is not None:
        actions.do_link_officer(actor=SYSTEM, officer=officer, user_id=user.pk)
    return officer


def make_certificate(
    officer: Officer, *, valid_from: dt.date = dt.date(2024, 1, 1), valid_to: dt.date = dt.date(2029, 12, 31)
) -> Certificate:
    n = next(_sequence)
    return actions.check_issue_certificate(
        actor=SYSTEM,
        officer=officer,
        number=f"14{n:08d}",
        category="人民防空",
        region=officer.agency.region,
        issued_by="山西省人民政府",
        valid_from=valid_from,
        valid_to=valid_to,
    )


def grant(user: AbstractUser, agency: Agency, role: Role) -> None:
    actions.do_grant_role(actor=SYSTEM, user_id=user.pk, agency=agency, role=role)
