"""HTTP Range parsing for playback (RFC 9110 §14): one byte range, or none. Pure; never reads files."""

from __future__ import annotations

import re

_RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")


class Unsatisfiable(ValueError):
    """The range lies outside the file (answered with 416)."""


def parse_range(header: str | None, size: int) -> tuple[int, int] | None:
    """``[start, end)`` for a single satisfiable range; None to serve the whole file (no header, several
    ranges, or a header we do not understand, all of which RFC 9110 lets a server ignore)."""
    if not header:
        return None
    match = _RANGE.match(header.strip())
    if match is None:
        return None
    first, last = match.groups()
    if not first and not last:
        return None
    if not first:  # suffix: the last N bytes
        length = int(last)
        if length == 0 or size == 0:
            raise Unsatisfiable(header)
        return max(0, size - length), size
    start = int(first)
    end = size if not last else min(int(last) + 1, size)
    if start >= size or (last and int(last) < start):
        raise Unsatisfiable(header)
    return start, end
