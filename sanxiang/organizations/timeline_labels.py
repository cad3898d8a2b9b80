"""What an officer's or an agency's record-log timeline looks like on its page: the translated label of each
event type (from the registry, declared in each app's events.py), the actor's name and the event's key facts.

Read-only. Names are resolved in one query for the whole timeline (users with their officer) plus one for
departments, never per event. It must never decide who may see a timeline: the page's chokepoint
(``jurisdiction.access_*``) has done that before this module is called.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from django.contrib.auth import get_user_model
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext, pgettext_lazy
from django_stubs_ext import StrPromise

from sanxiang.organizations import events
from sanxiang.organizations.enums import AgencyLevel, CertificateStatus, Role
from sanxiang.organizations.models import Department
from sanxiang.records import registry
from sanxiang.records.selectors import TimelineItem, timeline

FIELD_LABELS: dict[str, StrPromise] = {
    "name": pgettext_lazy("person", "Name"),
    "post": gettext_lazy("Post"),
    "department": gettext_lazy("Department"),
    "legal_qualification_number": gettext_lazy("Legal profession qualification"),
    "is_active": gettext_lazy("In post"),
}

Fact = tuple[str, str]


@dataclass(frozen=True)
class Names:
    """Display names for the ids a timeline mentions. ``users`` maps a user id to (username, officer name)."""

    users: dict[int, tuple[str, str | None]]
    departments: dict[int, str]

    def user(self, user_id: Any) -> str:
        """The officer's name where the login belongs to one, else the username."""
        if user_id is None:
            return _("System")
        username, officer_name = self.users.get(user_id, ("", None))
        return officer_name or username or _("User #%(id)s") % {"id": user_id}

    def username(self, user_id: Any) -> str:
        username, _officer_name = self.users.get(user_id, ("", None))
        return username or _("User #%(id)s") % {"id": user_id}

    def department(self, department_id: Any) -> str:
        if department_id is None:
            return "—"
        return self.departments.get(department_id) or f"#{department_id}"


@dataclass(frozen=True)
class TimelineRow:
    index: int | None
    time: dt.datetime
    event_type: str
    label: str
    actor: str
    actor_certificate: str | None
    facts: list[Fact]

    @property
    def pending(self) -> bool:
        return self.index is None


def timeline_rows(subject_kind: str, subject_id: int) -> list[TimelineRow]:
    """The subject's events in log order, ready for ``organizations/_timeline.html``."""
    items = timeline(subject_kind, subject_id)
    names = _names_for(items)
    return [_row(item, names) for item in items]


def _row(item: TimelineItem, names: Names) -> TimelineRow:
    return TimelineRow(
        index=item.index,
        time=item.time,
        event_type=item.event_type,
        label=registry.label(item.event_type),
        actor=names.user(item.actor.get("user")),
        actor_certificate=item.actor.get("certificate"),
        facts=facts_for(item.event_type, item.data, names),
    )


# -- names, resolved once per timeline --------------------------------------------------------------------


def _names_for(items: Iterable[TimelineItem]) -> Names:
    user_ids: set[int] = set()
    department_ids: set[int] = set()
    for item in items:
        user_ids.update(_ints([item.actor.get("user"), item.data.get("user")]))
        fields = item.data.get("fields")
        changed = fields.get("department") if isinstance(fields, dict) else None
        department_ids.update(_ints([item.data.get("department"), changed]))
    return Names(users=_user_names(user_ids), departments=_department_names(department_ids))


def _ints(values: Iterable[Any]) -> set[int]:
    return {value for value in values if isinstance(value, int) and not isinstance(value, bool)}


def _user_names(user_ids: set[int]) -> dict[int, tuple[str, str | None]]:
    """Each login's username and the name of its officer, if any: one query."""
    if not user_ids:
        return {}
    users = get_user_model().objects.filter(pk__in=sorted(user_ids))
    rows = users.values_list("pk", "username", "officer__name")
    return {pk: (username, officer_name) for pk, username, officer_name in rows}


def _department_names(department_ids: set[int]) -> dict[int, str]:
    if not department_ids:
        return {}
    return dict(Department.objects.filter(pk__in=sorted(department_ids)).order_by().values_list("pk", "name"))


