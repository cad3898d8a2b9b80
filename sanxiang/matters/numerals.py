"""Chinese numerals for article citations (第四十九条, 第二款, 第（三）项). Pure; never touches the
database."""

from __future__ import annotations

_DIGITS = "零一二三四五六七八九"
MAX = 9999


def chinese(n: int) -> str:
    """1 → 一, 10 → 十, 14 → 十四, 49 → 四十九, 105 → 一百零五, 1000 → 一千 (statute numbering style)."""
    if not 1 <= n <= MAX:
        raise ValueError(f"{n} is outside 1..{MAX}")
    if 10 <= n < 20:
        return "十" + (_DIGITS[n - 10] if n > 10 else "")
    parts: list[str] = []
    zero_pending = False
    for value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit = n // value % 10
        if digit == 0:
            zero_pending = bool(parts)
            continue
        if zero_pending:
            parts.append("零")
            zero_pending = False
        parts.append(_DIGITS[digit] + unit)
    return "".join(parts)


def article_number(ordinal: int) -> str:
    return f"第{chinese(ordinal)}条"


def provision_suffix(paragraph: int, item: int) -> str:
    """第二款第（三）项; empty parts are left out (0 means "the whole article" or "the whole paragraph")."""
    text = f"第{chinese(paragraph)}款" if paragraph else ""
    return text + (f"第（{chinese(item)}）项" if item else "")
