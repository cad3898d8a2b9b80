"""Amounts as documents print them: yuan with two decimals and the upper-case Chinese form used on
financial documents (大写金额, e.g. 伍仟元整). Pure functions."""

from __future__ import annotations

DIGITS = "零壹贰叁肆伍陆柒捌玖"
SMALL_UNITS = ("", "拾", "佰", "仟")
BIG_UNITS = ("", "万", "亿", "万亿")
FEN_PER_YUAN = 100


def yuan_text(fen: int) -> str:
    """12345600 → "123,456.00"."""
    return f"{fen // FEN_PER_YUAN:,}.{fen % FEN_PER_YUAN:02d}"


def _four_digits(value: int) -> str:
    """A group of up to four digits, with 零 for inner gaps (1005 → 壹仟零伍)."""
    text, zero = "", False
    for position in range(3, -1, -1):
        digit = value // 10**position % 10
        if digit == 0:
            zero = bool(text)
            continue
        if zero:
            text += "零"
            zero = False
        text += DIGITS[digit] + SMALL_UNITS[position]
    return text


def _integer(value: int) -> str:
    if value == 0:
        return "零"
    groups: list[int] = []
    while value:
        groups.append(value % 10_000)
        value //= 10_000
    text, gap = "", False
    for index in range(len(groups) - 1, -1, -1):
        group = groups[index]
        if group == 0:
            gap = bool(text)
            continue
        if text and (gap or group < 1000):  # zeros between two non-zero digits read as one 零
            text += "零"
        text += _four_digits(group) + BIG_UNITS[index]
        gap = group % 10 == 0
    return text


def upper_case(fen: int) -> str:
    """The upper-case amount: 500000 → 伍仟元整, 123456 → 壹仟贰佰叁拾肆元伍角陆分."""
    if fen < 0:
        raise ValueError("amounts are never negative")
    yuan, jiao, cents = fen // FEN_PER_YUAN, fen // 10 % 10, fen % 10
    text = f"{_integer(yuan)}元" if yuan or not (jiao or cents) else ""
    if not jiao and not cents:
        return f"{text}整"
    if jiao:
        text += f"{DIGITS[jiao]}角"
    elif yuan:
        text += "零"
    if cents:
        text += f"{DIGITS[cents]}分"
    return text
