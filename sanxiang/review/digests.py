"""Content digests of what a review looks at and produces (package, draft decision, opinion): SHA-256 over
canonical JSON (RFC 8785) or UTF-8 text, written "sha256:<hex>". Pure."""

from __future__ import annotations

import hashlib
from typing import Any

from sanxiang.records import canonical


def json_digest(value: Any) -> str:
    return "sha256:" + hashlib.sha256(canonical.dumps(value)).hexdigest()


def text_digest(text: str) -> str:
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()
