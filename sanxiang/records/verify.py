"""Full verification of a stored log: recompute every leaf and the root from the entry bodies, streaming in
index order with constant memory, and check every stored checkpoint's signature and that each is a prefix of
the recomputed tree (which implies their mutual consistency). Read-only; reports, never repairs.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from django.db import connection
from django.utils.translation import gettext as _

from sanxiang.records import checkpoints, merkle, notes
from sanxiang.records.integrator import tree_of
from sanxiang.records.models import Checkpoint, Log

CHUNK = 10_000


@dataclass
class Report:
    """The outcome. ``first_bad_index`` names the first entry known to be wrong (or the lowest index of the
    first range that cannot match a checkpoint)."""

    size: int = 0
    checkpoints: int = 0
    first_bad_index: int | None = None
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def fail(self, message: str, *, index: int | None = None) -> None:
        self.problems.append(message)
        if index is not None and (self.first_bad_index is None or index < self.first_bad_index):
            self.first_bad_index = index

    def fail_range(self, message: str, *, low: int, high: int) -> None:
        """A mismatch somewhere in [low, high): name ``low`` unless a precise bad index is already known."""
        known = self.first_bad_index is not None and self.first_bad_index < high
        self.fail(message, index=None if known else low)


Row = tuple[int, bytes, bytes]


def stream_chunks(log: Log, *, chunk: int = CHUNK) -> Iterator[list[Row]]:
    """Lists of (index, body, stored leaf hash) in index order, up to the head's size as ``log`` holds it
    (entries integrated meanwhile are left for the next run): keyset-paginated, so memory stays at one
    chunk. On PostgreSQL rows come in the binary protocol (no hex decoding of bytea)."""
    column = connection.ops.quote_name("index")
    sql = (
        f"SELECT {column}, body, leaf_hash FROM records_entry "  # noqa: S608 - constant identifiers
        f"WHERE log_id = %s AND {column} >= %s AND {column} < {int(log.size)} ORDER BY {column} LIMIT %s"
    )
    start = 0
    with _cursor() as cursor:
        while True:
            if connection.vendor == "postgresql":
                cursor.execute(sql, [log.pk, start, chunk], binary=True)
            else:
                cursor.execute(sql, [log.pk, start, chunk])
            rows: list[Row] = cursor.fetchall()
            if rows and not isinstance(rows[0][1], bytes):
                rows = [(index, bytes(body), bytes(leaf)) for index, body, leaf in rows]
            yield rows
            if len(rows) < chunk:
                return
            start = rows[-1][0] + 1


def _cursor() -> Any:
    connection.ensure_connection()
    if connection.vendor == "postgresql":
        import psycopg  # only on PostgreSQL; Django's cursors are client-side and text-only

        return psycopg.Cursor(connection.connection)
    return connection.cursor()


def stream_entries(log: Log, *, chunk: int = CHUNK) -> Iterator[Row]:
    """(index, body, stored leaf hash) in index order, one at a time."""
    for rows in stream_chunks(log, chunk=chunk):
        yield from rows


def _check_signatures(log: Log, stored: list[Checkpoint], report: Report) -> None:
    verifier = checkpoints.verifier(log)
    for checkpoint in stored:
        try:
            text = notes.open_note(checkpoint.note, verifier)
            origin, size, root = notes.parse_checkpoint(text)
        except notes.NoteError as error:
            report.fail(
                _("Checkpoint at size %(size)d: %(error)s.") % {"size": checkpoint.size, "error": error}
            )
            continue
        if (origin, size, root) != (log.origin, checkpoint.size, bytes(checkpoint.root)):
            report.fail(
                _("Checkpoint at size %(size)d: signed text differs from the stored columns.")
                % {"size": checkpoint.size}
            )


def verify_log(log: Log, *, chunk: int = CHUNK) -> Report:
    """Verify ``log`` completely; see the module docstring."""
    report = Report()
    stored = list(Checkpoint.objects.filter(log=log).order_by("size"))
    report.checkpoints = len(stored)
    _check_signatures(log, stored, report)
    frontier = _recompute(log, stored, report, chunk=chunk)
    report.size = frontier.size
    _check_head(log, frontier, report, next((cp for cp in stored if cp.size > frontier.size), None))
    return report


def _recompute(log: Log, stored: list[Checkpoint], report: Report, *, chunk: int) -> merkle.CompactRange:
    """Stream the entries once, checking leaves and each checkpoint root as its size is reached.

    The loop is the hot path of a million-entry verification, so the compact-range append is written out
    inline (same arithmetic as ``merkle.CompactRange.append``) with local names only.
    """
    tree = tree_of(log)
    new, size = tree.new, 0
    stack: list[bytes] = []
    for empty in (cp for cp in stored if cp.size == 0):
        _compare(report, merkle.CompactRange(tree=tree), empty, 0)
    targets = [cp for cp in stored if cp.size > 0]
    sizes = [cp.size for cp in targets] + [-1]
    position = 0
    for rows in stream_chunks(log, chunk=chunk):
        if rows and rows[-1][0] != size + len(rows) - 1:
            missing = next(i for i, row in enumerate(rows, start=size) if row[0] != i)
            report.fail(_("Entry %(index)d is missing.") % {"index": missing}, index=missing)
        for index, body, leaf_hash in rows:
            if index != size:
                break
            node = leaf = new(b"\x00" + body).digest()
            if leaf != leaf_hash:
                report.fail(
                    _("Entry %(index)d does not match its leaf hash.") % {"index": index}, index=index
                )
            bits = size
            while bits & 1:
                node = new(b"\x01" + stack.pop() + node).digest()
                bits >>= 1
            stack.append(node)
            size += 1
            if size == sizes[position]:
                frontier = merkle.CompactRange(tree=tree, size=size, hashes=stack)
                _compare(report, frontier, targets[position], targets[position - 1].size if position else 0)
                position += 1
        if report.first_bad_index is not None and report.first_bad_index >= size:
            break
    return merkle.CompactRange(tree=tree, size=size, hashes=stack)


def _compare(report: Report, frontier: merkle.CompactRange, target: Checkpoint, previous_size: int) -> None:
    if frontier.root() != bytes(target.root):
        report.fail_range(
            _(
                "The entries do not reproduce the checkpoint at size %(size)d; "
                "an entry in [%(low)d, %(size)d) was altered."
            )
            % {"size": target.size, "low": previous_size},
            low=previous_size,
            high=target.size,
        )


def _check_head(log: Log, frontier: merkle.CompactRange, report: Report, target: Checkpoint | None) -> None:
    if target is not None:
        report.fail(
            _("The checkpoint at size %(size)d is beyond the stored entries.") % {"size": target.size},
            index=frontier.size,
        )
    if log.size != frontier.size or bytes(log.root) != frontier.root():
        report.fail_range(
            _("The log head (size %(size)d) does not match the entries.") % {"size": log.size},
            low=0,
            high=max(log.size, frontier.size),
        )
