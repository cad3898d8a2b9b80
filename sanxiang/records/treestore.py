"""Subtree hashes from the database: resolves the complete subtrees a proof or root needs with one query for
leaves (``Entry.leaf_hash``) and one for stored nodes (``Node``), so a proof costs O(log n) row lookups.
Read-only."""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import Q

from sanxiang.records import merkle
from sanxiang.records.integrator import tree_of
from sanxiang.records.models import Entry, Log, Node

Piece = merkle.Piece


def fetch_pieces(log: Log, pieces: Iterable[Piece]) -> dict[Piece, bytes]:
    wanted = set(pieces)
    leaves = [index for level, index in wanted if level == 0]
    by_level: dict[int, list[int]] = {}
    for level, index in wanted:
        if level:
            by_level.setdefault(level, []).append(index)
    found: dict[Piece, bytes] = {}
    if leaves:
        rows = Entry.objects.filter(log=log, index__in=leaves).values_list("index", "leaf_hash")
        found.update({(0, index): bytes(hash_) for index, hash_ in rows})
    if by_level:
        query = Q()
        for level, indexes in by_level.items():
            query |= Q(level=level, index__in=indexes)
        rows3 = Node.objects.filter(query, log=log).values_list("level", "index", "hash")
        found.update({(level, index): bytes(hash_) for level, index, hash_ in rows3})
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
