"""Benchmark: full verification of a PostgreSQL record log, and inclusion-proof latency.

Builds a log of N entries (default 100,000; ``--entries 1000000`` for the issue's figure) in a dedicated
database (DATABASE_URL, default postgres://postgres@127.0.0.1:5432/sanxiang_records_bench; reused when it
already holds exactly N entries), then measures in the same run:

  verify     `records verify` as the command runs it (one worker process per processor): recompute every
             leaf and the root from the stored bodies, check the checkpoint (constant memory: index ranges)
  verify/1   the same in this process alone (--jobs 1), for context
  hashlib    hashlib alone hashing the same leaf inputs (0x00 || body), chunk by chunk, untimed fetches
             (verify and hashlib alternate for --rounds rounds; the median ratio is printed: load varies)
  proof      inclusion-proof latency (p50/p99) for random indexes against the full tree
  lookup     latency of fetching one entry by index (the baseline for proofs)

Run: .venv/bin/python bench/records_verify.py [--entries N] [--samples S]
"""

from __future__ import annotations

import argparse
import hashlib
import io
import os
import random
import statistics
import sys
import time
from pathlib import Path

DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/sanxiang_records_bench"
ROOT = Path(__file__).resolve().parent.parent


def setup_django() -> None:
    """Point Django at the bench database (created if missing) and migrate it."""
    import psycopg
    from psycopg import sql

    url = os.environ.setdefault("DATABASE_URL", DEFAULT_URL)
    if not url.startswith("postgres"):
        sys.exit("this benchmark needs PostgreSQL (DATABASE_URL=postgres://...)")
    base, _, name = url.rpartition("/")
    with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("SANXIANG_LOG_KEY_PATH", str(ROOT / "var" / "bench" / "log_ed25519.pem"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)  # all apps: post_migrate hooks of others expect theirs


def _body(n: int) -> bytes:
    from sanxiang.records import canonical

    return canonical.dumps(
        {
            "v": 1,
            "type": "case.registered",
            "time": "2026-11-26T08:00:00.000000+00:00",
            "agency": 1 + n % 50,
            "actor": {"user": n % 997, "officer": n % 991, "certificate": f"1401{n % 100000:06d}"},
            "subject": {"kind": "case", "id": str(n // 7)},
            "data": {"n": n, "digest": "sha256:" + hashlib.sha256(str(n).encode()).hexdigest()},
        }
    )


def _copy(cursor: object, table: str, columns: str, rows: io.StringIO) -> None:
    rows.seek(0)
    with cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:  # type: ignore[attr-defined]
        while data := rows.read(1 << 20):
            copy.write(data)


def build(entries: int) -> None:
    """Fill the bench log with ``entries`` entries, their nodes, head and one signed checkpoint (COPY)."""
    from django.db import connection, transaction

    from sanxiang.records import checkpoints, guards, integrator, merkle

    log = integrator.get_log()
    latest = checkpoints.latest(log)
    if log.size == entries and latest is not None and latest.size == entries and _signed_by_us(latest.note):
        return
    print(f"building a log of {entries} entries …", flush=True)
    with transaction.atomic():
        guards.remove(connection)
        with connection.cursor() as cursor:
            cursor.execute(
                "TRUNCATE records_entry, records_node, records_cosignature, records_checkpoint, "
                "records_pendingentry"
            )
        guards.install(connection)
    frontier = merkle.CompactRange(merkle.TreeHasher(log.hash_algorithm))
    step = 50_000
    for start in range(0, entries, step):
        entry_rows, node_rows = io.StringIO(), io.StringIO()
        for n in range(start, min(entries, start + step)):
            body = _body(n)
            leaf = frontier.tree.leaf(body)
            entry_rows.write(
                f"{log.pk}\t{n}\t\\\\x{body.hex()}\t\\\\x{leaf.hex()}\tcase.registered\tcase\t{n // 7}\t"
                "2026-11-26 08:00:00+00\t2026-11-26 08:00:01+00\n"
            )
            for level, index, hash_ in frontier.append(leaf):
                node_rows.write(f"{log.pk}\t{level}\t{index}\t\\\\x{hash_.hex()}\n")
        with transaction.atomic(), connection.cursor() as cursor:
            raw = cursor.cursor
            _copy(
                raw,
                "records_entry",
                """log_id, "index", body, leaf_hash, event_type, subject_kind, subject_id,
                  recorded_at, integrated_at""",
                entry_rows,
            )
            _copy(raw, "records_node", 'log_id, level, "index", hash', node_rows)
    with transaction.atomic():
        log = integrator.locked_head()
        log.size, log.root, log.frontier = frontier.size, frontier.root(), frontier.pack()
        log.save(update_fields=["size", "root", "frontier"])
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE records_entry; ANALYZE records_node")
    checkpoints.sign_if_grown()


def _signed_by_us(note: str) -> bool:
    from sanxiang.records import checkpoints, notes

    try:
        notes.open_note(note, checkpoints.verifier())
    except notes.NoteError:
        return False
    return True


def time_verify(jobs: int | None = None) -> float:
    from sanxiang.records import integrator, verify

    start = time.perf_counter()
    report = verify.verify_log(integrator.get_log(), jobs=jobs or verify.default_jobs())
    elapsed = time.perf_counter() - start
    assert report.ok, report.problems
    return elapsed


def time_hashlib() -> float:
    """hashlib alone over the same leaf inputs; the database fetch is not timed."""
    from sanxiang.records import integrator, verify

    total = 0.0
    sha256 = hashlib.sha256
    batch: list[bytes] = []
    for _index, body, _leaf in verify.stream_entries(integrator.get_log()):
        batch.append(body)
        if len(batch) == verify.CHUNK:
            total += _hash_all(sha256, batch)
            batch = []
    return total + _hash_all(sha256, batch)


def _hash_all(sha256: object, bodies: list[bytes]) -> float:
    start = time.perf_counter()
    for body in bodies:
        sha256(b"\x00" + body).digest()  # type: ignore[operator]
    return time.perf_counter() - start


def latencies(samples: int) -> tuple[list[float], list[float]]:
    from sanxiang.records import integrator, treestore
    from sanxiang.records.models import Entry

    log = integrator.get_log()
    rng = random.Random(7)
    proofs, lookups = [], []
    for _ in range(samples):
        index = rng.randrange(log.size)
        start = time.perf_counter()
        treestore.inclusion_proof(log, index=index, size=log.size)
        proofs.append(time.perf_counter() - start)
        start = time.perf_counter()
        Entry.objects.filter(log=log, index=index).values_list("leaf_hash", flat=True).get()
        lookups.append(time.perf_counter() - start)
    return proofs, lookups


def _p(values: list[float], q: int) -> float:
    return statistics.quantiles(values, n=100)[q - 1] * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=100_000)
    parser.add_argument("--samples", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=3, help="interleaved rounds; medians are compared")
    args = parser.parse_args()
    setup_django()
    build(args.entries)
    rounds = [(time_verify(), time_hashlib()) for _ in range(args.rounds)]
    serial_s = statistics.median(time_verify(jobs=1) for _ in range(args.rounds))
    verify_s = statistics.median(v for v, _h in rounds)
    hashlib_s = statistics.median(h for _v, h in rounds)
    ratio = statistics.median(v / h for v, h in rounds)
    proofs, lookups = latencies(args.samples)
    print(f"records_verify: {args.entries} entries (PostgreSQL)")
    print(f"  verify   {verify_s:8.2f} s  ({args.entries / verify_s:,.0f} entries/s)")
    print(f"  verify/1 {serial_s:8.2f} s  (one process; ratio {serial_s / hashlib_s:.2f})")
    print(f"  hashlib  {hashlib_s:8.2f} s  (leaf inputs only)")
    print(f"  ratio verify/hashlib {ratio:.2f} (median of {args.rounds} interleaved rounds; target <= 3)")
    print(f"  proof    p50 {_p(proofs, 50):.2f} ms  p99 {_p(proofs, 99):.2f} ms  (target p99 < 5 ms)")
    print(f"  lookup   p50 {_p(lookups, 50):.2f} ms  p99 {_p(lookups, 99):.2f} ms")
    print(f"  ratio proof/lookup p99 {_p(proofs, 99) / _p(lookups, 99):.2f}")


if __name__ == "__main__":
    main()
