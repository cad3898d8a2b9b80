"""Factories for the matters tests. They go through the actions, so every row they make is recorded too."""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
from typing import Any

from sanxiang.matters import actions
from sanxiang.matters.enums import LawLevel, ListKind, MatterType, PartyKind, ReliefKind, Tier, TimeUnit
from sanxiang.matters.models import Article, Law, ListVersion, Matter
from sanxiang.matters.specs import BenchmarkSpec, MatterSpec, ReliefSpec, TimeLimit
from sanxiang.organizations.models import Agency
from sanxiang.records import writer

SYSTEM = writer.SYSTEM
YUAN = 100
_sequence = itertools.count(1)


def make_law(title: str = "中华人民共和国人民防空法", *, effective: dt.date = dt.date(1997, 1, 1)) -> Law:
    existing = Law.objects.filter(title=title).first()
    if existing:
        return existing
    return actions.check_create_law(
        actor=SYSTEM,
        title=title,
        level=LawLevel.LAW,
        issuing_body="全国人民代表大会常务委员会",
        effective_from=effective,
    )


def make_article(
    ordinal: int,
    *,
    law: Law | None = None,
    text: str = "",
    effective: dt.date = dt.date(1997, 1, 1),
    ranges: dict[PartyKind, tuple[int, int]] | None = None,
    item: int = 0,
) -> Article:
    return actions.check_add_article(
        actor=SYSTEM,
        law=law or make_law(),
        ordinal=ordinal,
        item=item,
        text=text or f"第{ordinal}条的条文",
        effective_from=effective,
        ranges=ranges,
    )


def article_49() -> Article:
    """人民防空法 第四十九条 with its statutory ranges: individuals up to 5,000 yuan, organisations
    10,000–50,000 yuan."""
    return make_article(
        49,
        ranges={
            PartyKind.INDIVIDUAL: (0, 5_000 * YUAN),
            PartyKind.ORGANIZATION: (10_000 * YUAN, 50_000 * YUAN),
        },
    )


def draft(
    agency: Agency, kind: ListKind = ListKind.CATALOGUE, *, effective: dt.date = dt.date(2026, 7, 1)
) -> ListVersion:
    return actions.check_draft_version(actor=SYSTEM, kind=kind, agency=agency, effective_from=effective)


def approve_and_publish(version: ListVersion, *, effective: dt.date | None = None) -> ListVersion:
    actions.check_approve_version(
        actor=SYSTEM, version=version, approving_body="太原市司法局", approved_on=dt.date(2026, 6, 1)
    )
    return actions.check_publish_version(actor=SYSTEM, version=version, effective_from=effective)


def matter_spec(articles: list[Article], *, code: str = "", **changes: Any) -> MatterSpec:
    spec = MatterSpec(
        code=code or f"M-{next(_sequence):03d}",
        name="侵占人民防空工程",
        type=MatterType.PENALTY,
        articles=articles,
        workflow_key="penalty",
        relief=tuple(
            ReliefSpec(ReliefKind.RECONSIDERATION, "本级人民政府", 60, TimeUnit.CALENDAR_DAYS, article)
            for article in articles[:1]
        ),
    )
    return dataclasses.replace(spec, **changes)


def add_matter(version: ListVersion, articles: list[Article], **changes: Any) -> Matter:
    return actions.check_add_matter(actor=SYSTEM, version=version, spec=matter_spec(articles, **changes))


def benchmark(
    article: Article,
    party: PartyKind,
    low_yuan: int | None,
    high_yuan: int | None,
    *,
    tier: Tier = Tier.ORDINARY,
) -> BenchmarkSpec:
    return BenchmarkSpec(
        code="RF-49",
        violation="侵占人民防空工程",
        articles=[article],
        party_kind=party,
        tier=tier,
        condition="一般情节",
        min_fen=None if low_yuan is None else low_yuan * YUAN,
        max_fen=None if high_yuan is None else high_yuan * YUAN,
    )


def licence_limits() -> dict[str, Any]:
    return {
        "statutory": TimeLimit(20, TimeUnit.WORKING_DAYS),
        "promised": TimeLimit(7, TimeUnit.WORKING_DAYS),
    }
