"""Digests for the record log. Personal data (names, ID numbers, people's addresses) goes in as a keyed digest
(``records.personal``), never as a plain hash that could be reversed by trying every ID number. Pure; never
logs or stores the text it digests."""

from __future__ import annotations

import re

from sanxiang.records.personal import is_personal_digest, personal_digest

DIGEST_PATTERN = re.compile(r"^(sha256|sm3):[0-9a-f]{64}$")


def digest(text: str) -> str:
    """The keyed digest of a personal value."""
    return personal_digest(text)


def is_digest(value: str) -> bool:
    """Whether ``value`` is a content digest as documents and files are recorded (e.g. a signed 确认书)."""
    return bool(DIGEST_PATTERN.match(value))


__all__ = ["digest", "is_digest", "is_personal_digest"]
