"""Digests of personal data for the record log ("sha256:<hex>" of the UTF-8 text). Pure; never logs or
stores the text it digests."""

from __future__ import annotations

import hashlib
import re

DIGEST_PATTERN = re.compile(r"^(sha256|sm3):[0-9a-f]{64}$")


def digest(text: str) -> str:
    return f"sha256:{hashlib.sha256(text.encode()).hexdigest()}"


def is_digest(value: str) -> bool:
    """Whether ``value`` is a digest as the record log writes them (lower-case hex after the algorithm)."""
    return bool(DIGEST_PATTERN.match(value))
