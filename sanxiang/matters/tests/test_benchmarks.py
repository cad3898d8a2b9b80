"""Discretion benchmarks are checked against the statutory fine range, which is data on the cited article
(人民防空法 第四十九条: individuals up to 5,000 yuan, organisations 10,000–50,000 yuan). A benchmark outside
it is refused with a message naming the article, and nothing is written."""

from __future__ import annotations

import pytest
from django.utils import translation

from sanxiang.core.errors import InvalidInput, RuleViolation
from sanxiang.matters import actions
from sanxiang.matters.enums import ListKind, PartyKind, Tier
from sanxiang.matters.models import BenchmarkEntry, ListVersion
from sanxiang.matters.specs import BenchmarkSpec
from sanxiang.matters.tests import factories
from sanxiang.matters.tests.conftest import Places
from sanxiang.matters.tests.helpers import table_counts

SYSTEM = factories.SYSTEM
ORG, IND = PartyKind.ORGANIZATION, PartyKind.INDIVIDUAL


@pytest.fixture
def version(places: Places) -> ListVersion:
    return factories.draft(places.taiyuan, ListKind.BENCHMARKS)


def add(version: ListVersion, spec: BenchmarkSpec) -> BenchmarkEntry:
    return actions.check_add_benchmark(actor=SYSTEM, version=version, spec=spec)


@pytest.mark.parametrize(
    ("party", "low", "high"),
    [(ORG, 10_000, 50_000), (ORG, 20_000, 40_000), (IND, 0, 5_000), (IND, 1_000, 3_000)],
)
def test_a_benchmark_inside_article_49s_range_is_accepted(
    version: ListVersion, party: PartyKind, low: int, high: int
) -> None:
    article = factories.article_49()
    entry = add(version, factories.benchmark(article, party, low, high))
    assert (entry.min_fen, entry.max_fen) == (low * 100, high * 100)
    assert list(entry.articles.all()) == [article]


@pytest.mark.parametrize(
    ("party", "low", "high"),
    [
        (ORG, 40_000, 60_000),  # above 50,000 yuan for organisations
        (ORG, 5_000, 20_000),  # below the 10,000 yuan floor for organisations
        (IND, 3_000, 6_000),  # above 5,000 yuan for individuals
    ],
)
def test_a_benchmark_outside_article_49s_range_is_refused_and_nothing_is_written(
    version: ListVersion, party: PartyKind, low: int, high: int
) -> None:
    article = factories.article_49()
    before = table_counts()
    with pytest.raises(RuleViolation, match="第四十九条") as refused:
        add(version, factories.benchmark(article, party, low, high))
    assert table_counts() == before
    assert "《中华人民共和国人民防空法》第四十九条" in refused.value.message


def test_the_refusal_is_translated_and_names_the_range(version: ListVersion) -> None:
    article = factories.article_49()
    with translation.override("zh-hans"), pytest.raises(RuleViolation) as refused:
        add(version, factories.benchmark(article, ORG, 40_000, 60_000))
    assert "50,000" in refused.value.message
    assert "10,000" in refused.value.message
    with translation.override("en"), pytest.raises(RuleViolation) as refused_en:
        add(version, factories.benchmark(article, ORG, 40_000, 60_000))
    assert "outside the range" in refused_en.value.message
    assert refused.value.message != refused_en.value.message


def test_a_fine_resting_on_an_article_that_sets_none_is_refused(version: ListVersion) -> None:
    article = factories.make_article(25)
    before = table_counts()
    with pytest.raises(RuleViolation, match=r"sets a fine|罚款"):
        add(version, factories.benchmark(article, ORG, 1_000, 2_000))
    assert table_counts() == before


def test_an_article_without_a_range_for_the_party_refuses_it(version: ListVersion) -> None:
    article = factories.make_article(48, ranges={ORG: (0, 10_000_000)})
    with pytest.raises(RuleViolation, match="第四十八条"):
        add(version, factories.benchmark(article, IND, 100, 200))


def test_a_no_penalty_tier_has_no_fine(version: ListVersion) -> None:
    article = factories.article_49()
    add(version, factories.benchmark(article, ORG, None, None, tier=Tier.NO_PENALTY))
    before = table_counts()
    with pytest.raises(InvalidInput):
        add(version, factories.benchmark(article, IND, 0, 100, tier=Tier.NO_PENALTY))
    assert table_counts() == before


def test_a_warning_only_tier_may_omit_the_fine_but_not_one_end(version: ListVersion) -> None:
    article = factories.article_49()
    add(version, factories.benchmark(article, ORG, None, None, tier=Tier.LENIENT))
    with pytest.raises(InvalidInput):
        add(version, factories.benchmark(article, IND, None, 3_000))


def test_a_benchmark_cannot_go_into_another_kind_of_list(places: Places) -> None:
    catalogue = factories.draft(places.taiyuan)
    with pytest.raises(InvalidInput):
        add(catalogue, factories.benchmark(factories.article_49(), ORG, 10_000, 20_000))
