"""Desensitisation before publication (行政处罚法 第50条; 个人信息保护法 第34条–第35条; DOMAIN R-PUB-11):
pure functions, exhaustively, and the invariant that no 18-digit identity number or 11-digit mobile
survives whatever surrounds it."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sanxiang.publicity.masking import (
    Known,
    leaks,
    mask_address,
    mask_name,
    mask_number,
    mask_numbers,
    mask_text,
)

ID = "11010519491231002X"
MOBILE = "13800138000"


@pytest.mark.parametrize(
    ("value", "masked"),
    [
        ("110105194912310021", "1101**********0021"),
        (ID, "1101**********002X"),
        ("110105491231002", "1101*******1002"),  # the old 15-digit number
        (MOBILE, "138****8000"),
        ("6222020200112233445", "6222***********3445"),
    ],
)
def test_mask_number_keeps_only_the_ends(value: str, masked: str) -> None:
    assert mask_number(value) == masked


@pytest.mark.parametrize(
    "text",
    [
        f"身份证号{ID}。",
        f"电话{MOBILE}",
        "电话138 0013 8000",
        "电话138-0013-8000",
        "电话１３８００１３８０００",  # full-width digits
        "账号6222 0202 0011 2233 445",
        "账号6222020200112233445",
        f"{MOBILE}{ID}",  # run together
    ],
)
def test_numbers_in_text_are_masked_however_written(text: str) -> None:
    """Identity numbers, mobiles and bank accounts: nothing of eleven digits or more is left."""
    masked = mask_numbers(text)
    assert not re.search(r"\d{11}", re.sub(r"[ \-]", "", masked))
    assert leaks(masked) == []


def test_landlines_are_masked() -> None:
    assert mask_numbers("座机0351-4567890") == "座机0351********"


def test_short_numbers_and_credit_codes_survive() -> None:
    """A decision's own numbers are public: amounts, dates, document numbers, organisations' credit codes."""
    text = "太人防罚决〔2026〕12号，罚款200000元，2026年8月3日，统一社会信用代码91350100M000100Y43"
    assert mask_text(text) == text


@pytest.mark.parametrize(
    ("name", "masked"),
    [("张三", "张某"), ("王小明", "王某某"), ("欧阳明华", "欧某某某"), ("李", "李"), ("", "")],
)
def test_mask_name(name: str, masked: str) -> None:
    assert mask_name(name) == masked


@pytest.mark.parametrize(
    ("address", "masked"),
    [
        ("太原市小店区某街1号", "太原市小店区***"),
        ("山西省太原市小店区幸福小区3栋", "山西省太原市小店区***"),
        ("幸福小区3栋", "***"),  # no recognisable city: nothing kept
        ("大同市平城区", "***"),  # nothing below the county to hide, so the county goes too
    ],
)
def test_mask_address_keeps_down_to_the_county(address: str, masked: str) -> None:
    assert mask_address(address) == masked


def test_house_numbers_in_free_text_are_masked() -> None:
    assert mask_text("住某路3单元401室") == "住某路*单元*室"


def test_known_third_parties_and_addresses_are_masked() -> None:
    known = Known(names=("李四",), addresses=("太原市小店区某街1号",), terms=("某秘密代号",))
    text = "证人李四称，李四住太原市小店区某街1号，知悉某秘密代号。"
    assert mask_text(text, known) == "证人李某称，李某住太原市小店区***，知悉*****。"


digits = st.text(alphabet="0123456789", min_size=18, max_size=18)
mobiles = st.from_regex(r"\A1[3-9]\d{9}\Z", fullmatch=True)
noise = st.text(alphabet=st.sampled_from(list("0123456789 -号室张三，。abcX")), max_size=30)


@settings(max_examples=300, deadline=None)
@given(prefix=noise, id_body=digits, check=st.sampled_from(list("0123456789X")), suffix=noise, mobile=mobiles)
def test_no_identity_number_or_mobile_survives(
    prefix: str, id_body: str, check: str, suffix: str, mobile: str
) -> None:
    """Whatever text surrounds them, an 18-digit identity number and an 11-digit mobile never survive."""
    identity = id_body[:17] + check
    masked = mask_text(f"{prefix}{identity}{suffix}{mobile}{prefix}")
    assert identity not in masked
    assert mobile not in masked
    assert leaks(masked) == []
