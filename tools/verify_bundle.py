#!/usr/bin/env python3
"""Verify a Sanxiang record-log bundle offline (docs/records-format.md §6).

Needs only the Python standard library and ``cryptography``; imports nothing from Sanxiang, so an auditor can
run it on any machine. Usage:

    python tools/verify_bundle.py BUNDLE.json [--vkey VKEY] [--witness VKEY ...] [--sm2-vkey VKEY]

Pass the log's verifier key (``sanxiang records vkey``, obtained out of band) with ``--vkey``; without it the
key inside the bundle is used and a warning says so. Each ``--witness`` (a cosigner vkey, type 0x04, of
another agency's witness) requires that witness's valid cosignature (c2sp.org/tlog-cosignature) on the
bundle's checkpoint. ``--sm2-vkey`` also requires the log's SM2 signature line; only that check needs the
optional ``gmssl_pyx`` package. Exit status 0 means every check passed.
"""

from __future__ import annotations

import argparse
import base64
import binascii
import hashlib
import json
import sys
from collections.abc import Callable, Sequence
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

PROOF_HEADER = "c2sp.org/tlog-proof@v1"
BUNDLE_FORMAT = "sanxiang.records.bundle/v1"
DASH = "\u2014 "


class VerifyError(Exception):
    """The bundle fails a check; the message says which."""


def hash_function(name: str) -> Callable[[bytes], bytes]:
    if name not in ("sha256", "sm3"):
        raise VerifyError(f"unknown hash {name!r}")
    try:
        hashlib.new(name, b"")
    except ValueError:
        raise VerifyError(f"this Python's OpenSSL does not provide {name}") from None
    return lambda data: hashlib.new(name, data).digest()


# --- signed notes (c2sp.org/signed-note, Ed25519) -------------------------------------------------------


def parse_vkey(vkey: str, kind: int = 1) -> tuple[str, bytes, Ed25519PublicKey]:
    """An Ed25519 verifier key of signature type ``kind`` (0x01 log key, 0x04 witness cosigner key)."""
    try:
        name, hash_hex, encoded = vkey.strip().split("+", 2)
        raw = base64.b64decode(encoded, validate=True)
    except (ValueError, binascii.Error) as error:
        raise VerifyError("malformed verifier key") from error
    if len(raw) != 33 or raw[0] != kind:
        raise VerifyError(f"verifier key is not Ed25519 of type {kind:#04x}")
    key_hash = hashlib.sha256(name.encode() + b"\n" + raw).digest()[:4]
    if key_hash.hex() != hash_hex:
        raise VerifyError("verifier key hash does not match its key")
    return name, key_hash, Ed25519PublicKey.from_public_bytes(raw[1:])


def open_note(note: str, vkey: tuple[str, bytes, Ed25519PublicKey]) -> str:
    """The note's text if signed by ``vkey``."""
    name, key_hash, public = vkey
    text, separator, signatures = note.rpartition("\n\n")
    if not separator or not signatures.endswith("\n"):
        raise VerifyError("malformed signed note")
    for line in signatures[:-1].split("\n"):
        if not line.startswith(DASH):
            raise VerifyError("malformed signature line")
        signer, _, blob_text = line[len(DASH) :].rpartition(" ")
        blob = base64.b64decode(blob_text)
        if signer == name and blob[:4] == key_hash:
            try:
                public.verify(blob[4:], (text + "\n").encode())
            except InvalidSignature:
                raise VerifyError("bad checkpoint signature") from None
            return text + "\n"
    raise VerifyError("checkpoint is not signed by the log's key")


def signature_lines(note: str) -> tuple[str, list[tuple[str, bytes]]]:
    text, separator, signatures = note.rpartition("\n\n")
    if not separator or not signatures.endswith("\n"):
        raise VerifyError("malformed signed note")
    lines = []
    for line in signatures[:-1].split("\n"):
        if not line.startswith(DASH):
            raise VerifyError("malformed signature line")
        signer, _, blob_text = line[len(DASH) :].rpartition(" ")
        lines.append((signer, base64.b64decode(blob_text)))
    return text + "\n", lines


