"""Adding, changing and removing an agency's service windows (办事窗口). A window naming a matter must name
one of the agency's catalogue (its own or inherited, in force or open). Each write records one event.
Callers have checked that the user administers the agency."""

from __future__ import annotations

from dataclasses import asdict, dataclass

from django.db import transaction
from django.utils.translation import gettext as _

from sanxiang.core import clock
from sanxiang.core.errors import InvalidInput
from sanxiang.core.validation import validated
from sanxiang.matters import events, selectors
from sanxiang.matters.actions.common import digest, record
from sanxiang.matters.enums import OPEN_STATUSES, ListKind
from sanxiang.matters.models import ListVersion, Matter, ServiceWindow
from sanxiang.organizations.models import Agency
from sanxiang.records import writer


@dataclass(frozen=True)
class WindowSpec:
    name: str
    accepting_body: str
    address: str
    hours: str
    phone: str
    matter_code: str = ""
    unconfirmed_note: str = ""


def _require_matter(agency: Agency, code: str) -> None:
    if not code:
        return
    in_force = selectors.version_in_force(ListKind.CATALOGUE, agency, on=clock.today())
    versions = ListVersion.objects.filter(kind=ListKind.CATALOGUE, agency=agency, status__in=OPEN_STATUSES)
    pks = [v.pk for v in versions] + ([in_force.pk] if in_force else [])
    if not Matter.objects.filter(version__in=pks, code=code).exists():
        raise InvalidInput(
            _("No matter with code %(code)s is in the catalogue.") % {"code": code},
            {"matter_code": [_("Unknown matter.")]},
        )


def _record(event: str, window: ServiceWindow, *, actor: writer.Actor, data: dict[str, object]) -> None:
    body = {"agency": window.agency_id, "matter_code": window.matter_code, **data}
    record(event, actor=actor, agency_id=window.agency_id, kind="service_window", pk=window.pk, data=body)


@transaction.atomic
def check_save_service_window(
    *, actor: writer.Actor, agency: Agency, spec: WindowSpec, window: ServiceWindow | None = None
) -> ServiceWindow:
    """Add a window to ``agency`` or change one of its windows."""
    if window is not None and window.agency_id != agency.pk:
        raise InvalidInput(_("Service window not found."))
    _require_matter(agency, spec.matter_code)
    row = window or ServiceWindow(agency=agency)
    for name, value in asdict(spec).items():
        setattr(row, name, value.strip())
    row.unconfirmed = bool(row.unconfirmed_note)
    validated(row)
    row.save()
    _record(events.SERVICE_WINDOW_SAVED.code, row, actor=actor, data={"digest": digest(asdict(spec))})
    return row


@transaction.atomic
def check_remove_service_window(*, actor: writer.Actor, window: ServiceWindow) -> None:
    _record(events.SERVICE_WINDOW_REMOVED.code, window, actor=actor, data={})
    window.delete()
