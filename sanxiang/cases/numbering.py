"""Case numbers (案号) and document numbers (文号): per agency, per document code (文书代字) and per year,
sequential without gaps, written in the agency's pattern (SHANXI.md §4.1, e.g. 晋人防罚决字〔2025〕1号).

Owns the counters, the allocations and the patterns. Numbers come from a counter row locked for the rest of
the caller's transaction (``lock_objects.lock_counter``), never from a database sequence, which leaves gaps.
This module must never hand out a number outside a transaction, and never reuse or renumber a committed
allocation.
"""

from __future__ import annotations

import string

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from sanxiang.cases import events
from sanxiang.cases.lock_objects import lock_counter
from sanxiang.cases.models import DEFAULT_PATTERN, AllocatedNumber, NumberCounter, NumberPattern
from sanxiang.core import clock
from sanxiang.core.errors import ConfigurationError, InvalidInput
from sanxiang.organizations.models import Agency
from sanxiang.records import writer

PLACEHOLDERS = frozenset({"prefix", "code", "year", "number"})
CODE_MAX_LENGTH = 16
FORBIDDEN_IN_CODE = frozenset("{}〔〕[]()（） \t\n")
FIRST_YEAR = 2000


@transaction.atomic
def allocate_number(
    *, agency: Agency, code: str, year: int, actor: writer.Actor, subject: writer.Subject
) -> AllocatedNumber:
    """Give ``subject`` the next number of (agency, code, year) and record ``number.allocated``.

    The allocation is part of the caller's transaction: the counter row is locked and incremented inside it,
    so if the caller rolls back (say the document fails a later check), the increment is undone with it and
    the next issuer receives the same number — a rolled-back issue releases nothing visible and leaves no
    gap. The lock is held until the caller commits, so allocate as late in the transaction as possible.
    """
    code = _checked_code(code)
    _check_year(year)
    counter = lock_counter(agency_id=agency.pk, code=code, year=year)
    counter.last += 1
    NumberCounter.objects.filter(pk=counter.pk).update(last=counter.last)
    allocated = _store(
        AllocatedNumber(
            agency=agency,
            code=code,
            year=year,
            sequence=counter.last,
            text=format_number(
                pattern_for(agency, code), agency=agency, code=code, year=year, sequence=counter.last
            ),
            subject_kind=subject.kind,
            subject_id=subject.id,
            allocated_at=clock.now(),
        )
    )
    writer.append(
        events.NUMBER_ALLOCATED.code,
        agency_id=agency.pk,
        actor=actor,
        subject=subject,
        data={"code": code, "year": year, "sequence": allocated.sequence, "number": allocated.text},
    )
    return allocated


def _store(allocated: AllocatedNumber) -> AllocatedNumber:
    """Insert the allocation. The same text twice means two codes' patterns write alike (a per-code pattern
    without {code}): refused, since two documents must never carry one number."""
    try:
        with transaction.atomic():
            allocated.save()
    except IntegrityError:
        if not AllocatedNumber.objects.filter(agency_id=allocated.agency_id, text=allocated.text).exists():
            raise  # a repeated sequence would be a broken lock, never a configuration problem
        raise ConfigurationError(
            _("The number %(number)s was already given: two document codes' patterns write numbers alike.")
            % {"number": allocated.text}
        ) from None
    return allocated


def preview_number(*, agency: Agency, code: str, year: int) -> str:
    """The number the next allocation would give now, without taking it: another issuer may take it first."""
    code = _checked_code(code)
    _check_year(year)
    last = (
        NumberCounter.objects.filter(agency=agency, code=code, year=year)
        .values_list("last", flat=True)
        .first()
    )
    return format_number(
        pattern_for(agency, code), agency=agency, code=code, year=year, sequence=(last or 0) + 1
    )


def pattern_for(agency: Agency, code: str) -> str:
    """The agency's pattern for ``code``: its own for that code, else its general one, else the default."""
    patterns = dict(
        NumberPattern.objects.filter(agency=agency, code__in=[code, ""]).values_list("code", "pattern")
    )
    return patterns.get(code) or patterns.get("") or DEFAULT_PATTERN


def format_number(pattern: str, *, agency: Agency, code: str, year: int, sequence: int) -> str:
    return pattern.format(prefix=agency.document_prefix, code=code, year=year, number=sequence)


def pattern_errors(pattern: str, *, per_code: bool) -> list[str]:
    """What is wrong with a pattern; empty when nothing is. A general pattern must contain {code}, or two
    codes would write the same number."""
    try:
        fields = {
            name for _text, name, _spec, _conversion in string.Formatter().parse(pattern) if name is not None
        }
    except ValueError:
        return [_("The pattern has an unmatched brace.")]
    unknown = fields - PLACEHOLDERS
    if unknown:
        return [_("Unknown placeholders: %(names)s.") % {"names": ", ".join(sorted(unknown))}]
    required = {"year", "number"} if per_code else {"code", "year", "number"}
    missing = required - fields
    if missing:
        return [
            _("The pattern must contain %(names)s.")
            % {"names": ", ".join(f"{{{n}}}" for n in sorted(missing))}
        ]
    try:
        pattern.format(prefix="晋人防", code="罚决", year=2026, number=1)
    except (ValueError, TypeError, IndexError):
        return [_("The pattern cannot be filled in; check the formats after the colons.")]
    return []


@transaction.atomic
def check_set_number_pattern(
    *, actor: writer.Actor, agency: Agency, pattern: str, code: str = ""
) -> NumberPattern:
    """Set how ``agency`` writes numbers for ``code`` (or, with no code, for every code without its own)."""
    code = _checked_code(code) if code else ""
    pattern = pattern.strip()
    errors = pattern_errors(pattern, per_code=bool(code))
    if errors:
        raise InvalidInput(_("Please correct the errors below."), {"pattern": errors})
    row = NumberPattern.objects.select_for_update().filter(agency=agency, code=code).first()
    if row is None:
        row = NumberPattern(agency=agency, code=code)
    row.pattern, row.updated_at = pattern, clock.now()
    row.save()
    writer.append(
        events.NUMBER_PATTERN_SET.code,
        agency_id=agency.pk,
        actor=actor,
        subject=writer.Subject("agency", str(agency.pk)),
        data={"code": code, "pattern": pattern},
    )
    return row


def _checked_code(code: str) -> str:
    value = code.strip()
    if not value or len(value) > CODE_MAX_LENGTH or FORBIDDEN_IN_CODE & set(value):
        raise InvalidInput(
            _("A document code is 1 to %(max)d characters without spaces, brackets or braces.")
            % {"max": CODE_MAX_LENGTH},
            {"code": [_("Give a valid document code, such as 罚决.")]},
        )
    return value


def _check_year(year: int) -> None:
    """Numbers are given for past years (a late 结案 of last year's case) and the next, never further."""
    latest = clock.today().year + 1
    if not FIRST_YEAR <= year <= latest:
        raise InvalidInput(
            _("The year must lie between %(first)d and %(last)d.") % {"first": FIRST_YEAR, "last": latest},
            {"year": [_("Give the year the number belongs to.")]},
        )
