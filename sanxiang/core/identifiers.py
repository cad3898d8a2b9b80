"""Chinese identifiers: the unified social credit code (统一社会信用代码, GB 32100-2015) and the resident
identity number (公民身份号码, GB 11643-1999).

Each ``validate_*`` returns the normalised value or raises Django's ``ValidationError`` whose message says
exactly what is wrong (and carries a ``code`` and ``params`` for forms). The ``*_validator`` callables are
for form and model fields. This module is pure: it never touches the database and never logs the numbers it
checks (a resident identity number is personal information).
"""

from __future__ import annotations

import datetime as dt
import unicodedata

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from sanxiang.core import clock

USCC_LENGTH = 18
# GB 32100-2015 §4: the 31 characters of the code, in value order (no I, O, S, V, Z).
USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_WEIGHTS = tuple(pow(3, i, 31) for i in range(USCC_LENGTH - 1))

# GB 32100-2015 Table 1 and the registration authorities assigned since: the first character names the
# registration authority, the second the kind of organisation it registers. Erring towards acceptance: the
# check character still catches mistyping, while a wrongly refused code would block real work.
USCC_INSTITUTION_TYPES: dict[str, str] = {
    "1": "1239",  # 机构编制: 机关, 事业单位, 中央编办直管群众团体, 其他
    "2": "19",  # 外交: 外国常驻新闻机构, 其他
    "3": "123459",  # 司法行政: 律师执业机构, 公证处, 基层法律服务所, 司法鉴定机构, 仲裁委员会, 其他
    "4": "19",  # 文化: 外国在华文化中心, 其他
    "5": "123459",  # 民政: 社会团体, 民办非企业单位, 基金会, 村民委员会, 居民委员会, 其他
    "6": "129",  # 旅游: 外国旅游部门代表机构, 港澳台旅游部门代表机构, 其他
    "7": "129",  # 宗教: 宗教活动场所, 宗教院校, 其他
    "8": "19",  # 工会: 基层工会, 其他
    "9": "123",  # 工商 (市场监管): 企业, 个体工商户, 农民专业合作社
    "A": "19",  # 中央军委改革和编制办公室: 军队事业单位, 其他
    "N": "1239",  # 农业农村: 组级, 村级, 乡镇级集体经济组织, 其他
    "Y": "1",  # 其他
}

RESIDENT_ID_LENGTH = 18
# ISO 7064 MOD 11-2 as GB 11643-1999 §8.2 applies it: weight of position i (1-based, left to right) is
# 2^(18-i) mod 11; the check value is (12 - sum mod 11) mod 11, where 10 is written X.
RESIDENT_ID_WEIGHTS = tuple(pow(2, 17 - i, 11) for i in range(RESIDENT_ID_LENGTH - 1))
RESIDENT_ID_CHECK = "0123456789X"
DIGITS = "0123456789"  # str.isdigit() would also accept digits of other scripts, such as ३ or ٣
# Province-level codes of GB/T 2260, plus 83 (Taiwan residents' residence permits) and 9 (foreigners'
# permanent residence identity cards since 2023, which share the number's structure).
PROVINCE_CODES = frozenset(
    str(code)
    for code in (
        *range(11, 16),
        *range(21, 24),
        *range(31, 38),
        *range(41, 47),
        *range(50, 55),
        *range(61, 66),
    )
) | {"71", "81", "82", "83"}


def normalise(value: str) -> str:
    """Full-width to half-width (NFKC), surrounding blanks removed, upper-case."""
    return unicodedata.normalize("NFKC", value).strip().upper()


def uscc_check_character(body: str) -> str:
    """The 18th character for a 17-character body already known to be in the alphabet."""
    total = sum(USCC_ALPHABET.index(char) * weight for char, weight in zip(body, USCC_WEIGHTS, strict=True))
    return USCC_ALPHABET[(31 - total % 31) % 31]


def resident_id_check_character(body: str) -> str:
    """The 18th character for a 17-digit body."""
    total = sum(int(char) * weight for char, weight in zip(body, RESIDENT_ID_WEIGHTS, strict=True))
    return RESIDENT_ID_CHECK[(12 - total % 11) % 11]


