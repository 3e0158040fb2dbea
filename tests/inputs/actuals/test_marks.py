"""Figures as reports give them: status and reported columns, revisions, last year's figures.

Every expected value is worked out by hand from the precedence rule: the later reported date
wins (a row without a date is older than any dated row); at the same date official >
preliminary > estimate > unmarked; rows equal in both are duplicate rows.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from hauloc_cli.errors import InputError
from hauloc_cli.inputs.actuals.marks import read_reported, read_status
from hauloc_cli.inputs.actuals.read import ReadOptions, read_actuals
from hauloc_cli.inputs.plan_file import load_plan
from hauloc_cli.model.figures import FigureStatus
from hauloc_cli.model.periods import Period
from hauloc_cli.model.plan import Plan
from tests.conftest import PLAN_2024

E, P, OFF = FigureStatus.ESTIMATE, FigureStatus.PRELIMINARY, FigureStatus.OFFICIAL
Q2, Q3 = Period.at_quarter(2024, 2), Period.at_quarter(2024, 3)


@pytest.fixture(scope="module")
def plan() -> Plan:
    return load_plan(PLAN_2024)


def read(tmp_path: Path, plan: Plan, text: str) -> object:
    path = tmp_path / "a.csv"
    path.write_text(text, encoding="utf-8")
    return read_actuals(path, plan, ReadOptions())


def problems(tmp_path: Path, plan: Plan, text: str) -> list[str]:
    with pytest.raises(InputError) as info:
        read(tmp_path, plan, text)
    return [str(p) for p in info.value.problems]


@pytest.mark.parametrize(("word", "status"), [
    ("ước", E), ("Ước tính", E), ("ước thực hiện", E), ("ESTIMATE", E), ("sơ bộ", P),
    ("Preliminary", P), ("chính thức", OFF), ("official", OFF), ("  Chính   thức ", OFF),
    ("", None),
])
def test_status_words(word: str, status: FigureStatus | None) -> None:
    assert read_status(word) == status


def test_status_words_with_combining_tone_marks() -> None:
    assert read_status("u\u031bo\u031b\u0301c") == E  # 'ước' typed as combining characters


@pytest.mark.parametrize(("text", "day"), [
    ("2024-10-05", date(2024, 10, 5)), ("05/10/2024", date(2024, 10, 5)),
    ("5/10/2024", date(2024, 10, 5)), ("2024-10-05T00:00:00", date(2024, 10, 5)), ("", None),
])
def test_reported_dates(text: str, day: date | None) -> None:
    assert read_reported(text) == day


@pytest.mark.parametrize("text", ["31/02/2024", "2024-13-01", "10/2024", "hôm qua", "2024/10/05"])
def test_bad_dates(text: str) -> None:
    refused = read_reported(text)
    assert isinstance(refused, tuple) and refused[0] == "bad-date"


HEAD = "target,period,value,status,reported\n"


def test_a_later_report_revises_an_earlier_one(tmp_path: Path, plan: Plan) -> None:
    data = read(tmp_path, plan, HEAD
                + "production_growth,2024-Q2,10.4,ước,05/07/2024\n"
                + "production_growth,2024-Q2,10.6,chính thức,2024-10-05\n")
    figures = data.figures  # type: ignore[attr-defined]
    used = figures.of("production_growth")[Q2]
    assert (used.value, used.status, used.reported, used.line) == (10.6, OFF, date(2024, 10, 5), 3)
    assert [(f.value, f.status, f.line) for f in figures.replaced("production_growth", Q2)] == [
        (10.4, E, 2)]


def test_the_latest_date_wins_over_a_more_final_status(tmp_path: Path, plan: Plan) -> None:
    data = read(tmp_path, plan, HEAD
                + "production_growth,2024-Q2,10.2,estimate,2024-10-05\n"
                + "production_growth,2024-Q2,10.6,official,2024-07-05\n")
    figures = data.figures  # type: ignore[attr-defined]
    assert figures.of("production_growth")[Q2].value == 10.2
    assert [f.value for f in figures.replaced("production_growth", Q2)] == [10.6]


def test_same_date_official_then_preliminary_then_estimate(tmp_path: Path, plan: Plan) -> None:
    data = read(tmp_path, plan, HEAD
                + "ocop_products,2024-Q2,3,sơ bộ,2024-10-05\n"
                + "ocop_products,2024-Q2,4,chính thức,2024-10-05\n"
                + "ocop_products,2024-Q2,2,ước,2024-10-05\n")
    figures = data.figures  # type: ignore[attr-defined]
    assert figures.of("ocop_products")[Q2].value == 4
    # earliest first: the estimate (line 4), then the preliminary figure (line 2)
    assert [(f.value, f.line) for f in figures.replaced("ocop_products", Q2)] == [(2, 4), (3, 2)]


def test_a_dated_row_revises_an_undated_one_and_marked_revises_unmarked(
        tmp_path: Path, plan: Plan) -> None:
    data = read(tmp_path, plan, HEAD
                + "ocop_products,2024-Q2,3,,2024-07-01\n"
                + "ocop_products,2024-Q2,2,official,\n"
                + "ocop_products,2024-Q3,4,,\n"
                + "ocop_products,2024-Q3,5,ước,\n")
    by_period = data.figures.of("ocop_products")  # type: ignore[attr-defined]
    assert (by_period[Q2].value, by_period[Q3].value) == (3, 5)


def test_rows_equal_in_date_and_status_are_duplicates_naming_both(
        tmp_path: Path, plan: Plan) -> None:
    found = problems(tmp_path, plan, HEAD
                     + "ocop_products,2024-Q2,3,ước,2024-07-01\n"
                     + "ocop_products,2024-Q2,4,chính thức,2024-10-05\n"
                     + "ocop_products,2024-Q2,5,estimate,01/07/2024\n")
    assert found == [
        f"{tmp_path / 'a.csv'}:4: [duplicate-row] a second figure for ocop_products in 2024-Q2 "
        "(the first is on line 2) — keep one row per target and quarter, or tell a revision "
        "apart by its status or reported date"]


def test_a_bad_status_word_is_bad_value_with_its_place_and_the_words(
        tmp_path: Path, plan: Plan) -> None:
    found = problems(tmp_path, plan, HEAD + "ocop_products,2024-Q2,3,dự kiến,2024-07-01\n")
    assert found == [
        f"{tmp_path / 'a.csv'}:2:4: [bad-value] 'dự kiến' is not a status of a figure — write "
        "one of: ước, ước tính, ước thực hiện, estimate, sơ bộ, preliminary, chính thức, "
        "official (or leave it empty)"]


def test_a_bad_date_names_its_place_and_the_forms(tmp_path: Path, plan: Plan) -> None:
    found = problems(tmp_path, plan, HEAD + "ocop_products,2024-Q2,3,ước,30/02/2024\n"
                     + "ocop_products,2024-Q3,4,ước,Q3\n")
    assert found == [
        f"{tmp_path / 'a.csv'}:2:5: [bad-date] '30/02/2024' is not a day of the calendar — "
        "check the day and the month (dd/mm/yyyy, or yyyy-mm-dd)",
        f"{tmp_path / 'a.csv'}:3:5: [bad-date] 'Q3' is not a date — write the date as "
        "2024-10-05 or 05/10/2024 (day/month/year)"]


def test_vietnamese_column_names(tmp_path: Path, plan: Plan) -> None:
    data = read(tmp_path, plan, "target,period,value,loại số liệu,ngày báo cáo,thực hiện cùng kỳ\n"
                + "income_per_capita,2024-Q3,67.5,ước,2024-09-25,59.27\n")
    figures = data.figures  # type: ignore[attr-defined]
    assert figures.of("income_per_capita")[Q3].status is E
    assert figures.of("income_per_capita")[Period.at_quarter(2023, 3)].value == 59.27
    assert data.warnings == ()  # type: ignore[attr-defined]


def test_two_names_of_one_column_are_a_duplicate_column(tmp_path: Path, plan: Plan) -> None:
    found = problems(tmp_path, plan, "target,period,value,status,tình trạng\n"
                     + "ocop_products,2024-Q2,3,ước,ước\n")
    assert found == [f"{tmp_path / 'a.csv'}:1:5: [duplicate-column] columns 'status' and "
                     "'tình trạng' both give the status of a figure — keep one of them"]


def test_the_last_year_column_beside_value(tmp_path: Path, plan: Plan) -> None:
    data = read(tmp_path, plan, "target,period,value,last_year\n"
                + "production_growth,2024-Q3,10.9,4.07%\n"
                + "ocop_products,2024-Q3,4,\n"
                + "national_standard_schools,2024-Q3,9,0\n")
    figures = data.figures  # type: ignore[attr-defined]
    assert figures.of("production_growth")[Period.at_quarter(2023, 3)].value == 4.07
    assert Period.at_quarter(2023, 3) not in figures.of("ocop_products")  # empty: no figure
    assert figures.of("national_standard_schools")[Period.at_quarter(2023, 3)].value == 0
    assert figures.latest == Q3


def test_a_last_year_figure_repeated_on_revised_rows_is_one_figure(
        tmp_path: Path, plan: Plan) -> None:
    data = read(tmp_path, plan, "target,period,value,status,last_year\n"
                + "income_per_capita,2024-Q2,66.8,ước,58.1\n"
                + "income_per_capita,2024-Q2,66.2,chính thức,58.1\n")
    figures = data.figures  # type: ignore[attr-defined]
    assert figures.of("income_per_capita")[Period.at_quarter(2023, 2)].value == 58.1
    assert figures.replaced("income_per_capita", Period.at_quarter(2023, 2)) == ()


def test_a_bad_last_year_figure_is_a_bad_number(tmp_path: Path, plan: Plan) -> None:
    found = problems(tmp_path, plan, "target,period,value,last_year\n"
                     + "ocop_products,2024-Q3,4,bốn\n")
    assert found == [f"{tmp_path / 'a.csv'}:2:4: [bad-number] 'bốn' is not a number — write a "
                     "plain decimal number with '.' as the decimal point, e.g. 12.5"]


def test_last_years_periods_are_read_for_targets_compared_with_last_year(tmp_path: Path) -> None:
    plan = Plan.model_validate({"plan": {"id": "p", "year": 2024}, "targets": [
        {"id": "income", "name": "Thu nhập", "kind": "annual", "target": 69,
         "compare_last_year": True},
        {"id": "ocop", "name": "OCOP", "kind": "cumulative", "target": 6}]})
    data = read(tmp_path, plan, "target,period,value\nincome,9 tháng 2023,59.27\n"
                + "income,2024-Q3,67.5\n")
    assert data.figures.of("income")[Period.at_quarter(2023, 3)].value == 59.27  # type: ignore[attr-defined]
    found = problems(tmp_path, plan, "target,period,value\nocop,2023-Q3,3\n")
    assert found == [f"{tmp_path / 'a.csv'}:2:2: [wrong-year] period '2023-Q3' is not in the "
                     "plan's year 2024 — this plan is for 2024; to compare with 2023, set "
                     "compare_last_year: true for this target in the plan; to judge 2023, use "
                     "the plan of 2023 with --targets"]


def test_a_last_year_file_read_with_the_figures(tmp_path: Path, plan: Plan) -> None:
    from hauloc_cli.inputs.actuals.read import with_last_year

    this = tmp_path / "a.csv"
    this.write_text("target,period,value,last_year\nocop_products,2024-Q3,4,3\n"
                    "income_per_capita,2024-Q3,67.5,\n", encoding="utf-8")
    last = tmp_path / "b.csv"
    last.write_text("target,period,value,status,last_year\n"
                    "income_per_capita,9 tháng,60,chính thức,55\n"  # 55 is 2022: left out
                    "ocop_products,2023-Q3,2,ước,\n", encoding="utf-8")
    data = with_last_year(read_actuals(this, plan), last, plan)
    figures = data.figures
    assert figures.of("income_per_capita")[Period.at_quarter(2023, 3)].value == 60
    assert Period.at_quarter(2022, 3) not in figures.of("income_per_capita")
    # ocop 2023-Q3: 3 beside the 2024 row (unmarked) and 2 (ước) in the last-year file: the
    # estimate is more final than an unmarked figure, both undated → 2 is used, 3 revised
    assert figures.of("ocop_products")[Period.at_quarter(2023, 3)].value == 2
    assert [f.value for f in figures.replaced("ocop_products", Period.at_quarter(2023, 3))] == [3]
    assert figures.latest == Q3


def test_the_same_figure_in_two_files_names_both(tmp_path: Path, plan: Plan) -> None:
    from hauloc_cli.inputs.actuals.read import with_last_year

    this = tmp_path / "a.csv"
    this.write_text("target,period,value,last_year\nocop_products,2024-Q3,4,3\n",
                    encoding="utf-8")
    last = tmp_path / "b.csv"
    last.write_text("target,period,value\nocop_products,2023-Q3,2\n", encoding="utf-8")
    with pytest.raises(InputError) as info:
        with_last_year(read_actuals(this, plan), last, plan)
    assert [str(p) for p in info.value.problems] == [
        f"{last}:2: [duplicate-row] a second figure for ocop_products in 2023-Q3 (the first is "
        f"on {this}:2) — keep one of them, or tell a revision apart by its status or reported "
        "date"]
