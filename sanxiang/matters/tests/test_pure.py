"""Pure helpers: Chinese article numbers and amounts in fen."""

from __future__ import annotations

import pytest

from sanxiang.matters.money import fen_from_yuan, yuan
from sanxiang.matters.numerals import article_number, chinese, provision_suffix


@pytest.mark.parametrize(
    ("n", "expected"),
    [
        (1, "一"),
        (10, "十"),
        (14, "十四"),
        (20, "二十"),
        (49, "四十九"),
        (100, "一百"),
        (105, "一百零五"),
        (110, "一百一十"),
        (1000, "一千"),
        (1001, "一千零一"),
    ],
)
def test_chinese_numerals_follow_statute_style(n: int, expected: str) -> None:
    assert chinese(n) == expected


def test_provisions_are_cited_with_paragraph_and_item() -> None:
    assert article_number(49) + provision_suffix(0, 3) == "第四十九条第（三）项"
    assert article_number(72) + provision_suffix(1, 1) == "第七十二条第一款第（一）项"


@pytest.mark.parametrize("n", [0, -1, 10_000])
def test_numbers_outside_the_range_are_refused(n: int) -> None:
    with pytest.raises(ValueError, match="outside"):
        chinese(n)


@pytest.mark.parametrize(("fen", "text"), [(5_000_00, "5,000"), (150, "1.50"), (0, "0"), (5, "0.05")])
def test_fen_show_as_yuan(fen: int, text: str) -> None:
    assert yuan(fen) == text


@pytest.mark.parametrize(("text", "fen"), [("50,000", 5_000_000), ("1.5", 150), (" 3 ", 300), ("0", 0)])
def test_yuan_typed_by_a_person_parse_to_fen(text: str, fen: int) -> None:
    assert fen_from_yuan(text) == fen


@pytest.mark.parametrize("text", ["-1", "1.005", "abc", "", "inf"])
def test_impossible_amounts_are_refused(text: str) -> None:
    with pytest.raises(ValueError, match="not an amount"):
        fen_from_yuan(text)
