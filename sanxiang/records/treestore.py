"""Subtree hashes from the database: resolves the complete subtrees a proof or root needs in one statement
(leaf hashes from the entry table, the rest from the node table), so a proof costs O(log n) indexed row
lookups and one round trip. Read-only."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import connection

from sanxiang.records import merkle
from sanxiang.records.integrator import tree_of
from sanxiang.records.models import Log

Piece = merkle.Piece


def _select(log: Log, pieces: set[Piece]) -> tuple[str, list[int]]:
    """One statement for all wanted pieces: leaves from the entry table, the rest from the node table."""
    column = connection.ops.quote_name("index")
    leaves = sorted(index for level, index in pieces if level == 0)
    nodes = sorted((level, index) for level, index in pieces if level)
    parts, params = [], []
    if leaves:
        marks = ", ".join(["%s"] * len(leaves))
        parts.append(
            f"SELECT 0, {column}, leaf_hash FROM records_entry "  # noqa: S608 - only placeholders interpolated
            f"WHERE log_id = %s AND {column} IN ({marks})"
        )
        params += [log.pk, *leaves]
    if nodes:
        terms = " OR ".join([f"(level = %s AND {column} = %s)"] * len(nodes))
        parts.append(
            f"SELECT level, {column}, hash FROM records_node "  # noqa: S608 - only placeholders interpolated
            f"WHERE log_id = %s AND ({terms})"
        )
        params += [log.pk, *(value for node in nodes for value in node)]
    return " UNION ALL ".join(parts), params


def fetch_pieces(log: Log, pieces: Iterable[Piece]) -> dict[Piece, bytes]:
    """The hashes of the wanted complete subtrees, in one round trip."""
    wanted = set(pieces)
    if not wanted:
        return {}
    sql, params = _select(log, wanted)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        found = {(level, index): bytes(hash_) for level, index, hash_ in cursor.fetchall()}
    missing = wanted - set(found)
    if missing:
        raise LookupError(f"subtrees not stored: {sorted(missing)[:5]}")
    return found


def _resolve(log: Log, ranges: list[merkle.Range]) -> list[bytes]:
    pieces = fetch_pieces(
        log, (piece for start, end in ranges for piece in merkle.perfect_pieces(start, end))
    )
    return tree_of(log).proof(ranges, lambda level, index: pieces[(level, index)])


def inclusion_proof(log: Log, *, index: int, size: int) -> list[bytes]:
    """RFC 9162 inclusion proof of leaf ``index`` in the tree of ``size`` (size ≤ the log's size)."""
    _check_size(log, size)
    return _resolve(log, merkle.inclusion_ranges(index, size))


def consistency_proof(log: Log, *, old: int, new: int) -> list[bytes]:
    """RFC 9162 consistency proof from ``old`` to ``new`` (new ≤ the log's size)."""
    _check_size(log, new)
    return _resolve(log, merkle.consistency_ranges(old, new))


def root_at(log: Log, size: int) -> bytes:
    """MTH of the first ``size`` leaves, from stored subtrees."""
    _check_size(log, size)
    if size == 0:
        return tree_of(log).empty_root()
    return _resolve(log, [(0, size)])[0]


def _check_size(log: Log, size: int) -> None:
    if not 0 <= size <= log.size:
        raise ValueError(f"size {size} is beyond the log's size {log.size}")
