"""Full verification of a stored log: recompute every leaf and the root from the entry bodies, streaming in
index order with constant memory, and check every stored checkpoint's signature and that each is a prefix of
the recomputed tree (which implies their mutual consistency). Read-only; reports, never repairs.

The entries are hashed in index ranges ("spans"): each span's leaves are recomputed from the bodies and
folded into the aligned complete subtrees that cover it, cut at checkpoint sizes, and the subtrees are pushed
onto a compact range in index order, so each checkpoint's size is reached exactly once. On PostgreSQL, outside
a transaction, spans are hashed by worker processes with their own connections (``jobs``): the entries below
the head's size are committed and can never change, so every connection sees the same bytes.

The stored leaf hashes (the material of inclusion proofs, not the record) are compared with the recomputed
leaves only where a range fails to reproduce a checkpoint or the head, to name the altered entry, or
everywhere with ``stored_leaves=True``.
"""

from __future__ import annotations

import contextlib
import itertools
import multiprocessing
import os
import threading
from collections.abc import Callable, Generator, Iterator, Sequence
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
CHUNK = 16_384  # entries per span; a power of two, so full spans are complete subtrees
PARALLEL_FROM = 4  # spans: a smaller log is hashed in this process (starting workers would cost more)


@dataclass
class Report:
    """The outcome. ``first_bad_index`` names the first entry known to be wrong (or the lowest index of the
    first range that cannot match a checkpoint). ``jobs``: the processes that hashed the entries."""

    size: int = 0
    checkpoints: int = 0
    jobs: int = 1
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
class Rows:
    """Consecutive entries from index ``start``: their leaf inputs (``0x00 || body``, what the leaf hash is
    taken over) and, when asked for, their stored leaf hashes concatenated. ``missing`` is the first absent
    index in the range read (the rows stop just before it), or None."""

    start: int
    inputs: list[bytes]
    leaves: bytes = b""
    missing: int | None = None
    stored: bool = True

    def stored_leaf(self, offset: int) -> bytes:
        return self.leaves[offset * HASH_SIZE : (offset + 1) * HASH_SIZE]

    def body(self, offset: int) -> bytes:
        return self.inputs[offset][1:]


@dataclass(frozen=True)
class Span:
    """A hashed range: the aligned complete subtrees ``(level, hash)`` covering ``[start, start + size)`` in
    index order, the indexes whose stored leaf hash differs from the recomputed one (when compared) and the
    first missing index (the span stops there)."""

    start: int
    pieces: list[tuple[int, bytes]]
    bad: list[int] = field(default_factory=list)
    missing: int | None = None


def _as_bytes(value: object) -> bytes:
    """A stored value as bytes; text (which a hand edit could leave in a SQLite blob column) as UTF-8."""
    return value.encode() if isinstance(value, str) else bytes(value)  # type: ignore[call-overload]


def _split_rows(rows: list[tuple[Any, ...]], *, prefixed: bool, stored: bool) -> tuple[list[bytes], bytes]:
    """(leaf inputs, concatenated stored leaf hashes) of ``(body[, leaf_hash])`` rows, without a Python-level
    loop: this runs once per entry of a million-entry verification. ``prefixed``: the database already put
    the leaf marker before each body."""
    try:
        bodies = map(itemgetter(0), rows)
        inputs = list(bodies) if prefixed else list(map(LEAF_PREFIX.__add__, bodies))
        leaves = b"".join(map(itemgetter(1), rows)) if stored else b""
    except TypeError:  # a value of another type than bytes (an edit behind the triggers' back)
        inputs = [(b"" if prefixed else LEAF_PREFIX) + _as_bytes(row[0]) for row in rows]
        leaves = b"".join(_as_bytes(row[1] or b"") for row in rows) if stored else b""
    return inputs, leaves


