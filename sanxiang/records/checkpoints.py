"""The log's signing key and its checkpoints: load (or, in the embedded default, generate) the Ed25519 key,
sign a C2SP checkpoint of the head when the tree has grown, and read the latest one.

The key file is PKCS#8 PEM at ``settings.SANXIANG_LOG_KEY_PATH``; its name in signed notes is the log origin.
Never re-signs an existing size and never alters a stored checkpoint.
"""

from __future__ import annotations

import os
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import (
    Encoding,
    NoEncryption,
    PrivateFormat,
    load_pem_private_key,
)
from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _

from sanxiang.core.errors import ConfigurationError
from sanxiang.records import integrator, notes, sm2
from sanxiang.records.models import Checkpoint, Log


def _key_path() -> Path:
    return Path(settings.SANXIANG_LOG_KEY_PATH)


def generate_key_file(path: Path) -> None:
    """Write a new Ed25519 PKCS#8 PEM key at ``path`` (mode 0600) unless one is there already."""
    path.parent.mkdir(parents=True, exist_ok=True)
    pem = Ed25519PrivateKey.generate().private_bytes(Encoding.PEM, PrivateFormat.PKCS8, NoEncryption())
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return  # another process won the race; use its key
    with os.fdopen(descriptor, "wb") as handle:
        handle.write(pem)


def signing_key() -> Ed25519PrivateKey:
    """The log's Ed25519 key; generated on first use unless ``SANXIANG_LOG_KEY_GENERATE`` is false."""
    path = _key_path()
    if not path.exists():
        if not getattr(settings, "SANXIANG_LOG_KEY_GENERATE", True):
            raise ConfigurationError(_("The record-log signing key %(path)s is missing.") % {"path": path})
        generate_key_file(path)
    key = load_pem_private_key(path.read_bytes(), password=None)
    if not isinstance(key, Ed25519PrivateKey):
        raise ConfigurationError(_("The record-log signing key %(path)s is not Ed25519.") % {"path": path})
    return key


def verifier_key(log: Log | None = None) -> str:
    """The signed-note verifier key (vkey) of the log's signing key."""
    name = (log or integrator.get_log()).origin
    return notes.vkey(name, signing_key().public_key())


def sm2_verifier_key(log: Log | None = None) -> str | None:
    """The SM2 verifier key when SM2 signing is configured."""
    key = sm2.signing_key((log or integrator.get_log()).origin)
    return key.vkey() if key else None


def verifier(log: Log | None = None) -> notes.Verifier:
    return notes.parse_vkey(verifier_key(log))


def latest(log: Log | None = None) -> Checkpoint | None:
    return Checkpoint.objects.filter(log=log or integrator.get_log()).order_by("-size").first()


@transaction.atomic
def sign_if_grown() -> Checkpoint:
    """Sign a checkpoint of the current head unless the latest one already has its size; return the latest."""
    log = integrator.locked_head()
    current = latest(log)
    if current is not None and current.size >= log.size:
        return current
    root = bytes(log.root)
    text = notes.checkpoint_text(log.origin, log.size, root)
    note = notes.sign(text, name=log.origin, key=signing_key())
    sm2_key = sm2.signing_key(log.origin)
    if sm2_key is not None:  # the optional 国密 line, next to the Ed25519 one (docs/records-format.md §4)
        note = notes.add_lines(note, [sm2.sign_line(text, sm2_key)])
    return Checkpoint.objects.create(log=log, size=log.size, root=root, note=note)


def publish() -> Checkpoint:
    """Integrate what is pending, then sign a checkpoint if the tree grew (``records checkpoint``)."""
    integrator.integrate()
    return sign_if_grown()
