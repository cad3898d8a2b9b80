"""Editing what a draft already holds: removing an entry, and re-citing the current texts of amended articles
(which clears the staleness an amendment caused once the draft is published). Drafts only; each change is
recorded. Callers have checked the user's permission."""

from __future__ import annotations

from typing import Any

from django.db import models, transaction
from django.utils.translation import gettext as _

from sanxiang.core.errors import InvalidInput
from sanxiang.matters import events
from sanxiang.matters.actions.common import record, require_draft
from sanxiang.matters.enums import ListKind
from sanxiang.matters.models import Article, FeeExemption, ListVersion, Matter, ReliefChannel
from sanxiang.matters.tables import ENTRY_MODELS, table_name
from sanxiang.records import writer


def _current_text(article: Article) -> Article | None:
    """Follow amendments to the text in force now; None when the chain ends in a repeal."""
    while article.successor_id is not None:
        article = Article.objects.get(pk=article.successor_id)
    return article if article.repealed_on is None else None


def _recite_relation(manager: Any) -> int:
    changed = 0
    for old in list(manager.filter(repealed_on__isnull=False)):
        new = _current_text(old)
        if new is not None:
            manager.remove(old)
            manager.add(new)
            changed += 1
    return changed


def _recite_foreign_keys(version: ListVersion) -> int:
    changed = 0
    for matter in Matter.objects.filter(version=version, statutory_basis__repealed_on__isnull=False):
        new = _current_text(matter.statutory_basis) if matter.statutory_basis else None
        if new is not None:
            matter.statutory_basis = new
            matter.save(update_fields=["statutory_basis", "updated_at"])
            changed += 1
    for channel in ReliefChannel.objects.filter(matter__version=version, article__repealed_on__isnull=False):
        new = _current_text(channel.article)
        if new is not None:
            channel.article = new
            channel.save(update_fields=["article", "updated_at"])
            changed += 1
    return changed


@transaction.atomic
def check_recite_current_texts(*, actor: writer.Actor, version: ListVersion) -> int:
    """In a draft, replace every citation of an amended article by its current text. Citations of repealed
    articles stay (a person must decide what replaces them; approval refuses them). Returns the number
    replaced and records it."""
    version = require_draft(version)
    model = ENTRY_MODELS[ListKind(version.kind)]
    changed = 0
    if any(field.name == "articles" for field in model._meta.many_to_many):
        for row in model._default_manager.filter(version=version):
            changed += _recite_relation(row.articles)  # type: ignore[attr-defined]  # every citing table has it
    for exemption in FeeExemption.objects.filter(standard__version=version):
        changed += _recite_relation(exemption.articles)
    changed += _recite_foreign_keys(version)
    data = {"table": table_name(model), "replaced": changed}
    record(
        events.CITATIONS_RENEWED.code,
        actor=actor,
        agency_id=version.agency_id,
        kind="list_version",
        pk=version.pk,
        data=data,
    )
    return changed


@transaction.atomic
def check_remove_entry(*, actor: writer.Actor, version: ListVersion, entry_id: int) -> None:
    """Remove one entry from a draft (with its relief channels or exemptions). Published rows never go."""
    version = require_draft(version)
    model: type[models.Model] = ENTRY_MODELS[ListKind(version.kind)]
    row: Any = model._default_manager.filter(version=version, pk=entry_id).first()
    if row is None:
        raise InvalidInput(_("This entry is not in %(version)s.") % {"version": version})
    code = getattr(row, "code", "") or f"{row.matter_code}/{row.step}"
    row.delete()
    data = {"table": table_name(model), "code": code}
    record(
        events.ENTRY_REMOVED.code,
        actor=actor,
        agency_id=version.agency_id,
        kind="list_version",
        pk=version.pk,
        data=data,
    )
