"""List versions: a draft starts from the latest published version, one open version per list (in the
database too), approval records the approving body and who recorded it, publication never takes effect
retroactively or before an earlier version, and ``version_in_force`` picks the version a case must use on a
date, falling back to the parent agency's list. Superseded versions stay readable."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import IntegrityError, transaction

from sanxiang.core.errors import InvalidInput, RuleViolation
from sanxiang.matters import actions, selectors
from sanxiang.matters.enums import ListKind, VersionStatus
from sanxiang.matters.models import Article, ListVersion, Matter
from sanxiang.matters.tests import factories
from sanxiang.matters.tests.conftest import Places
from sanxiang.matters.tests.helpers import table_counts
from sanxiang.organizations.tests.factories import make_user
from sanxiang.records import writer
from sanxiang.records.models import PendingEntry

SYSTEM = factories.SYSTEM
JULY, AUGUST = dt.date(2026, 7, 1), dt.date(2026, 8, 1)


@pytest.fixture
def article(db: None) -> Article:
    return factories.make_article(22)


def published_catalogue(places: Places, article: Article, *, effective: dt.date = JULY) -> ListVersion:
    version = factories.draft(places.taiyuan, effective=effective)
    factories.add_matter(version, [article], code="XK-01")
    return factories.approve_and_publish(version)


def test_each_step_is_recorded(places: Places, article: Article) -> None:
    published_catalogue(places, article)
    types = list(
        PendingEntry.objects.filter(subject_kind="list_version").values_list("event_type", flat=True)
    )
    assert types == [
        "list_version.drafted",
        "list_entry.added",
        "list_version.approved",
        "list_version.published",
    ]


def test_approval_records_the_body_and_who_recorded_it(places: Places, article: Article) -> None:
    version = factories.draft(places.taiyuan)
    factories.add_matter(version, [article])
    admin = make_user("admin")
    actor = writer.Actor(user_id=admin.pk)
    actions.check_approve_version(
        actor=actor,
        version=version,
        approving_body="太原市人民政府法制办",
        approved_on=dt.date(2026, 5, 30),
        reference="并法审〔2026〕3号",
    )
    version.refresh_from_db()
    assert version.status == VersionStatus.APPROVED
    assert (version.approving_body, version.approval_reference) == (
        "太原市人民政府法制办",
        "并法审〔2026〕3号",
    )
    assert version.approved_by == admin
    assert version.approved_on == dt.date(2026, 5, 30)


@pytest.mark.parametrize(
    ("body", "day"),
    [("", dt.date(2026, 5, 30)), ("  ", dt.date(2026, 5, 30)), ("法制办", dt.date(2026, 6, 2))],
)
def test_an_approval_without_a_body_or_dated_in_the_future_writes_nothing(
    places: Places, article: Article, body: str, day: dt.date
) -> None:
    version = factories.draft(places.taiyuan)
    factories.add_matter(version, [article])
    before = table_counts()
    with pytest.raises(InvalidInput):
        actions.check_approve_version(actor=SYSTEM, version=version, approving_body=body, approved_on=day)
    assert table_counts() == before
    version.refresh_from_db()
    assert version.status == VersionStatus.DRAFT


def test_an_empty_list_cannot_be_approved(places: Places) -> None:
    version = factories.draft(places.taiyuan)
    with pytest.raises(RuleViolation, match="no entries"):
        actions.check_approve_version(
            actor=SYSTEM, version=version, approving_body="法制办", approved_on=JULY.replace(month=5)
        )


def test_a_draft_cannot_be_published_before_it_is_approved(places: Places, article: Article) -> None:
    version = factories.draft(places.taiyuan)
    factories.add_matter(version, [article])
    before = table_counts()
    with pytest.raises(RuleViolation):
        actions.check_publish_version(actor=SYSTEM, version=version)
    assert table_counts() == before


def test_only_one_draft_at_a_time_per_list(places: Places) -> None:
    factories.draft(places.taiyuan)
    before = table_counts()
    with pytest.raises(RuleViolation, match="open draft"):
        factories.draft(places.taiyuan)
    assert table_counts() == before
    factories.draft(places.taiyuan, ListKind.BENCHMARKS)  # another list
    factories.draft(places.datong)  # another agency's catalogue


def test_the_database_refuses_a_second_open_version(places: Places) -> None:
    factories.draft(places.taiyuan)
    with pytest.raises(IntegrityError), transaction.atomic():
        ListVersion.objects.create(
            kind=ListKind.CATALOGUE, agency=places.taiyuan, number=9, effective_from=AUGUST
        )


def test_a_new_draft_copies_the_latest_published_version(places: Places, article: Article) -> None:
    first = published_catalogue(places, article)
    second = factories.draft(places.taiyuan, effective=AUGUST)
    assert second.number == 2
    assert second.copied_from == first
    copy = Matter.objects.get(version=second)
    assert copy.code == "XK-01"
    assert list(copy.articles.all()) == [article]
    assert copy.relief_channels.count() == 1
    assert Matter.objects.filter(version=first).count() == 1


def test_changing_a_published_or_approved_version_is_refused(places: Places, article: Article) -> None:
    version = published_catalogue(places, article)
    before = table_counts()
    with pytest.raises(RuleViolation, match="only a draft"):
        factories.add_matter(version, [article])
    assert table_counts() == before


def test_publication_never_takes_effect_retroactively(places: Places, article: Article) -> None:
    version = factories.draft(places.taiyuan)
    factories.add_matter(version, [article])
    actions.check_approve_version(
        actor=SYSTEM, version=version, approving_body="法制办", approved_on=dt.date(2026, 6, 1)
    )
    with pytest.raises(RuleViolation, match="before it is published"):
        actions.check_publish_version(actor=SYSTEM, version=version, effective_from=dt.date(2026, 5, 31))


def test_a_new_version_takes_effect_after_the_previous_one(places: Places, article: Article) -> None:
    published_catalogue(places, article, effective=AUGUST)
    second = factories.draft(places.taiyuan, effective=JULY)
    actions.check_approve_version(
        actor=SYSTEM, version=second, approving_body="法制办", approved_on=dt.date(2026, 6, 1)
    )
    with pytest.raises(RuleViolation, match="2026-08-01"):
        actions.check_publish_version(actor=SYSTEM, version=second)


def test_version_in_force_follows_effective_dates(places: Places, article: Article) -> None:
    first = published_catalogue(places, article, effective=JULY)
    second = factories.draft(places.taiyuan, effective=AUGUST)
    factories.approve_and_publish(second)
    third = factories.draft(places.taiyuan, effective=dt.date(2026, 9, 1))  # drafted, never published
    taiyuan, kind = places.taiyuan, ListKind.CATALOGUE
    assert selectors.version_in_force(kind, taiyuan, on=dt.date(2026, 6, 30)) is None
    assert selectors.version_in_force(kind, taiyuan, on=JULY) == first
    assert selectors.version_in_force(kind, taiyuan, on=dt.date(2026, 7, 31)) == first
    assert selectors.version_in_force(kind, taiyuan, on=AUGUST) == second
    assert selectors.version_in_force(kind, taiyuan, on=dt.date(2027, 1, 1)) == second
    assert third.status == VersionStatus.DRAFT
    assert selectors.superseded_on(first) == AUGUST
    assert selectors.superseded_on(second) is None
    assert Matter.objects.filter(version=first).exists()  # superseded versions stay readable


def test_an_agency_without_its_own_list_uses_its_parents(places: Places, article: Article) -> None:
    provincial = factories.draft(places.province)
    factories.add_matter(provincial, [article], code="XK-01")
    factories.approve_and_publish(provincial)
    own = published_catalogue(places, article, effective=AUGUST)
    kind = ListKind.CATALOGUE
    assert selectors.version_in_force(kind, places.xiaodian, on=JULY) == provincial
    assert selectors.version_in_force(kind, places.taiyuan, on=JULY) == provincial
    assert selectors.version_in_force(kind, places.taiyuan, on=AUGUST) == own
    assert selectors.version_in_force(kind, places.xiaodian, on=AUGUST) == own
    assert selectors.version_in_force(kind, places.datong, on=AUGUST) == provincial


def test_approval_is_refused_while_the_draft_cites_a_text_no_longer_in_force(
    places: Places, article: Article
) -> None:
    version = factories.draft(places.taiyuan, effective=AUGUST)
    factories.add_matter(version, [article])
    actions.check_amend_article(actor=SYSTEM, article=article, text="新", effective_from=JULY)
    before = table_counts()
    with pytest.raises(RuleViolation, match="第二十二条"):
        actions.check_approve_version(
            actor=SYSTEM, version=version, approving_body="法制办", approved_on=JULY.replace(month=5)
        )
    assert table_counts() == before


def test_a_placeholder_is_confirmed_with_a_note_and_recorded(places: Places, article: Article) -> None:
    version = factories.draft(places.taiyuan)
    matter = factories.add_matter(version, [article], unconfirmed_note="条号待核")
    with pytest.raises(InvalidInput):
        actions.check_confirm_value(actor=SYSTEM, row=matter, note=" ")
    actions.check_confirm_value(actor=SYSTEM, row=matter, note="已与山西省人大公布文本核对")
    matter.refresh_from_db()
    assert not matter.unconfirmed
    assert PendingEntry.objects.filter(event_type="catalogue_value.confirmed").count() == 1
    with pytest.raises(RuleViolation, match="already"):
        actions.check_confirm_value(actor=SYSTEM, row=matter, note="again")
