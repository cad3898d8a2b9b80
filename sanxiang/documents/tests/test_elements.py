"""The content check of the decisions and notices other than the penalty decision: 准予 / 不予行政许可决定书
(行政许可法 第38条), 催告书 (行政强制法 第35条), 强制执行申请书 (行政强制法 第55条), 缴款通知书 (行政处罚法
第67条, 行政强制法 第45条). A template lacking an element is refused with a message naming it and its article,
writing nothing; an issue with an element left empty is refused too."""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Iterator

import pytest
from django.utils import translation
from docx import Document

from conftest import World
from sanxiang.core import clock
from sanxiang.core.errors import InvalidInput, RuleViolation
from sanxiang.documents import actions, elements, rendering, selectors
from sanxiang.documents.models import DocumentTemplate
from sanxiang.records.models import PendingEntry

NOW = dt.datetime(2026, 9, 1, 2, tzinfo=dt.UTC)


@pytest.fixture(autouse=True)
def _frozen() -> Iterator[None]:
    with clock.frozen_now(NOW), translation.override("en"):
        yield


def _without(kind: str, text: str) -> bytes:
    """The default template of ``kind`` with every paragraph containing ``text`` removed."""
    document = Document(io.BytesIO(selectors.default_template(kind)))
    removed = 0
    for paragraph in list(document.paragraphs):
        if text in paragraph.text:
            paragraph._element.getparent().remove(paragraph._element)
            removed += 1
    assert removed, f"{text!r} is not in the default {kind} template"
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _state() -> tuple[int, int]:
    return DocumentTemplate.objects.count(), PendingEntry.objects.count()


@pytest.mark.parametrize("kind", sorted(elements.REQUIRED))
def test_every_default_template_carries_the_elements_of_its_article(kind: str) -> None:
    content = selectors.default_template(kind)
    assert (
        elements.missing_elements(rendering.placeholders(content), rendering.fixed_text(content), kind) == []
    )


@pytest.mark.parametrize(
    ("kind", "removed", "named"),
    [
        ("license_grant", "{{ legal_bases }}", r"legal basis \(Administrative Licensing Law, Article 38\)"),
        ("license_grant", "（印章）", r"seal of the agency \(Administrative Licensing Law, Article 38\)"),
        (
            "license_refusal",
            "理由",
            r"reasons for the refusal \(Administrative Licensing Law, Article 38 \(2\)",
        ),
        ("license_refusal", "行政复议", r"reconsideration within 60 days \(Administrative Licensing Law"),
        (
            "demand_notice",
            "履行方式",
            r"manner of performance \(Administrative Coercion Law, Article 35 \(2\)",
        ),
        ("demand_notice", "日内", r"time limit for performance \(Administrative Coercion Law, Article 35"),
        ("demand_notice", "{{ amount_yuan }}", r"exact amount .* Article 35 \(3\)"),
        ("demand_notice", "申辩", r"defend itself \(Administrative Coercion Law, Article 35 \(4\)"),
        ("enforcement_application", "当事人的意见", r"party's opinion .* Article 55 \(3\)"),
        (
            "enforcement_application",
            "负责人",
            r"agency head, the seal and the date \(Administrative Coercion Law",
        ),
        ("enforcement_application", "{{ legal_bases }}", r"facts, reasons and basis .* Article 55 \(2\)"),
        ("payment_notice", "{{ late_charge }}", r"late charge \(Administrative Coercion Law, Article 45\)"),
        ("payment_notice", "缴款方式", r"not to the officers \(Administrative Penalty Law, Article 67 \(1\)"),
        ("payment_notice", "{{ payment_period }}", r"period to pay \(Administrative Penalty Law, Article 67"),
    ],
)
def test_a_template_lacking_an_element_is_refused_naming_it(
    world: World, kind: str, removed: str, named: str
) -> None:
    before = _state()
    with pytest.raises(RuleViolation, match=named):
        actions.check_upload_template(
            actor_user=world.admin_user,
            agency=world.taiyuan,
            kind=kind,
            content=_without(kind, removed),
            filename="模板.docx",
            effective_from=NOW.date(),
        )
    assert _state() == before


def test_the_refusal_is_translated(world: World) -> None:
    with translation.override("zh-hans"), pytest.raises(RuleViolation, match=r"第三十八条|第38条"):
        actions.check_upload_template(
            actor_user=world.admin_user,
            agency=world.taiyuan,
            kind="license_refusal",
            content=_without("license_refusal", "理由"),
            filename="模板.docx",
            effective_from=NOW.date(),
        )


def test_a_complete_template_of_another_kind_is_accepted(world: World) -> None:
    row = actions.check_upload_template(
        actor_user=world.admin_user,
        agency=world.taiyuan,
        kind="demand_notice",
        content=selectors.default_template("demand_notice"),
        filename="催告书.docx",
        effective_from=NOW.date(),
    )
    assert row.version == 1


@pytest.mark.parametrize(
    ("kind", "emptied", "named"),
    [
        ("payment_notice", "late_charge", "Article 45"),
        ("payment_notice", "amount_yuan", "amount due"),
        ("license_refusal", "facts", "Article 38 (2)"),
        ("enforcement_application", "decision_number", "Article 55 (2)"),
    ],
)
def test_an_issue_with_an_element_left_empty_is_refused(kind: str, emptied: str, named: str) -> None:
    values = {name: "有" for element in elements.required(kind) for name in element.variables}
    actions.check_decision_context(kind, values)
    with pytest.raises(InvalidInput, match=re.escape(named)):
        actions.check_decision_context(kind, {**values, emptied: ""})


def test_kinds_without_a_list_are_not_checked() -> None:
    assert elements.required("inspection_record") == ()
    actions.check_decision_context("inspection_record", {})
