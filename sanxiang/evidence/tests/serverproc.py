"""A real Sanxiang server in a child process on a free loopback port, over a file-based SQLite database in its
own VAR_DIR: for the restart test and the ingest benchmark. Owns only the processes it starts, and always
stops them (SIGKILL when asked to simulate a crash)."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]

SEED = """
import django
django.setup()
from django.core.management import call_command
call_command("migrate", "--no-input", "-v", "0")
from sanxiang.organizations.enums import AgencyLevel
from sanxiang.organizations.tests import factories
from sanxiang.evidence import actions
from sanxiang.records import writer
province = factories.make_agency("山西省人民防空办公室", level=AgencyLevel.PROVINCE)
agency = factories.make_agency("太原市人民防空办公室", level=AgencyLevel.CITY, parent=province)
officer = factories.make_officer(agency, "张三")
device, token = actions.check_register_device(
    actor=writer.SYSTEM, agency=agency, number="TY-CAM-001", model="DSJ-V9", officer=officer
)
print(token)
"""


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class ServerProcess:
    """``prepare()`` migrates and seeds (returns a device token); ``start()``/``kill()``/``stop()``."""

    def __init__(self, var_dir: Path, *, extra_env: dict[str, str] | None = None) -> None:
        self.var_dir = var_dir
        self.port = free_port()
        self.process: subprocess.Popen[bytes] | None = None
        self.env = {
            key: value
            for key, value in os.environ.items()
            if key not in {"DATABASE_URL", "SANXIANG_EVIDENCE_STORAGE", "SANXIANG_EVIDENCE_UPLOAD_DIR"}
        }
        self.env.update(
            DJANGO_SETTINGS_MODULE="config.settings.test",
            SANXIANG_VAR_DIR=str(var_dir),
            # config.settings.test keeps SANXIANG_VAR_DIR only for the process that owns it; without this a
            # child outside pytest (the ingest benchmark) made a fresh directory per process and the server
            # never saw the database its seeding step had migrated.
            SANXIANG_TEST_VAR_OWNER=os.environ.get("PYTEST_XDIST_WORKER", "controller"),
            PYTHONDONTWRITEBYTECODE="1",
            **(extra_env or {}),
        )

    @property
    def endpoint(self) -> str:
        return f"http://127.0.0.1:{self.port}/evidence/uploads/"

    def _run(self, *args: str) -> str:
        result = subprocess.run(  # noqa: S603 - our own interpreter and arguments
            [sys.executable, *args], cwd=ROOT, env=self.env, check=True, capture_output=True, timeout=120
        )
        return result.stdout.decode()

    def prepare(self) -> str:
        return self._run("-c", SEED).strip().splitlines()[-1]

    def start(self) -> None:
        self.process = subprocess.Popen(  # noqa: S603
            [sys.executable, "-m", "sanxiang", "runserver", "--noreload", f"127.0.0.1:{self.port}"],
            cwd=ROOT,
            env=self.env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError("the server exited during start-up")
            try:
                request = urllib.request.Request(self.endpoint, method="OPTIONS")  # noqa: S310 - loopback
                with urllib.request.urlopen(request, timeout=1):  # noqa: S310 - loopback
                    return
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                time.sleep(0.05)
        self.stop()
        raise RuntimeError("the server did not start within 30 s")

    def peak_rss_kib(self) -> int:
        """VmHWM: the process's peak resident set size so far."""
        assert self.process is not None
        for line in Path(f"/proc/{self.process.pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
        return 0

    def kill(self) -> None:
        """Simulate a crash: SIGKILL, no clean-up in the server."""
        if self.process is not None and self.process.poll() is None:
            os.kill(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)
        self.process = None

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.kill()
        self.process = None
