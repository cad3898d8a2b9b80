"""Entries of draft versions: matters cite articles in force on the version's date, carry time limits with
unit and basis (the promise never exceeds the statute) and relief channels with their articles; the other
lists name matters by codes the catalogue knows; inspection items and fee standards need a legal basis. A
refused entry writes nothing."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db.models import ProtectedError

from sanxiang.core.errors import InvalidInput, RuleViolation
from sanxiang.matters import actions
from sanxiang.matters.enums import (
    AVRequirement,
    ListKind,
    MatterType,
    PartyKind,
    RetentionClass,
    ReviewCriterion,
    TimeUnit,
)
from sanxiang.matters.models import Article, ListVersion, Matter
from sanxiang.matters.specs import AVSpec, ExemptionSpec, FeeSpec, InspectionSpec, ReviewRuleSpec, TimeLimit
from sanxiang.matters.tests import factories
from sanxiang.matters.tests.conftest import Places
from sanxiang.matters.tests.helpers import table_counts

SYSTEM = factories.SYSTEM
WD = TimeUnit.WORKING_DAYS


@pytest.fixture
def article(db: None) -> Article:
    return factories.make_article(22)


@pytest.fixture
def catalogue(places: Places) -> ListVersion:
    return factories.draft(places.taiyuan)


def test_a_licence_keeps_its_limits_relief_and_service_guide(
    catalogue: ListVersion, article: Article
) -> None:
    basis = factories.make_article(42, law=factories.make_law("中华人民共和国行政许可法"))
    matter = factories.add_matter(
        catalogue,
        [article],
        type=MatterType.LICENSE,
        statutory_basis=basis,
        materials=("报建申请表", "立项文件"),
        guide={"accepting_body": "太原市政务服务中心人防窗口", "office_phone": "0351-0000000"},
        **factories.licence_limits(),
    )
    matter.refresh_from_db()
    assert (matter.statutory_limit, matter.statutory_unit, matter.statutory_basis) == (20, WD, basis)
    assert (matter.promised_limit, matter.promised_unit) == (7, WD)
    assert matter.materials == ["报建申请表", "立项文件"]
    assert matter.accepting_body == "太原市政务服务中心人防窗口"
    channel = matter.relief_channels.get()
    assert (channel.time_limit, channel.unit, channel.article) == (60, TimeUnit.CALENDAR_DAYS, article)


def test_a_promise_longer_than_the_statute_is_refused(catalogue: ListVersion, article: Article) -> None:
    before = table_counts()
    with pytest.raises(InvalidInput):
        factories.add_matter(
            catalogue,
            [article],
            statutory=TimeLimit(20, WD),
            statutory_basis=article,
            promised=TimeLimit(25, WD),
        )
    assert table_counts() == before


def test_a_statutory_limit_needs_its_article(catalogue: ListVersion, article: Article) -> None:
    before = table_counts()
    with pytest.raises(InvalidInput):
        factories.add_matter(catalogue, [article], statutory=TimeLimit(20, WD))
    assert table_counts() == before


def test_a_matter_must_cite_an_article(catalogue: ListVersion) -> None:
    before = table_counts()
    with pytest.raises(InvalidInput):
        factories.add_matter(catalogue, [], relief=())
    assert table_counts() == before


def test_a_matter_cannot_cite_a_text_not_yet_in_force(catalogue: ListVersion) -> None:
    later = factories.make_article(23, effective=dt.date(2027, 1, 1))
    before = table_counts()
    with pytest.raises(RuleViolation, match="第二十三条"):
        factories.add_matter(catalogue, [later], relief=())
    assert table_counts() == before


def test_a_code_appears_once_per_version(catalogue: ListVersion, article: Article) -> None:
    factories.add_matter(catalogue, [article], code="XK-01")
    before = table_counts()
    with pytest.raises(InvalidInput):
        factories.add_matter(catalogue, [article], code="XK-01")
    assert table_counts() == before


def test_unknown_service_guide_fields_are_refused(catalogue: ListVersion, article: Article) -> None:
    with pytest.raises(InvalidInput):
        factories.add_matter(catalogue, [article], guide={"version_id": "1"})


def test_matters_of_a_version_cannot_be_deleted(catalogue: ListVersion, article: Article) -> None:
    factories.add_matter(catalogue, [article])
    with pytest.raises(ProtectedError):
        catalogue.delete()
    assert Matter.objects.count() == 1


def test_av_rules_name_matters_the_catalogue_knows(
    places: Places, catalogue: ListVersion, article: Article
) -> None:
    factories.add_matter(catalogue, [article], code="CF-03")
    av = factories.draft(places.taiyuan, ListKind.AV_RECORDING)
    spec = AVSpec("CF-03", "hearing", "听证", AVRequirement.FULL, RetentionClass.EVIDENCE)
    entry = actions.check_add_av_entry(actor=SYSTEM, version=av, spec=spec)
    assert entry.requirement == AVRequirement.FULL
    before = table_counts()
    with pytest.raises(InvalidInput, match="CF-99"):
        actions.check_add_av_entry(
            actor=SYSTEM,
            version=av,
            spec=AVSpec("CF-99", "hearing", "听证", AVRequirement.FULL, RetentionClass.EVIDENCE),
        )
    assert table_counts() == before


def test_an_amount_rule_needs_a_threshold_and_party(places: Places) -> None:
    rules = factories.draft(places.taiyuan, ListKind.MAJOR_DECISIONS)
    spec = ReviewRuleSpec("FS-01", ReviewCriterion.AMOUNT, "较大数额", party_kind=PartyKind.INDIVIDUAL)
    before = table_counts()
    with pytest.raises(InvalidInput):
        actions.check_add_review_rule(actor=SYSTEM, version=rules, spec=spec)
    assert table_counts() == before
    complete = ReviewRuleSpec(
        "FS-01", ReviewCriterion.AMOUNT, "较大数额", party_kind=PartyKind.INDIVIDUAL, threshold_fen=500_000
    )
    assert actions.check_add_review_rule(actor=SYSTEM, version=rules, spec=complete).threshold_fen == 500_000


def test_an_inspection_item_needs_a_basis_and_a_sane_ratio(places: Places, article: Article) -> None:
    items = factories.draft(places.taiyuan, ListKind.RANDOM_INSPECTION)

    def spec(articles: list[Article], ratio: int) -> InspectionSpec:
        return InspectionSpec(
            "JC-01", "维护管理检查", articles, "人防办", "人防工程", "维护管理", "现场检查", "每年", ratio
        )

    before = table_counts()
    with pytest.raises(InvalidInput):
        actions.check_add_inspection_item(actor=SYSTEM, version=items, spec=spec([], 100))
    with pytest.raises(InvalidInput):
        actions.check_add_inspection_item(actor=SYSTEM, version=items, spec=spec([article], 120))
    assert table_counts() == before
    assert (
        actions.check_add_inspection_item(
            actor=SYSTEM, version=items, spec=spec([article], 100)
        ).ratio_percent
        == 100
    )


def test_a_fee_standard_lists_its_coded_exemptions(places: Places, article: Article) -> None:
    fees = factories.draft(places.taiyuan, ListKind.FEE_STANDARDS)
    spec = FeeSpec(
        "YD-01",
        "防空地下室易地建设费",
        150_000,
        "m²",
        [article],
        (ExemptionSpec("JM-01", "廉租住房", [article]),),
    )
    standard = actions.check_add_fee_standard(actor=SYSTEM, version=fees, spec=spec)
    assert [(e.code, e.name) for e in standard.exemptions.all()] == [("JM-01", "廉租住房")]
    before = table_counts()
    with pytest.raises(InvalidInput):
        actions.check_add_fee_standard(
            actor=SYSTEM, version=fees, spec=FeeSpec("YD-02", "负费率", -1, "m²", [article])
        )
    assert table_counts() == before
