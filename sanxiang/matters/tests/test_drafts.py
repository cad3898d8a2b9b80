"""Editing a draft's content: re-citing the current texts of amended articles clears the staleness once the
draft is published, citations of repealed articles stay for a person to decide, and an entry can be removed
from a draft but never from a published version. Publication re-checks citations amended after approval."""

from __future__ import annotations

import datetime as dt

import pytest

from sanxiang.core.errors import InvalidInput, RuleViolation
from sanxiang.matters import actions, selectors
from sanxiang.matters.enums import ListKind, PartyKind
from sanxiang.matters.models import BenchmarkEntry, Matter
from sanxiang.matters.tests import factories
from sanxiang.matters.tests.conftest import Places
from sanxiang.matters.tests.helpers import table_counts
from sanxiang.records.models import PendingEntry

SYSTEM = factories.SYSTEM
JULY, AUGUST = dt.date(2026, 7, 1), dt.date(2026, 8, 1)


def test_reciting_replaces_amended_texts_everywhere_in_the_draft(places: Places) -> None:
    article = factories.make_article(22)
    version = factories.draft(places.taiyuan, effective=AUGUST)
    matter = factories.add_matter(version, [article], statutory_basis=article, **factories.licence_limits())
    new = actions.check_amend_article(actor=SYSTEM, article=article, text="新", effective_from=JULY)
    assert actions.check_recite_current_texts(actor=SYSTEM, version=version) == 3  # basis, limit, relief
    matter.refresh_from_db()
    assert list(matter.articles.all()) == [new]
    assert matter.statutory_basis == new
    assert matter.relief_channels.get().article == new
    assert not selectors.stale_matters().exists()
    factories.approve_and_publish(version)
    assert PendingEntry.objects.filter(event_type="list_version.citations_renewed").count() == 1


def test_citations_of_a_repealed_article_stay_and_block_approval(places: Places) -> None:
    article = factories.make_article(28)
    version = factories.draft(places.taiyuan, effective=AUGUST)
    factories.add_matter(version, [article])
    actions.check_repeal_article(actor=SYSTEM, article=article, repealed_on=JULY)
    assert actions.check_recite_current_texts(actor=SYSTEM, version=version) == 0
    with pytest.raises(RuleViolation, match="第二十八条"):
        factories.approve_and_publish(version)


def test_reciting_renews_benchmark_citations_and_keeps_ranges(places: Places) -> None:
    article = factories.article_49()
    version = factories.draft(places.taiyuan, ListKind.BENCHMARKS, effective=AUGUST)
    entry = actions.check_add_benchmark(
        actor=SYSTEM,
        version=version,
        spec=factories.benchmark(article, PartyKind.ORGANIZATION, 10_000, 20_000),
    )
    new = actions.check_amend_article(actor=SYSTEM, article=article, text="新", effective_from=JULY)
    actions.check_recite_current_texts(actor=SYSTEM, version=version)
    assert list(entry.articles.all()) == [new]
    assert new.ranges.count() == 2


def test_publication_refuses_a_citation_amended_after_approval(places: Places) -> None:
    article = factories.make_article(22)
    version = factories.draft(places.taiyuan, effective=AUGUST)
    factories.add_matter(version, [article])
    actions.check_approve_version(
        actor=SYSTEM, version=version, approving_body="法制办", approved_on=dt.date(2026, 6, 1)
    )
    actions.check_amend_article(actor=SYSTEM, article=article, text="新", effective_from=JULY)
    before = table_counts()
    with pytest.raises(RuleViolation, match="第二十二条"):
        actions.check_publish_version(actor=SYSTEM, version=version)
    assert table_counts() == before


def test_an_entry_is_removed_from_a_draft_only(places: Places) -> None:
    article = factories.make_article(22)
    version = factories.draft(places.taiyuan)
    matter = factories.add_matter(version, [article])
    kept = factories.add_matter(version, [article])
    actions.check_remove_entry(actor=SYSTEM, version=version, entry_id=matter.pk)
    assert list(Matter.objects.filter(version=version)) == [kept]
    assert PendingEntry.objects.filter(event_type="list_entry.removed").count() == 1
    factories.approve_and_publish(version)
    before = table_counts()
    with pytest.raises(RuleViolation):
        actions.check_remove_entry(actor=SYSTEM, version=version, entry_id=kept.pk)
    assert table_counts() == before


def test_an_entry_of_another_version_cannot_be_removed(places: Places) -> None:
    article = factories.article_49()
    benchmarks = factories.draft(places.taiyuan, ListKind.BENCHMARKS)
    entry = actions.check_add_benchmark(
        actor=SYSTEM, version=benchmarks, spec=factories.benchmark(article, PartyKind.INDIVIDUAL, 0, 1_000)
    )
    other = factories.draft(places.datong, ListKind.BENCHMARKS)
    before = table_counts()
    with pytest.raises(InvalidInput):
        actions.check_remove_entry(actor=SYSTEM, version=other, entry_id=entry.pk)
    assert table_counts() == before
    assert BenchmarkEntry.objects.filter(pk=entry.pk).exists()
