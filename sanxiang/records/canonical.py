"""Canonical JSON (RFC 8785, JSON Canonicalization Scheme) for the values the log admits.

Entries hold strings, integers, booleans, null, arrays and objects; floats are refused because their
canonical form is a trap (amounts are integers in fen). Object keys sort by UTF-16 code units as
RFC 8785 §3.2.3 requires, which differs from Python's code-point order only for characters beyond the BMP.
"""

from __future__ import annotations

import json
from typing import Any


def _utf16_key(key: str) -> bytes:
    return key.encode("utf-16-be")


def _check(value: Any) -> Any:
    if isinstance(value, dict):
        for key in value:
            if not isinstance(key, str):
                raise TypeError("canonical JSON object keys must be strings")
        return {key: _check(value[key]) for key in sorted(value, key=_utf16_key)}
    if isinstance(value, list | tuple):
        return [_check(item) for item in value]
    if isinstance(value, float):
        raise TypeError("floats are not allowed in record entries; use integers (e.g. fen) or strings")
    if value is None or isinstance(value, str | int | bool):
        return value
    raise TypeError(f"type {type(value).__name__} is not allowed in record entries")


def dumps(value: Any) -> bytes:
    """Serialise ``value`` to canonical JSON bytes (UTF-8, no insignificant whitespace)."""
    ordered = _check(value)
    # json.dumps keeps insertion order when sort_keys is False; _check has already ordered the keys.
    return json.dumps(ordered, ensure_ascii=False, separators=(",", ":"), allow_nan=False).encode("utf-8")
