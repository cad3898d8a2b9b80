"""The rules of service as pure functions (民事诉讼法 第87–95条 as applied by 行政处罚法 第61条), and the
upper-case amounts printed on decisions."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from django.utils import translation

from sanxiang.cases.documents.amounts import upper_case, yuan_text
from sanxiang.cases.service import rules

DAY = dt.date(2026, 8, 24)
BASE = rules.Attempt(
    method="direct",
    served=True,
    served_on=DAY,
    published_on=None,
    recipient="王某",
    tracking_number="",
    witnesses="",
    av_recorded=False,
    refusal_reason="",
    whereabouts_unknown=False,
    consent_signed_on=None,
    earlier_failure=False,
)


def _refusal(**changes: object) -> str | None:
    with translation.override("en"):
        return rules.refusal(dataclasses.replace(BASE, **changes))  # type: ignore[arg-type]


def test_public_notice_is_deemed_served_after_thirty_days_article_95() -> None:
    assert rules.deemed_served_on(dt.date(2026, 8, 24)) == dt.date(2026, 9, 23)


@pytest.mark.parametrize(
    ("changes", "article"),
    [
        ({"recipient": ""}, "Articles 87 and 88"),
        ({"method": "lodged", "witnesses": "刘某"}, "Article 89"),
        ({"method": "lodged", "refusal_reason": "拒收"}, "Article 89"),
        ({"method": "electronic"}, "Article 61"),
        ({"method": "electronic", "consent_signed_on": DAY + dt.timedelta(days=1)}, "Article 61"),
        ({"method": "mail"}, "Article 91"),
        ({"method": "public_notice", "published_on": DAY}, "Article 95"),
        ({"method": "public_notice"}, "Article 95"),
    ],
)
def test_each_method_refuses_what_its_article_forbids(changes: dict[str, object], article: str) -> None:
    refusal = _refusal(**changes)
    assert refusal is not None
    assert article in refusal


@pytest.mark.parametrize(
    "changes",
    [
        {},
        {"method": "lodged", "refusal_reason": "拒收", "witnesses": "刘某"},
        {"method": "lodged", "refusal_reason": "拒收", "av_recorded": True},
        {"method": "electronic", "consent_signed_on": DAY},
        {"method": "mail", "tracking_number": "EMS1"},
        {"method": "public_notice", "published_on": DAY, "earlier_failure": True},
        {"method": "public_notice", "published_on": DAY, "whereabouts_unknown": True},
        {"served": False, "recipient": ""},
    ],
)
def test_each_method_allows_what_its_article_allows(changes: dict[str, object]) -> None:
    assert _refusal(**changes) is None


@pytest.mark.parametrize(
    ("fen", "words"),
    [
        (500_000, "伍仟元整"),
        (123_456, "壹仟贰佰叁拾肆元伍角陆分"),
        (100_500_000, "壹佰万零伍仟元整"),
        (1_005_000, "壹万零伍拾元整"),
        (10_050, "壹佰元伍角"),
        (10_005, "壹佰元零伍分"),
        (1, "壹分"),
        (0, "零元整"),
    ],
)
def test_upper_case_amounts(fen: int, words: str) -> None:
    assert upper_case(fen) == words


def test_yuan_text() -> None:
    assert yuan_text(123_456_700) == "1,234,567.00"
