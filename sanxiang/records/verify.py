"""Full verification of a stored log: recompute every leaf and the root from the entry bodies, streaming in
index order with constant memory, and check every stored checkpoint's signature and that each is a prefix of
the recomputed tree (which implies their mutual consistency). Read-only; reports, never repairs.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Generator, Iterator
from dataclasses import dataclass, field
from operator import itemgetter
from queue import Empty, Queue
from typing import Any

from django.db import DEFAULT_DB_ALIAS, connection, connections
from django.db.backends.base.base import BaseDatabaseWrapper
from django.utils.translation import gettext as _

from sanxiang.records import checkpoints, merkle, notes, sm2
from sanxiang.records.integrator import tree_of
from sanxiang.records.models import Checkpoint, Log

HASH_SIZE = 32  # SHA-256 and SM3
LEAF_PREFIX, NODE_PREFIX = b"\x00", b"\x01"  # RFC 9162 domain separation
CHUNK = 16_384  # a power of two: full chunks are complete subtrees


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


@dataclass(frozen=True)
class Chunk:
    """Consecutive entries from index ``start``: their leaf inputs (``0x00 || body``, what the leaf hash is
    taken over) and their stored leaf hashes concatenated. ``missing`` is the first absent index in the
    chunk's range (the rows stop just before it), or None."""

    start: int
    inputs: list[bytes]
    leaves: bytes
    missing: int | None = None

    def stored_leaf(self, offset: int) -> bytes:
        return self.leaves[offset * HASH_SIZE : (offset + 1) * HASH_SIZE]

    def body(self, offset: int) -> bytes:
        return self.inputs[offset][1:]


def _as_bytes(value: object) -> bytes:
    """A stored value as bytes; text (which a hand edit could leave in a SQLite blob column) as UTF-8."""
    return value.encode() if isinstance(value, str) else bytes(value)  # type: ignore[call-overload]


def _split_rows(rows: list[tuple[Any, Any]], *, prefixed: bool) -> tuple[list[bytes], bytes]:
    """(leaf inputs, concatenated stored leaf hashes) of ``(body, leaf_hash)`` rows, without a Python-level
    loop: this runs once per entry of a million-entry verification. ``prefixed``: the database already put
    the leaf marker before each body."""
    try:
        bodies = map(itemgetter(0), rows)
        inputs = list(bodies) if prefixed else list(map(LEAF_PREFIX.__add__, bodies))
        leaves = b"".join(map(itemgetter(1), rows))
    except TypeError:  # a value of another type than bytes (an edit behind the triggers' back)
        inputs = [(b"" if prefixed else LEAF_PREFIX) + _as_bytes(body) for body, _leaf in rows]
        leaves = b"".join(_as_bytes(leaf or b"") for _body, leaf in rows)
    return inputs, leaves


def stream_chunks(
    log: Log, *, chunk: int = CHUNK, using: BaseDatabaseWrapper | None = None
) -> Iterator[Chunk]:
    """The entries below the head's size as ``log`` holds it (entries integrated meanwhile are left for the
    next run), in index ranges of ``chunk``, so memory stays at one chunk. One indexed range scan per
    chunk reads only the body and the stored leaf hash. Indexes are unique, so a range that returns as many
    rows as it spans is complete and the index column need not be fetched; a short range is looked at
    again to name its first missing index, and the stream ends there. On PostgreSQL rows come in the binary
    protocol (no hex decoding of bytea). ``using``: the connection (default: this thread's)."""
    conn = using or connection
    column = conn.ops.quote_name("index")
    where = f"WHERE log_id = %s AND {column} >= %s AND {column} < %s"
    # PostgreSQL prefixes each body with the leaf marker (a copy in C there instead of one more Python
    # bytes object per entry here); SQLite's || would make text of it, so there the prefix is added here.
    prefixed = conn.vendor == "postgresql"
    value = "'\\x00'::bytea || body" if prefixed else "body"
    sql = f"SELECT {value}, leaf_hash FROM records_entry {where} ORDER BY {column}"  # noqa: S608
    binary = {"binary": True} if conn.vendor == "postgresql" else {}
    with _cursor(conn) as cursor:
        for start in range(0, int(log.size), chunk):
            end = min(start + chunk, int(log.size))
            cursor.execute(sql, [log.pk, start, end], **binary)
            rows = cursor.fetchall()
            if len(rows) == end - start:
                yield Chunk(start, *_split_rows(rows, prefixed=prefixed))
                continue
            indexes = f"SELECT {column} FROM records_entry {where} ORDER BY {column}"  # noqa: S608
            cursor.execute(indexes, [log.pk, start, end])
            present = [index for (index,) in cursor.fetchall()]
            missing = next(i for i, index in enumerate([*present, end], start=start) if index != i)
            yield Chunk(start, *_split_rows(rows[: missing - start], prefixed=prefixed), missing=missing)
            return


def _cursor(conn: BaseDatabaseWrapper) -> Any:
    conn.ensure_connection()
    if conn.vendor == "postgresql":
        import psycopg  # only on PostgreSQL; Django's cursors are client-side and text-only

        return psycopg.Cursor(conn.connection)
    return conn.cursor()


def stream_entries(log: Log, *, chunk: int = CHUNK) -> Iterator[tuple[int, bytes, bytes]]:
    """(index, body, stored leaf hash) in index order, one at a time."""
    for part in stream_chunks(log, chunk=chunk):
        for offset in range(len(part.inputs)):
            yield part.start + offset, part.body(offset), part.stored_leaf(offset)


