"""The tus 1.0 wire format: header names, metadata and checksum parsing, date formatting. Pure functions over
header text; never touches the database, files or requests."""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import re
from dataclasses import dataclass
from email.utils import format_datetime

VERSION = "1.0.0"
EXTENSIONS = "creation,expiration,checksum,termination"
CHECKSUM_ALGORITHMS = ("sha1", "sha256")
OFFSET_CONTENT_TYPE = "application/offset+octet-stream"
CHECKSUM_MISMATCH = 460  # tus checksum extension: "460 Checksum Mismatch"
DEVICE_TOKEN_HEADER = "Sanxiang-Device-Token"  # noqa: S105 - a header name, not a secret
DIGEST_HEADER = "Sanxiang-Sha256"  # the server's whole-file digest, on HEAD and the final PATCH
EVIDENCE_HEADER = "Sanxiang-Evidence-Id"

_KEY = re.compile(r"^[A-Za-z0-9_.\-]+$")


class ProtocolError(ValueError):
    """A header is malformed; the request is refused with 400 and nothing changes."""


def parse_metadata(header: str) -> dict[str, str]:
    """``key base64,key base64,key`` → {key: text}. Keys are unique ASCII; values are UTF-8."""
    result: dict[str, str] = {}
    for pair in filter(None, (part.strip() for part in header.split(","))):
        key, _, encoded = pair.partition(" ")
        if not _KEY.match(key) or key in result:
            raise ProtocolError(f"bad metadata key {key!r}")
        try:
            result[key] = base64.b64decode(encoded.strip(), validate=True).decode("utf-8")
        except (binascii.Error, UnicodeDecodeError):
            raise ProtocolError(f"metadata value of {key!r} is not base64 UTF-8") from None
    return result


def encode_metadata(values: dict[str, str]) -> str:
    return ",".join(f"{key} {base64.b64encode(value.encode()).decode()}" for key, value in values.items())


@dataclass(frozen=True)
class Checksum:
    algorithm: str
    digest: bytes


def parse_checksum(header: str) -> Checksum:
    """``Upload-Checksum: sha1 <base64>``; only the algorithms we advertise are accepted."""
    algorithm, _, encoded = header.strip().partition(" ")
    algorithm = algorithm.lower()
    if algorithm not in CHECKSUM_ALGORITHMS:
        raise ProtocolError(f"unsupported checksum algorithm {algorithm!r}")
    try:
        return Checksum(algorithm, base64.b64decode(encoded.strip(), validate=True))
    except binascii.Error:
        raise ProtocolError("checksum is not base64") from None


def parse_length(value: str | None, name: str) -> int:
    if value is None or not value.isascii() or not value.isdigit():
        raise ProtocolError(f"{name} must be a non-negative integer")
    return int(value)


def http_date(moment: dt.datetime) -> str:
    return format_datetime(moment.astimezone(dt.UTC), usegmt=True)


def parse_subject(text: str) -> tuple[str, str]:
    """``case:42`` → ("case", "42")."""
    kind, _, ident = text.partition(":")
    if not re.fullmatch(r"[a-z_]{1,32}", kind) or not ident or len(ident) > 64:
        raise ProtocolError("subject must look like kind:id, e.g. case:42")
    return kind, ident