class RangeReader:
    """Reads index ranges of one log on a DB-API cursor, in the dialect of ``vendor``. One indexed range scan
    per range reads only the body (and the stored leaf hash when ``stored``). Indexes are unique, so a range
    that returns as many rows as it spans is complete and the index column need not be fetched; a short range
    is looked at again to name its first missing index. On PostgreSQL rows come in the binary protocol (no
    hex decoding of bytea) and the database prefixes each body with the leaf marker (a copy in C there
    instead of one more Python bytes object per entry here; SQLite's || would make text of it)."""

    def __init__(self, cursor: Any, *, vendor: str, log_id: int, stored: bool) -> None:
        self.cursor, self.log_id, self.stored = cursor, log_id, stored
        self.prefixed = vendor == "postgresql"
        self.options = {"binary": True} if self.prefixed else {}
        column = '"index"'
        self.where = f"WHERE log_id = %s AND {column} >= %s AND {column} < %s"
        value = "'\\x00'::bytea || body" if self.prefixed else "body"
        columns = f"{value}, leaf_hash" if stored else value
        self.sql = f"SELECT {columns} FROM records_entry {self.where} ORDER BY {column}"  # noqa: S608
        self.indexes = f"SELECT {column} FROM records_entry {self.where} ORDER BY {column}"  # noqa: S608

    def read(self, start: int, end: int) -> Rows:
        self.cursor.execute(self.sql, [self.log_id, start, end], **self.options)
        rows = self.cursor.fetchall()
        missing = None
        if len(rows) != end - start:
            self.cursor.execute(self.indexes, [self.log_id, start, end])
            present = [index for (index,) in self.cursor.fetchall()]
            missing = next(i for i, index in enumerate([*present, end], start=start) if index != i)
            rows = rows[: missing - start]
        inputs, leaves = _split_rows(rows, prefixed=self.prefixed, stored=self.stored)
        return Rows(start, inputs, leaves, missing, self.stored)


def stream_rows(
    log: Log,
    *,
    chunk: int = CHUNK,
    stored: bool = True,
    using: BaseDatabaseWrapper | None = None,
    low: int = 0,
    high: int | None = None,
) -> Iterator[Rows]:
    """The entries in [low, high) (default: every entry below the head's size as ``log`` holds it; entries
    integrated meanwhile are left for the next run), in index ranges of ``chunk``, so memory stays at one
    range; the stream ends at the first missing index. ``using``: the connection (default: this thread's)."""
    conn = using or connection
    end = int(log.size) if high is None else min(high, int(log.size))
    with _cursor(conn) as cursor:
        reader = RangeReader(cursor, vendor=conn.vendor, log_id=log.pk, stored=stored)
        for start in range(low, end, chunk):
            rows = reader.read(start, min(start + chunk, end))
            yield rows
            if rows.missing is not None:
                return


def _cursor(conn: BaseDatabaseWrapper) -> Any:
    conn.ensure_connection()
    if conn.vendor == "postgresql":
        import psycopg  # only on PostgreSQL; Django's cursors are client-side and text-only

        return psycopg.Cursor(conn.connection)
    return conn.cursor()


def stream_entries(log: Log, *, chunk: int = CHUNK) -> Iterator[tuple[int, bytes, bytes]]:
    """(index, body, stored leaf hash) in index order, one at a time."""
    for rows in stream_rows(log, chunk=chunk):
        for offset in range(len(rows.inputs)):
            yield rows.start + offset, rows.body(offset), rows.stored_leaf(offset)


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


def verify_log(
    log: Log,
    *,
    chunk: int = CHUNK,
    jobs: int = 1,
    stored_leaves: bool = False,
    progress: Callable[[int], None] | None = None,
) -> Report:
    """Verify ``log`` completely; see the module docstring. ``jobs``: worker processes hashing spans (used on
    PostgreSQL outside a transaction, for a log of several spans). ``stored_leaves``: compare every stored
    leaf hash, not only those of a range that fails. ``progress`` is called with the number of entries
    hashed so far after each span."""
    report = Report()
    stored = list(Checkpoint.objects.filter(log=log).order_by("size"))
    report.checkpoints = len(stored)
    report.jobs = jobs if _parallel(log, chunk=chunk, jobs=jobs) else 1
    _check_signatures(log, stored, report)
    check = _Check(log, report, chunk=chunk, stored_leaves=stored_leaves, progress=progress)
    frontier = check.recompute(stored, jobs=report.jobs)
    report.size = frontier.size
    check.head(frontier, next((cp for cp in stored if cp.size > frontier.size), None))
    return report


