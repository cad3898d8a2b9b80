"""Every write to the calendar tables. Each ``check_*`` validates first and raises InvalidInput, writing
nothing; then it changes the rows and appends its record-log entry in the same transaction. Callers have
already passed ``permissions.require_calendar_administrator``.

Nothing here caches results: deadlines are recomputed from the table (``selectors.get_working_calendar``) each
time, so adding a day or confirming a year takes effect for every dependent at its next evaluation.
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils.translation import gettext as _

from sanxiang.calendar import events
from sanxiang.calendar.enums import DayKind, DaySource, YearStatus
from sanxiang.calendar.models import CalendarDay, CalendarYear
from sanxiang.core import clock
from sanxiang.core.errors import InvalidInput
from sanxiang.core.validation import validated
from sanxiang.records import writer

_SATURDAY = 5
FIRST_YEAR, LAST_YEAR = 2000, 2100  # the years deadlines are computed for (see calendar.lunar)


def _record(event: str, *, actor: writer.Actor, year: int, data: dict[str, object]) -> None:
    writer.append(
        event, agency_id=None, actor=actor, subject=writer.Subject("calendar_year", str(year)), data=data
    )


def _require_year(year: int) -> None:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise InvalidInput(
            _("The calendar covers the years %(first)d to %(last)d.")
            % {"first": FIRST_YEAR, "last": LAST_YEAR}
        )


def _lock_year(year: int, *, actor: writer.Actor) -> CalendarYear:
    """The coverage row, locked; created provisional when an administrator starts entering a new year.
    Every change to a year's days locks this row first, so two administrators queue per year."""
    coverage, _created = CalendarYear.objects.select_for_update().get_or_create(
        year=year,
        defaults={
            "status": YearStatus.PROVISIONAL,
            "source": DaySource.ADMINISTRATOR,
            "entered_by_id": actor.user_id,
            "entered_at": clock.now(),
        },
    )
    return coverage


def _validate_new_day(*, year: int, day: dt.date, kind: DayKind, name: str) -> None:
    if day.year != year:
        raise InvalidInput(_("%(date)s is not in %(year)d.") % {"date": day.isoformat(), "year": year})
    if not name:
        raise InvalidInput(_("Give the holiday's name, for example 春节."))
    existing = CalendarDay.objects.filter(date=day).first()
    if existing is not None and existing.kind == DayKind.MAKEUP_WORKDAY and kind == DayKind.HOLIDAY:
        raise InvalidInput(
            _("%(date)s is a make-up working day; remove it before listing it as a holiday.")
            % {"date": day.isoformat()}
        )
    if existing is not None:
        raise InvalidInput(
            _("%(date)s is already listed as %(kind)s (%(name)s).")
            % {"date": day.isoformat(), "kind": DayKind(existing.kind).label, "name": existing.name}
        )
    if kind == DayKind.MAKEUP_WORKDAY and day.weekday() < _SATURDAY:
        raise InvalidInput(
            _("%(date)s is a weekday; only a Saturday or Sunday can be a make-up working day.")
            % {"date": day.isoformat()}
        )


@transaction.atomic
def check_add_day(*, actor: writer.Actor, year: int, day: dt.date, kind: DayKind, name: str) -> CalendarDay:
    """List ``day`` as a holiday or a make-up working day of ``year``."""
    _require_year(year)
    name = name.strip()
    _lock_year(year, actor=actor)
    _validate_new_day(year=year, day=day, kind=kind, name=name)
    added = CalendarDay(date=day, kind=kind, name=name, source=DaySource.ADMINISTRATOR)
    validated(added)
    added.save()
    _record(
        events.DAY_ADDED.code,
        actor=actor,
        year=year,
        data={"date": day.isoformat(), "kind": str(kind), "name": name},
    )
    return added


@transaction.atomic
def check_remove_day(*, actor: writer.Actor, year: int, day: dt.date) -> None:
    """Take ``day`` off the list of ``year``: it becomes an ordinary weekday or weekend day again."""
    _require_year(year)
    if day.year != year:
        raise InvalidInput(_("%(date)s is not in %(year)d.") % {"date": day.isoformat(), "year": year})
    _lock_year(year, actor=actor)
    listed = CalendarDay.objects.filter(date=day).first()
    if listed is None:
        raise InvalidInput(_("%(date)s is not listed in the calendar.") % {"date": day.isoformat()})
    listed.delete()
    _record(
        events.DAY_REMOVED.code,
        actor=actor,
        year=year,
        data={"date": day.isoformat(), "kind": listed.kind, "name": listed.name},
    )


@transaction.atomic
def check_confirm_year(*, actor: writer.Actor, year: int, notice_reference: str) -> CalendarYear:
    """Mark ``year``'s schedule official on the authority of the State Council notice that fixes it
    (e.g. 国办发明电〔2025〕7号). From then on results counting that year are no longer provisional."""
    _require_year(year)
    notice_reference = notice_reference.strip()
    if not notice_reference:
        raise InvalidInput(
            _("Give the reference of the State Council notice, for example 国办发明电〔2025〕7号.")
        )
    coverage = _lock_year(year, actor=actor)
    if coverage.status == YearStatus.OFFICIAL and coverage.notice_reference == notice_reference:
        raise InvalidInput(_("%(year)d is already official under this notice.") % {"year": year})
    days = CalendarDay.objects.filter(date__year=year)
    holidays = days.filter(kind=DayKind.HOLIDAY).count()
    if not holidays:
        raise InvalidInput(_("Enter %(year)d's holidays before marking the year official.") % {"year": year})
    coverage.status, coverage.source = YearStatus.OFFICIAL, DaySource.ADMINISTRATOR
    coverage.notice_reference, coverage.entered_by_id, coverage.entered_at = (
        notice_reference,
        actor.user_id,
        clock.now(),
    )
    validated(coverage)
    coverage.save()
    _record(
        events.YEAR_CONFIRMED.code,
        actor=actor,
        year=year,
        data={
            "year": year,
            "notice": notice_reference,
            "holidays": holidays,
            "makeup_workdays": days.filter(kind=DayKind.MAKEUP_WORKDAY).count(),
        },
    )
    return coverage
