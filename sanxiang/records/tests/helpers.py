"""Shared helpers for the record-log tests: append test events, load the standalone bundle verifier."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

from django.db import transaction

from sanxiang.records import writer

TOOLS = Path(__file__).resolve().parents[3] / "tools"


def append(n: int, *, kind: str = "thing", subject_id: str = "1") -> None:
    """Append one ``test.thing`` event in its own transaction."""
    with transaction.atomic():
        writer.append(
            "test.thing",
            agency_id=None,
            actor=writer.SYSTEM,
            subject=writer.Subject(kind, subject_id),
            data={"n": n},
        )


def load_bundle_verifier() -> ModuleType:
    spec = importlib.util.spec_from_file_location("verify_bundle", TOOLS / "verify_bundle.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
