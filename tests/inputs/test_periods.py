from __future__ import annotations

import unicodedata

import pytest

from hauloc_cli.inputs.periods import PeriodError, parse_period, read_period


@pytest.mark.parametrize(("text", "quarter"), [
    ("2024-Q1", 1), ("2024-Q4", 4), ("Q1", 1), ("q3", 3), ("2024-q2", 2), ("Q4 2024", 4),
    ("Quý I", 1), ("quý 1", 1), ("QUÝ I", 1), ("quí I", 1), ("Quý I/2024", 1),
    ("Quý I năm 2024", 1), ("6 tháng", 2), ("6 tháng 2024", 2), ("6 tháng đầu năm 2024", 2),
    ("  6   tháng  ", 2), ("6 thang dau nam 2024", 2), ("9 tháng", 3), ("9 tháng đầu năm", 3),
    ("Cả năm", 4), ("cả năm 2024", 4), ("năm", 4), ("Năm 2024", 4),
    (unicodedata.normalize("NFD", "Cả năm"), 4), (unicodedata.normalize("NFD", "Quý I"), 1),
])
def test_year_to_date_forms(text: str, quarter: int) -> None:
    assert read_period(text, 2024) == quarter


@pytest.mark.parametrize(("text", "quarter", "ytd"), [
    ("Quý II", 2, "6 tháng"), ("quý 2", 2, "6 tháng"), ("Quý III", 3, "9 tháng"),
    ("Quý IV 2024", 4, "Cả năm"), ("quý 4", 4, "Cả năm"),
])
def test_one_quarter_alone_is_refused(text: str, quarter: int, ytd: str) -> None:
    with pytest.raises(PeriodError) as info:
        read_period(text, 2024)
    assert info.value.code == "quarter-alone"
    assert info.value.message == (f"'{text}' is the figure of quarter {quarter} alone, "
                                  "not the year to date")
    assert info.value.hint == f"give the year-to-date figure as '{ytd}' (or 2024-Q{quarter})"


@pytest.mark.parametrize("text", ["2023-Q1", "6 tháng 2023", "Cả năm 2025", "Quý I/2023"])
def test_other_years_are_refused(text: str) -> None:
    with pytest.raises(PeriodError) as info:
        read_period(text, 2024)
    assert info.value.code == "wrong-year"
    assert info.value.message == f"period '{text}' is not in the plan's year 2024"


@pytest.mark.parametrize("text", ["", "Q5", "2024", "7 tháng", "tháng 6", "H1", "2024-Q0"])
def test_not_periods(text: str) -> None:
    with pytest.raises(PeriodError) as info:
        read_period(text, 2024)
    assert info.value.code == "bad-period"
    assert info.value.message == f"'{text}' is not a period"


def test_parse_period_is_the_canonical_form_only() -> None:
    assert parse_period("2024-Q2") == (2024, 2)
    assert parse_period("6 tháng") is None
