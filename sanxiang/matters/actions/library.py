"""Writes to the legal-basis library: laws, article texts and their statutory fine ranges, amendments and
repeals. An amendment closes the old text and adds the new one; it never edits text in place. Amending or
repealing an article makes every live matter and list entry citing it stale (``selectors.stale``); the record
says how many. Callers have already checked that the user may edit the library.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from django.db import transaction
from django.utils.translation import gettext as _

from sanxiang.core.errors import InvalidInput, RuleViolation
from sanxiang.core.validation import validated
from sanxiang.matters import events, selectors
from sanxiang.matters.actions.common import digest, record
from sanxiang.matters.enums import LawLevel, PartyKind
from sanxiang.matters.models import Article, Law, StatutoryRange
from sanxiang.matters.numerals import article_number
from sanxiang.records import writer

# party kind → (minimum, maximum) fine in fen
Ranges = Mapping[PartyKind, tuple[int, int]]


@transaction.atomic
def check_create_law(
    *,
    actor: writer.Actor,
    title: str,
    level: LawLevel,
    issuing_body: str,
    document_number: str = "",
    promulgated_on: dt.date | None = None,
    effective_from: dt.date | None = None,
    unconfirmed_note: str = "",
) -> Law:
    """Add a law; ``unconfirmed_note`` marks facts loaded as placeholders that an administrator must check."""
    law = Law(
        title=title,
        level=level,
        issuing_body=issuing_body,
        document_number=document_number,
        promulgated_on=promulgated_on,
        effective_from=effective_from,
        unconfirmed=bool(unconfirmed_note),
        unconfirmed_note=unconfirmed_note,
    )
    validated(law)
    law.save()
    data = {"title": title, "level": str(level)}
    record(events.LAW_CREATED.code, actor=actor, agency_id=None, kind="law", pk=law.pk, data=data)
    return law


def _save_ranges(article: Article, ranges: Ranges) -> None:
    for party_kind, (low, high) in ranges.items():
        statutory = StatutoryRange(article=article, party_kind=party_kind, min_fen=low, max_fen=high)
        validated(statutory)
        statutory.save()


def _save_article(article: Article, ranges: Ranges, *, actor: writer.Actor) -> Article:
    validated(article)
    article.save()
    _save_ranges(article, ranges)
    data = {
        "law": article.law_id,
        "provision": article.provision,
        "effective_from": article.effective_from.isoformat(),
        "text": digest(article.text),
    }
    record(events.ARTICLE_CREATED.code, actor=actor, agency_id=None, kind="article", pk=article.pk, data=data)
    return article


@transaction.atomic
def check_add_article(
    *,
    actor: writer.Actor,
    law: Law,
    ordinal: int,
    text: str,
    effective_from: dt.date,
    paragraph: int = 0,
    item: int = 0,
    ranges: Ranges | None = None,
    number: str = "",
    unconfirmed_note: str = "",
) -> Article:
    """Add the text of a provision in force from ``effective_from``, with the fine ranges it sets. ``number``
    defaults to the statute style (第四十九条); documents numbered otherwise give it explicitly."""
    article = Article(
        law=law,
        number=number or (article_number(ordinal) if ordinal > 0 else ""),
        ordinal=ordinal,
        paragraph=paragraph,
        item=item,
        text=text,
        effective_from=effective_from,
        unconfirmed=bool(unconfirmed_note),
        unconfirmed_note=unconfirmed_note,
    )
    return _save_article(article, ranges or {}, actor=actor)


def _lock_current(article: Article) -> Article:
    locked = Article.objects.select_for_update().select_related("law").get(pk=article.pk)
    if locked.repealed_on is not None:
        raise RuleViolation(
            _("%(article)s is no longer in force from %(day)s; amend its current text instead.")
            % {"article": locked.citation, "day": locked.repealed_on.isoformat()}
        )
    return locked


def _require_after(article: Article, day: dt.date) -> None:
    if day <= article.effective_from:
        raise InvalidInput(
            _("The change must take effect after %(day)s, when the current text of %(article)s did.")
            % {"day": article.effective_from.isoformat(), "article": article.citation}
        )


@transaction.atomic
def check_amend_article(
    *,
    actor: writer.Actor,
    article: Article,
    text: str,
    effective_from: dt.date,
    ranges: Ranges | None = None,
) -> Article:
    """Replace an article's text from ``effective_from``. The fine ranges carry over unless ``ranges`` is
    given. Everything citing the old text is stale until a new list version cites the new one."""
    old = _lock_current(article)
    _require_after(old, effective_from)
    old.repealed_on = effective_from
    old.save(update_fields=["repealed_on", "updated_at"])
    carried = {PartyKind(r.party_kind): (r.min_fen, r.max_fen) for r in old.ranges.all()}
    new = Article(
        law=old.law,
        number=old.number,
        ordinal=old.ordinal,
        paragraph=old.paragraph,
        item=old.item,
        text=text,
        effective_from=effective_from,
    )
    _save_article(new, carried if ranges is None else ranges, actor=actor)
    old.successor = new
    old.save(update_fields=["successor", "updated_at"])
    data = {
        "law": old.law_id,
        "provision": old.provision,
        "effective_from": effective_from.isoformat(),
        "successor": new.pk,
        "stale": selectors.count_live_citations(old),
    }
    record(events.ARTICLE_AMENDED.code, actor=actor, agency_id=None, kind="article", pk=old.pk, data=data)
    return new


@transaction.atomic
def check_repeal_article(*, actor: writer.Actor, article: Article, repealed_on: dt.date) -> Article:
    """End an article without a successor. Everything citing it is stale."""
    old = _lock_current(article)
    _require_after(old, repealed_on)
    old.repealed_on = repealed_on
    old.save(update_fields=["repealed_on", "updated_at"])
    data = {
        "law": old.law_id,
        "provision": old.provision,
        "repealed_on": repealed_on.isoformat(),
        "stale": selectors.count_live_citations(old),
    }
    record(events.ARTICLE_REPEALED.code, actor=actor, agency_id=None, kind="article", pk=old.pk, data=data)
    return old
