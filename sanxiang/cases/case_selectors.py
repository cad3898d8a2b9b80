"""Reads of cases that the views use, and the one permission chokepoint for cases.

A case is visible within its agency and to users whose scope covers that agency (supervisors above,
through ``organizations.jurisdiction.scope_for``); nobody sees sideways. "Not found" and "not allowed" raise
the same NotFoundOrForbidden. Also: the next acts of a case with the rule blocking each refused one, and the
deadline board. This module must never write.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from sanxiang.cases.engine.acts import context
from sanxiang.cases.engine.guards import refusals
from sanxiang.cases.models import Case, CaseLimit, CaseOfficer, LimitState, Party
from sanxiang.core.errors import NotFoundOrForbidden
from sanxiang.matters import procedures
from sanxiang.matters.enums import ListKind
from sanxiang.matters.models import Matter
from sanxiang.matters.procedures import Transition
from sanxiang.matters.selectors import version_in_force
from sanxiang.organizations.enums import Role
from sanxiang.organizations.jurisdiction import AnyUser, holds_role, scope_for
from sanxiang.organizations.models import Agency, Officer


def visible_cases(user: AnyUser) -> QuerySet[Case]:
    scope = scope_for(user)
    if scope.is_empty:
        return Case.objects.none()
    return Case.objects.filter(scope.agency_filter("agency__"))


def access_case_by_id(user: AnyUser, case_id: int) -> Case:
    try:
        return visible_cases(user).select_related("agency", "matter").get(pk=case_id)
    except Case.DoesNotExist:
        raise NotFoundOrForbidden(_("Case not found.")) from None


def may_handle(user: AnyUser, case: Case) -> bool:
    """Officers of the case's agency act on it; supervisors only read."""
    return holds_role(user, Role.OFFICER, case.agency)


def list_cases(user: AnyUser) -> QuerySet[Case]:
    return visible_cases(user).select_related("agency", "matter").order_by("-registered_on", "-pk")


@dataclass(frozen=True)
class NextAct:
    """An act the procedure allows from the case's stage, with the refusals that block it today."""

    transition: Transition
    blocked_by: tuple[str, ...]

    @property
    def allowed(self) -> bool:
        return not self.blocked_by


def next_acts(case: Case, *, on: dt.date, user: AnyUser | None = None) -> list[NextAct]:
    """The acts from the current stage, each with its guards evaluated for ``on`` and ``user`` (data-dependent
    guards such as the amount are evaluated again when the act is performed)."""
    procedure = procedures.get(case.procedure_key)
    result: list[NextAct] = []
    for transition in procedure.acts_from(case.stage):
        ctx = context(case, procedure, transition.act, on, {}, actor_user=user)
        result.append(NextAct(transition, tuple(refusals(transition.guards, ctx))))
    return result


def open_limits(case: Case) -> QuerySet[CaseLimit]:
    return case.limits.exclude(state=LimitState.STOPPED).order_by("due_on", "pk")


def matters_for_cases(agency: Agency, *, on: dt.date) -> QuerySet[Matter]:
    """The matters of the catalogue in force for ``agency`` on ``on`` whose procedure is defined."""
    version = version_in_force(ListKind.CATALOGUE, agency, on=on)
    if version is None:
        return Matter.objects.none()
    keys = {procedure.key for procedure in procedures.all_procedures()}
    return Matter.objects.filter(version=version, workflow_key__in=keys).order_by("code")


def parties_of(agency: Agency) -> QuerySet[Party]:
    return Party.objects.filter(agency=agency).order_by("name", "pk")


def officers_of(agency: Agency) -> QuerySet[Officer]:
    return Officer.objects.filter(agency=agency, is_active=True).order_by("name", "pk")


def assignments_of(case: Case) -> QuerySet[CaseOfficer]:
    return case.assignments.select_related("officer").order_by("officer__name")
