"""Periods as offices write them, both ways (vocab/periods.py): every form read, with its
month worked out by hand; every form written, exactly; and every form written reads back."""

from __future__ import annotations

import unicodedata

import pytest

from hauloc_cli.model.periods import Period
from hauloc_cli.vocab import periods
from hauloc_cli.vocab.periods import PeriodError, find, parse, read

# --- reading a whole cell or --period ----------------------------------------------------------


@pytest.mark.parametrize(("text", "month"), [
    # the quarters, as they always read: quý I = March, 6 tháng = June, …
    ("2024-Q1", 3), ("2024-Q4", 12), ("Q1", 3), ("q3", 9), ("2024-q2", 6), ("Q4 2024", 12),
    ("Quý I", 3), ("quý 1", 3), ("QUÝ I", 3), ("quí I", 3), ("Quý I/2024", 3),
    ("Quý I năm 2024", 3), ("6 tháng", 6), ("6 tháng 2024", 6), ("6 tháng đầu năm 2024", 6),
    ("  6   tháng  ", 6), ("6 thang dau nam 2024", 6), ("9 tháng", 9), ("9 tháng đầu năm", 9),
    ("Cả năm", 12), ("cả năm 2024", 12), ("năm", 12), ("Năm 2024", 12), ("12 tháng", 12),
    (unicodedata.normalize("NFD", "Cả năm"), 12), (unicodedata.normalize("NFD", "Quý I"), 3),
    # every month's year to date (issue 22)
    ("10 tháng", 10), ("10 tháng đầu năm", 10), ("10 tháng năm 2024", 10), ("2024-10", 10),
    ("7 tháng", 7), ("11 tháng đầu năm 2024", 11), ("1 tháng", 1), ("31/10/2024", 10),
    ("2024-02-29", 2), ("30/11/2024", 11),
])
def test_year_to_date_forms(text: str, month: int) -> None:
    found = read(text, 2024)
    assert (found.month, found.alone, found.estimate) == (month, False, False)


@pytest.mark.parametrize(("text", "month", "year"), [
    ("tháng 10", 10, None), ("Tháng 10/2024", 10, 2024), ("T10/2024", 10, 2024),
    ("tháng 6", 6, None), ("thang 11 nam 2024", 11, 2024),
])
def test_the_month_alone(text: str, month: int, year: int | None) -> None:
    found = read(text, 2024)
    assert (found.month, found.year, found.alone, found.span) == (month, year, True, 1)


def test_january_alone_is_the_year_to_date_at_its_end() -> None:
    found = read("tháng 1", 2024)
    assert (found.month, found.alone) == (1, False)


@pytest.mark.parametrize(("text", "month", "alone"), [
    ("ước cả năm", 12, False), ("Ước thực hiện cả năm 2024", 12, False),
    ("ước tháng 12", 12, True), ("11 tháng và ước cả năm", 12, False),
])
def test_estimates(text: str, month: int, alone: bool) -> None:
    found = read(text, 2024)
    assert (found.month, found.alone, found.estimate) == (month, alone, True)


@pytest.mark.parametrize(("text", "quarter", "ytd"), [
    ("Quý II", 2, "6 tháng"), ("quý 2", 2, "6 tháng"), ("Quý III", 3, "9 tháng"),
    ("Quý IV 2024", 4, "Cả năm"), ("quý 4", 4, "Cả năm"),
])
def test_one_quarter_alone_is_refused(text: str, quarter: int, ytd: str) -> None:
    with pytest.raises(PeriodError) as info:
        read(text, 2024)
    assert info.value.code == "quarter-alone"
    assert str(info.value.message) == (f"'{text}' is the figure of quarter {quarter} alone, "
                                  "not the year to date")
    assert str(info.value.hint) == f"give the year-to-date figure as '{ytd}' (or 2024-Q{quarter})"


@pytest.mark.parametrize("text", ["2023-Q1", "6 tháng 2023", "Cả năm 2025", "Quý I/2023",
                                  "2025-01", "tháng 1/2025", "T02/2025", "10 tháng năm 2025"])
def test_other_years_are_refused(text: str) -> None:
    """A month after the plan's year (January 2025 for a plan of 2024) is another year."""
    with pytest.raises(PeriodError) as info:
        read(text, 2024)
    assert info.value.code == "wrong-year"
    assert str(info.value.message) == f"period '{text}' is not in the plan's year 2024"


@pytest.mark.parametrize("text", ["Q5", "2024", "13 tháng", "tháng 13", "H1", "2024-Q0",
                                  "2024-13", "T13/2024"])
def test_not_periods(text: str) -> None:
    with pytest.raises(PeriodError) as info:
        read(text, 2024)
    assert info.value.code == "bad-period"
    assert str(info.value.message) == f"'{text}' is not a period"


@pytest.mark.parametrize("text", ["", "  "])
def test_an_empty_period_cell_is_named_as_empty(text: str) -> None:
    with pytest.raises(PeriodError) as info:
        read(text, 2024)
    assert info.value.code == "bad-period"
    assert str(info.value.message) == "the period cell is empty"
    assert info.value.message.render("vi") == "ô kỳ báo cáo đang trống"


