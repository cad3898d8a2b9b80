"""C2SP signed notes (c2sp.org/signed-note) with Ed25519, and C2SP tlog-checkpoint text.

Owns the byte-exact formats: key hash, verifier-key strings, signature lines, checkpoint bodies. Pure
functions over ``cryptography`` keys; no Django models. Interoperates with golang.org/x/mod/sumdb/note
(tested against its published example).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

ED25519 = 0x01
COSIGNATURE_V1 = 0x04  # c2sp.org/tlog-cosignature: timestamped Ed25519 cosignature
DASH = "\u2014 "


class NoteError(ValueError):
    """A note, key or checkpoint is malformed or its signature does not verify."""


def _raw_public(key: Ed25519PublicKey) -> bytes:
    return key.public_bytes(Encoding.Raw, PublicFormat.Raw)


def key_hash(name: str, public: Ed25519PublicKey, *, kind: int = ED25519) -> bytes:
    """First 4 bytes of SHA-256(name || '\\n' || kind || public key); kind 0x01 signs, 0x04 cosigns."""
    return hashlib.sha256(name.encode() + b"\n" + bytes([kind]) + _raw_public(public)).digest()[:4]


def vkey(name: str, public: Ed25519PublicKey, *, kind: int = ED25519) -> str:
    """The verifier key string ``<name>+<hash hex>+<base64(kind || key)>``."""
    encoded = base64.b64encode(bytes([kind]) + _raw_public(public)).decode()
    return f"{name}+{key_hash(name, public, kind=kind).hex()}+{encoded}"


@dataclass(frozen=True)
class Verifier:
    name: str
    hash: bytes
    public: Ed25519PublicKey
    kind: int = ED25519


def parse_vkey(text: str, *, kind: int = ED25519) -> Verifier:
    """A verifier key of signature type ``kind`` (0x01 log key, 0x04 witness cosigner key)."""
    try:
        name, hash_hex, encoded = text.strip().split("+", 2)
        raw = base64.b64decode(encoded, validate=True)
        expected = bytes.fromhex(hash_hex)
    except (ValueError, binascii.Error) as error:
        raise NoteError("malformed verifier key") from error
    if len(raw) != 33 or raw[0] != kind:
        raise NoteError(f"verifier key is not of type {kind:#04x} (Ed25519)")
    public = Ed25519PublicKey.from_public_bytes(raw[1:])
    if key_hash(name, public, kind=kind) != expected:
        raise NoteError("verifier key hash does not match its key")
    return Verifier(name=name, hash=expected, public=public, kind=kind)


def parse_skey(text: str) -> tuple[str, Ed25519PrivateKey]:
    """A Go-style signer key ``PRIVATE+KEY+<name>+<hash>+<base64(0x01 || seed)>``."""
    parts = text.strip().split("+", 4)
    if len(parts) != 5 or parts[:2] != ["PRIVATE", "KEY"]:
        raise NoteError("malformed signer key")
    raw = base64.b64decode(parts[4])
    if len(raw) != 33 or raw[0] != ED25519:
        raise NoteError("signer key is not an Ed25519 key")
    return parts[2], Ed25519PrivateKey.from_private_bytes(raw[1:])


def sign(text: str, *, name: str, key: Ed25519PrivateKey) -> str:
    """The signed note: text, an empty line, one signature line."""
    if not text.endswith("\n"):
        raise NoteError("note text must end with a newline")
    signature = key.sign(text.encode())
    blob = base64.b64encode(key_hash(name, key.public_key()) + signature).decode()
    return f"{text}\n{DASH}{name} {blob}\n"


def split(note: str) -> tuple[str, list[tuple[str, bytes]]]:
    """Split a signed note into its text and its (name, key hash + signature) lines."""
    text, separator, signatures = note.rpartition("\n\n")
    if not separator or not signatures.endswith("\n"):
        raise NoteError("malformed note")
    lines = []
    for line in signatures[:-1].split("\n"):
        if not line.startswith(DASH):
            raise NoteError("malformed signature line")
        name, _, blob = line[len(DASH) :].rpartition(" ")
        try:
            lines.append((name, base64.b64decode(blob, validate=True)))
        except binascii.Error as error:
            raise NoteError("malformed signature") from error
    return text + "\n", lines


def open_note(note: str, verifier: Verifier) -> str:
    """Return the note's text if it carries a valid signature by ``verifier``; raise NoteError otherwise."""
    text, signatures = split(note)
    for name, blob in signatures:
        if name != verifier.name or blob[:4] != verifier.hash:
            continue
        try:
            verifier.public.verify(blob[4:], text.encode())
        except InvalidSignature:
            raise NoteError("invalid signature") from None
        return text
    raise NoteError("no signature by the expected key")


def checkpoint_text(origin: str, size: int, root: bytes) -> str:
    """The C2SP tlog-checkpoint body: origin, size, base64 root, each on its own line."""
    return f"{origin}\n{size}\n{base64.b64encode(root).decode()}\n"


def parse_checkpoint(text: str) -> tuple[str, int, bytes]:
    lines = text.split("\n")
    if len(lines) < 4 or lines[-1] != "" or not lines[0]:
        raise NoteError("malformed checkpoint")
    size_text = lines[1]
    if not size_text.isdigit() or (size_text != "0" and size_text.startswith("0")):
        raise NoteError("malformed checkpoint size")
    try:
        root = base64.b64decode(lines[2], validate=True)
    except binascii.Error as error:
        raise NoteError("malformed checkpoint root") from error
    return lines[0], int(size_text), root


# --- cosignatures (c2sp.org/tlog-cosignature, cosignature/v1) -----------------------------------------


def cosigned_message(text: str, timestamp: int) -> bytes:
    """What a cosigner signs: ``cosignature/v1``, ``time <t>``, then the whole checkpoint text."""
    return f"cosignature/v1\ntime {timestamp}\n{text}".encode()


def cosign(text: str, *, name: str, key: Ed25519PrivateKey, timestamp: int) -> str:
    """One cosignature line (with its newline) over the checkpoint ``text`` at POSIX time ``timestamp``."""
    if not 0 <= timestamp < 2**63:
        raise NoteError("cosignature timestamp out of range")
    signature = key.sign(cosigned_message(text, timestamp))
    kid = key_hash(name, key.public_key(), kind=COSIGNATURE_V1)
    blob = base64.b64encode(kid + timestamp.to_bytes(8, "big") + signature).decode()
    return f"{DASH}{name} {blob}\n"


def open_cosignature(note: str, verifier: Verifier) -> int:
    """The timestamp of ``verifier``'s valid cosignature on ``note``; NoteError if it has none."""
    if verifier.kind != COSIGNATURE_V1:
        raise NoteError("not a cosigner key")
    text, signatures = split(note)
    for name, blob in signatures:
        if name != verifier.name or blob[:4] != verifier.hash or len(blob) != 4 + 8 + 64:
            continue
        timestamp = int.from_bytes(blob[4:12], "big")
        try:
            verifier.public.verify(blob[12:], cosigned_message(text, timestamp))
        except InvalidSignature:
            raise NoteError("invalid cosignature") from None
        return timestamp
    raise NoteError("no cosignature by the expected witness")


def add_lines(note: str, lines: list[str]) -> str:
    """The signed note with extra signature lines appended (each ending in a newline)."""
    split(note)  # refuse to extend a malformed note
    return note + "".join(lines)
