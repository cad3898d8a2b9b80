"""S3-compatible backend (boto3). Owns objects under its bucket and prefix. Uploads in fixed-size parts read
from the finished local file (memory stays at one part), sets Object Lock retention when the bucket has Object
Lock enabled, and never overwrites an existing key or deletes one. Digests are never taken from ETags."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError

from sanxiang.core import clock
from sanxiang.evidence.storage.base import CHUNK, key_for

PART_SIZE = 8 * 1024 * 1024  # memory stays at one part; 8 MiB keeps part counts low (10 000 parts = 80 GB)
MIN_PART_SIZE = 5 * 1024 * 1024  # S3's minimum for every part but the last


@dataclass(frozen=True)
class S3Options:
    bucket: str
    endpoint: str | None = None
    region: str | None = None
    prefix: str = ""
    retention_days: int = 3650
    mode: str = "COMPLIANCE"
    part_size: int = PART_SIZE


def parse_url(url: str) -> S3Options:
    """``s3://bucket?endpoint=…&region=…&prefix=…&retention_days=…&mode=COMPLIANCE|GOVERNANCE&part_size=…``."""
    parts = urlsplit(url)
    query = {key: values[-1] for key, values in parse_qs(parts.query).items()}
    return S3Options(
        bucket=parts.netloc,
        endpoint=query.get("endpoint"),
        region=query.get("region"),
        prefix=query.get("prefix", "").strip("/") + "/" if query.get("prefix") else "",
        retention_days=int(query.get("retention_days", "3650")),
        mode=query.get("mode", "COMPLIANCE").upper(),
        part_size=max(MIN_PART_SIZE, int(query.get("part_size", str(PART_SIZE)))),
    )


class S3Storage:
    def __init__(self, options: S3Options, client: Any = None) -> None:
        self.options = options
        self.client = client or boto3.client(
            "s3",
            endpoint_url=options.endpoint,
            region_name=options.region,
            config=Config(retries={"max_attempts": 5, "mode": "standard"}),
        )

    @classmethod
    def from_url(cls, url: str) -> S3Storage:
        return cls(parse_url(url))

    def _name(self, key: str) -> str:
        return self.options.prefix + key

    @cached_property
    def object_lock(self) -> bool:
        try:
            config = self.client.get_object_lock_configuration(Bucket=self.options.bucket)
        except ClientError:
            return False
        return bool(config.get("ObjectLockConfiguration", {}).get("ObjectLockEnabled") == "Enabled")

    def _lock_arguments(self) -> dict[str, Any]:
        if not self.object_lock:
            return {}
        until = clock.now() + dt.timedelta(days=self.options.retention_days)
        return {"ObjectLockMode": self.options.mode, "ObjectLockRetainUntilDate": until}

    def exists(self, key: str) -> bool:
        try:
            self.client.head_object(Bucket=self.options.bucket, Key=self._name(key))
        except ClientError as error:
            if error.response.get("Error", {}).get("Code") in {"404", "NoSuchKey", "NotFound"}:
                return False
            raise
        return True

    def store(self, source: Path, *, sha256: str, size: int) -> str:
        key = key_for(sha256)
        if self.exists(key):
            return key
        arguments = {"Bucket": self.options.bucket, "Key": self._name(key), **self._lock_arguments()}
        if size <= self.options.part_size:
            self.client.put_object(Body=source.read_bytes(), **arguments)
        else:
            self._multipart(source, arguments)
        return key

    def _multipart(self, source: Path, arguments: dict[str, Any]) -> None:
        upload_id = self.client.create_multipart_upload(**arguments)["UploadId"]
        target = {"Bucket": arguments["Bucket"], "Key": arguments["Key"], "UploadId": upload_id}
        try:
            parts = []
            with source.open("rb") as handle:
                number = 1
                while block := handle.read(self.options.part_size):
                    answer = self.client.upload_part(PartNumber=number, Body=block, **target)
                    parts.append({"PartNumber": number, "ETag": answer["ETag"]})
                    number += 1
            self.client.complete_multipart_upload(MultipartUpload={"Parts": parts}, **target)
        except BaseException:
            self.client.abort_multipart_upload(**target)
            raise
        self._ensure_retention(arguments)

    def _ensure_retention(self, arguments: dict[str, Any]) -> None:
        """Some S3-compatible servers drop lock settings given at multipart creation; set them on the object
        if it came out without (the same date again is not a shortening, so real S3 accepts it too)."""
        if "ObjectLockMode" not in arguments:
            return
        head = self.client.head_object(Bucket=arguments["Bucket"], Key=arguments["Key"])
        if head.get("ObjectLockMode"):
            return
        self.client.put_object_retention(
            Bucket=arguments["Bucket"],
            Key=arguments["Key"],
            Retention={
                "Mode": arguments["ObjectLockMode"],
                "RetainUntilDate": arguments["ObjectLockRetainUntilDate"],
            },
        )

    def size(self, key: str) -> int:
        answer = self.client.head_object(Bucket=self.options.bucket, Key=self._name(key))
        return int(answer["ContentLength"])

    def read(self, key: str, start: int = 0, end: int | None = None) -> Iterator[bytes]:
        if end is not None and end <= start:
            return
        byte_range = f"bytes={start}-" + ("" if end is None else str(end - 1))
        answer = self.client.get_object(Bucket=self.options.bucket, Key=self._name(key), Range=byte_range)
        body = answer["Body"]
        try:
            while block := body.read(CHUNK):
                yield block
        finally:
            body.close()
