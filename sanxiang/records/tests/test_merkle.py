"""Known-answer and exhaustive tests of the RFC 9162 tree arithmetic (no database)."""

from __future__ import annotations

import hashlib

import pytest

from sanxiang.core.errors import ConfigurationError
from sanxiang.records import merkle

TREE = merkle.TreeHasher("sha256")
INPUTS = [
    bytes.fromhex(h)
    for h in (
        "",
        "00",
        "10",
        "2021",
        "3031",
        "40414243",
        "5051525354555657",
        "606162636465666768696a6b6c6d6e6f",
    )
]
LEAVES = [TREE.leaf(data) for data in INPUTS]
ROOTS = {
    0: "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
    1: "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
    2: "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
    3: "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
    4: "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    5: "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
    6: "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
    7: "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
    8: "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
}
H_96A2 = "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7"
H_5F08 = "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e"
H_6B47 = "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"
H_BC1A = "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"
H_CA85 = "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0"
H_0EBC = "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a"
INCLUSION = [
    (0, 1, []),
    (0, 8, [H_96A2, H_5F08, H_6B47]),
    (5, 8, [H_BC1A, H_CA85, ROOTS[4]]),
    (2, 3, [ROOTS[2]]),
    (1, 5, [ROOTS[1], H_5F08, H_BC1A]),
]
CONSISTENCY = [
    (1, 1, []),
    (1, 8, [H_96A2, H_5F08, H_6B47]),
    (6, 8, [H_0EBC, H_CA85, ROOTS[4]]),
    (2, 5, [H_5F08, H_BC1A]),
    (2, 8, [H_5F08, H_6B47]),
]


def _hexes(hashes: list[bytes]) -> list[str]:
    return [h.hex() for h in hashes]


def _leaves(size: int) -> list[bytes]:
    return [TREE.leaf(i.to_bytes(4, "big")) for i in range(size)]


def _reference_root(leaves: list[bytes]) -> bytes:
    """MTH written straight from RFC 9162, independent of the code under test."""
    if len(leaves) == 1:
        return leaves[0]
    k = 1
    while k * 2 < len(leaves):
        k *= 2
    return hashlib.sha256(b"\x01" + _reference_root(leaves[:k]) + _reference_root(leaves[k:])).digest()


@pytest.mark.parametrize(("size", "expected"), sorted(ROOTS.items()))
def test_roots_match_rfc6962_vectors(size: int, expected: str) -> None:
    """The root of the first ``size`` test leaves is the published one, incrementally and from scratch."""
    assert TREE.root(LEAVES[:size]).hex() == expected
    frontier = merkle.CompactRange(TREE)
    for leaf in LEAVES[:size]:
        frontier.append(leaf)
    assert frontier.root().hex() == expected


@pytest.mark.parametrize(("index", "size", "expected"), INCLUSION)
def test_inclusion_proofs_match_vectors(index: int, size: int, expected: list[str]) -> None:
    """Inclusion proofs equal the published ones and verify against the published roots."""
    proof = TREE.proof(merkle.inclusion_ranges(index, size), merkle.pieces_from_leaves(TREE, LEAVES))
    assert _hexes(proof) == expected
    assert merkle.verify_inclusion(
        TREE, index=index, size=size, leaf=LEAVES[index], proof=proof, root=bytes.fromhex(ROOTS[size])
    )


@pytest.mark.parametrize(("old", "new", "expected"), CONSISTENCY)
def test_consistency_proofs_match_vectors(old: int, new: int, expected: list[str]) -> None:
    """Consistency proofs equal the published ones and verify against the published roots."""
    proof = TREE.proof(merkle.consistency_ranges(old, new), merkle.pieces_from_leaves(TREE, LEAVES))
    assert _hexes(proof) == expected
    assert merkle.verify_consistency(
        TREE,
        old=old,
        new=new,
        old_root=bytes.fromhex(ROOTS[old]),
        new_root=bytes.fromhex(ROOTS[new]),
        proof=proof,
    )


