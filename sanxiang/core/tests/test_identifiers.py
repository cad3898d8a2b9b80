"""Identifiers: the unified social credit code (GB 32100-2015) and the resident identity number
(GB 11643-1999)."""

from __future__ import annotations

import datetime as dt

import pytest
from django import forms
from django.core.exceptions import ValidationError
from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st

from sanxiang.core import clock
from sanxiang.core.identifiers import (
    RESIDENT_ID_CHECK,
    USCC_ALPHABET,
    birth_date_of,
    resident_id_check_character,
    resident_id_validator,
    uscc_check_character,
    uscc_validator,
    validate_resident_id,
    validate_uscc,
)

# Tests that read messages assert on the English source strings.
english = translation.override("en")


def _message(error: pytest.ExceptionInfo[ValidationError]) -> str:
    return " ".join(error.value.messages)


# ---- unified social credit code ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "code",
    [
        "91350100M000100Y43",  # the example most often cited for GB 32100-2015
        # Published codes of well-known enterprises (工商 / 企业), two with a letter as the check character.
        "9144030071526726XG",
        "91440300708461136T",
        "91110108551385082Q",
        "12100000400000624D",  # a public institution (机构编制 / 事业单位)
    ],
)
def test_valid_uscc_is_returned_unchanged(code: str) -> None:
    assert validate_uscc(code) == code


@pytest.mark.parametrize(
    ("raw", "normalised"),
    [
        (" 91350100m000100y43 ", "91350100M000100Y43"),
        ("９１３５０１００Ｍ０００１００Ｙ４３", "91350100M000100Y43"),  # full-width, as IMEs type it
        ("\u300091350100M000100Y43\t", "91350100M000100Y43"),  # ideographic space
    ],
)
def test_uscc_is_normalised(raw: str, normalised: str) -> None:
    assert validate_uscc(raw) == normalised


@pytest.mark.parametrize(
    ("code", "code_name", "fragment"),
    [
        ("", "length", "18 characters; this one has 0"),
        ("91350100M000100Y4", "length", "this one has 17"),
        ("91350100M000100Y433", "length", "this one has 19"),
        ("91350100M00O100Y43", "character", "O at position 12"),
        ("91350100I000100Y43", "character", "I at position 9"),
        ("9135010-M000100Y43", "character", "- at position 8"),
        ("91350100M000100Y4Z", "character", "Z at position 18"),
        ("B1350100M000100Y43", "authority", "first character B"),
        ("94350100M000100Y43", "institution_type", "second character 4"),
        ("Y2350100M000100Y43", "institution_type", "allowed: 1"),
        ("913501A0M000100Y43", "division", "position 7 is A"),
        ("91350100M000100Y44", "check", "should be 3"),
        ("91350100M000100Y34", "check", "check character is 4"),
    ],
)
@english
def test_invalid_uscc_says_what_is_wrong(code: str, code_name: str, fragment: str) -> None:
    with pytest.raises(ValidationError) as error:
        validate_uscc(code)
    assert error.value.code == code_name
    assert fragment in _message(error)


def test_uscc_transposition_is_caught() -> None:
    """The check character exists to catch two neighbouring characters typed the wrong way round."""
    with pytest.raises(ValidationError) as error:
        validate_uscc("91350100M000010Y43")
    assert error.value.code == "check"


_uscc_body = st.tuples(
    st.sampled_from("159Y"),
    st.sampled_from("1"),
    st.text(alphabet="0123456789", min_size=6, max_size=6),
    st.text(alphabet=USCC_ALPHABET, min_size=9, max_size=9),
).map("".join)


@given(body=_uscc_body, wrong=st.sampled_from(USCC_ALPHABET))
def test_any_body_with_its_check_character_validates_and_no_other_does(body: str, wrong: str) -> None:
    right = uscc_check_character(body)
    assert validate_uscc(body + right) == body + right
    if wrong != right:
        with pytest.raises(ValidationError) as error:
            validate_uscc(body + wrong)
        assert error.value.code == "check"


# ---- resident identity number -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "number", ["11010519491231002X", "440524188001010014"]
)  # GB 11643-1999's own examples
def test_valid_resident_id(number: str) -> None:
    assert validate_resident_id(number) == number