def test_a_date_inside_a_month_is_refused() -> None:
    with pytest.raises(PeriodError) as info:
        read("15/10/2024", 2024)
    assert info.value.code == "bad-period"
    assert str(info.value.message) == "'15/10/2024' is a date, not the end of a month"


def test_parse_is_the_canonical_form_only() -> None:
    assert parse("2024-Q2") == Period(2024, 6)
    assert parse("2026-10") == Period(2026, 10)
    assert parse("6 tháng") is None


# --- finding a period inside a heading or a title --------------------------------------------

@pytest.mark.parametrize(("text", "heading", "expected"), [
    ("BÁO CÁO 11 THÁNG VÀ ƯỚC CẢ NĂM 2026", False, (12, 2026, False, True)),
    ("Thực hiện tháng 10", True, (10, None, True, False)),
    ("Ước thực hiện tháng 10/2026", True, (10, 2026, True, True)),
    ("Lũy kế 10 tháng năm 2026", True, (10, 2026, False, False)),
    ("January–October 2026", True, (10, 2026, False, False)),
    ("ten months of 2026", False, (10, 2026, False, False)),
    ("Hậu Lộc, ngày 25 tháng 10 năm 2026", False, None),  # a date line: not a period
])
def test_find(text: str, heading: bool,
              expected: tuple[int, int | None, bool, bool] | None) -> None:
    found = find(text, heading)
    got = None if found is None else (found.month, found.year, found.alone, found.estimate)
    assert got == expected


# --- writing -----------------------------------------------------------------------------------

@pytest.mark.parametrize(("month", "vi", "en"), [
    (3, ("quý I", "Quý I", "quý I năm 2026", "Quý I năm 2026", "9 tháng cuối năm 2026"),
     ("Q1", "Q1", "Q1 2026", "Q1 2026", "the last nine months of 2026")),
    (6, ("6 tháng", "6 tháng", "6 tháng năm 2026", "6 tháng đầu năm 2026",
         "6 tháng cuối năm 2026"),
     ("Q2", "first half", "first half of 2026", "first half of 2026",
      "the second half of 2026")),
    (9, ("9 tháng", "9 tháng", "9 tháng năm 2026", "9 tháng đầu năm 2026",
         "3 tháng cuối năm 2026"),
     ("Q3", "nine months", "nine months of 2026", "nine months of 2026",
      "the last quarter of 2026")),
    (12, ("cả năm", "Cả năm", "năm 2026", "Cả năm 2026", "năm 2026"),
     ("Q4", "full year", "the year 2026", "full year 2026", "2026")),
    (10, ("10 tháng", "10 tháng", "10 tháng năm 2026", "10 tháng đầu năm 2026",
          "2 tháng cuối năm 2026"),
     ("Jan–Oct", "January–October", "January–October 2026", "January–October 2026",
      "November–December 2026")),
    (11, ("11 tháng", "11 tháng", "11 tháng năm 2026", "11 tháng đầu năm 2026",
          "1 tháng cuối năm 2026"),
     ("Jan–Nov", "January–November", "January–November 2026", "January–November 2026",
      "December 2026")),
    (1, ("1 tháng", "1 tháng", "1 tháng năm 2026", "1 tháng đầu năm 2026",
         "11 tháng cuối năm 2026"),
     ("January", "January", "January 2026", "January 2026", "February–December 2026")),
])
def test_the_words_written(month: int, vi: tuple[str, ...], en: tuple[str, ...]) -> None:
    period = Period(2026, month)
    for lang, expected in (("vi", vi), ("en", en)):
        got = (periods.words(period, lang), periods.heading(period, lang),
               periods.annex_words(period, lang), periods.long_words(period, lang),
               periods.rest_words(period, 2026, lang))
        assert got == expected


def test_names_in_tables() -> None:
    assert periods.name(Period(2024, 9), "vi") == "9 tháng 2024"
    assert periods.name(Period(2024, 3), "vi", start=True) == "Quý I 2024"
    assert periods.name(Period(2024, 9), "en") == "2024-Q3"
    assert periods.name(Period(2026, 10), "en") == "2026-10"
    assert periods.name(Period(2026, 10), "vi") == "10 tháng 2026"


@pytest.mark.parametrize("month", range(1, 13))
def test_every_form_written_reads_back_to_the_same_period(month: int) -> None:
    """The round trip: each form hauloc writes, read by the one reader (as a whole cell and
    inside a heading), is the same year to date; none reads as the month alone."""
    period = Period(2026, month)
    for lang, forms in periods.written(period).items():
        for form in forms:
            found = read(form, 2026)
            assert (found.month, found.alone) == (month, False), (lang, form)
            inside = find(f"Thực hiện {form}", heading=True)
            assert inside is not None and inside.month == month, (lang, form)


def test_the_year_judged_on_its_estimate_is_said_so() -> None:
    period = Period(2026, 12)
    assert periods.long_words(period, "vi", estimate=True) == "Ước thực hiện cả năm 2026"
    assert periods.long_words(period, "en", estimate=True) == "estimate for the full year 2026"
    # before December there is no year's estimate to speak of
    assert periods.long_words(Period(2026, 11), "vi", estimate=True) == "11 tháng đầu năm 2026"
