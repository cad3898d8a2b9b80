"""The guard on who performs an act: a decision act names, in its procedure table, the role its performer
must hold in the case's agency and the article reserving the act to that role — the agency head decides a
penalty (行政处罚法 第57条) and a licence (行政许可法 第38条), and signs the application to the court
(行政强制法 第55条). Any other officer of the agency, an unknown actor or an anonymous one is refused. Reads
only; returns a translated refusal or None.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.utils.translation import gettext as _

from sanxiang.matters import procedures
from sanxiang.matters.procedures import ROLE_GUARD, Transition
from sanxiang.organizations.enums import Role
from sanxiang.organizations.models import RoleGrant

if TYPE_CHECKING:
    from collections.abc import Callable

    from sanxiang.cases.engine.guards import GuardContext
    from sanxiang.cases.models import Case


def transition_of(ctx: GuardContext) -> Transition | None:
    for transition in ctx.procedure.acts_from(ctx.case.stage):
        if transition.act == ctx.act:
            return transition
    return None


def role_for(case: Case, act: str) -> str:
    """The role the procedure reserves ``act`` to at the case's stage (blank: any handling officer)."""
    for transition in procedures.get(case.procedure_key).acts_from(case.stage):
        if transition.act == act and transition.role:
            return transition.role
    return ""


def holds_role(ctx: GuardContext, role: str) -> bool:
    """Whether the actor holds ``role`` in the case's agency (a grant in another agency does not count)."""
    user = ctx.actor_user
    if user is None or not user.is_authenticated:
        return False
    return RoleGrant.objects.filter(user_id=user.pk, agency_id=ctx.case.agency_id, role=role).exists()


def actor_holds_role(ctx: GuardContext) -> str | None:
    """The role the act's row of the procedure table requires, citing that row's ``role_basis``."""
    transition = transition_of(ctx)
    if transition is None or not transition.role or holds_role(ctx, transition.role):
        return None
    return _(
        "“%(act)s” is reserved to the %(role)s of the case's agency (%(basis)s); the user acting does not "
        "hold that role."
    ) % {"act": transition.label, "role": Role(transition.role).label, "basis": transition.role_basis}


ROLE_GUARDS: dict[str, Callable[[GuardContext], str | None]] = {ROLE_GUARD: actor_holds_role}
