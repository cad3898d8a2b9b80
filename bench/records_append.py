"""Benchmark: record-log appends per second on PostgreSQL with 8 concurrent writer processes.

Each writer runs one transaction per event (as business code does). Measured in the same run:

  commit  the machine's durable commit rate: a one-integer INSERT per transaction on a raw psycopg
          connection (no Django), the ceiling any one-commit-per-event writer can reach here
  plain   INSERT of the same row (event type, canonical body, subject, time) into an unguarded table
  audit   INSERT of a django-auditlog-style row (content type, object pk/repr, action, JSON changes, actor,
          remote address, timestamp; with auditlog's indexes)
  log     records.writer.append, with the integrator as a separate process (production:
          `sanxiang records integrate --loop`); the clock stops when every entry has its leaf index
  log/oc  the same with the embedded default (integration on commit in every writer)

The variants run interleaved for several rounds (this machine's load varies) and the medians are compared.
Prints appends/s and the ratio of the log to each baseline. Run: .venv/bin/python bench/records_append.py
[--per-writer N] [--writers W] [--rounds R].
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import statistics
import sys
import time
from multiprocessing.synchronize import Barrier, Event
from pathlib import Path
from typing import Any

DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/sanxiang_records_bench"
ROOT = Path(__file__).resolve().parent.parent

PLAIN_DDL = """
CREATE TABLE IF NOT EXISTS bench_plain (
    id bigserial PRIMARY KEY, event_type varchar(64) NOT NULL, body bytea NOT NULL,
    subject_kind varchar(32) NOT NULL, subject_id varchar(64) NOT NULL, created_at timestamptz NOT NULL)
"""
COMMIT_DDL = "CREATE TABLE IF NOT EXISTS bench_commit (n bigint NOT NULL)"
AUDIT_DDL = """
CREATE TABLE IF NOT EXISTS bench_auditlog (
    id bigserial PRIMARY KEY, content_type_id integer NOT NULL, object_pk varchar(255) NOT NULL,
    object_id bigint NULL, object_repr text NOT NULL, serialized_data jsonb NULL, action smallint NOT NULL,
    changes_text text NOT NULL, changes jsonb NULL, actor_id bigint NULL, cid varchar(255) NULL,
    remote_addr inet NULL, remote_port integer NULL, timestamp timestamptz NOT NULL,
    additional_data jsonb NULL, actor_email varchar(254) NULL);
CREATE INDEX IF NOT EXISTS bench_auditlog_ct ON bench_auditlog (content_type_id);
CREATE INDEX IF NOT EXISTS bench_auditlog_pk ON bench_auditlog (object_pk);
CREATE INDEX IF NOT EXISTS bench_auditlog_id ON bench_auditlog (object_id);
CREATE INDEX IF NOT EXISTS bench_auditlog_action ON bench_auditlog (action);
CREATE INDEX IF NOT EXISTS bench_auditlog_ts ON bench_auditlog (timestamp);
CREATE INDEX IF NOT EXISTS bench_auditlog_cid ON bench_auditlog (cid);
"""


def setup_django() -> None:
    """Point Django at the bench database (created if missing), migrate, register the bench event."""
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
    from sanxiang.records import registry

    registry.register("bench.appended", "A benchmark event.", {"n": "int", "note": "str"})


def empty_log() -> None:
    """Erase the bench database's record log (triggers lifted only for this, on the bench database)."""
    from django.db import connection, transaction

    from sanxiang.records import guards

    with transaction.atomic():
        guards.remove(connection)
        with connection.cursor() as cursor:
            cursor.execute(
                "TRUNCATE records_entry, records_node, records_cosignature, records_checkpoint, "
                "records_pendingentry, "
                "records_log"
            )
        guards.install(connection)


def _entry(writer: int, n: int) -> dict[str, Any]:
    from sanxiang.core import clock

    return {
        "v": 1,
        "type": "bench.appended",
        "time": clock.now().isoformat(),
        "agency": 1,
        "actor": {"user": writer, "officer": None, "certificate": None},
        "subject": {"kind": "case", "id": str(n)},
        "data": {"n": n, "note": "立案审批通过"},
    }


_raw: dict[str, Any] = {}


def _commit(writer: int, n: int) -> None:
    """One durable commit of the smallest row: what fsync and group commit allow, whatever the writer."""
    import psycopg

    if "conn" not in _raw:
        _raw["conn"] = psycopg.connect(os.environ["DATABASE_URL"], autocommit=True)
    _raw["conn"].execute("INSERT INTO bench_commit (n) VALUES (%s)", [n])


def _plain(writer: int, n: int) -> None:
    from django.db import connection, transaction

    from sanxiang.core import clock
    from sanxiang.records import canonical

    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO bench_plain (event_type, body, subject_kind, subject_id, created_at) "
            "VALUES (%s, %s, %s, %s, %s)",
            ["bench.appended", canonical.dumps(_entry(writer, n)), "case", str(n), clock.now()],
        )


