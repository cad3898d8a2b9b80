"""RFC 9162 Merkle tree arithmetic: hashing, roots, compact ranges, inclusion and consistency proofs.

Pure functions over bytes and integers; no Django, no I/O. Proof *construction* is expressed as the list of
subtree ranges ``[start, end)`` whose hashes a proof needs (``inclusion_ranges``, ``consistency_ranges``);
the caller supplies those hashes from wherever it keeps them (a list of leaves, the node table). A range is
resolved from complete subtrees ``(level, index)`` (``perfect_pieces``), which is what makes a proof cost
O(log n) lookups. Must never touch the database or the clock.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _

from sanxiang.core.errors import ConfigurationError

ALGORITHMS = ("sha256", "sm3")
Range = tuple[int, int]
Piece = tuple[int, int]  # (level, index): leaves [index << level, (index + 1) << level)


def constructor(name: str) -> Callable[[bytes], Any]:
    """The hashlib constructor for ``name`` (use as ``constructor(data).digest()``)."""
    hasher(name)
    if name == "sha256":
        return hashlib.sha256
    return functools.partial(hashlib.new, name)


def hasher(name: str) -> Callable[[bytes], bytes]:
    """The one-shot hash function ``name``; raises ConfigurationError when the platform lacks it."""
    if name not in ALGORITHMS:
        raise ConfigurationError(_("Unknown hash algorithm %(name)s.") % {"name": name})
    try:
        hashlib.new(name, b"")
    except ValueError:
        raise ConfigurationError(
            _("The hash algorithm %(name)s is not provided by this platform's OpenSSL.") % {"name": name}
        ) from None
    if name == "sha256":
        return lambda data: hashlib.sha256(data).digest()
    return lambda data: hashlib.new(name, data).digest()


@dataclass(frozen=True)
class TreeHasher:
    """Leaf and node hashing for one hash function (RFC 9162 §2.1.1)."""

    algorithm: str = "sha256"
    digest: Callable[[bytes], bytes] = field(init=False, repr=False, compare=False)
    new: Callable[[bytes], Any] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "digest", hasher(self.algorithm))
        object.__setattr__(self, "new", constructor(self.algorithm))

    def empty_root(self) -> bytes:
        return self.digest(b"")

    def leaf(self, entry: bytes) -> bytes:
        return self.digest(b"\x00" + entry)

    def node(self, left: bytes, right: bytes) -> bytes:
        return self.digest(b"\x01" + left + right)

    def root(self, leaves: Sequence[bytes]) -> bytes:
        """MTH over leaf *hashes* (reference implementation, O(n) memory)."""
        if not leaves:
            return self.empty_root()
        return self.range_hash(0, len(leaves), pieces_from_leaves(self, leaves))

    def range_hash(self, start: int, end: int, piece: Callable[[int, int], bytes]) -> bytes:
        """MTH(D[start:end]) from complete-subtree hashes supplied by ``piece(level, index)``."""
        return self.fold(piece(level, index) for level, index in perfect_pieces(start, end))

    def proof(self, ranges: Iterable[Range], piece: Callable[[int, int], bytes]) -> list[bytes]:
        """The hashes of the proof whose subtrees are ``ranges``."""
        return [self.range_hash(start, end, piece) for start, end in ranges]

    def fold(self, hashes: Iterable[bytes]) -> bytes:
        """Fold the complete subtrees of a binary decomposition (left to right) into its MTH."""
        stack = list(hashes)
        if not stack:
            raise ValueError("empty range")
        result = stack.pop()
        while stack:
            result = self.node(stack.pop(), result)
        return result


def pieces_from_leaves(tree: TreeHasher, leaves: Sequence[bytes]) -> Callable[[int, int], bytes]:
    """A ``piece(level, index)`` source computed from an in-memory list of leaf hashes."""

    def piece(level: int, index: int) -> bytes:
        if level == 0:
            return leaves[index]
        return tree.node(piece(level - 1, 2 * index), piece(level - 1, 2 * index + 1))

    return piece


def split(size: int) -> int:
    """The largest power of two strictly below ``size`` (size ≥ 2)."""
    return 1 << ((size - 1).bit_length() - 1)


def perfect_pieces(start: int, end: int) -> list[Piece]:
    """Decompose ``[start, end)`` into the complete subtrees that MTH(D[start:end]) folds, left to right.

    Valid for the ranges RFC 9162 proofs use: ``start`` is a multiple of the largest power of two ≤ end-start.
    """
    pieces: list[Piece] = []
    while start < end:
        level = (end - start).bit_length() - 1
        pieces.append((level, start >> level))
        start += 1 << level
    return pieces


def inclusion_ranges(index: int, size: int) -> list[Range]:
    """The subtrees of PATH(index, D[0:size]) (RFC 9162 §2.1.3.1), leaf's sibling first."""
    if not 0 <= index < size:
        raise ValueError(f"index {index} is outside a tree of size {size}")
    ranges: list[Range] = []
    start, end = 0, size
    while end - start > 1:
        k = split(end - start)
        if index < start + k:
            ranges.append((start + k, end))
            end = start + k
        else:
            ranges.append((start, start + k))
            start += k
    ranges.reverse()
    return ranges


