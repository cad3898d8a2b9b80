"""The legal-basis library: an amendment closes the old text and adds the new one (never edits in place),
keeps the statutory ranges, and makes every live matter and benchmark citing the old text stale; a repeal does
the same without a successor. Each change is recorded."""

from __future__ import annotations

import datetime as dt

import pytest

from sanxiang.core.errors import InvalidInput, RuleViolation
from sanxiang.matters import actions, selectors
from sanxiang.matters.enums import ListKind, PartyKind
from sanxiang.matters.models import Article, StatutoryRange
from sanxiang.matters.tests import factories
from sanxiang.matters.tests.conftest import Places
from sanxiang.matters.tests.helpers import table_counts
from sanxiang.records.models import PendingEntry

SYSTEM = factories.SYSTEM


def test_an_article_is_cited_with_its_law_and_provision(db: None) -> None:
    article = factories.make_article(49, item=3)
    assert article.citation == "《中华人民共和国人民防空法》第四十九条第（三）项"


def test_amending_an_article_keeps_the_old_text_and_carries_the_ranges(db: None) -> None:
    old = factories.article_49()
    new = actions.check_amend_article(
        actor=SYSTEM, article=old, text="修正后的条文", effective_from=dt.date(2027, 1, 1)
    )
    old.refresh_from_db()
    assert old.repealed_on == dt.date(2027, 1, 1)
    assert old.successor == new
    assert old.text == "第49条的条文"
    assert new.in_force_on(dt.date(2027, 1, 1))
    assert not old.in_force_on(dt.date(2027, 1, 1))
    assert old.in_force_on(dt.date(2026, 12, 31))
    assert {(r.party_kind, r.min_fen, r.max_fen) for r in new.ranges.all()} == {
        ("individual", 0, 500_000),
        ("organization", 1_000_000, 5_000_000),
    }
    assert PendingEntry.objects.filter(event_type="article.amended").count() == 1


def test_an_amendment_may_set_new_ranges(db: None) -> None:
    old = factories.article_49()
    new = actions.check_amend_article(
        actor=SYSTEM,
        article=old,
        text="修正后的条文",
        effective_from=dt.date(2027, 1, 1),
        ranges={PartyKind.INDIVIDUAL: (0, 1_000_000)},
    )
    assert list(new.ranges.values_list("party_kind", "max_fen")) == [("individual", 1_000_000)]


def test_an_amendment_must_take_effect_after_the_current_text(db: None) -> None:
    old = factories.article_49()
    before = table_counts()
    with pytest.raises(InvalidInput, match="第四十九条"):
        actions.check_amend_article(actor=SYSTEM, article=old, text="x", effective_from=dt.date(1997, 1, 1))
    assert table_counts() == before


def test_an_article_no_longer_in_force_cannot_be_amended_again(db: None) -> None:
    old = factories.article_49()
    actions.check_repeal_article(actor=SYSTEM, article=old, repealed_on=dt.date(2027, 1, 1))
    before = table_counts()
    with pytest.raises(RuleViolation, match="第四十九条"):
        actions.check_amend_article(actor=SYSTEM, article=old, text="x", effective_from=dt.date(2028, 1, 1))
    assert table_counts() == before


def test_amending_a_cited_article_flags_matters_and_benchmarks_stale(places: Places) -> None:
    article = factories.article_49()
    other = factories.make_article(23)
    catalogue = factories.draft(places.taiyuan)
    citing = factories.add_matter(catalogue, [article])
    unrelated = factories.add_matter(catalogue, [other])
    benchmarks = factories.draft(places.taiyuan, ListKind.BENCHMARKS)
    actions.check_add_benchmark(
        actor=SYSTEM,
        version=benchmarks,
        spec=factories.benchmark(article, PartyKind.ORGANIZATION, 20_000, 40_000),
    )
    assert not selectors.stale_matters().exists()
    actions.check_amend_article(
        actor=SYSTEM, article=article, text="新条文", effective_from=dt.date(2027, 1, 1)
    )
    assert list(selectors.stale_matters()) == [citing]
    assert unrelated not in selectors.stale_matters()
    assert selectors.stale_counts(selectors.live_versions()) == {catalogue.pk: 1, benchmarks.pk: 1}
    entry = PendingEntry.objects.filter(event_type="article.amended").get()
    assert b'"stale":2' in bytes(entry.body)


def test_repealing_a_cited_article_flags_its_matters_stale(places: Places) -> None:
    article = factories.make_article(28)
    catalogue = factories.draft(places.taiyuan)
    matter = factories.add_matter(catalogue, [article])
    actions.check_repeal_article(actor=SYSTEM, article=article, repealed_on=dt.date(2026, 12, 1))
    assert list(selectors.stale_matters()) == [matter]


def test_a_superseded_version_is_not_stale_only_the_live_one(places: Places) -> None:
    article = factories.make_article(22)
    first = factories.draft(places.taiyuan)
    factories.add_matter(first, [article], code="XK-01")
    factories.approve_and_publish(first, effective=dt.date(2026, 6, 1))
    second = factories.draft(places.taiyuan, effective=dt.date(2026, 6, 2))
    factories.approve_and_publish(second)
    actions.check_amend_article(actor=SYSTEM, article=article, text="新", effective_from=dt.date(2027, 1, 1))
    with_clock_on_june_3 = selectors.live_versions(on=dt.date(2026, 6, 3))
    assert set(selectors.stale_counts(with_clock_on_june_3)) == {second.pk}


def test_a_fine_range_must_be_ordered(db: None) -> None:
    law = factories.make_law()
    before = table_counts()
    with pytest.raises(InvalidInput):
        factories.make_article(49, law=law, ranges={PartyKind.ORGANIZATION: (5_000_000, 1_000_000)})
    assert table_counts() == before
    assert not Article.objects.exists()
    assert not StatutoryRange.objects.exists()