def _audit(writer: int, n: int) -> None:
    import json

    from django.db import connection, transaction

    from sanxiang.core import clock

    changes = json.dumps(
        {"status": ["draft", "registered"], "note": ["", "立案审批通过"]}, ensure_ascii=False
    )
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO bench_auditlog (content_type_id, object_pk, object_id, object_repr, action, "
            "changes_text, changes, actor_id, remote_addr, timestamp, additional_data) "
            "VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)",
            [7, str(n), n, f"Case {n}", 1, "", changes, writer, "127.0.0.1", clock.now(), None],
        )


def _log(writer: int, n: int) -> None:
    from django.db import transaction

    from sanxiang.records import writer as records_writer

    with transaction.atomic():
        records_writer.append(
            "bench.appended",
            agency_id=1,
            actor=records_writer.Actor(user_id=writer),
            subject=records_writer.Subject("case", str(n)),
            data={"n": n, "note": "立案审批通过"},
        )


ACTIONS = {"commit": _commit, "plain": _plain, "audit": _audit, "log": _log, "log/oc": _log}


def _writer(kind: str, number: int, count: int, barrier: Barrier) -> None:
    from django.db import connections

    connections.close_all()
    action = ACTIONS[kind]
    action(number, -1)  # open the connection before the clock starts
    barrier.wait()
    for n in range(count):
        action(number, number * count + n)
    connections.close_all()
    if "conn" in _raw:
        _raw.pop("conn").close()


def _integrator(barrier: Barrier, done: Event) -> None:
    from django.db import connections

    from sanxiang.records import integrator
    from sanxiang.records.models import PendingEntry

    connections.close_all()
    barrier.wait()
    while True:
        finished = done.is_set()
        if integrator.integrate(batch_size=2000) == 0:
            if finished and not PendingEntry.objects.exists():
                break
            time.sleep(0.002)
    connections.close_all()


def _reset(kind: str) -> None:
    from django.conf import settings
    from django.db import connection, connections

    from sanxiang.records import integrator

    with connection.cursor() as cursor:
        cursor.execute(PLAIN_DDL + ";" + COMMIT_DDL + ";" + AUDIT_DDL)
        cursor.execute("TRUNCATE bench_plain, bench_commit, bench_auditlog")
    empty_log()
    integrator.get_log()
    settings.SANXIANG_RECORDS_INTEGRATE_ON_COMMIT = kind == "log/oc"
    connections.close_all()


def run(kind: str, *, writers: int, per_writer: int) -> float:
    """Appends per second for ``kind``."""
    _reset(kind)
    context = multiprocessing.get_context("fork")
    separate = kind == "log"
    barrier = context.Barrier(writers + 1 + int(separate))
    done = context.Event()
    processes = [context.Process(target=_writer, args=(kind, i, per_writer, barrier)) for i in range(writers)]
    helper = context.Process(target=_integrator, args=(barrier, done)) if separate else None
    for process in [*processes, *([helper] if helper else [])]:
        process.start()
    barrier.wait()
    start = time.perf_counter()
    for process in processes:
        process.join()
    done.set()
    if helper:
        helper.join()
    elapsed = time.perf_counter() - start
    _check(kind, writers * per_writer)
    return writers * per_writer / elapsed


def _check(kind: str, expected: int) -> None:
    if not kind.startswith("log"):
        return
    from sanxiang.records import integrator, verify

    integrator.integrate()
    log = integrator.get_log()
    # +writers warm-up appends (n = -1) per writer
    assert log.size >= expected, (log.size, expected)
    report = verify.verify_log(log)
    assert report.ok, report.problems


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--writers", type=int, default=8)
    parser.add_argument("--per-writer", type=int, default=500)
    parser.add_argument("--rounds", type=int, default=3, help="variants are interleaved; medians reported")
    args = parser.parse_args()
    setup_django()
    samples: dict[str, list[float]] = {kind: [] for kind in ACTIONS}
    for _ in range(args.rounds):
        for kind in ACTIONS:
            samples[kind].append(run(kind, writers=args.writers, per_writer=args.per_writer))
    rates = {kind: statistics.median(values) for kind, values in samples.items()}
    total = args.writers * args.per_writer
    print(
        f"records_append: {args.writers} writers x {args.per_writer} = {total} events, {args.rounds} rounds"
    )
    for kind, rate in rates.items():
        spread = ", ".join(f"{value:.0f}" for value in samples[kind])
        print(f"  {kind:7} {rate:7.0f} appends/s (median of {spread})")
    print(f"  ratio plain/commit {rates['plain'] / rates['commit']:.2f}  (the baseline against the ceiling)")
    print(f"  ratio log/commit   {rates['log'] / rates['commit']:.2f}")
    print(f"  ratio log/plain    {rates['log'] / rates['plain']:.2f}  (target >= 0.50)")
    print(f"  ratio log/audit    {rates['log'] / rates['audit']:.2f}")
    print(f"  ratio log-oc/plain {rates['log/oc'] / rates['plain']:.2f}  (embedded on-commit mode)")


if __name__ == "__main__":
    main()
