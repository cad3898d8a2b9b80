"""Template filters of the matters pages: amounts in fen shown as yuan. Display only."""

from __future__ import annotations

from django import template

from sanxiang.matters.money import yuan as _yuan

register = template.Library()


@register.filter
def yuan(fen: int | None) -> str:
    return "—" if fen is None else _yuan(fen)
