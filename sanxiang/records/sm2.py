"""The optional SM2 signature line on checkpoints (GB/T 32918, 国密), next to the Ed25519 one.

Signed-note signature type 0xff ("no identifier byte assigned") followed by the identifier ``sm2-sm3/v1`` and
a NUL byte; the public key is the 64-byte uncompressed point X || Y. Key ID = SHA-256(name || 0x0A || 0xff ||
"sm2-sm3/v1" || 0x00 || X || Y)[:4]; the signature is SM2 with SM3 and the default user ID
``1234567812345678``, DER-encoded, over the note text. The cryptography comes from ``gmssl_pyx`` (GmSSL),
imported only when SM2 is configured (``SANXIANG_LOG_SM2_KEY_PATH``): a deployment without it never needs
the package, and one that asks for SM2 without it gets a clear ConfigurationError. Owns the key file (JSON,
hex, mode 0600) and the line format; never touches the database.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import hashlib
import importlib
import json
import os
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

from django.conf import settings
from django.utils.translation import gettext as _

from sanxiang.core.errors import ConfigurationError
from sanxiang.records import notes

KEY_PREFIX = b"\xffsm2-sm3/v1\x00"


def _gmssl() -> ModuleType:
    try:
        return importlib.import_module("gmssl_pyx")
    except ImportError:
        raise ConfigurationError(
            _(
                "SM2 signing of checkpoints is configured (SANXIANG_LOG_SM2_KEY_PATH) but the gmssl_pyx "
                "package is not installed; install it with `pip install gmssl-pyx` or unset the setting."
            )
        ) from None


def available() -> bool:
    """Whether this Python can sign and verify SM2 (gmssl_pyx importable)."""
    with contextlib.suppress(ConfigurationError):
        _gmssl()
        return True
    return False


@dataclass(frozen=True)
class Sm2Key:
    name: str
    public: bytes  # 64 bytes, X || Y
    private: bytes | None = None

    @property
    def key_id(self) -> bytes:
        return hashlib.sha256(self.name.encode() + b"\n" + KEY_PREFIX + self.public).digest()[:4]

    def vkey(self) -> str:
        return f"{self.name}+{self.key_id.hex()}+{base64.b64encode(KEY_PREFIX + self.public).decode()}"


def configured_path() -> Path | None:
    path = getattr(settings, "SANXIANG_LOG_SM2_KEY_PATH", None)
    return Path(path) if path else None


def _generate(path: Path) -> None:
    public, private = _gmssl().sm2_key_generate()
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return  # another process won the race; use its key
    with os.fdopen(descriptor, "w") as handle:
        json.dump({"private": private.hex(), "public": public.hex()}, handle)


def signing_key(name: str) -> Sm2Key | None:
    """The log's SM2 key when configured (generated on first use like the Ed25519 key); None otherwise."""
    path = configured_path()
    if path is None:
        return None
    _gmssl()
    if not path.exists():
        if not getattr(settings, "SANXIANG_LOG_KEY_GENERATE", True):
            raise ConfigurationError(_("The record-log SM2 key %(path)s is missing.") % {"path": path})
        _generate(path)
    try:
        data = json.loads(path.read_text())
        key = Sm2Key(name=name, public=bytes.fromhex(data["public"]), private=bytes.fromhex(data["private"]))
    except (ValueError, KeyError) as error:
        raise ConfigurationError(
            _("The record-log SM2 key %(path)s is malformed.") % {"path": path}
        ) from error
    if len(key.public) != 64 or len(key.private or b"") != 32:
        raise ConfigurationError(_("The record-log SM2 key %(path)s is malformed.") % {"path": path})
    return key


def parse_vkey(text: str) -> Sm2Key:
    try:
        name, id_hex, encoded = text.strip().split("+", 2)
        raw = base64.b64decode(encoded, validate=True)
    except (ValueError, binascii.Error) as error:
        raise notes.NoteError("malformed SM2 verifier key") from error
    if not raw.startswith(KEY_PREFIX) or len(raw) != len(KEY_PREFIX) + 64:
        raise notes.NoteError("verifier key is not an SM2 key")
    key = Sm2Key(name=name, public=raw[len(KEY_PREFIX) :])
    if key.key_id.hex() != id_hex:
        raise notes.NoteError("verifier key hash does not match its key")
    return key


def sign_line(text: str, key: Sm2Key) -> str:
    """The SM2 signature line over the note ``text`` (with its newline)."""
    if key.private is None:
        raise ValueError("an SM2 verifier key cannot sign")
    signature = _gmssl().sm2_sign(key.private, key.public, text.encode())
    return f"{notes.DASH}{key.name} {base64.b64encode(key.key_id + signature).decode()}\n"


def verify_note(note: str, key: Sm2Key) -> bool | None:
    """True/False for the note's SM2 line by ``key``; None when the note carries no such line."""
    text, signatures = notes.split(note)
    for name, blob in signatures:
        if name == key.name and blob[:4] == key.key_id:
            return bool(_gmssl().sm2_verify(key.public, text.encode(), blob[4:]))
    return None
