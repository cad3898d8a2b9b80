"""Reading one row of an attached list's spreadsheet: a ``Cells`` object hands out parsed values (text,
fixed-label choices, yuan amounts, percentages, cited articles) and collects every problem as a ``RowError``
against its column, so a row reports all its bad cells at once. Citations are looked up in a ``Citations``
index of the library. Never writes."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _

from sanxiang.core import spreadsheets as sheets
from sanxiang.core.spreadsheets import Column, RowError
from sanxiang.matters.models import Article
from sanxiang.matters.money import fen_from_yuan

CITATION_SEPARATORS = re.compile(r"[\n；;]+")


class Citations:
    """Article texts by citation (《人民防空法》第四十九条 style), preferring the text in force on ``day``."""

    def __init__(self, day: dt.date) -> None:
        self._by_citation: dict[str, Article] = {}
        for article in Article.objects.select_related("law").order_by("effective_from"):
            held = self._by_citation.get(article.citation)
            if held is None or not held.in_force_on(day):
                self._by_citation[article.citation] = article

    def find(self, citation: str) -> Article | None:
        return self._by_citation.get(re.sub(r"\s+", "", citation))


def join_citations(articles: Sequence[Article]) -> str:
    return "\n".join(article.citation for article in articles)


@dataclass
class Cells:
    number: int
    raw: Mapping[str, Any]
    columns: Sequence[Column]
    errors: list[RowError] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.errors.extend(sheets.cell_errors(self.number, self.raw, self.columns))
        self._headers = {column.key: column.header for column in self.columns}

    def fail(self, key: str, message: str) -> None:
        self.errors.append(RowError(self.number, self._headers.get(key, ""), message))

    def text(self, key: str) -> str:
        return sheets.text(self.raw.get(key))

    def code(self, key: str) -> str:
        return sheets.identifier(self.raw.get(key))

    def choice(self, key: str, labels: Mapping[str, str], *, required: bool = True) -> str:
        try:
            return sheets.choice(self.raw.get(key), labels, required=required)
        except ValueError as error:
            if self.text(key) or required:
                self._fail_once(key, str(error))
            return ""

    def _fail_once(self, key: str, message: str) -> None:
        header = self._headers.get(key, "")
        if not any(error.column == header for error in self.errors):
            self.fail(key, message)

    def fen(self, key: str) -> int | None:
        written = self.text(key)
        if not written:
            return None
        try:
            return fen_from_yuan(written)
        except ValueError:
            self.fail(key, _("Enter an amount in yuan, such as 5000 or 1.50."))
            return None

    def percent(self, key: str) -> int | None:
        written = self.text(key).rstrip("%％")
        if not written:
            return None
        if not written.isdigit() or int(written) > 100:
            self.fail(key, _("Enter a whole percentage from 0 to 100."))
            return None
        return int(written)

    def articles(self, key: str, citations: Citations) -> list[Article]:
        found = []
        for part in CITATION_SEPARATORS.split(self.text(key)):
            if not part.strip():
                continue
            article = citations.find(part)
            if article is None:
                message = _("%(citation)s is not in the legal-basis library; cite it as 《title》第…条.")
                self.fail(key, message % {"citation": part.strip()})
            else:
                found.append(article)
        return found
