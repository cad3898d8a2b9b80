"""Desensitisation (脱敏) of text before publication: natural persons' identity numbers, phone numbers, home
addresses, bank accounts and the names of third parties (行政处罚法 第50条; 个人信息保护法 第34条–第35条;
政府信息公开条例 第15条; DOMAIN R-PUB-11). Pure functions over strings: no database, no Django, no I/O.

The patterns are deliberately greedy: any run of eleven or more digits is masked (it can only be an identity
number, a mobile or a bank account in a decision's text); numbers people write with spaces or hyphens are
caught too. Credit codes of organisations are public and contain no such runs, so they survive.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

MASK = "*"
# Runs of digits (Unicode digits included, e.g. full-width), possibly ending in the ID check character X.
_LONG_RUN = re.compile(r"\d{11,}[Xx]?|\d{14,17}[Xx]")
# Numbers written in groups: mobiles "138 0013 8000" / "138-0013-8000", bank cards "6222 0200 …".
_GROUPED = re.compile(r"\d(?:[ \-\u00a0]?\d){10,}[Xx]?")
# Landlines: "0351-1234567", "(0351)1234567", "0351 12345678".
_LANDLINE = re.compile(r"(?<!\d)[(（]?0\d{2,3}[)）]?[ \-]?\d{7,8}(?!\d)")
# House-level parts of an address: "12号", "3单元", "401室", "5号楼", "2栋", "6层".
# A document number (文号) "〔2026〕12号" is not an address: a number right after 〕 is kept.
_HOUSE = re.compile(r"(?<![〕\]\d])\d+(?:号楼|号院|单元|室|栋|幢|层|号|户)")
_ADMIN = r"[^省市区县旗\d]{1,8}"
_ADDRESS_PREFIX = re.compile(
    rf"^(?:{_ADMIN}(?:省|自治区))?(?P<city>{_ADMIN}(?:市|自治州|地区|盟))(?:{_ADMIN}(?:区|县|旗|市))?"
)


def _keep_ends(value: str, head: int, tail: int) -> str:
    digits = len(value)
    if digits <= head + tail:
        return MASK * digits
    return value[:head] + MASK * (digits - head - tail) + value[digits - tail :]


def mask_number(value: str) -> str:
    """A long number with its middle masked: "110105194912310021" → "1101**********0021",
    "13800138000" → "138****8000"."""
    compact = value
    if len(re.sub(r"\D", "", compact)) <= 11:
        return _keep_ends(compact, 3, 4)
    return _keep_ends(compact, 4, 4)


def mask_numbers(text: str) -> str:
    """Every identity number, mobile, bank account (runs of ≥ 11 digits, grouped or not) and landline."""
    text = _LANDLINE.sub(lambda match: _keep_ends(match.group(), 4, 0), text)
    text = _GROUPED.sub(lambda match: mask_number(match.group()), text)
    return _LONG_RUN.sub(lambda match: mask_number(match.group()), text)


def mask_name(name: str) -> str:
    """A person's name as published: the first character and 某 for each other ("张三" → "张某",
    "王小明" → "王某某")."""
    name = name.strip()
    return name[:1] + "某" * (len(name) - 1) if len(name) > 1 else name


def mask_address(address: str) -> str:
    """A home address down to the county: "太原市小店区某街1号" → "太原市小店区***". Without a recognisable
    city nothing of it is kept."""
    address = address.strip()
    if not address:
        return address
    prefix = _ADDRESS_PREFIX.match(address)
    kept = prefix.group() if prefix and prefix.end() < len(address) else ""
    return kept + MASK * 3


def mask_house_numbers(text: str) -> str:
    """House numbers, units and rooms of any address in free text ("3单元401室" → "*单元*室")."""
    return _HOUSE.sub(lambda match: MASK + re.sub(r"^\d+", "", match.group()), text)


@dataclass(frozen=True)
class Known:
    """What the case tells us must not appear: third parties' names, persons' addresses, and terms the
    editor added ("mask more")."""

    names: tuple[str, ...] = ()
    addresses: tuple[str, ...] = ()
    terms: tuple[str, ...] = field(default_factory=tuple)


def _replace_all(text: str, values: Iterable[str], replace: Callable[[str], str]) -> str:
    for value in sorted({v.strip() for v in values if v and v.strip()}, key=len, reverse=True):
        text = text.replace(value, replace(value))
    return text


def mask_text(text: str, known: Known = Known()) -> str:
    """The published form of ``text``: known addresses, names and terms first (longest first, so that a
    name inside an address is not half-masked), then the patterns."""
    text = _replace_all(text, known.addresses, mask_address)
    text = _replace_all(text, known.terms, lambda value: MASK * len(value))
    text = _replace_all(text, known.names, mask_name)
    return mask_house_numbers(mask_numbers(text))


ID_PATTERN = re.compile(r"\d{17}[\dXx]|\d{15}")
MOBILE_PATTERN = re.compile(r"1[3-9]\d{9}")


def leaks(text: str) -> list[str]:
    """Identity numbers and mobiles still in ``text`` (the check the portal tests run over every page)."""
    return ID_PATTERN.findall(text) + MOBILE_PATTERN.findall(text)
