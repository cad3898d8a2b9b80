"""Open data (开放数据): the public publications in the 双公示 layout as JSON and CSV, the same items the
portal shows (masked), with the current state (当前状态), the document digest and the withdrawal reason.
Builds text from ``portal`` reads; never writes."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable

from sanxiang.publicity import documents
from sanxiang.publicity.enums import PublicationKind
from sanxiang.publicity.models import Publication

EXTRA = ("类别", "文档摘要", "撤回原因")
MAX_ROWS = 10_000


def row(publication: Publication) -> dict[str, str]:
    items = {label: str(publication.masked.get(key, "")) for key, label in documents.ITEMS}
    items[documents.STATE_LABEL] = documents.STATE_NAMES[publication.status]
    items["类别"] = str(PublicationKind(publication.kind).label)
    items["文档摘要"] = publication.document_digest
    items["撤回原因"] = publication.withdrawal_reason
    return items


def header() -> list[str]:
    return [label for _key, label in documents.ITEMS] + [documents.STATE_LABEL, *EXTRA]


def as_json(publications: Iterable[Publication]) -> str:
    return json.dumps(
        {"fields": header(), "items": [row(p) for p in publications]}, ensure_ascii=False, indent=1
    )


def as_csv(publications: Iterable[Publication]) -> str:
    """UTF-8 CSV with a byte-order mark, so that spreadsheet programs read the Chinese correctly."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=header())
    writer.writeheader()
    for publication in publications:
        writer.writerow(row(publication))
    return "\ufeff" + buffer.getvalue()
