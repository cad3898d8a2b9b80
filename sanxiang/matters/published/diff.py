"""What changed between two states of a published list (动态调整): rows added, removed and changed, each
change naming the columns whose cells differ. Rows are matched by their key. Pure; no database."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sanxiang.core.spreadsheets import Column
from sanxiang.matters.published.tables import Row


@dataclass(frozen=True)
class Change:
    before: Row
    after: Row
    columns: tuple[str, ...]  # headers of the cells that differ


@dataclass(frozen=True)
class Diff:
    added: tuple[Row, ...]
    removed: tuple[Row, ...]
    changed: tuple[Change, ...]

    @property
    def empty(self) -> bool:
        return not (self.added or self.removed or self.changed)


def diff_rows(before: Sequence[Row], after: Sequence[Row], columns: Sequence[Column]) -> Diff:
    """Rows of ``after`` not in ``before`` (added), the reverse (removed), and rows under the same key whose
    cells or "to be confirmed" note differ (changed), in the order of the list."""
    old = {row.key: row for row in before}
    new = {row.key: row for row in after}
    headers = [column.header for column in columns]
    changed = []
    for row in after:
        previous = old.get(row.key)
        if previous is None or previous.values == row.values:
            continue
        differing = tuple(
            header
            for header, this, that in zip(headers, previous.values, row.values, strict=True)
            if this != that
        )
        changed.append(Change(previous, row, differing))
    return Diff(
        added=tuple(row for row in after if row.key not in old),
        removed=tuple(row for row in before if row.key not in new),
        changed=tuple(changed),
    )
