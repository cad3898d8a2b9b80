"""Amounts are stored as integers in fen. This module turns fen into yuan text for messages and pages, and
parses yuan typed by a person. Pure; no database."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

FEN_PER_YUAN = 100


def yuan(fen: int) -> str:
    """5000000 → "50,000"; 150 → "1.50"."""
    whole, cents = divmod(fen, FEN_PER_YUAN)
    return f"{whole:,}" if cents == 0 else f"{whole:,}.{cents:02d}"


def fen_from_yuan(text: str) -> int:
    """ "50,000" or "1.5" → fen. Raises ValueError for anything else, negatives and sub-fen amounts."""
    try:
        amount = Decimal(text.replace(",", "").replace("，", "").strip())
    except InvalidOperation:
        raise ValueError(f"not an amount: {text!r}") from None
    fen = amount * FEN_PER_YUAN
    if not amount.is_finite() or amount < 0 or fen != fen.to_integral_value():
        raise ValueError(f"not an amount: {text!r}")
    return int(fen)