@dataclass
class _Check:
    log: Log
    report: Report
    chunk: int
    stored_leaves: bool
    progress: Callable[[int], None] | None = None
    named: set[int] = field(default_factory=set)

    def recompute(self, stored: list[Checkpoint], *, jobs: int) -> merkle.CompactRange:
        """Push every span's subtrees in index order, comparing each checkpoint root as its size is reached
        (spans are cut there). This is the hot path of a million-entry verification."""
        tree = tree_of(self.log)
        frontier = merkle.CompactRange(tree=tree)
        for empty in (cp for cp in stored if cp.size == 0):
            self.compare(frontier, empty, 0)
        targets = [cp for cp in stored if cp.size > 0]
        cuts = [cp.size for cp in targets]
        position = 0
        spans = _spans(self.log, cuts, chunk=self.chunk, jobs=jobs, stored=self.stored_leaves)
        with contextlib.closing(spans):
            for span in spans:
                if span.missing is not None:
                    self.report.fail(
                        _("Entry %(index)d is missing.") % {"index": span.missing}, index=span.missing
                    )
                for index in span.bad:
                    self._bad_leaf(index)
                for level, node in span.pieces:
                    _push(frontier, level, node)
                    if position < len(targets) and frontier.size == targets[position].size:
                        self.compare(
                            frontier, targets[position], targets[position - 1].size if position else 0
                        )
                        position += 1
                if self.progress is not None:
                    self.progress(frontier.size)
                first_bad = self.report.first_bad_index
                if span.missing is not None or (first_bad is not None and first_bad >= frontier.size):
                    break
        return frontier

    def compare(self, frontier: merkle.CompactRange, target: Checkpoint, previous_size: int) -> None:
        if frontier.root() != bytes(target.root):
            self.name_altered(previous_size, target.size)
            self.report.fail_range(
                _(
                    "The entries do not reproduce the checkpoint at size %(size)d; "
                    "an entry in [%(low)d, %(size)d) was altered."
                )
                % {"size": target.size, "low": previous_size},
                low=previous_size,
                high=target.size,
            )

    def head(self, frontier: merkle.CompactRange, target: Checkpoint | None) -> None:
        if target is not None:
            self.report.fail(
                _("The checkpoint at size %(size)d is beyond the stored entries.") % {"size": target.size},
                index=frontier.size,
            )
        if self.log.size != frontier.size or bytes(self.log.root) != frontier.root():
            self.name_altered(0, frontier.size)
            self.report.fail_range(
                _("The log head (size %(size)d) does not match the entries.") % {"size": self.log.size},
                low=0,
                high=max(self.log.size, frontier.size),
            )

    def name_altered(self, low: int, high: int) -> None:
        """Where a range fails, name the entries whose body no longer gives their stored leaf hash (an edit
        that left the leaf hash alone). Already done everywhere when every stored leaf was compared."""
        if self.stored_leaves or low >= high:
            return
        tree = tree_of(self.log)
        for rows in stream_rows(self.log, chunk=self.chunk, stored=True, low=low, high=high):
            for index in _mismatches(tree, rows, _leaves_of(tree, rows.inputs)):
                self._bad_leaf(index)

    def _bad_leaf(self, index: int) -> None:
        if index in self.named:  # a range and the head can both ask about it
            return
        self.named.add(index)
        self.report.fail(_("Entry %(index)d does not match its leaf hash.") % {"index": index}, index=index)


def _leaves_of(tree: merkle.TreeHasher, inputs: Sequence[bytes]) -> bytes:
    """The leaf hashes of ``inputs`` (leaf-marked bodies), concatenated; C-level iteration, no Python
    bytecode per entry."""
    return b"".join(map(_digest_of(tree), map(tree.new, inputs)))


def _mismatches(tree: merkle.TreeHasher, rows: Rows, leaves: bytes) -> list[int]:
    """Indexes whose recomputed leaf differs from the stored one (compared as a whole first: cheap)."""
    if leaves == rows.leaves:
        return []
    return [
        rows.start + offset
        for offset in range(len(rows.inputs))
        if leaves[offset * HASH_SIZE : (offset + 1) * HASH_SIZE] != rows.stored_leaf(offset)
    ]


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


def _pieces(tree: merkle.TreeHasher, leaves: bytes, position: int) -> list[tuple[int, bytes]]:
    """The aligned complete subtrees covering ``leaves`` (concatenated hashes) placed at index ``position``,
    in index order, each hashed layer by layer: the decomposition a compact range at size ``position``
    takes them in."""
    pieces: list[tuple[int, bytes]] = []
    offset, count = 0, len(leaves) // HASH_SIZE
    while offset < count:
        at = position + offset
        level = (count - offset).bit_length() - 1
        if at:
            level = min(level, (at & -at).bit_length() - 1)
        layer = leaves[offset * HASH_SIZE : (offset + (1 << level)) * HASH_SIZE]
        while len(layer) > HASH_SIZE:
            layer = _parents(tree, layer)
        pieces.append((level, layer))
        offset += 1 << level
    return pieces


def _push(frontier: merkle.CompactRange, level: int, node: bytes) -> None:
    """Append a complete subtree of ``2**level`` leaves, aligned at the frontier's size."""
    tree, stack, size = frontier.tree, frontier.hashes, frontier.size
    bits = size >> level
    while bits & 1:
        node = tree.node(stack.pop(), node)
        bits >>= 1
    stack.append(node)
    frontier.size = size + (1 << level)


