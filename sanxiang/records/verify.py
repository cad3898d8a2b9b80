"""Full verification of a stored log: recompute every leaf and the root from the entry bodies, streaming in
index order with constant memory, and check every stored checkpoint's signature and that each is a prefix of
the recomputed tree (which implies their mutual consistency). Read-only; reports, never repairs.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

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


def stream_entries(log: Log, *, chunk: int = CHUNK) -> Iterator[tuple[int, bytes, bytes]]:
    """(index, body, stored leaf hash) in index order, fetched in keyset-paginated chunks."""
    column = connection.ops.quote_name("index")
    sql = (
        f"SELECT {column}, body, leaf_hash FROM records_entry "  # noqa: S608 - constant identifiers
        f"WHERE log_id = %s AND {column} >= %s ORDER BY {column} LIMIT %s"
    )
    start = 0
    with connection.cursor() as cursor:
        while True:
            cursor.execute(sql, [log.pk, start, chunk])
            rows = cursor.fetchall()
            for index, body, leaf_hash in rows:
                yield index, bytes(body), bytes(leaf_hash)
            if len(rows) < chunk:
                return
            start = rows[-1][0] + 1


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
    targets = iter(stored)
    target = next(targets, None)
    frontier = merkle.CompactRange(tree_of(log))
    previous_size = 0
    while target is not None and target.size == 0:
        _compare(report, frontier, target, previous_size)
        target = next(targets, None)
    for index, body, leaf_hash in stream_entries(log, chunk=chunk):
        if index != frontier.size:
            report.fail(_("Entry %(index)d is missing.") % {"index": frontier.size}, index=frontier.size)
            return report
        leaf = frontier.tree.leaf(body)
        if leaf != leaf_hash:
            report.fail(_("Entry %(index)d does not match its leaf hash.") % {"index": index}, index=index)
        frontier.append(leaf)
        while target is not None and target.size == frontier.size:
            _compare(report, frontier, target, previous_size)
            previous_size, target = target.size, next(targets, None)
    report.size = frontier.size
    _check_head(log, frontier, report, target)
    return report


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
