"""The Period value: ordering, neighbours across the new year, end dates, words."""

from __future__ import annotations

from datetime import date

import pytest

from hauloc_cli.model.periods import Period


def test_order_is_year_then_quarter() -> None:
    assert sorted([Period(2024, 2), Period(2023, 4), Period(2024, 1)]) == [
        Period(2023, 4), Period(2024, 1), Period(2024, 2)]
    assert Period(2023, 4) < Period(2024, 1)


@pytest.mark.parametrize(("period", "previous", "following"), [
    (Period(2024, 1), Period(2023, 4), Period(2024, 2)),
    (Period(2024, 3), Period(2024, 2), Period(2024, 4)),
    (Period(2024, 4), Period(2024, 3), Period(2025, 1)),
])
def test_neighbours_cross_the_new_year(period: Period, previous: Period,
                                       following: Period) -> None:
    assert period.previous() == previous
    assert period.next() == following


def test_same_period_last_year() -> None:
    assert Period(2024, 2).same_last_year() == Period(2023, 2)


@pytest.mark.parametrize(("quarter", "end"), [
    (1, date(2024, 3, 31)), (2, date(2024, 6, 30)), (3, date(2024, 9, 30)),
    (4, date(2024, 12, 31)),
])
def test_end_dates(quarter: int, end: date) -> None:
    assert Period(2024, quarter).end == end


def test_first_final_and_quarters_left() -> None:
    assert [(p.first, p.final, p.quarters_left) for p in Period.of_year(2024)] == [
        (True, False, 3), (False, False, 2), (False, False, 1), (False, True, 0)]


def test_year_so_far_and_text() -> None:
    assert Period(2024, 3).year_so_far() == (Period(2024, 1), Period(2024, 2), Period(2024, 3))
    assert str(Period(2024, 3)) == "2024-Q3"


def test_words_in_a_sentence_are_the_offices_words_in_vietnamese_quarters_in_english() -> None:
    assert [p.words("en") for p in Period.of_year(2024)] == ["Q1", "Q2", "Q3", "Q4"]
    assert [p.words("vi") for p in Period.of_year(2024)] == [
        "quý I", "6 tháng", "9 tháng", "cả năm"]
    assert Period(2024, 2).words("vi") == "6 tháng"