def hash_span(tree: merkle.TreeHasher, rows: Rows, cuts: Sequence[int]) -> Span:
    """The span of ``rows``: leaves recomputed, stored leaves compared when they were read, subtrees cut at
    each index in ``cuts`` that falls inside."""
    leaves = _leaves_of(tree, rows.inputs)
    bad = _mismatches(tree, rows, leaves) if rows.stored else []
    end = rows.start + len(rows.inputs)
    bounds = [rows.start, *(cut for cut in cuts if rows.start < cut < end), end]
    pieces = [
        piece
        for low, high in itertools.pairwise(bounds)
        for piece in _pieces(
            tree, leaves[(low - rows.start) * HASH_SIZE : (high - rows.start) * HASH_SIZE], low
        )
    ]
    return Span(rows.start, pieces, bad, rows.missing)


def _spans(log: Log, cuts: list[int], *, chunk: int, jobs: int, stored: bool) -> Generator[Span, None, None]:
    """The log's spans in index order, hashed by ``jobs`` worker processes where that applies (PostgreSQL,
    no open transaction whose rows the workers could not see, several spans), else in this process with the
    next span's rows read ahead."""
    tree = tree_of(log)
    if not _parallel(log, chunk=chunk, jobs=jobs):
        for rows in prefetched(log, chunk=chunk, stored=stored):
            yield hash_span(tree, rows, cuts)
        return
    connection.ensure_connection()
    info = connection.connection.info
    import psycopg  # PostgreSQL only

    conninfo = psycopg.conninfo.make_conninfo(info.dsn, password=info.password or None)
    ranges = ((start, min(start + chunk, int(log.size))) for start in range(0, int(log.size), chunk))
    # fork: the workers need nothing but this module's functions, and start in milliseconds. They never touch
    # the connections they inherit (each opens its own) and leave by os._exit, which closes none of them.
    context = multiprocessing.get_context("fork")
    initargs = (conninfo, log.pk, log.hash_algorithm, stored, cuts)
    with context.Pool(jobs, initializer=_worker_start, initargs=initargs) as pool:
        for span in pool.imap(_worker_span, ranges):  # in order; results are a few hashes each
            yield span
            if span.missing is not None:
                return


def _parallel(log: Log, *, chunk: int, jobs: int) -> bool:
    """Whether worker processes hash the spans: asked for, on PostgreSQL, with no open transaction (its
    uncommitted rows would be invisible to the workers' connections) and a log of several spans."""
    return (
        jobs > 1
        and connection.vendor == "postgresql"
        and not connection.in_atomic_block
        and log.size >= PARALLEL_FROM * chunk
    )


_worker: dict[str, Any] = {}


def _worker_start(conninfo: str, log_id: int, algorithm: str, stored: bool, cuts: list[int]) -> None:
    import psycopg

    connection_ = psycopg.connect(conninfo, autocommit=True)
    _worker.update(
        reader=RangeReader(connection_.cursor(), vendor="postgresql", log_id=log_id, stored=stored),
        tree=merkle.TreeHasher(algorithm),
        cuts=cuts,
        connection=connection_,
    )


def _worker_span(bounds: tuple[int, int]) -> Span:
    rows = _worker["reader"].read(*bounds)
    return hash_span(_worker["tree"], rows, _worker["cuts"])


def default_jobs() -> int:
    """Worker processes for a verification: one per processor, at most eight."""
    return max(1, min(os.cpu_count() or 1, 8))


def prefetched(log: Log, *, chunk: int, stored: bool) -> Generator[Rows, None, None]:
    """``stream_rows`` read ahead by one range in a thread on PostgreSQL (the connection is used by that
    thread only while this generator runs); plain ``stream_rows`` elsewhere. Memory: two ranges."""
    if connection.vendor != "postgresql":
        yield from stream_rows(log, chunk=chunk, stored=stored)
        return
    queue: Queue[Rows | BaseException | None] = Queue(maxsize=1)
    stop = threading.Event()
    conn = connections[DEFAULT_DB_ALIAS]
    conn.ensure_connection()

    def produce() -> None:
        try:
            # Django's ``connection`` is per thread: read on this thread's one (same transaction, so a
            # test's uncommitted rows are seen), which the consumer leaves alone while it hashes.
            for rows in stream_rows(log, chunk=chunk, stored=stored, using=conn):
                if stop.is_set():
                    return
                queue.put(rows)
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
