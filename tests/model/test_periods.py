"""The Period value: ordering, neighbours across the new year, end dates, words."""

from __future__ import annotations

from datetime import date

import pytest

from hauloc_cli.model.periods import Period, pace_share


def test_order_is_year_then_quarter() -> None:
    assert sorted([Period.at_quarter(2024, 2), Period.at_quarter(2023, 4),
                   Period.at_quarter(2024, 1)]) == [
        Period.at_quarter(2023, 4), Period.at_quarter(2024, 1), Period.at_quarter(2024, 2)]
    assert Period.at_quarter(2023, 4) < Period.at_quarter(2024, 1)


@pytest.mark.parametrize(("period", "previous", "following"), [
    (Period.at_quarter(2024, 1), Period.at_quarter(2023, 4), Period.at_quarter(2024, 2)),
    (Period.at_quarter(2024, 3), Period.at_quarter(2024, 2), Period.at_quarter(2024, 4)),
    (Period.at_quarter(2024, 4), Period.at_quarter(2024, 3), Period.at_quarter(2025, 1)),
])
def test_neighbours_cross_the_new_year(period: Period, previous: Period,
                                       following: Period) -> None:
    assert period.previous() == previous
    assert period.next() == following


def test_same_period_last_year() -> None:
    assert Period.at_quarter(2024, 2).same_last_year() == Period.at_quarter(2023, 2)


@pytest.mark.parametrize(("quarter", "end"), [
    (1, date(2024, 3, 31)), (2, date(2024, 6, 30)), (3, date(2024, 9, 30)),
    (4, date(2024, 12, 31)),
])
def test_end_dates(quarter: int, end: date) -> None:
    assert Period.at_quarter(2024, quarter).end == end


def test_first_final_and_periods_left() -> None:
    assert [(p.first(), p.final, p.left(False)) for p in Period.of_year(2024)] == [
        (True, False, 3), (False, False, 2), (False, False, 1), (False, True, 0)]
    # month by month: January is the first, 2 months are left after October
    assert [(p.first(True), p.left(True)) for p in (Period(2026, 1), Period(2026, 10))] == [
        (True, 11), (False, 2)]


def test_year_so_far_and_text() -> None:
    assert Period.at_quarter(2024, 3).year_so_far() == (
        Period.at_quarter(2024, 1), Period.at_quarter(2024, 2), Period.at_quarter(2024, 3))
    assert str(Period.at_quarter(2024, 3)) == "2024-Q3"
    assert str(Period(2026, 10)) == "2026-10"


def test_a_quarter_is_the_period_at_the_end_of_months_3_6_9_12() -> None:
    assert [Period.at_quarter(2026, q).month for q in (1, 2, 3, 4)] == [3, 6, 9, 12]
    assert [Period(2026, m).quarter for m in (3, 4, 6, 11, 12)] == [1, None, 2, None, 4]


def test_months_step_by_one_quarters_by_three() -> None:
    october = Period(2026, 10)
    assert october.previous() == Period(2026, 9)  # inside a quarter: the month before
    assert Period(2026, 9).previous() == Period(2026, 6)  # a quarterly run
    assert Period(2026, 9).previous(monthly=True) == Period(2026, 8)
    assert Period(2026, 1).previous(monthly=True) == Period(2025, 12)
    assert Period(2026, 12).next(monthly=True) == Period(2027, 1)
    assert october.year_so_far() == (Period(2026, 3), Period(2026, 6), Period(2026, 9), october)
    assert october.year_so_far(monthly=True) == tuple(Period(2026, m) for m in range(1, 11))
    assert len(Period.of_year(2026, monthly=True)) == 12


@pytest.mark.parametrize(("month", "end"), [
    (1, date(2026, 1, 31)), (2, date(2026, 2, 28)), (10, date(2026, 10, 31)),
    (11, date(2026, 11, 30)), (12, date(2026, 12, 31))])
def test_month_ends(month: int, end: date) -> None:
    assert Period(2026, month).end == end
    assert Period(2024, 2).end == date(2024, 2, 29)  # a leap year


@pytest.mark.parametrize(("pace", "month", "share"), [
    (None, 3, 0.25), (None, 10, 10 / 12), (None, 12, 1.0),
    # four shares: the quarter's share at its end, straight between (0.1 at March, 0.4 at
    # June: May is 0.1 + (0.4 − 0.1) × 2/3 = 0.3; January 0 + 0.1 × 1/3)
    ((0.1, 0.4, 0.7, 1.0), 6, 0.4), ((0.1, 0.4, 0.7, 1.0), 5, 0.3),
    ((0.1, 0.4, 0.7, 1.0), 1, 0.1 / 3),
    # twelve shares: the month's own
    ((0.0, 0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0), 10, 0.8),
])
def test_pace_share(pace: tuple[float, ...] | None, month: int, share: float) -> None:
    assert pace_share(pace, month) == pytest.approx(share)
