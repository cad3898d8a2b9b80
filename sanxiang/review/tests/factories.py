"""Factories of the review tests, shared with the case tests that take a decision through legal review:
a qualified legal officer of 太原 (法制科, 法律职业资格; 行政处罚法 第58条 第2款) and a checklist that
passes."""

from __future__ import annotations

from conftest import PASSWORD, World
from sanxiang.accounts.models import User
from sanxiang.organizations.enums import DepartmentKind, Role
from sanxiang.organizations.models import Department, Officer
from sanxiang.organizations.tests import factories
from sanxiang.review.enums import ChecklistItem

ALL_PASS = {item.value: {"passed": True, "comment": ""} for item in ChecklistItem}


def legal_officer(world: World, name: str, username: str, *, qualified: bool = True) -> Officer:
    """An officer of the 太原 legal department with a login, granted the legal-reviewer role; ``qualified``
    gives a 法律职业资格 number (第58条 第2款: the first-time reviewers hold one)."""
    department, _created = Department.objects.get_or_create(
        agency=world.taiyuan, name="法制科", defaults={"kind": DepartmentKind.LEGAL}
    )
    user = User.objects.create_user(username=username, password=PASSWORD)
    officer = factories.make_officer(world.taiyuan, name, user=user)
    Officer.objects.filter(pk=officer.pk).update(
        department=department, legal_qualification_number="A20150001" if qualified else ""
    )
    factories.grant(user, world.taiyuan, Role.LEGAL_REVIEWER)
    officer.refresh_from_db()
    return officer
