"""Benchmark: evidence ingest through the tus HTTP endpoint of a real server process on loopback.

Measured in the same run, on the same file (already in the page cache):

  baseline  hashlib.file_digest(file, "sha256") — reading and hashing the file, nothing else
  ingest    tus creation + PATCH streaming the whole file to `sanxiang runserver --noreload`, which writes the
            partial to disk with fsync, hashes it while streaming, sniffs its type, stores the original
            (content-addressed, read-only) and writes its evidence.added record; the clock stops at the
            final response

Also prints, for context, a naive copy of the file: every write, then one fsync at the end. The ingest
can beat it: its flusher thread has the kernel write pages out while bytes still arrive (fdatasync every
few MiB), so the disk works during the transfer instead of all at once after it; the ingest still fsyncs
before it reports an offset or stores the original.

Prints the throughputs, the ingest/file_digest ratio (target ≥ 50 %) and the server's peak RSS (VmHWM;
target < 100 MiB whatever the size).

Run: .venv/bin/python bench/evidence_ingest.py [--size 256M|1G] [--chunk 0|64M]
(--chunk 0 sends one PATCH; otherwise PATCHes of that size, each with an Upload-Checksum computed before
the clock starts) [--scratch DIR].
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import http.client
import os
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sanxiang.evidence import tus  # noqa: E402 - needs ROOT on the path
from sanxiang.evidence.tests.serverproc import ServerProcess  # noqa: E402

MIB = 1024 * 1024
MP4_HEAD = b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom"


def size_arg(text: str) -> int:
    units = {"K": 1024, "M": MIB, "G": 1024 * MIB}
    text = text.strip().upper().removesuffix("IB").removesuffix("B")
    if text and text[-1] in units:
        return int(float(text[:-1]) * units[text[-1]])
    return int(text)


def make_file(path: Path, size: int) -> None:
    with path.open("wb") as handle:
        handle.write(MP4_HEAD)
        written = len(MP4_HEAD)
        while written < size:
            block = os.urandom(min(MIB, size - written))
            handle.write(block)
            written += len(block)


def baseline(path: Path) -> float:
    start = time.perf_counter()
    with path.open("rb") as handle:
        hashlib.file_digest(handle, "sha256")
    return time.perf_counter() - start


def disk_copy(path: Path) -> float:
    """Context, not a target: a naive durable copy (all writes, then one fsync)."""
    target = path.with_suffix(".copy")
    start = time.perf_counter()
    with path.open("rb") as source, target.open("wb") as sink:
        while block := source.read(MIB):
            sink.write(block)
        sink.flush()
        os.fsync(sink.fileno())
    elapsed = time.perf_counter() - start
    target.unlink()
    return elapsed


def _request(
    endpoint: str, method: str, path: str, headers: dict[str, str], body: object = None
) -> http.client.HTTPResponse:
    parts = urlsplit(endpoint)
    connection = http.client.HTTPConnection(parts.hostname or "", parts.port, blocksize=MIB, timeout=600)
    connection.request(method, path, body=body, headers=headers)  # type: ignore[arg-type]
    response = connection.getresponse()
    response.body = response.read()  # type: ignore[attr-defined]  # kept for the error message
    connection.close()
    return response


def ingest(server: ServerProcess, token: str, path: Path, chunk: int) -> tuple[float, str]:
    size = path.stat().st_size
    headers = {"Tus-Resumable": tus.VERSION, tus.DEVICE_TOKEN_HEADER: token}
    meta = tus.encode_metadata({"subject": "case:1", "step": "bench", "filename": path.name})
    chunk = chunk or size
    with path.open("rb") as handle:  # the client's own hashing is not the endpoint's cost: done untimed
        checksums = [_sha1_of(handle, at, min(chunk, size - at)) for at in range(0, size, chunk)]
    start = time.perf_counter()
    created = _request(
        server.endpoint, "POST", urlsplit(server.endpoint).path,
        {**headers, "Upload-Length": str(size), "Upload-Metadata": meta},
    )  # fmt: skip
    location = urlsplit(created.headers["Location"]).path
    offset, response = 0, created
    with path.open("rb") as handle:
        while offset < size:
            length = min(chunk, size - offset)
            patch_headers = {
                **headers,
                "Content-Type": tus.OFFSET_CONTENT_TYPE,
                "Content-Length": str(length),
                "Upload-Offset": str(offset),
            }
            if length < size:
                patch_headers["Upload-Checksum"] = checksums[offset // chunk]
            handle.seek(offset)
            body = handle if length == size else _Slice(handle, length)
            response = _request(server.endpoint, "PATCH", location, patch_headers, body)
            if response.status != 204:
                raise SystemExit(f"PATCH failed: {response.status} {response.body.decode()}")  # type: ignore[attr-defined]
            offset += length
    return time.perf_counter() - start, response.headers.get(tus.DIGEST_HEADER, "")


def _sha1_of(handle: object, offset: int, length: int) -> str:
    hasher = hashlib.sha1()  # the tus checksum algorithm, not a security use
    handle.seek(offset)  # type: ignore[attr-defined]
    remaining = length
    while remaining:
        block = handle.read(min(MIB, remaining))  # type: ignore[attr-defined]
        hasher.update(block)
        remaining -= len(block)
    return f"sha1 {base64.b64encode(hasher.digest()).decode()}"


class _Slice:
    """A file-like window of ``length`` bytes from the handle's position, for http.client to stream."""

    def __init__(self, handle: object, length: int) -> None:
        self.handle, self.remaining = handle, length

    def read(self, size: int = -1) -> bytes:
        size = self.remaining if size < 0 else min(size, self.remaining)
        block: bytes = self.handle.read(size)  # type: ignore[attr-defined]
        self.remaining -= len(block)
        return block


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--size", type=size_arg, default=256 * MIB)
    parser.add_argument("--chunk", type=size_arg, default=0)
    parser.add_argument(
        "--scratch",
        help="directory for the file and the server's VAR_DIR (e.g. /dev/shm to take the disk out)",
    )
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="sanxiang-bench-", dir=options.scratch) as scratch:
        path = Path(scratch) / "clip.mp4"
        make_file(path, options.size)
        server = ServerProcess(Path(scratch) / "var")
        token = server.prepare()
        server.start()
        try:
            rss_idle = server.peak_rss_kib()
            base_seconds = min(baseline(path) for _ in range(3))
            copy_seconds = disk_copy(path)
            ingest_seconds, server_digest = ingest(server, token, path, options.chunk)
            peak = server.peak_rss_kib()
        finally:
            server.stop()
        with path.open("rb") as handle:
            local_digest = hashlib.file_digest(handle, "sha256").hexdigest()
    _report(
        size=options.size,
        base=base_seconds,
        copy=copy_seconds,
        ingest_seconds=ingest_seconds,
        idle=rss_idle,
        peak=peak,
        same=server_digest == local_digest,
    )


def _report(
    *, size: int, base: float, copy: float, ingest_seconds: float, idle: int, peak: int, same: bool
) -> None:
    mib = size / MIB
    print(f"file                {mib:.0f} MiB")
    print(f"file_digest sha256  {mib / base:8.1f} MiB/s")
    print(f"disk copy + fsync   {mib / copy:8.1f} MiB/s   (context: all writes, then one fsync)")
    print(f"tus ingest (HTTP)   {mib / ingest_seconds:8.1f} MiB/s")
    print(f"ratio               {base / ingest_seconds:8.1%}   (ingest / file_digest; target >= 50 %)")
    print(f"ratio to disk copy  {copy / ingest_seconds:8.1%}")
    print(f"server peak RSS     {peak / 1024:8.1f} MiB   (target < 100 MiB)")
    print(f"  after start-up    {idle / 1024:8.1f} MiB")
    print(f"server digest       {'matches' if same else 'DIFFERS'}")
    if not same:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
