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
CATALOGUE_DIR = ROOT / "sanxiang" / "locale" / "zh_Hans" / "LC_MESSAGES"
DOMAINS = ["django"]


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


def _fresh_catalogue(domain: str) -> Path:
    """Extract the source's messages into a scratch copy of the tree and return the fresh .po file."""
    scratch = Path(tempfile.mkdtemp(prefix="sanxiang-messages-"))
    shutil.copytree(ROOT / "sanxiang", scratch / "sanxiang", ignore=shutil.ignore_patterns("__pycache__", "*.mo"))
    for existing in (scratch / "sanxiang" / "locale").rglob("*.po"):
        existing.unlink()
    locale = scratch / "sanxiang" / "locale"
    # Point LOCALE_PATHS at the scratch copy so that the real catalogue is never written.
    (scratch / "scratch_settings.py").write_text(
        f"from config.settings.test import *  # noqa: F403\nLOCALE_PATHS = [{str(locale)!r}]\n"
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "scratch_settings", "PYTHONPATH": f"{scratch}:{ROOT}"}
    subprocess.run(
        [sys.executable, "-m", "django", "makemessages", "-l", "zh_Hans", "-d", domain, "--ignore", "static/*"],
        cwd=scratch / "sanxiang", env=env, check=True, capture_output=True,
    )
    return scratch / "sanxiang" / "locale" / "zh_Hans" / "LC_MESSAGES" / f"{domain}.po"


def main() -> int:
    problems: list[str] = []
    for domain in DOMAINS:
        po_file = CATALOGUE_DIR / f"{domain}.po"
        if not po_file.exists():
            problems.append(f"{po_file} is missing: run `make messages` and translate it")
            continue
        missing = _msgids(_fresh_catalogue(domain)) - _msgids(po_file)
        problems.extend(f"{domain}.po lacks {msgid} (run `make messages`)" for msgid in sorted(missing))
        untranslated = _entries(po_file, "--untranslated")
        if untranslated:
            problems.append(f"{domain}.po has untranslated entries:\n{untranslated}")
        fuzzy = _entries(po_file, "--only-fuzzy")
        if fuzzy:
            problems.append(f"{domain}.po has fuzzy entries:\n{fuzzy}")
    for problem in problems:
        print(problem)
    if not problems:
        print("zh_Hans catalogue complete")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
