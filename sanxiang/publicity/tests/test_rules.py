"""The publication rules as pure functions: due dates across holidays and 调休 (国办发〔2018〕118号; DOMAIN
R-PUB-07, R-PUB-08, R-INS-03), withdrawal within 3 working days (行政处罚法 第48条 第2款), the display window
(DOMAIN R-PUB-12), the must-publish default (行政处罚法 第48条 第1款; R-PUB-09) and minors (民法典 第17条)."""

from __future__ import annotations

import datetime as dt

import pytest

from sanxiang.calendar.tests.helpers import package_calendar
from sanxiang.publicity import rules
from sanxiang.publicity.enums import PublicationKind

PENALTY = rules.RuleTerms(7, 36, publish_ordinary=True, publish_simple=False, basis="118号")
OTHER = rules.RuleTerms(20, 36, publish_ordinary=True, publish_simple=False, basis="118号")


def test_penalty_published_within_7_working_days_across_national_day() -> None:
    """118号 / R-PUB-07: decided Tue 2025-09-30; 10-01..10-08 are holidays, Sat 10-11 a 调休 working day."""
    due = rules.publication_due(dt.date(2025, 9, 30), PENALTY, calendar=package_calendar())
    assert due.date == dt.date(2025, 10, 16)
    assert not due.provisional


def test_other_decisions_and_inspection_results_within_20_working_days() -> None:
    """118号 / R-PUB-08 / R-INS-03."""
    due = rules.publication_due(dt.date(2025, 9, 30), OTHER, calendar=package_calendar())
    assert due.date == dt.date(2025, 11, 4)


def test_withdrawal_within_3_working_days_counts_the_makeup_saturday() -> None:
    """行政处罚法 第48条 第2款 with 第85条: changed on 2025-09-30, withdraw by Sat 2025-10-11 (a 调休 day)."""
    assert rules.withdrawal_due(dt.date(2025, 9, 30), calendar=package_calendar()).date == dt.date(
        2025, 10, 11
    )


@pytest.mark.parametrize(
    ("published", "months", "until"),
    [
        (dt.date(2026, 1, 15), 36, dt.date(2029, 1, 14)),
        (
            dt.date(2026, 1, 31),
            1,
            dt.date(2026, 2, 27),
        ),  # 31 Jan + 1 month = 28 Feb, shown until the day before
        (dt.date(2024, 2, 29), 12, dt.date(2025, 2, 27)),
        (dt.date(2026, 11, 30), 6, dt.date(2027, 5, 29)),
    ],
)
def test_display_window_in_months(published: dt.date, months: int, until: dt.date) -> None:
    """R-PUB-12: the publication stays on the public list for the rule's months."""
    terms = rules.RuleTerms(7, months, publish_ordinary=True, publish_simple=False, basis="")
    assert rules.public_until(published, terms) == until


def test_must_publish_default_ordinary_yes_simple_no() -> None:
    """行政处罚法 第48条 第1款 / R-PUB-09: all ordinary-procedure decisions, no simple-procedure ones."""
    assert rules.must_publish("penalty", PENALTY)
    assert not rules.must_publish("penalty_simple", PENALTY)
    both = rules.RuleTerms(7, 36, publish_ordinary=True, publish_simple=True, basis="")
    assert rules.must_publish("penalty_simple", both)


@pytest.mark.parametrize(
    ("procedure", "act", "kind"),
    [
        ("penalty", "decide", PublicationKind.PENALTY),
        ("penalty", "notify", None),
        ("license", "grant", PublicationKind.LICENSE),
        ("license", "refuse", PublicationKind.LICENSE),
        ("inspection", "record_result", PublicationKind.INSPECTION),
        ("levy", "assess", PublicationKind.LEVY),
        ("fee", "assess", PublicationKind.FEE),
        ("coercion", "apply_court", PublicationKind.COERCION),
        ("coercion", "serve_demand", None),
        ("unknown_procedure", "decide", None),
    ],
)
def test_which_acts_are_decisions(procedure: str, act: str, kind: PublicationKind | None) -> None:
    assert rules.decision_kind(procedure, act) == kind


def test_the_decision_acts_exist_in_the_procedure_tables() -> None:
    """The mapping names acts the registered procedures really have (unregistered ones are skipped)."""
    from sanxiang.matters import procedures

    registered = {procedure.key: procedure for procedure in procedures.all_procedures()}
    assert set(rules.DECISION_ACTS) <= set(registered)
    for key, acts in rules.DECISION_ACTS.items():
        procedure = registered.get(key)
        assert procedure is not None, key
        names = {transition.act for transition in procedure.transitions}
        assert set(acts) <= names, key


@pytest.mark.parametrize(
    ("resident_id", "on", "minor"),
    [
        ("110105200808080015", dt.date(2026, 8, 7), True),  # turns 18 on 2026-08-08
        ("110105200808080015", dt.date(2026, 8, 8), False),
        ("11010519491231002X", dt.date(2026, 8, 8), False),
        ("not-an-id", dt.date(2026, 8, 8), False),
        ("110105200813400011", dt.date(2026, 8, 8), False),  # no such date
    ],
)
def test_minor_from_the_identity_number(resident_id: str, on: dt.date, minor: bool) -> None:
    """民法典 第17条: under 18 is a minor; 未成年人保护法 第72条 forbids publishing them."""
    assert rules.is_minor(resident_id, on=on) is minor
