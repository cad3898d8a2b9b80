"""Navigation of the cases app, plugged into ``accounts.worklist`` (a lower layer, which cases may import).
Never reads or writes anything at import time."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from sanxiang.accounts import worklist
from sanxiang.organizations.enums import Role

PARTY_ROLES = frozenset({str(Role.OFFICER), str(Role.SUPERVISOR)})


def register() -> None:
    worklist.register_nav(worklist.NavItem(_("Cases"), "cases:case_list", roles=PARTY_ROLES))
    worklist.register_nav(worklist.NavItem(_("Deadline board"), "cases:deadline_board", roles=PARTY_ROLES))
    worklist.register_nav(worklist.NavItem(_("Parties"), "cases:party_list", roles=PARTY_ROLES))
