"""Adding matters to a draft catalogue version, and the checks every entry shares: the draft-only rule, the
list kind, cited articles in force on the version's date, matter codes that exist in the catalogue. Each
added entry writes one record with a digest of what was added. Callers have checked the user's permission.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import fields, is_dataclass
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from sanxiang.core.errors import InvalidInput, RuleViolation
from sanxiang.core.validation import validated
from sanxiang.matters import events, selectors
from sanxiang.matters.actions.common import digest, record, require_draft, require_kind
from sanxiang.matters.enums import OPEN_STATUSES, ListKind
from sanxiang.matters.models import Article, ListVersion, Matter, ReliefChannel
from sanxiang.matters.specs import MatterSpec
from sanxiang.records import writer

# The service guide's free-text fields (seed 二(一)3(3)); limits, materials and relief have their own fields.
GUIDE_FIELDS = (
    "accepting_body",
    "deciding_body",
    "conditions",
    "procedure",
    "supervision",
    "accountability",
    "office_hours",
    "office_address",
    "office_phone",
    "consultation_phone",
    "complaint_phone",
)


def open_draft(version: ListVersion, kind: ListKind) -> ListVersion:
    """Lock the version, refusing anything but a draft of ``kind``."""
    locked = require_draft(version)
    require_kind(locked, kind)
    return locked


def require_articles(version: ListVersion, articles: Sequence[Article], *, field: str = "articles") -> None:
    """At least one citation, each of a text in force on the day the version takes effect."""
    if not articles:
        raise InvalidInput(_("Cite at least one article."), {field: [_("Required.")]})
    day = version.effective_from
    for article in articles:
        if not article.in_force_on(day):
            raise RuleViolation(
                _("%(article)s is not in force on %(day)s, when this version takes effect.")
                % {"article": article.citation, "day": day.isoformat()}
            )


def known_matter_codes(version: ListVersion) -> set[str]:
    """Codes of the catalogue in force on the version's date (own or inherited) and of the open catalogue."""
    codes: set[str] = set()
    in_force = selectors.version_in_force(ListKind.CATALOGUE, version.agency, on=version.effective_from)
    if in_force is not None:
        codes.update(Matter.objects.filter(version=in_force).values_list("code", flat=True))
    drafts = ListVersion.objects.filter(
        kind=ListKind.CATALOGUE, agency=version.agency, status__in=OPEN_STATUSES
    )
    codes.update(Matter.objects.filter(version__in=drafts).values_list("code", flat=True))
    return codes


def require_matter_code(version: ListVersion, code: str, *, required: bool) -> None:
    if not code and not required:
        return
    if code not in known_matter_codes(version):
        raise InvalidInput(
            _("No matter with code %(code)s is in the catalogue.") % {"code": code or "—"},
            {"matter_code": [_("Unknown matter.")]},
        )


def record_entry(version: ListVersion, row: Any, code: str, spec: Any, *, actor: writer.Actor) -> None:
    data = {"table": type(row)._meta.model_name or "", "code": code, "digest": digest(spec_json(spec))}
    record(
        events.ENTRY_ADDED.code,
        actor=actor,
        agency_id=version.agency_id,
        kind="list_version",
        pk=version.pk,
        data=data,
    )


def spec_json(value: Any) -> Any:
    """A spec as JSON for its digest: articles by id, nested specs as objects, choices as their values."""
    if isinstance(value, Article):
        return value.pk
    if is_dataclass(value) and not isinstance(value, type):
        return {item.name: spec_json(getattr(value, item.name)) for item in fields(value)}
    if isinstance(value, list | tuple):
        return [spec_json(item) for item in value]
    if isinstance(value, dict):
        return {str(key): spec_json(item) for key, item in value.items()}
    if isinstance(value, bool | int) or value is None:
        return value
    return str(value)


def _matter_row(version: ListVersion, spec: MatterSpec) -> Matter:
    return Matter(
        version=version,
        code=spec.code,
        name=spec.name,
        type=spec.type,
        agency_levels=[str(level) for level in spec.agency_levels],
        department_kind=spec.department_kind,
        workflow_key=spec.workflow_key,
        statutory_limit=spec.statutory.limit if spec.statutory else None,
        statutory_unit=spec.statutory.unit if spec.statutory else "",
        statutory_basis=spec.statutory_basis,
        promised_limit=spec.promised.limit if spec.promised else None,
        promised_unit=spec.promised.unit if spec.promised else "",
        time_limit_note=spec.time_limit_note,
        fee_standard=spec.fee_standard,
        materials=list(spec.materials),
        unconfirmed=bool(spec.unconfirmed_note),
        unconfirmed_note=spec.unconfirmed_note,
        **spec.guide,
    )


def _require_limit_basis(version: ListVersion, spec: MatterSpec) -> None:
    if spec.statutory is not None and spec.statutory_basis is None:
        raise InvalidInput(
            _("A statutory time limit needs the article that sets it."), {"statutory_basis": [_("Required.")]}
        )
    if spec.statutory_basis is not None:
        require_articles(version, [spec.statutory_basis], field="statutory_basis")
    if spec.relief:
        require_articles(version, [channel.article for channel in spec.relief], field="relief")


def add_matter(version: ListVersion, spec: MatterSpec) -> Matter:
    """Check and write a matter into a locked draft catalogue; no record (the caller writes it)."""
    require_articles(version, spec.articles)
    _require_limit_basis(version, spec)
    unknown = set(spec.guide) - set(GUIDE_FIELDS)
    if unknown:
        raise InvalidInput(
            _("Unknown service-guide fields: %(fields)s") % {"fields": ", ".join(sorted(unknown))}
        )
    matter = _matter_row(version, spec)
    validated(matter)
    matter.save()
    matter.articles.set(spec.articles)
    for channel in spec.relief:
        relief = ReliefChannel(
            matter=matter,
            kind=channel.kind,
            body=channel.body,
            time_limit=channel.time_limit,
            unit=channel.unit,
            article=channel.article,
        )
        validated(relief)
        relief.save()
    return matter


@transaction.atomic
def check_add_matter(*, actor: writer.Actor, version: ListVersion, spec: MatterSpec) -> Matter:
    """Add a matter to a draft catalogue: cited articles and the bases of its time limits and relief channels
    must be in force on the version's date; the promised limit may not exceed the statutory one."""
    version = open_draft(version, ListKind.CATALOGUE)
    matter = add_matter(version, spec)
    record_entry(version, matter, spec.code, spec, actor=actor)
    return matter
