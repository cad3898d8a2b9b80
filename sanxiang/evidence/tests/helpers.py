"""A minimal tus client over Django's test client, so protocol tests read as the wire exchange they are."""

from __future__ import annotations

import base64
import hashlib
from typing import Any

from django.test import Client

from sanxiang.evidence import tus

ENDPOINT = "/evidence/uploads/"


def metadata(**values: str) -> str:
    return tus.encode_metadata({"subject": "case:42", "step": "inspection", **values})


def create(client: Client, length: int, meta: str | None = None, **headers: str) -> Any:
    return client.post(
        ENDPOINT,
        headers={
            "Tus-Resumable": tus.VERSION,
            "Upload-Length": str(length),
            "Upload-Metadata": metadata() if meta is None else meta,
            **headers,
        },
    )


def patch(client: Client, location: str, offset: int, data: bytes, **headers: str) -> Any:
    return client.patch(
        location,
        data=data,
        content_type=tus.OFFSET_CONTENT_TYPE,
        headers={"Tus-Resumable": tus.VERSION, "Upload-Offset": str(offset), **headers},
    )


def head(client: Client, location: str, **headers: str) -> Any:
    return client.head(location, headers={"Tus-Resumable": tus.VERSION, **headers})


def checksum(algorithm: str, data: bytes) -> str:
    return f"{algorithm} {base64.b64encode(hashlib.new(algorithm, data).digest()).decode()}"
