"""Adds the laws and articles of ``library_data`` that are missing, through the library actions (so every
row is recorded), and returns the articles by key. Never changes a row that exists."""

from __future__ import annotations

import datetime as dt

from sanxiang.matters import actions
from sanxiang.matters.models import Article, Law
from sanxiang.matters.shanxi.article_data import ARTICLES
from sanxiang.matters.shanxi.library_data import LAWS, ArticleData, LawData
from sanxiang.records import writer


def _ensure_law(data: LawData, *, actor: writer.Actor) -> Law:
    existing = Law.objects.filter(title=data.title).first()
    if existing is not None:
        return existing
    return actions.check_create_law(
        actor=actor,
        title=data.title,
        level=data.level,
        issuing_body=data.issuing_body,
        document_number=data.document_number,
        promulgated_on=data.promulgated_on,
        effective_from=data.effective_from,
        unconfirmed_note=data.note,
    )


def _ensure_article(data: ArticleData, law: Law, *, actor: writer.Actor) -> Article:
    current = Article.objects.filter(
        law=law, ordinal=data.ordinal, paragraph=data.paragraph, item=data.item, repealed_on__isnull=True
    ).first()
    if current is not None:
        return current
    return actions.check_add_article(
        actor=actor,
        law=law,
        ordinal=data.ordinal,
        paragraph=data.paragraph,
        item=data.item,
        text=data.text,
        effective_from=law.effective_from or dt.date(2000, 1, 1),
        ranges=data.ranges,
        number=data.number,
        unconfirmed_note=data.note,
    )


def ensure_library(*, actor: writer.Actor) -> dict[str, Article]:
    """Add the laws and articles that are missing; return every article by its key (e.g. "rff49.3")."""
    laws = {data.key: _ensure_law(data, actor=actor) for data in LAWS}
    return {data.key: _ensure_article(data, laws[data.law], actor=actor) for data in ARTICLES}
