"""Content-addressed filesystem backend. Owns files under its root. Writes each file once (hard link or copy
to a temporary name, then an atomic link that fails if the name exists) and makes it read-only; never opens
an existing original for writing and never deletes one."""

from __future__ import annotations

import contextlib
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

from sanxiang.evidence.storage.base import CHUNK, key_for

READ_ONLY = 0o444


class FilesystemStorage:
    def __init__(self, root: str | Path) -> None:
        self.root = Path(root)

    def path(self, key: str) -> Path:
        path = (self.root / key).resolve()
        if self.root.resolve() not in path.parents:
            raise ValueError("storage key escapes the root")
        return path

    def store(self, source: Path, *, sha256: str, size: int) -> str:
        key = key_for(sha256)
        final = self.path(key)
        if final.exists():
            return key
        final.parent.mkdir(parents=True, exist_ok=True)
        staged = final.with_name(f".{final.name}.{os.getpid()}.tmp")
        self._stage(source, staged)
        try:
            os.link(staged, final)  # atomic, and refuses to replace an existing original
        except FileExistsError:
            pass
        finally:
            staged.unlink()
        return key

    @staticmethod
    def _stage(source: Path, staged: Path) -> None:
        """Hard-link the finished partial (already fsync'd, and never written again) or copy it across
        filesystems; either way the staged name is made read-only before it becomes the original."""
        with contextlib.suppress(FileNotFoundError):
            staged.unlink()
        try:
            os.link(source, staged)
        except OSError:
            shutil.copyfile(source, staged)
            with staged.open("rb") as handle:
                os.fsync(handle.fileno())
        staged.chmod(READ_ONLY)

    def size(self, key: str) -> int:
        return self.path(key).stat().st_size

    def read(self, key: str, start: int = 0, end: int | None = None) -> Iterator[bytes]:
        with self.path(key).open("rb") as handle:
            handle.seek(start)
            remaining = None if end is None else end - start
            while remaining is None or remaining > 0:
                block = handle.read(CHUNK if remaining is None else min(CHUNK, remaining))
                if not block:
                    return
                if remaining is not None:
                    remaining -= len(block)
                yield block