def validate_uscc(code: str) -> str:
    """Return the normalised unified social credit code, or raise ValidationError saying what is wrong."""
    value = normalise(code)
    _require_length(
        value,
        USCC_LENGTH,
        _("A unified social credit code has %(expected)d characters; this one has %(length)d."),
    )
    for position, char in enumerate(value, start=1):
        if char not in USCC_ALPHABET:
            raise _illegal_character(char, position)
    _check_uscc_kind(value)
    for position in range(3, 9):
        if value[position - 1] not in DIGITS:
            raise ValidationError(
                _(
                    "Characters 3 to 8 are the administrative division code and must be digits; "
                    "position %(position)d is %(char)s."
                ),
                code="division",
                params={"position": position, "char": value[position - 1]},
            )
    _require_check_character(value, uscc_check_character(value[:-1]))
    return value


def validate_resident_id(number: str) -> str:
    """Return the normalised resident identity number, or raise ValidationError saying what is wrong."""
    value = normalise(number)
    if len(value) == 15 and all(char in DIGITS for char in value):
        raise ValidationError(
            _("This is a 15-digit identity number of the old format; give the 18-digit number."),
            code="old_format",
        )
    _require_length(
        value,
        RESIDENT_ID_LENGTH,
        _("A resident identity number has %(expected)d characters; this one has %(length)d."),
    )
    for position, char in enumerate(value[:-1], start=1):
        if char not in DIGITS:
            raise _illegal_character(char, position)
    if value[-1] not in RESIDENT_ID_CHECK:
        raise _illegal_character(value[-1], RESIDENT_ID_LENGTH)
    if value[:2] not in PROVINCE_CODES and value[0] != "9":
        raise ValidationError(
            _("The number begins with %(code)s, which is not a province-level region code."),
            code="region",
            params={"code": value[:2]},
        )
    _check_birth_date(value[6:14])
    _require_check_character(value, resident_id_check_character(value[:-1]))
    return value


def birth_date_of(number: str) -> dt.date:
    """The birth date in a resident identity number that ``validate_resident_id`` accepted."""
    value = validate_resident_id(number)
    return dt.date(int(value[6:10]), int(value[10:12]), int(value[12:14]))


def uscc_validator(value: str) -> None:
    """Field validator: a valid unified social credit code (blank values are not passed to validators)."""
    validate_uscc(value)


def resident_id_validator(value: str) -> None:
    """Field validator: a valid resident identity number."""
    validate_resident_id(value)


def _require_length(value: str, expected: int, message: str) -> None:
    if len(value) != expected:
        raise ValidationError(message, code="length", params={"expected": expected, "length": len(value)})


def _illegal_character(char: str, position: int) -> ValidationError:
    return ValidationError(
        _("The character %(char)s at position %(position)d is not allowed here."),
        code="character",
        params={"char": char, "position": position},
    )


def _check_uscc_kind(value: str) -> None:
    authority, kind = value[0], value[1]
    kinds = USCC_INSTITUTION_TYPES.get(authority)
    if kinds is None:
        raise ValidationError(
            _("The first character %(char)s is not a registration authority code."),
            code="authority",
            params={"char": authority},
        )
    if kind not in kinds:
        raise ValidationError(
            _(
                "The second character %(char)s is not an organisation type of registration authority "
                "%(authority)s (allowed: %(allowed)s)."
            ),
            code="institution_type",
            params={"char": kind, "authority": authority, "allowed": ", ".join(kinds)},
        )


def _check_birth_date(text: str) -> None:
    try:
        born = dt.date(int(text[:4]), int(text[4:6]), int(text[6:8]))
    except ValueError:
        raise ValidationError(
            _("The birth date %(date)s (positions 7 to 14) is not a valid date."),
            code="birth_date",
            params={"date": text},
        ) from None
    if born > clock.today():
        raise ValidationError(
            _("The birth date %(date)s (positions 7 to 14) is in the future."),
            code="birth_date_future",
            params={"date": born.isoformat()},
        )


def _require_check_character(value: str, expected: str) -> None:
    if value[-1] != expected:
        raise ValidationError(
            _("The check character is %(actual)s but should be %(expected)s; a character is mistyped."),
            code="check",
            params={"actual": value[-1], "expected": expected},
        )
