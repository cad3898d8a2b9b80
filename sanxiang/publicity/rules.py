"""The rules of post-decision publicity as pure functions over data: which acts are decisions (per procedure),
when a publication is due, how long it stays on the public list, whether it must be published, whether the
party is a minor. No database, no I/O: callers pass the rule rows and the working calendar.

- Due dates: 许可 and 处罚 decisions within 7 working days, other decisions and inspection results within 20
  (国办发〔2018〕118号; DOMAIN R-PUB-07, R-PUB-08, R-INS-03). The number of days is data (PublicationRule).
- Withdrawal within 3 working days after the decision is changed, revoked, found illegal or void
  (行政处罚法 第48条 第2款, 第85条; DOMAIN R-PUB-10).
- Display window per kind (DOMAIN R-PUB-12), in months, from the day of publication.
"""

from __future__ import annotations

import calendar as month_calendar
import datetime as dt
from dataclasses import dataclass

from sanxiang.calendar.deadlines import DueDate, WorkingCalendar, add_working_days
from sanxiang.publicity.enums import PublicationKind

# Which acts of which procedure are decisions to publish, and as what. Procedures not listed (and acts not
# listed) create no publication. levy/fee/coercion: the acts their procedure tables are expected to use.
DECISION_ACTS: dict[str, dict[str, PublicationKind]] = {
    "penalty": {"decide": PublicationKind.PENALTY},
    "penalty_simple": {"decide": PublicationKind.PENALTY},
    "license": {"grant": PublicationKind.LICENSE, "refuse": PublicationKind.LICENSE},
    "inspection": {"record_result": PublicationKind.INSPECTION},
    "levy": {"assess": PublicationKind.LEVY},  # 核定: the levy decision (amount, exemptions)
    "fee": {"assess": PublicationKind.FEE},
    # The agency's coercion decision here is its application to the court (行政强制法 第53条).
    "coercion": {"apply_court": PublicationKind.COERCION},
}
# Procedures that are not the ordinary procedure: their decisions need not be published by default
# (行政处罚法 第48条 第1款 "具有一定社会影响"; DOMAIN R-PUB-09).
SIMPLE_PROCEDURES = frozenset({"penalty_simple"})

WITHDRAWAL_WORKING_DAYS = 3  # 行政处罚法 第48条 第2款 with 第85条 (statute, not a local choice)
ADULT_AGE = 18  # 民法典 第17条


def decision_kind(procedure_key: str, act: str) -> PublicationKind | None:
    """The kind of publication an act creates, or None when the act is not a decision to publish."""
    return DECISION_ACTS.get(procedure_key, {}).get(act)


@dataclass(frozen=True)
class RuleTerms:
    """The terms of one PublicationRule row that the pure functions need."""

    due_working_days: int
    display_months: int
    publish_ordinary: bool
    publish_simple: bool
    basis: str


def publication_due(decided_on: dt.date, terms: RuleTerms, *, calendar: WorkingCalendar) -> DueDate:
    """The last day to publish: ``due_working_days`` working days after the decision (118号)."""
    return add_working_days(decided_on, terms.due_working_days, calendar=calendar)


def withdrawal_due(ground_on: dt.date, *, calendar: WorkingCalendar) -> DueDate:
    """The last day to withdraw after the decision was changed, revoked or found illegal or void
    (行政处罚法 第48条 第2款)."""
    return add_working_days(ground_on, WITHDRAWAL_WORKING_DAYS, calendar=calendar)


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` plus ``months`` calendar months; the 31st becomes the month's last day."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return dt.date(year, month, min(day.day, month_calendar.monthrange(year, month)[1]))


def public_until(published_on: dt.date, terms: RuleTerms) -> dt.date:
    """The last day on the public list (DOMAIN R-PUB-12); afterwards the publication stays in the archive."""
    return add_months(published_on, terms.display_months) - dt.timedelta(days=1)


def must_publish(procedure_key: str, terms: RuleTerms) -> bool:
    """The default of R-PUB-09: ordinary-procedure decisions are published, simple-procedure ones are not,
    each as the agency's rule says."""
    return terms.publish_simple if procedure_key in SIMPLE_PROCEDURES else terms.publish_ordinary


def birth_date(resident_id: str) -> dt.date | None:
    """The birth date written in an 18-digit resident identity number (GB 11643-1999), if it is one."""
    if len(resident_id) != 18 or not resident_id[:17].isdigit():
        return None
    try:
        return dt.date(int(resident_id[6:10]), int(resident_id[10:12]), int(resident_id[12:14]))
    except ValueError:
        return None


def is_minor(resident_id: str, *, on: dt.date) -> bool:
    """Whether the holder was under 18 on ``on`` (民法典 第17条): never published (未成年人保护法 第72条)."""
    born = birth_date(resident_id)
    if born is None:
        return False
    return add_months(born, ADULT_AGE * 12) > on
