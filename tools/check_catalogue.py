"""Check the zh_Hans catalogue: every message in the source is in the catalogue, and every catalogue entry is
translated and not fuzzy. Run by `make check`. Uses the gettext tools (Debian package gettext)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "sanxiang"
DOMAIN = "django"


def _entries(po_file: Path, *flags: str) -> str:
    result = subprocess.run(
        ["msgattrib", "--no-obsolete", *flags, str(po_file)], capture_output=True, text=True, check=True
    )
    return result.stdout.strip()


def _msgids(po_file: Path) -> set[str]:
    result = subprocess.run(
        ["msgcat", "--no-wrap", "--sort-output", str(po_file)], capture_output=True, text=True, check=True
    )
    ids: set[str] = set()
    for line in result.stdout.splitlines():
        if line.startswith('msgid "') and line != 'msgid ""':
            ids.add(line)
    return ids


def _fresh_catalogues() -> Path:
    """Extract the source's messages into a scratch copy of the tree; return the copy's package folder.
    Apps with their own ``locale`` folder get their own catalogue there, as in the real tree."""
    scratch = Path(tempfile.mkdtemp(prefix="sanxiang-messages-"))
    shutil.copytree(PACKAGE, scratch / "sanxiang", ignore=shutil.ignore_patterns("__pycache__", "*.mo"))
    for existing in (scratch / "sanxiang").rglob("*.po"):
        existing.unlink()
    locale = scratch / "sanxiang" / "locale"
    locale.mkdir(exist_ok=True)
    # Point LOCALE_PATHS at the scratch copy so that the real catalogues are never written.
    (scratch / "scratch_settings.py").write_text(
        f"from config.settings.test import *  # noqa: F403\nLOCALE_PATHS = [{str(locale)!r}]\n"
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "scratch_settings", "PYTHONPATH": f"{scratch}:{ROOT}"}
    result = subprocess.run(
        [
            sys.executable,
            "-P",
            "-m",
            "django",
            "makemessages",
            "-l",
            "zh_Hans",
            "-d",
            DOMAIN,
            "--ignore",
            "static/*",
        ],
        cwd=scratch / "sanxiang",
        env=env,
        check=False,
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        raise SystemExit(f"makemessages failed:\n{result.stderr}")
    return scratch / "sanxiang"


def main() -> int:
    problems: list[str] = []
    fresh_root = _fresh_catalogues()
    for fresh in sorted(fresh_root.rglob(f"zh_Hans/LC_MESSAGES/{DOMAIN}.po")):
        relative = fresh.relative_to(fresh_root)
        po_file = PACKAGE / relative
        if not po_file.exists():
            problems.append(f"{po_file} is missing: run `make messages` and translate it")
            continue
        missing = _msgids(fresh) - _msgids(po_file)
        problems.extend(f"{relative} lacks {msgid} (run `make messages`)" for msgid in sorted(missing))
        untranslated = _entries(po_file, "--untranslated")
        if untranslated:
            problems.append(f"{relative} has untranslated entries:\n{untranslated}")
        fuzzy = _entries(po_file, "--only-fuzzy")
        if fuzzy:
            problems.append(f"{relative} has fuzzy entries:\n{fuzzy}")
    for problem in problems:
        print(problem)
    if not problems:
        print("zh_Hans catalogues complete")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
