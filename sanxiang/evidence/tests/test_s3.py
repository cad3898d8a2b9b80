"""The S3 backend over real HTTP against moto's threaded server on loopback (boto3 is never patched):
multipart upload, Object Lock retention, no overwrite, ranged reads, and a whole tus upload into S3."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path

import boto3
import pytest
from django.test import Client
from moto.server import ThreadedMotoServer
from pytest_django.fixtures import Settings

from conftest import PASSWORD, World
from sanxiang.evidence.models import EvidenceFile
from sanxiang.evidence.storage import key_for
from sanxiang.evidence.storage.s3 import MIN_PART_SIZE, S3Storage, parse_url
from sanxiang.evidence.tests.conftest import Store, mp4_bytes
from sanxiang.evidence.tests.helpers import create, patch
from sanxiang.evidence.tests.serverproc import free_port


@pytest.fixture(scope="module")
def endpoint() -> Iterator[str]:
    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.stop()


@pytest.fixture(autouse=True)
def credentials(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    monkeypatch.setenv("AWS_DEFAULT_REGION", "us-east-1")


def _bucket(endpoint: str, name: str, *, lock: bool) -> str:
    s3 = boto3.client("s3", endpoint_url=endpoint, region_name="us-east-1")
    s3.create_bucket(Bucket=name, ObjectLockEnabledForBucket=lock)
    return f"s3://{name}?endpoint={endpoint}&region=us-east-1&retention_days=30"


def test_a_large_file_goes_up_in_parts_under_retention(endpoint: str, tmp_path: Path) -> None:
    storage = S3Storage.from_url(_bucket(endpoint, "locked", lock=True) + f"&part_size={MIN_PART_SIZE}")
    data = mp4_bytes(MIN_PART_SIZE * 2 + 1000)
    source = tmp_path / "big.mp4"
    source.write_bytes(data)
    digest = hashlib.sha256(data).hexdigest()
    key = storage.store(source, sha256=digest, size=len(data))
    assert key == key_for(digest)
    assert storage.size(key) == len(data)
    assert (
        b"".join(storage.read(key, MIN_PART_SIZE - 5, MIN_PART_SIZE + 5))
        == data[MIN_PART_SIZE - 5 : MIN_PART_SIZE + 5]
    )
    # moto's GetObjectRetention fails in server mode; HeadObject reports the same lock
    assert storage.client.head_object(Bucket="locked", Key=key)["ObjectLockMode"] == "COMPLIANCE"


def test_existing_content_is_never_overwritten(endpoint: str, tmp_path: Path) -> None:
    storage = S3Storage.from_url(_bucket(endpoint, "plain", lock=False))
    assert not storage.object_lock
    original, impostor = tmp_path / "a", tmp_path / "b"
    original.write_bytes(b"original bytes")
    impostor.write_bytes(b"other bytes")
    digest = hashlib.sha256(b"original bytes").hexdigest()
    key = storage.store(original, sha256=digest, size=14)
    storage.store(impostor, sha256=digest, size=11)  # a lying caller cannot replace what is there
    assert b"".join(storage.read(key)) == b"original bytes"


def test_url_options() -> None:
    options = parse_url("s3://ev?endpoint=https://oss.example&region=cn&prefix=/evidence/&mode=governance")
    assert (options.bucket, options.endpoint, options.prefix, options.mode) == (
        "ev",
        "https://oss.example",
        "evidence/",
        "GOVERNANCE",
    )


def test_a_tus_upload_lands_in_s3_and_plays_back(
    endpoint: str, world: World, store: Store, settings: Settings
) -> None:
    settings.SANXIANG_EVIDENCE_STORAGE = _bucket(endpoint, "tus", lock=True)
    client = Client()
    client.login(username="officer", password=PASSWORD)
    data = mp4_bytes(70_000)
    location = create(client, len(data))["Location"]
    assert patch(client, location, 0, data).status_code == 204
    evidence = EvidenceFile.objects.get()
    assert evidence.sha256 == hashlib.sha256(data).hexdigest()
    response = client.get(f"/evidence/files/{evidence.pk}/play", headers={"Range": "bytes=10-19"})
    assert b"".join(response.streaming_content) == data[10:20]  # type: ignore[attr-defined]