@pytest.mark.parametrize(
    ("raw", "normalised"),
    [
        ("11010519491231002x", "11010519491231002X"),
        ("  11010519491231002X\n", "11010519491231002X"),
        ("１１０１０５１９４９１２３１００２ｘ", "11010519491231002X"),
    ],
)
def test_resident_id_is_normalised(raw: str, normalised: str) -> None:
    assert validate_resident_id(raw) == normalised


@pytest.mark.parametrize(
    ("number", "code_name", "fragment"),
    [
        ("", "length", "18 characters; this one has 0"),
        ("11010519491231002", "length", "this one has 17"),
        ("110105491231002", "old_format", "15-digit"),
        ("1101051949123100X2", "character", "X at position 17"),
        ("11010519491231002Y", "character", "Y at position 18"),
        ("11A10519491231002X", "character", "A at position 3"),
        ("110105194912310\u09692X", "character", "\u0969 at position 16"),  # a Devanagari 3
        ("000105194912310021", "region", "begins with 00"),
        ("110105194902300026", "birth_date", "19490230"),
        ("110105194913010020", "birth_date", "not a valid date"),
        ("110105194912310021", "check", "should be X"),
        ("11010519491231002X1", "length", "this one has 19"),
    ],
)
@english
def test_invalid_resident_id_says_what_is_wrong(number: str, code_name: str, fragment: str) -> None:
    with pytest.raises(ValidationError) as error:
        validate_resident_id(number)
    assert error.value.code == code_name
    assert fragment in _message(error)


def test_birth_date_in_the_future_is_refused() -> None:
    body = "11010520270101002"
    number = body + resident_id_check_character(body)
    with clock.frozen_now(dt.datetime(2026, 12, 31, 12, tzinfo=dt.UTC)):
        with pytest.raises(ValidationError) as error:
            validate_resident_id(number)
        assert error.value.code == "birth_date_future"
    with clock.frozen_now(dt.datetime(2027, 1, 1, 12, tzinfo=dt.UTC)):
        assert validate_resident_id(number) == number


def test_birth_date_of() -> None:
    assert birth_date_of("11010519491231002x") == dt.date(1949, 12, 31)


def test_permanent_residence_card_of_a_foreigner_is_accepted() -> None:
    """The 2023 外国人永久居留身份证 begins with 9 and shares the number's structure and check digit."""
    body = "93315619850101001"
    assert validate_resident_id(body + resident_id_check_character(body))


_resident_body = st.tuples(
    st.sampled_from(["11", "14", "44", "65", "81"]),
    st.text(alphabet="0123456789", min_size=4, max_size=4),
    st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2020, 12, 31)).map(
        lambda d: d.strftime("%Y%m%d")
    ),
    st.text(alphabet="0123456789", min_size=3, max_size=3),
).map("".join)


@given(body=_resident_body, wrong=st.sampled_from(RESIDENT_ID_CHECK))
def test_any_resident_body_with_its_check_digit_validates_and_no_other_does(body: str, wrong: str) -> None:
    right = resident_id_check_character(body)
    assert validate_resident_id(body + right) == body + right
    if wrong != right:
        with pytest.raises(ValidationError) as error:
            validate_resident_id(body + wrong)
        assert error.value.code == "check"


# ---- messages and form use --------------------------------------------------------------------------------


class _PartyForm(forms.Form):
    uscc = forms.CharField(required=False, validators=[uscc_validator])
    resident_id = forms.CharField(required=False, validators=[resident_id_validator])


@english
def test_validators_work_in_forms() -> None:
    good = _PartyForm(data={"uscc": "91350100M000100Y43", "resident_id": "11010519491231002X"})
    assert good.is_valid(), good.errors
    bad = _PartyForm(data={"uscc": "91350100M000100Y44", "resident_id": "110105194912310021"})
    assert not bad.is_valid()
    assert "should be 3" in bad.errors["uscc"][0]
    assert "should be X" in bad.errors["resident_id"][0]


def test_blank_values_are_left_to_required() -> None:
    assert _PartyForm(data={"uscc": "", "resident_id": ""}).is_valid()