def _check_signatures(log: Log, stored: list[Checkpoint], report: Report) -> None:
    verifier = checkpoints.verifier(log)
    sm2_key = sm2.signing_key(log.origin)
    for checkpoint in stored:
        if sm2_key is not None and sm2.verify_note(checkpoint.note, sm2_key) is False:
            report.fail(_("Checkpoint at size %(size)d: invalid SM2 signature.") % {"size": checkpoint.size})
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

    This is the hot path of a million-entry verification. Rows arrive from a prefetching thread (the
    database works on the next chunk while this one is hashed); each chunk's leaves are hashed by C-level
    iteration (``map`` over hashlib, no Python bytecode per entry) and compared with the stored leaf hashes
    as a whole, and the chunk is cut at checkpoint sizes into aligned complete subtrees, each hashed level
    by level (one hash per node, layers kept as concatenated bytes) and pushed onto the compact range.
    """
    tree = tree_of(log)
    frontier = merkle.CompactRange(tree=tree)
    for empty in (cp for cp in stored if cp.size == 0):
        _compare(report, frontier, empty, 0)
    targets = [cp for cp in stored if cp.size > 0]
    position = 0
    parts = prefetched(log, chunk=chunk)
    for part in parts:
        leaves = _checked_leaves(tree, part, report)
        offset, count = 0, len(leaves) // HASH_SIZE
        while offset < count:
            stop = count
            if position < len(targets):
                stop = min(stop, targets[position].size - frontier.size + offset)
            _absorb(frontier, leaves[offset * HASH_SIZE : stop * HASH_SIZE])
            offset = stop
            if position < len(targets) and frontier.size == targets[position].size:
                _compare(report, frontier, targets[position], targets[position - 1].size if position else 0)
                position += 1
        if part.missing is not None or (
            report.first_bad_index is not None and report.first_bad_index >= frontier.size
        ):
            break
    parts.close()  # stops the prefetching thread now rather than when the generator is collected
    return frontier


def _checked_leaves(tree: merkle.TreeHasher, part: Chunk, report: Report) -> bytes:
    """The recomputed leaf hashes of a chunk, concatenated, compared with the stored ones (as a whole first:
    cheap; entry by entry only when they differ)."""
    if part.missing is not None:
        report.fail(_("Entry %(index)d is missing.") % {"index": part.missing}, index=part.missing)
    leaves = b"".join(map(_digest_of(tree), map(tree.new, part.inputs)))
    if leaves != part.leaves:
        for offset in range(len(part.inputs)):
            if leaves[offset * HASH_SIZE : (offset + 1) * HASH_SIZE] != part.stored_leaf(offset):
                index = part.start + offset
                report.fail(
                    _("Entry %(index)d does not match its leaf hash.") % {"index": index}, index=index
                )
    return leaves


def _digest_of(tree: merkle.TreeHasher) -> Callable[[Any], bytes]:
    """The unbound ``digest`` method of the tree's hash objects, for use with ``map``."""
    digest: Callable[[Any], bytes] = type(tree.new(b"")).digest
    return digest


def _parents(tree: merkle.TreeHasher, layer: bytes) -> bytes:
    """The next layer up of a complete subtree: ``layer`` is an even number of concatenated hashes; each
    adjacent pair becomes H(0x01 || left || right). C-level iteration, one hash per node."""
    width, size = 2 * HASH_SIZE, len(layer)
    pairs = map(layer.__getitem__, map(slice, range(0, size, width), range(width, size + 1, width)))
    return b"".join(map(_digest_of(tree), map(tree.new, map(NODE_PREFIX.__add__, pairs))))


def _absorb(frontier: merkle.CompactRange, leaves: bytes) -> None:
    """Append ``leaves`` (concatenated hashes) to the compact range as aligned complete subtrees, each hashed
    layer by layer."""
    tree, stack = frontier.tree, frontier.hashes
    offset, count = 0, len(leaves) // HASH_SIZE
    while offset < count:
        size = frontier.size
        level = (count - offset).bit_length() - 1
        if size:
            level = min(level, (size & -size).bit_length() - 1)
        layer = leaves[offset * HASH_SIZE : (offset + (1 << level)) * HASH_SIZE]
        while len(layer) > HASH_SIZE:
            layer = _parents(tree, layer)
        node, bits = layer, size >> level
        while bits & 1:
            node = tree.node(stack.pop(), node)
            bits >>= 1
        stack.append(node)
        frontier.size = size + (1 << level)
        offset += 1 << level


def prefetched(log: Log, *, chunk: int) -> Generator[Chunk, None, None]:
    """``stream_chunks`` read ahead by one chunk in a thread on PostgreSQL (the connection is used by that
    thread only while this generator runs); plain ``stream_chunks`` elsewhere. Memory: two chunks."""
    if connection.vendor != "postgresql":
        yield from stream_chunks(log, chunk=chunk)
        return
    queue: Queue[Chunk | BaseException | None] = Queue(maxsize=1)
    stop = threading.Event()
    conn = connections[DEFAULT_DB_ALIAS]
    conn.ensure_connection()

    def produce() -> None:
        try:
            # Django's ``connection`` is per thread: read on this thread's one (same transaction, so a
            # test's uncommitted rows are seen), which the consumer leaves alone while it hashes.
            for part in stream_chunks(log, chunk=chunk, using=conn):
                if stop.is_set():
                    return
                queue.put(part)
            queue.put(None)
        except BaseException as error:  # handed to the consumer, which re-raises it
            queue.put(error)

    worker = threading.Thread(target=produce, name="records-verify-fetch", daemon=True)
    worker.start()
    try:
        while (item := queue.get()) is not None:
            if isinstance(item, BaseException):
                raise item
            yield item
    finally:
        stop.set()
        while worker.is_alive():
            with contextlib.suppress(Empty):
                queue.get(timeout=0.05)
        worker.join()


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
