"""Home-page work items and navigation contributed by the layers below accounts (organizations, calendar).

Those apps cannot import accounts (it sits above them), so accounts plugs their providers in here. Apps above
accounts register themselves from their own AppConfig.ready().
"""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from sanxiang.accounts import worklist
from sanxiang.calendar import alerts as calendar_alerts
from sanxiang.organizations import worklist_items as organization_items
from sanxiang.organizations.enums import Role
from sanxiang.organizations.jurisdiction import roles_of
from sanxiang.records import selectors as record_selectors


def _calendar_items(user: AbstractBaseUser | AnonymousUser) -> list[worklist.WorkItem]:
    return [
        worklist.WorkItem(alert.title, alert.detail, alert.url, alert.severity)
        for alert in calendar_alerts.work_items(user)
    ]


def _certificate_items(user: AbstractBaseUser | AnonymousUser) -> list[worklist.WorkItem]:
    alerts = [
        *organization_items.certificate_work_items(user),
        *organization_items.own_certificate_work_items(user),
    ]
    return [worklist.WorkItem(alert.title, alert.detail, alert.url, alert.severity) for alert in alerts]


def _record_log_items(user: AbstractBaseUser | AnonymousUser) -> list[worklist.WorkItem]:
    """Administrators are told when record-log entries wait too long to be integrated."""
    if not (getattr(user, "is_superuser", False) or Role.ADMINISTRATOR in roles_of(user)):
        return []
    alert = record_selectors.stale_pending_alert()
    if alert is None:
        return []
    title = gettext("The record log is behind")
    return [worklist.WorkItem(title, alert, reverse("records:checkpoint"), "danger")]


def register_lower_layers() -> None:
    worklist.register(_record_log_items)
    worklist.register(_certificate_items)
    worklist.register(_calendar_items)
    worklist.register_nav(worklist.NavItem(_("Agencies"), "organizations:agency_list"))
    worklist.register_nav(worklist.NavItem(_("Officers"), "organizations:officer_list"))
    worklist.register_nav(
        worklist.NavItem(
            _("Import officers"), "organizations:officer_import", frozenset({Role.ADMINISTRATOR.value})
        )
    )
    worklist.register_nav(worklist.NavItem(_("Due-date calculator"), "calendar:due"))
    worklist.register_nav(
        worklist.NavItem(_("Working-day calendar"), calendar_alerts.NAV_URL_NAME, calendar_alerts.NAV_ROLES)
    )