def check_cosignature(note: str, vkey: tuple[str, bytes, Ed25519PublicKey]) -> int:
    """The timestamp of the witness's valid cosignature/v1 on ``note`` (c2sp.org/tlog-cosignature)."""
    name, key_hash, public = vkey
    text, lines = signature_lines(note)
    for signer, blob in lines:
        if signer == name and blob[:4] == key_hash and len(blob) == 76:
            timestamp = int.from_bytes(blob[4:12], "big")
            message = f"cosignature/v1\ntime {timestamp}\n{text}".encode()
            try:
                public.verify(blob[12:], message)
            except InvalidSignature:
                raise VerifyError(f"bad cosignature by witness {name}") from None
            return timestamp
    raise VerifyError(f"checkpoint is not cosigned by witness {name}")


SM2_PREFIX = b"\xffsm2-sm3/v1\x00"


def check_sm2(note: str, vkey: str) -> None:
    """The log's SM2 line (docs/records-format.md §4); needs the optional gmssl_pyx package."""
    try:
        import gmssl_pyx  # optional: only this check needs it
    except ImportError:
        raise VerifyError("--sm2-vkey needs the gmssl_pyx package (pip install gmssl-pyx)") from None
    name, id_hex, encoded = vkey.strip().split("+", 2)
    raw = base64.b64decode(encoded, validate=True)
    if not raw.startswith(SM2_PREFIX) or len(raw) != len(SM2_PREFIX) + 64:
        raise VerifyError("not an SM2 verifier key")
    if hashlib.sha256(name.encode() + b"\n" + raw).digest()[:4].hex() != id_hex:
        raise VerifyError("SM2 verifier key hash does not match its key")
    text, lines = signature_lines(note)
    for signer, blob in lines:
        if signer == name and blob[:4].hex() == id_hex:
            if not gmssl_pyx.sm2_verify(raw[len(SM2_PREFIX) :], text.encode(), blob[4:]):
                raise VerifyError("bad SM2 signature")
            return
    raise VerifyError("checkpoint has no SM2 signature by the given key")


def parse_checkpoint(text: str) -> tuple[str, int, bytes]:
    lines = text.split("\n")
    if len(lines) < 4 or not lines[1].isdigit():
        raise VerifyError("malformed checkpoint")
    return lines[0], int(lines[1]), base64.b64decode(lines[2], validate=True)


# --- RFC 9162 verification ---------------------------------------------------------------------------------


def verify_inclusion(
    h: Callable[[bytes], bytes], *, index: int, size: int, leaf: bytes, proof: Sequence[bytes], root: bytes
) -> bool:
    if not 0 <= index < size:
        return False
    fn, sn, r = index, size - 1, leaf
    for p in proof:
        if sn == 0:
            return False
        if fn & 1 or fn == sn:
            r = h(b"\x01" + p + r)
            while not fn & 1 and fn != 0:
                fn, sn = fn >> 1, sn >> 1
        else:
            r = h(b"\x01" + r + p)
        fn, sn = fn >> 1, sn >> 1
    return sn == 0 and r == root


def verify_consistency(
    h: Callable[[bytes], bytes],
    *,
    old: int,
    new: int,
    old_root: bytes,
    new_root: bytes,
    proof: Sequence[bytes],
) -> bool:
    if not 0 <= old <= new:
        return False
    if old == new:
        return not proof and old_root == new_root
    if old == 0:
        return not proof
    path = ([old_root] if old & (old - 1) == 0 else []) + list(proof)
    if not path:
        return False
    fn, sn = old - 1, new - 1
    while fn & 1:
        fn, sn = fn >> 1, sn >> 1
    fr = sr = path[0]
    for c in path[1:]:
        if sn == 0:
            return False
        if fn & 1 or fn == sn:
            fr, sr = h(b"\x01" + c + fr), h(b"\x01" + c + sr)
            while not fn & 1 and fn != 0:
                fn, sn = fn >> 1, sn >> 1
        else:
            sr = h(b"\x01" + sr + c)
        fn, sn = fn >> 1, sn >> 1
    return sn == 0 and fr == old_root and sr == new_root