# -- key facts per event type -----------------------------------------------------------------------------


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    return "—" if value is None or value == "" else str(value)


def _choice(choices: type[Role] | type[CertificateStatus] | type[AgencyLevel], value: Any) -> str:
    try:
        return str(choices(value).label)
    except ValueError:
        return _text(value)


def _agency_created(data: dict[str, Any], names: Names) -> list[Fact]:
    return [
        (pgettext("agency", "Name"), _text(data.get("name"))),
        (_("Code"), _text(data.get("code"))),
        (_("Level"), _choice(AgencyLevel, data.get("level"))),
    ]


def _agency_updated(data: dict[str, Any], names: Names) -> list[Fact]:
    fields: dict[str, Any] = data.get("fields") or {}
    return [(field, _text(value)) for field, value in fields.items()]


def _officers_imported(data: dict[str, Any], names: Names) -> list[Fact]:
    return [
        (_("Rows"), _text(data.get("rows"))),
        (_("Officers added"), _text(data.get("created"))),
        (_("Officers updated"), _text(data.get("updated"))),
    ]


def _officer_created(data: dict[str, Any], names: Names) -> list[Fact]:
    facts = [(pgettext("person", "Name"), _text(data.get("name"))), (_("Post"), _text(data.get("post")))]
    if data.get("department") is not None:
        facts.append((_("Department"), names.department(data["department"])))
    return facts


def _officer_updated(data: dict[str, Any], names: Names) -> list[Fact]:
    fields: dict[str, Any] = data.get("fields") or {}
    return [
        (
            str(FIELD_LABELS.get(field, field)),
            names.department(value) if field == "department" else _text(value),
        )
        for field, value in fields.items()
    ]


def _certificate_issued(data: dict[str, Any], names: Names) -> list[Fact]:
    return [
        (_("Certificate number"), _text(data.get("number"))),
        (_("Enforcement category"), _text(data.get("category"))),
        (_("Validity period"), f"{data.get('valid_from')} – {data.get('valid_to')}"),
    ]


def _certificate_status(data: dict[str, Any], names: Names) -> list[Fact]:
    return [
        (_("Certificate number"), _text(data.get("number"))),
        (_("Status"), _choice(CertificateStatus, data.get("status"))),
        (_("Effective from"), _text(data.get("effective"))),
        (_("Reason"), _text(data.get("reason"))),
    ]


def _training(data: dict[str, Any], names: Names) -> list[Fact]:
    return [
        (_("Completed on"), _text(data.get("completed_on"))),
        (_("Topic"), _text(data.get("topic"))),
        (_("Hours"), _text(data.get("hours"))),
    ]


def _role(data: dict[str, Any], names: Names) -> list[Fact]:
    return [(_("User"), names.user(data.get("user"))), (_("Role"), _choice(Role, data.get("role")))]


def _linked(data: dict[str, Any], names: Names) -> list[Fact]:
    return [(_("Login"), names.username(data.get("user")))]


def _generic(data: dict[str, Any], names: Names) -> list[Fact]:
    return [(key, _text(value)) for key, value in data.items()]


_FACTS: dict[str, Callable[[dict[str, Any], Names], list[Fact]]] = {
    events.AGENCY_CREATED.code: _agency_created,
    events.AGENCY_UPDATED.code: _agency_updated,
    events.OFFICERS_IMPORTED.code: _officers_imported,
    events.OFFICER_CREATED.code: _officer_created,
    events.OFFICER_UPDATED.code: _officer_updated,
    events.OFFICER_LINKED.code: _linked,
    events.CERTIFICATE_ISSUED.code: _certificate_issued,
    events.CERTIFICATE_STATUS_CHANGED.code: _certificate_status,
    events.TRAINING_RECORDED.code: _training,
    events.ROLE_GRANTED.code: _role,
    events.ROLE_REVOKED.code: _role,
}


def facts_for(code: str, data: dict[str, Any], names: Names) -> list[Fact]:
    """The facts worth showing for one event; unknown types show their data as it is."""
    return _FACTS.get(code, _generic)(data, names)
