"""Keyed digests of personal data for record entries ("hmac-sha256:<hex>").

An entry never holds a person's name, ID number, phone or address as text, so redacting personal data never
breaks the tree. A plain hash would not protect such values: there are only about 10^11 resident ID numbers,
so anyone reading the log could hash them all. The digest is therefore an HMAC under a per-deployment key kept
outside the database (``settings.SANXIANG_PERSONAL_DIGEST_KEY_PATH``, generated on first use like the log's
signing key). The same value always gives the same digest within a deployment, so an auditor holding the key
can still confirm that an entry concerns a given person. This module never stores or logs the text.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import re
import secrets
from functools import cache
from pathlib import Path

from django.conf import settings

PREFIX = "hmac-sha256:"
PATTERN = re.compile(r"^hmac-sha256:[0-9a-f]{64}$")
KEY_BYTES = 32


@cache
def _key(path: str) -> bytes:
    key_file = Path(path)
    if not key_file.exists():
        key_file.parent.mkdir(parents=True, exist_ok=True)
        descriptor = os.open(key_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "w") as handle:
            handle.write(secrets.token_hex(KEY_BYTES))
    return bytes.fromhex(key_file.read_text().strip())


def personal_digest(text: str) -> str:
    """The keyed digest of ``text`` (normalised by stripping surrounding white space)."""
    key = _key(str(settings.SANXIANG_PERSONAL_DIGEST_KEY_PATH))
    mac = hmac.new(key, text.strip().encode("utf-8"), hashlib.sha256).hexdigest()
    return f"{PREFIX}{mac}"


def is_personal_digest(value: str) -> bool:
    return bool(PATTERN.match(value))