def _tampered(proof: list[bytes]) -> list[list[bytes]]:
    variants = []
    for i, hash_ in enumerate(proof):
        variants.append([*proof[:i], bytes([hash_[0] ^ 1]) + hash_[1:], *proof[i + 1 :]])
    if proof:
        variants.extend([proof[:-1], [*proof, proof[-1]]])
    return variants


def _included(index: int, size: int, leaf: bytes, proof: list[bytes], root: bytes) -> bool:
    return merkle.verify_inclusion(TREE, index=index, size=size, leaf=leaf, proof=proof, root=root)


def _consistent(old: int, new: int, roots: tuple[bytes, bytes], proof: list[bytes]) -> bool:
    return merkle.verify_consistency(
        TREE, old=old, new=new, old_root=roots[0], new_root=roots[1], proof=proof
    )


def test_every_inclusion_proof_up_to_64_verifies_and_tampering_fails() -> None:
    """For every size ≤ 64 and every index, the proof verifies; a flipped, dropped or added hash, another
    leaf or another index does not."""
    leaves = _leaves(64)
    pieces = merkle.pieces_from_leaves(TREE, leaves)
    for size in range(1, 65):
        root = _reference_root(leaves[:size])
        assert TREE.root(leaves[:size]) == root
        for index in range(size):
            proof = TREE.proof(merkle.inclusion_ranges(index, size), pieces)
            assert _included(index, size, leaves[index], proof, root)
            for bad in _tampered(proof):
                assert not _included(index, size, leaves[index], bad, root)
            assert not _included(index, size, leaves[(index + 1) % 64], proof, root)
            if size > 1:
                assert not _included((index + 1) % size, size, leaves[index], proof, root)


def test_every_consistency_proof_up_to_64_verifies_and_tampering_fails() -> None:
    """For all 0 ≤ old ≤ new ≤ 64 the consistency proof verifies; any altered hash or root does not."""
    leaves = _leaves(64)
    pieces = merkle.pieces_from_leaves(TREE, leaves)
    roots = [TREE.root(leaves[:size]) for size in range(65)]
    for new in range(1, 65):
        for old in range(new + 1):
            proof = TREE.proof(merkle.consistency_ranges(old, new), pieces)
            assert _consistent(old, new, (roots[old], roots[new]), proof)
            for bad in _tampered(proof):
                assert not _consistent(old, new, (roots[old], roots[new]), bad)
            if 0 < old < new:
                assert not _consistent(old, new, (roots[old - 1], roots[new]), proof)
                assert not _consistent(old, new, (roots[old], roots[new - 1]), proof)


def test_compact_range_reports_every_complete_subtree() -> None:
    """Appending leaves closes exactly the complete subtrees, with their (level, index) and hash."""
    leaves = _leaves(13)
    pieces = merkle.pieces_from_leaves(TREE, leaves)
    frontier = merkle.CompactRange(TREE)
    closed = [node for leaf in leaves for node in frontier.append(leaf)]
    expected = [(level, index) for level in range(1, 4) for index in range(13 >> level)]
    assert sorted((level, index) for level, index, _ in closed) == expected
    assert all(hash_ == pieces(level, index) for level, index, hash_ in closed)
    again = merkle.CompactRange.unpack(TREE, 13, frontier.pack())
    assert again.root() == TREE.root(leaves)


def test_sm3_tree_uses_sm3() -> None:
    """An SM3 log hashes leaves with SM3 when OpenSSL provides it; otherwise creation fails clearly."""
    try:
        tree = merkle.TreeHasher("sm3")
    except ConfigurationError:
        pytest.skip("OpenSSL lacks SM3 here")
    assert tree.leaf(b"abc") == hashlib.new("sm3", b"\x00abc").digest()


def test_unknown_algorithm_is_a_configuration_error() -> None:
    """Only the supported hash functions can be chosen."""
    with pytest.raises(ConfigurationError):
        merkle.TreeHasher("md5")