def consistency_ranges(old: int, new: int) -> list[Range]:
    """The subtrees of PROOF(old, D[0:new]) (RFC 9162 §2.1.4.1), deepest first; empty if old is 0 or new."""
    if not 0 <= old <= new:
        raise ValueError(f"cannot prove {old} consistent with {new}")
    if old in (0, new):
        return []
    ranges: list[Range] = []
    start, end, complete = 0, new, True
    while old != end:
        k = split(end - start)
        if old - start <= k:
            ranges.append((start + k, end))
            end = start + k
        else:
            ranges.append((start, start + k))
            start, complete = start + k, False
    if not complete:
        ranges.append((start, end))
    ranges.reverse()
    return ranges


def _lsb(value: int) -> bool:
    return bool(value & 1)


def verify_inclusion(
    tree: TreeHasher, *, index: int, size: int, leaf: bytes, proof: Sequence[bytes], root: bytes
) -> bool:
    """RFC 9162 §2.1.3.2: does ``proof`` show leaf hash ``leaf`` at ``index`` under ``root`` of ``size``?"""
    if index >= size or index < 0:
        return False
    fn, sn, result = index, size - 1, leaf
    for sibling in proof:
        if sn == 0:
            return False
        if _lsb(fn) or fn == sn:
            result = tree.node(sibling, result)
            while not _lsb(fn) and fn != 0:
                fn, sn = fn >> 1, sn >> 1
        else:
            result = tree.node(result, sibling)
        fn, sn = fn >> 1, sn >> 1
    return sn == 0 and result == root


def verify_consistency(
    tree: TreeHasher, *, old: int, new: int, old_root: bytes, new_root: bytes, proof: Sequence[bytes]
) -> bool:
    """RFC 9162 §2.1.4.2: is the tree (old, old_root) a prefix of (new, new_root)?"""
    if old > new or old < 0:
        return False
    if old == new:
        return not proof and old_root == new_root
    if old == 0:
        return not proof
    if not proof:
        return False
    path = list(proof)
    if old & (old - 1) == 0:
        path.insert(0, old_root)
    fn, sn = old - 1, new - 1
    while _lsb(fn):
        fn, sn = fn >> 1, sn >> 1
    first = second = path[0]
    for hash_ in path[1:]:
        if sn == 0:
            return False
        if _lsb(fn) or fn == sn:
            first, second = tree.node(hash_, first), tree.node(hash_, second)
            while not _lsb(fn) and fn != 0:
                fn, sn = fn >> 1, sn >> 1
        else:
            second = tree.node(second, hash_)
        fn, sn = fn >> 1, sn >> 1
    return sn == 0 and first == old_root and second == new_root


@dataclass
class CompactRange:
    """The frontier of a growing tree: complete-subtree hashes of the binary decomposition of ``size``.

    ``append`` returns the complete subtrees (level ≥ 1) it closed, so callers can store them.
    """

    tree: TreeHasher
    size: int = 0
    hashes: list[bytes] = field(default_factory=list)

    def append(self, leaf: bytes) -> list[tuple[int, int, bytes]]:
        closed: list[tuple[int, int, bytes]] = []
        index, result, level = self.size, leaf, 0
        while (index >> level) & 1:
            result = self.tree.node(self.hashes.pop(), result)
            level += 1
            closed.append((level, index >> level, result))
        self.hashes.append(result)
        self.size += 1
        return closed

    def root(self) -> bytes:
        return self.tree.fold(self.hashes) if self.hashes else self.tree.empty_root()

    def pack(self) -> bytes:
        return b"".join(self.hashes)

    @classmethod
    def unpack(cls, tree: TreeHasher, size: int, packed: bytes) -> CompactRange:
        width = len(tree.empty_root())
        hashes = [packed[i : i + width] for i in range(0, len(packed), width)]
        if len(hashes) != size.bit_count():
            raise ValueError("frontier does not match the tree size")
        return cls(tree=tree, size=size, hashes=hashes)
