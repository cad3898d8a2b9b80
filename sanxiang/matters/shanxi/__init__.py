"""The Shanxi civil-air-defence default catalogue (SHANXI.md §1, §2, §6): ``load_shanxi_catalogue``
adds the legal-basis library, then drafts, approves and publishes each list of the provincial agency
that does not exist yet, all through the ordinary actions, so every row is recorded. Idempotent: a
library row or a list that exists is left alone. Values SHANXI.md leaves unconfirmed are loaded
marked "to be confirmed".

Never called at import time or from migrations; the demo loader calls it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from django.db import transaction

from sanxiang.core import clock
from sanxiang.core.errors import ConfigurationError
from sanxiang.matters import actions
from sanxiang.matters.enums import ListKind
from sanxiang.matters.models import Article, ListVersion
from sanxiang.matters.shanxi import catalogue, lists
from sanxiang.matters.shanxi.library import ensure_library
from sanxiang.organizations.enums import AgencyLevel
from sanxiang.organizations.models import Agency
from sanxiang.records import writer

DEMO_APPROVING_BODY = "山西省司法厅（演示数据，审核机关待确认）"


@dataclass(frozen=True)
class LoadResult:
    articles: int
    lists_published: tuple[str, ...]


def _province() -> Agency:
    agency = Agency.objects.filter(level=AgencyLevel.PROVINCE, parent__isnull=True).order_by("pk").first()
    if agency is None:
        raise ConfigurationError("load_shanxi_catalogue needs the provincial agency to exist first")
    return agency


def _specs(
    agency: Agency, articles: dict[str, Article]
) -> dict[ListKind, tuple[Callable[..., Any], Sequence[Any]]]:
    return {
        ListKind.CATALOGUE: (actions.check_add_matter, catalogue.matter_specs(agency, articles)),
        ListKind.BENCHMARKS: (actions.check_add_benchmark, lists.benchmark_specs(articles)),
        ListKind.AV_RECORDING: (actions.check_add_av_entry, lists.av_specs()),
        ListKind.MAJOR_DECISIONS: (actions.check_add_review_rule, lists.review_rule_specs(articles)),
        ListKind.RANDOM_INSPECTION: (actions.check_add_inspection_item, lists.inspection_specs(articles)),
        ListKind.FEE_STANDARDS: (actions.check_add_fee_standard, lists.fee_specs(articles)),
    }


def _publish(
    kind: ListKind, agency: Agency, add: Callable[..., Any], specs: Sequence[Any], *, actor: writer.Actor
) -> None:
    today = clock.today()
    version = actions.check_draft_version(
        actor=actor, kind=kind, agency=agency, effective_from=today, note="山西人防默认清单（演示数据）"
    )
    for spec in specs:
        add(actor=actor, version=version, spec=spec)
    actions.check_approve_version(
        actor=actor, version=version, approving_body=DEMO_APPROVING_BODY, approved_on=today
    )
    actions.check_publish_version(actor=actor, version=version)


@transaction.atomic
def load_shanxi_catalogue(*, actor: writer.Actor, agency: Agency | None = None) -> LoadResult:
    """Load the library and publish, for ``agency`` (default: the provincial agency), every list it has no
    version of yet, in force from today. The catalogue goes first: the other lists name its matters."""
    owner = agency or _province()
    articles = ensure_library(actor=actor)
    published: list[str] = []
    for kind, (add, specs) in _specs(owner, articles).items():
        if ListVersion.objects.filter(kind=kind, agency=owner).exists():
            continue
        _publish(kind, owner, add, specs, actor=actor)
        published.append(str(kind))
    return LoadResult(articles=len(articles), lists_published=tuple(published))
