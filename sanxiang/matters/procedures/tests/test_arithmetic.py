"""The levy and late-charge arithmetic in fen, exhaustively: 易地建设费 = rate × (area − coded exemption)
(人民防空法 第22条, 中发〔2001〕9号); the late charge never above the principal (行政强制法 第45条) at 3
% a day
for a fine (行政处罚法 第72条); month arithmetic of the court window (行政强制法 第53条). Pure."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sanxiang.matters.procedures.arithmetic import (
    PENALTY_SURCHARGE_PER_10000,
    add_months,
    days_late,
    late_surcharge_fen,
    levy_amount_fen,
)

FEN = st.integers(min_value=0, max_value=10**12)
AREA = st.integers(min_value=0, max_value=10**8)


@pytest.mark.parametrize(
    ("rate", "area", "exempt", "expected"),
    [
        (150_000, 120_000, 0, 180_000_000),  # 1,500 yuan/m² × 1,200.00 m² = 1,800,000 yuan
        (150_000, 120_050, 0, 180_075_000),  # hundredths of a m² count
        (150_000, 120_000, 20_000, 150_000_000),  # 200 m² of listed exempt housing taken off
        (150_000, 120_000, 120_000, 0),  # wholly exempt
        (333, 1, 0, 3),  # 3.33 fen rounds down
        (350, 1, 0, 4),  # 3.5 fen rounds half up
        (0, 50_000, 0, 0),
    ],
)
def test_levy_is_rate_times_area_less_exempt_area(rate: int, area: int, exempt: int, expected: int) -> None:
    """人民防空法 第22条: the levy is the provincial rate × the shelter area that should have been built."""
    assert levy_amount_fen(rate_fen=rate, area_centi=area, exempt_centi=exempt) == expected


@pytest.mark.parametrize(
    ("rate", "area", "exempt"), [(-1, 100, 0), (100, -1, 0), (100, 100, -1), (100, 100, 101)]
)
def test_levy_refuses_negative_inputs_and_exemption_larger_than_area(
    rate: int, area: int, exempt: int
) -> None:
    with pytest.raises(ValueError, match="cannot"):
        levy_amount_fen(rate_fen=rate, area_centi=area, exempt_centi=exempt)


@given(rate=FEN, area=AREA, exempt=AREA)
def test_levy_never_grows_with_the_exemption(rate: int, area: int, exempt: int) -> None:
    """中发〔2001〕9号: an exemption only reduces the levy, down to nothing."""
    exempt = min(exempt, area)
    full = levy_amount_fen(rate_fen=rate, area_centi=area)
    reduced = levy_amount_fen(rate_fen=rate, area_centi=area, exempt_centi=exempt)
    assert 0 <= reduced <= full
    assert abs(full - rate * area / 100) <= 0.5


def test_penalty_surcharge_rate_is_three_percent_a_day() -> None:
    """行政处罚法 第72条: 每日按罚款数额的百分之三加处罚款."""
    assert PENALTY_SURCHARGE_PER_10000 == 300
    assert late_surcharge_fen(principal_fen=1_000_000, rate_per_10000=300, days=1) == 30_000
    assert late_surcharge_fen(principal_fen=1_000_000, rate_per_10000=300, days=10) == 300_000


@pytest.mark.parametrize(("days", "expected"), [(0, 0), (33, 990_000), (34, 1_000_000), (400, 1_000_000)])
def test_penalty_surcharge_stops_at_the_fine(days: int, expected: int) -> None:
    """行政强制法 第45条: 加处罚款的数额不得超出金钱给付义务的数额 — 34 days at 3 % pass the fine."""
    assert late_surcharge_fen(principal_fen=1_000_000, rate_per_10000=300, days=days) == expected


@given(principal=FEN, rate=st.integers(min_value=0, max_value=10_000), days=st.integers(0, 100_000))
def test_late_charge_never_exceeds_the_principal(principal: int, rate: int, days: int) -> None:
    """行政强制法 第45条, for any rate and any delay."""
    charge = late_surcharge_fen(principal_fen=principal, rate_per_10000=rate, days=days)
    assert 0 <= charge <= principal


@given(principal=FEN, rate=st.integers(0, 10_000), days=st.integers(0, 10_000))
def test_late_charge_grows_with_the_delay(principal: int, rate: int, days: int) -> None:
    today = late_surcharge_fen(principal_fen=principal, rate_per_10000=rate, days=days)
    assert late_surcharge_fen(principal_fen=principal, rate_per_10000=rate, days=days + 1) >= today


def test_late_charge_refuses_negative_inputs() -> None:
    with pytest.raises(ValueError, match="cannot be negative"):
        late_surcharge_fen(principal_fen=-1, rate_per_10000=300, days=1)


@pytest.mark.parametrize(
    ("due", "on", "expected"),
    [
        (dt.date(2026, 5, 15), dt.date(2026, 5, 14), 0),
        (dt.date(2026, 5, 15), dt.date(2026, 5, 15), 0),
        (dt.date(2026, 5, 15), dt.date(2026, 5, 16), 1),
        (dt.date(2026, 12, 31), dt.date(2027, 1, 31), 31),
    ],
)
def test_days_late_count_from_the_day_after_the_last_day(due: dt.date, on: dt.date, expected: int) -> None:
    assert days_late(due_on=due, on=on) == expected


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (dt.date(2026, 3, 10), 6, dt.date(2026, 9, 10)),
        (dt.date(2026, 8, 31), 6, dt.date(2027, 2, 28)),
        (dt.date(2027, 8, 31), 6, dt.date(2028, 2, 29)),
        (dt.date(2026, 11, 30), 3, dt.date(2027, 2, 28)),
        (dt.date(2026, 1, 31), 0, dt.date(2026, 1, 31)),
        (dt.date(2026, 10, 15), 15, dt.date(2028, 1, 15)),
    ],
)
def test_add_months_keeps_the_day_or_takes_the_month_end(
    day: dt.date, months: int, expected: dt.date
) -> None:
    """行政诉讼法 第46条 (6 months), 行政强制法 第53条 (3 months): month periods end on the same day."""
    assert add_months(day, months) == expected


@given(day=st.dates(dt.date(2000, 1, 1), dt.date(2090, 12, 31)), months=st.integers(0, 120))
def test_add_months_moves_forward_by_whole_months(day: dt.date, months: int) -> None:
    later = add_months(day, months)
    assert later >= day
    assert (later.year - day.year) * 12 + later.month - day.month == months
    assert later.day <= day.day
