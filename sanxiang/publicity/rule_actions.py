"""Setting the publication rules (data with effective dates): how many working days to publish, how long on
the public list, whether ordinary / simple-procedure decisions must be published (118号; 行政处罚法 第48条;
DOMAIN R-PUB-07..09, R-PUB-12). Administrators of the agency (or above) set them; one record per change.
Rules never change retroactively: a rule takes effect from today or later."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.db import transaction
from django.utils.translation import gettext as _

from sanxiang.core import clock
from sanxiang.core.errors import InvalidInput, RuleViolation
from sanxiang.core.validation import validated
from sanxiang.organizations.enums import Role
from sanxiang.organizations.jurisdiction import holds_role
from sanxiang.organizations.models import Agency
from sanxiang.organizations.selectors import actor_of
from sanxiang.publicity import events
from sanxiang.publicity.enums import PublicationKind
from sanxiang.publicity.models import PublicationRule
from sanxiang.records import writer


@transaction.atomic
def check_set_publication_rule(
    *,
    actor_user: AbstractBaseUser | AnonymousUser,
    agency: Agency,
    kind: str,
    effective_from: dt.date,
    due_working_days: int,
    display_months: int,
    publish_ordinary: bool = True,
    publish_simple: bool = False,
    basis: str,
) -> PublicationRule:
    if not holds_role(actor_user, Role.ADMINISTRATOR, agency):
        raise RuleViolation(_("Only an administrator of the agency may set its publication rules."))
    if kind not in PublicationKind.values or effective_from < clock.today() or not basis.strip():
        raise InvalidInput(
            _("Give the kind, a start from today on and the basis."),
            {"effective_from": [_("A rule takes effect from today or later.")]},
        )
    rule = PublicationRule(
        agency=agency,
        kind=kind,
        effective_from=effective_from,
        due_working_days=due_working_days,
        display_months=display_months,
        publish_ordinary=publish_ordinary,
        publish_simple=publish_simple,
        basis=basis.strip(),
    )
    validated(rule)
    rule.save()
    writer.append(
        events.PUBLICATION_RULE_SET.code,
        agency_id=agency.pk,
        actor=actor_of(actor_user, on=clock.today()),
        subject=writer.Subject("publication_rule", str(rule.pk)),
        data={
            "kind": kind,
            "effective_from": effective_from.isoformat(),
            "due_working_days": due_working_days,
            "display_months": display_months,
            "publish_ordinary": publish_ordinary,
            "publish_simple": publish_simple,
            "basis": rule.basis,
        },
    )
    return rule