# --- the bundle ---------------------------------------------------------------------------------------------


def parse_proof(text: str) -> tuple[int, list[bytes], str]:
    head, separator, checkpoint = text.partition("\n\n")
    lines = head.split("\n")
    if not separator or lines[0] != PROOF_HEADER:
        raise VerifyError("malformed tlog-proof")
    if len(lines) > 1 and lines[1].startswith("extra "):
        lines.pop(1)
    if len(lines) < 2 or not lines[1].startswith("index "):
        raise VerifyError("tlog-proof has no index line")
    return int(lines[1][6:]), [base64.b64decode(line, validate=True) for line in lines[2:]], checkpoint


def check_entry(
    h: Callable[[bytes], bytes], bundle: dict[str, Any], entry: dict[str, Any], head: tuple[int, bytes]
) -> None:
    index, proof, checkpoint = parse_proof(entry["proof"])
    if index != entry["index"] or checkpoint != bundle["checkpoint"]:
        raise VerifyError(f"entry {entry['index']}: proof is for another index or checkpoint")
    body = base64.b64decode(entry["body"], validate=True)
    if json.loads(body).get("subject") != bundle["subject"]:
        raise VerifyError(f"entry {index}: not about the bundle's subject")
    if not verify_inclusion(h, index=index, size=head[0], leaf=h(b"\x00" + body), proof=proof, root=head[1]):
        raise VerifyError(f"entry {index}: not included in the checkpoint")


def verify_bundle(
    bundle: dict[str, Any], vkey_text: str, *, witnesses: Sequence[str] = (), sm2_vkey: str | None = None
) -> int:
    """Check everything; return how many entries were verified. Raises VerifyError at the first failure."""
    if bundle.get("format") != BUNDLE_FORMAT:
        raise VerifyError("not a Sanxiang record bundle")
    h = hash_function(bundle["hash"])
    vkey = parse_vkey(vkey_text)
    origin, size, root = parse_checkpoint(open_note(bundle["checkpoint"], vkey))
    for witness in witnesses:
        check_cosignature(bundle["checkpoint"], parse_vkey(witness, kind=4))
    if sm2_vkey:
        check_sm2(bundle["checkpoint"], sm2_vkey)
    if origin != bundle["origin"] or vkey[0] != origin:
        raise VerifyError("checkpoint origin does not match the bundle's log")
    for entry in bundle["entries"]:
        check_entry(h, bundle, entry, (size, root))
    for earlier in bundle["checkpoints"]:
        old_origin, old_size, old_root = parse_checkpoint(open_note(earlier["note"], vkey))
        proof = [base64.b64decode(item, validate=True) for item in earlier["consistency"]]
        if old_origin != origin or not verify_consistency(
            h, old=old_size, new=size, old_root=old_root, new_root=root, proof=proof
        ):
            raise VerifyError(f"checkpoint at size {old_size} is not consistent with the latest")
    return len(bundle["entries"])


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Verify a Sanxiang record-log bundle offline.")
    parser.add_argument("bundle")
    parser.add_argument("--vkey", help="the log's verifier key, obtained out of band")
    parser.add_argument(
        "--witness",
        action="append",
        default=[],
        help="a witness's cosigner vkey whose cosignature is required",
    )
    parser.add_argument("--sm2-vkey", help="the log's SM2 verifier key; requires its SM2 signature line")
    args = parser.parse_args(argv)
    with open(args.bundle, encoding="utf-8") as handle:
        bundle = json.load(handle)
    if not args.vkey:
        print("warning: no --vkey given; trusting the key inside the bundle", file=sys.stderr)
    try:
        count = verify_bundle(
            bundle, args.vkey or bundle["vkey"], witnesses=args.witness, sm2_vkey=args.sm2_vkey
        )
    except (VerifyError, KeyError, ValueError, binascii.Error) as error:
        print(f"FAILED: {error}", file=sys.stderr)
        return 1
    extra = f", cosigned by {len(args.witness)} witness(es)" if args.witness else ""
    print(f"OK: {count} entries and {len(bundle['checkpoints'])} earlier checkpoints verified{extra}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
