"""Adding entries to draft versions of the attached lists: discretion benchmarks (checked against the fine
range the cited articles set), AV-recording rules, major-decision rules, random-inspection items and fee
standards with their coded exemptions. Each entry is recorded. Callers have checked the user's permission.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.db import models, transaction
from django.utils.translation import gettext as _

from sanxiang.core.errors import InvalidInput, RuleViolation
from sanxiang.core.validation import validated
from sanxiang.matters.actions.entries import (
    add_matter,
    open_draft,
    record_entry,
    require_articles,
    require_matter_code,
)
from sanxiang.matters.enums import ListKind, PartyKind, ReviewCriterion, Tier
from sanxiang.matters.models import (
    AVEntry,
    BenchmarkEntry,
    FeeExemption,
    FeeStandard,
    InspectionItem,
    ListVersion,
    MajorDecisionRule,
    StatutoryRange,
)
from sanxiang.matters.money import yuan
from sanxiang.matters.specs import (
    KIND_OF_SPEC,
    AVSpec,
    BenchmarkSpec,
    EntrySpec,
    FeeSpec,
    InspectionSpec,
    ReviewRuleSpec,
)
from sanxiang.records import writer


def _require_fine_fits(range_: StatutoryRange, spec: BenchmarkSpec) -> None:
    low, high = spec.min_fen or 0, spec.max_fen or 0
    if low < range_.min_fen or high > range_.max_fen:
        raise RuleViolation(
            _(
                "The fine of %(low)s–%(high)s yuan is outside the range %(article)s allows for %(party)s: "
                "%(min)s–%(max)s yuan."
            )
            % {
                "low": yuan(low),
                "high": yuan(high),
                "article": range_.article.citation,
                "party": PartyKind(range_.party_kind).label,
                "min": yuan(range_.min_fen),
                "max": yuan(range_.max_fen),
            }
        )


def check_statutory_range(spec: BenchmarkSpec) -> None:
    """A benchmark's fine must lie inside the range of every cited article that sets one for the party
    (人民防空法 第四十九条: individuals up to 5,000 yuan, organisations 10,000–50,000 yuan)."""
    if spec.tier == Tier.NO_PENALTY and (spec.min_fen is not None or spec.max_fen is not None):
        raise InvalidInput(_("A no-penalty tier has no fine."), {"min_fen": [_("Leave empty.")]})
    if spec.min_fen is None and spec.max_fen is None:
        return
    ranges = [r for article in spec.articles for r in article.ranges.all()]
    if not ranges:
        raise RuleViolation(_("None of the cited articles sets a fine; cite the article that does."))
    for article in spec.articles:
        own = [r for r in ranges if r.article_id == article.pk]
        if not own:
            continue
        fitting = next((r for r in own if r.party_kind == spec.party_kind), None)
        if fitting is None:
            raise RuleViolation(
                _("%(article)s sets no fine for %(party)s.")
                % {"article": article.citation, "party": PartyKind(spec.party_kind).label}
            )
        _require_fine_fits(fitting, spec)


def add_benchmark(version: ListVersion, spec: BenchmarkSpec) -> BenchmarkEntry:
    """Check and write one tier into a locked draft; no record (the caller writes it)."""
    require_articles(version, spec.articles)
    require_matter_code(version, spec.matter_code, required=False)
    if (spec.min_fen is None) != (spec.max_fen is None):
        raise InvalidInput(_("Give both ends of the fine, or neither."), {"max_fen": [_("Required.")]})
    check_statutory_range(spec)
    entry = BenchmarkEntry(
        version=version,
        code=spec.code,
        violation=spec.violation,
        matter_code=spec.matter_code,
        party_kind=spec.party_kind,
        tier=spec.tier,
        condition=spec.condition,
        measures=spec.measures,
        min_fen=spec.min_fen,
        max_fen=spec.max_fen,
        unconfirmed=bool(spec.unconfirmed_note),
        unconfirmed_note=spec.unconfirmed_note,
    )
    validated(entry)
    entry.save()
    entry.articles.set(spec.articles)
    return entry


def add_av_entry(version: ListVersion, spec: AVSpec) -> AVEntry:
    require_matter_code(version, spec.matter_code, required=True)
    entry = AVEntry(
        version=version,
        matter_code=spec.matter_code,
        step=spec.step,
        step_name=spec.step_name,
        requirement=spec.requirement,
        retention=spec.retention,
        note=spec.note,
    )
    validated(entry)
    entry.save()
    return entry


def add_review_rule(version: ListVersion, spec: ReviewRuleSpec) -> MajorDecisionRule:
    if spec.articles:
        require_articles(version, spec.articles)
    if spec.criterion == ReviewCriterion.AMOUNT and (spec.threshold_fen is None or spec.party_kind is None):
        raise InvalidInput(
            _("An amount rule needs a threshold and the kind of party."), {"threshold_fen": [_("Required.")]}
        )
    rule = MajorDecisionRule(
        version=version,
        code=spec.code,
        criterion=spec.criterion,
        description=spec.description,
        matter_type=spec.matter_type or "",
        party_kind=spec.party_kind or "",
        threshold_fen=spec.threshold_fen,
        value=spec.value,
        unconfirmed=bool(spec.unconfirmed_note),
        unconfirmed_note=spec.unconfirmed_note,
    )
    validated(rule)
    rule.save()
    rule.articles.set(spec.articles)
    return rule


def add_inspection_item(version: ListVersion, spec: InspectionSpec) -> InspectionItem:
    """An inspection item needs a basis in law (国办发〔2015〕58号: no inspection without one)."""
    require_articles(version, spec.articles)
    require_matter_code(version, spec.matter_code, required=False)
    item = InspectionItem(
        version=version,
        code=spec.code,
        name=spec.name,
        matter_code=spec.matter_code,
        inspecting_body=spec.inspecting_body,
        object_type=spec.object_type,
        content=spec.content,
        ratio_percent=spec.ratio_percent,
        method=spec.method,
        frequency=spec.frequency,
        unconfirmed=bool(spec.unconfirmed_note),
        unconfirmed_note=spec.unconfirmed_note,
    )
    validated(item)
    item.save()
    item.articles.set(spec.articles)
    return item


def add_fee_standard(version: ListVersion, spec: FeeSpec) -> FeeStandard:
    """A rate with its basis and the coded exemptions it allows; no other exemption may be granted."""
    require_articles(version, spec.articles)
    require_matter_code(version, spec.matter_code, required=False)
    for listed in spec.exemptions:
        require_articles(version, listed.articles, field="exemptions")
    standard = FeeStandard(
        version=version,
        code=spec.code,
        name=spec.name,
        matter_code=spec.matter_code,
        rate_fen=spec.rate_fen,
        per_unit=spec.per_unit,
        note=spec.note,
        unconfirmed=bool(spec.unconfirmed_note),
        unconfirmed_note=spec.unconfirmed_note,
    )
    validated(standard)
    standard.save()
    standard.articles.set(spec.articles)
    for item in spec.exemptions:
        exemption = FeeExemption(standard=standard, code=item.code, name=item.name)
        validated(exemption)
        exemption.save()
        exemption.articles.set(item.articles)
    return standard


def entry_code(spec: EntrySpec) -> str:
    """How the record log names an entry: its code, or matter/step for an AV rule."""
    return f"{spec.matter_code}/{spec.step}" if isinstance(spec, AVSpec) else spec.code


ADDERS: dict[ListKind, Callable[[ListVersion, Any], models.Model]] = {
    ListKind.CATALOGUE: add_matter,
    ListKind.BENCHMARKS: add_benchmark,
    ListKind.AV_RECORDING: add_av_entry,
    ListKind.MAJOR_DECISIONS: add_review_rule,
    ListKind.RANDOM_INSPECTION: add_inspection_item,
    ListKind.FEE_STANDARDS: add_fee_standard,
}


@transaction.atomic
def check_add_list_entry(*, actor: writer.Actor, version: ListVersion, spec: EntrySpec) -> models.Model:
    """Add one entry of an attached list to a draft of that list, and record it."""
    kind = KIND_OF_SPEC[type(spec)]
    version = open_draft(version, kind)
    entry = ADDERS[kind](version, spec)
    record_entry(version, entry, entry_code(spec), spec, actor=actor)
    return entry


def check_add_benchmark(*, actor: writer.Actor, version: ListVersion, spec: BenchmarkSpec) -> BenchmarkEntry:
    entry = check_add_list_entry(actor=actor, version=version, spec=spec)
    assert isinstance(entry, BenchmarkEntry)
    return entry


def check_add_av_entry(*, actor: writer.Actor, version: ListVersion, spec: AVSpec) -> AVEntry:
    entry = check_add_list_entry(actor=actor, version=version, spec=spec)
    assert isinstance(entry, AVEntry)
    return entry


def check_add_review_rule(
    *, actor: writer.Actor, version: ListVersion, spec: ReviewRuleSpec
) -> MajorDecisionRule:
    entry = check_add_list_entry(actor=actor, version=version, spec=spec)
    assert isinstance(entry, MajorDecisionRule)
    return entry


def check_add_inspection_item(
    *, actor: writer.Actor, version: ListVersion, spec: InspectionSpec
) -> InspectionItem:
    entry = check_add_list_entry(actor=actor, version=version, spec=spec)
    assert isinstance(entry, InspectionItem)
    return entry


def check_add_fee_standard(*, actor: writer.Actor, version: ListVersion, spec: FeeSpec) -> FeeStandard:
    entry = check_add_list_entry(actor=actor, version=version, spec=spec)
    assert isinstance(entry, FeeStandard)
    return entry
