"""Resume after a killed server process: a real server on loopback, SIGKILL mid-upload, a fresh process, and
the client resumes from the stored offset and verifies the server's digest (the ``sanxiang upload`` path)."""

from __future__ import annotations

import io
import socket
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.core.management import call_command
from tusclient import client as tus_client

from sanxiang.evidence import client, tus
from sanxiang.evidence.tests.conftest import mp4_bytes
from sanxiang.evidence.tests.serverproc import ServerProcess

CHUNK = 64 * 1024


@pytest.fixture
def server(tmp_path: Path) -> Iterator[tuple[ServerProcess, str]]:
    process = ServerProcess(tmp_path / "var")
    token = process.prepare()
    process.start()
    try:
        yield process, token
    finally:
        process.stop()


def _offset(url: str, token: str) -> int:
    request = urllib.request.Request(  # noqa: S310 - loopback test server
        url, method="HEAD", headers={"Tus-Resumable": tus.VERSION, tus.DEVICE_TOKEN_HEADER: token}
    )
    with urllib.request.urlopen(request) as response:  # noqa: S310
        return int(response.headers["Upload-Offset"])


def test_an_upload_resumes_after_the_server_is_killed(
    server: tuple[ServerProcess, str], tmp_path: Path
) -> None:
    process, token = server
    source, state = tmp_path / "clip.mp4", tmp_path / "clip.tus.json"
    source.write_bytes(mp4_bytes(10 * CHUNK + 123))
    headers = {tus.DEVICE_TOKEN_HEADER: token}
    with client.open_for_tus(source) as stream:
        first = tus_client.TusClient(process.endpoint, headers=headers).uploader(
            file_stream=stream,
            chunk_size=CHUNK,
            metadata={"subject": "case:42", "step": "inspection"},
            store_url=True,
            url_storage=client.JsonUrlStorage(state),
        )
        first.upload(stop_at=4 * CHUNK)
    url = str(first.url)
    process.kill()
    process.start()
    assert _offset(url, token) == 4 * CHUNK
    _cut_connection(url, token, source.read_bytes()[4 * CHUNK : 5 * CHUNK], declared=2 * CHUNK)
    _wait_for_offset(url, token, 5 * CHUNK)  # what arrived before the cut is kept (no checksum was sent)
    out = io.StringIO()
    call_command(
        "upload", str(source), "--subject", "case:42", "--step", "inspection", "--url", process.endpoint,
        "--token", token, "--state", str(state), "--chunk-size", str(CHUNK), stdout=out,
    )  # fmt: skip
    assert f"sha256 {client.file_sha256(source)}" in out.getvalue()
    assert _offset(url, token) == source.stat().st_size  # the same upload finished, not a new one


def _cut_connection(url: str, token: str, sent: bytes, *, declared: int) -> None:
    """A PATCH that announces ``declared`` bytes, sends fewer, and drops the connection (a network cut)."""
    host, _, rest = url.removeprefix("http://").partition("/")
    hostname, _, port = host.partition(":")
    head = (
        f"PATCH /{rest} HTTP/1.1\r\nHost: {host}\r\nTus-Resumable: {tus.VERSION}\r\n"
        f"{tus.DEVICE_TOKEN_HEADER}: {token}\r\nContent-Type: {tus.OFFSET_CONTENT_TYPE}\r\n"
        f"Upload-Offset: {4 * CHUNK}\r\nContent-Length: {declared}\r\n\r\n"
    )
    with socket.create_connection((hostname, int(port))) as connection:
        connection.sendall(head.encode() + sent)
        connection.shutdown(socket.SHUT_WR)


def _wait_for_offset(url: str, token: str, expected: int) -> None:
    deadline = time.monotonic() + 20
    while _offset(url, token) != expected:
        assert time.monotonic() < deadline, "the server did not keep the bytes sent before the cut"
        time.sleep(0.05)
