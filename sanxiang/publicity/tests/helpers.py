"""Test helpers for post-decision publicity: a decided penalty case of 太原 (through the case engine, so the
listener creates its draft), the 太原 officer as publicity editor, and a publication walked to published."""

from __future__ import annotations

import datetime as dt
import importlib

from sanxiang.cases.models import Case, Party
from sanxiang.cases.tests.case_factories import REGISTERED, YUAN, Desk, act, notify, open_case
from sanxiang.organizations.enums import Role
from sanxiang.organizations.tests import factories
from sanxiang.publicity import actions
from sanxiang.publicity.models import Publication

DECIDED = dt.date(2026, 8, 20)  # a Thursday; 7 working days later is 2026-08-31
NOW = dt.datetime(2026, 8, 21, 2, tzinfo=dt.UTC)  # 10:00 in Shanghai, the day after the decision


def restore_default_rules() -> None:
    """Put back the default rules of migration 0003: a transactional test before this one flushed them."""
    from django.apps import apps

    importlib.import_module("sanxiang.publicity.migrations.0003_default_rules").add(apps, None)


def make_editor(desk: Desk) -> None:
    """The 太原 officer also edits publications for 太原 (the colleague does not)."""
    factories.grant(desk.world.officer_user, desk.world.taiyuan, Role.PUBLICITY_EDITOR)


def decided_penalty(
    desk: Desk, *, parties: list[Party] | None = None, on: dt.date = DECIDED, **changes: object
) -> Case:
    case = open_case(desk, parties=parties or [desk.company], **changes)
    for name in ("investigate", "examine"):
        case = act(desk, case, name, REGISTERED)
    case = notify(desk, case, dt.date(2026, 8, 10))
    return act(desk, case, "decide", on, amount_fen=10_000 * YUAN)


def draft_of(case: Case) -> Publication:
    return Publication.objects.get(case=case)


def published(desk: Desk, case: Case | None = None) -> Publication:
    publication = draft_of(case or decided_penalty(desk))
    user = desk.world.officer_user
    publication = actions.check_clear_confidentiality(publication, actor_user=user)
    publication = actions.check_approve_publication(publication, actor_user=user)
    return actions.check_publish_publication(publication, actor_user=user)
