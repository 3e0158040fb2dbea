"""The headings of an annex table and the periods they name (inputs/wide_header.py)."""

from __future__ import annotations

import pytest

from hauloc_cli.inputs.actuals.annex.header import (
    classify,
    find_wide_header,
    is_column_numbers,
    read_period,
)
from hauloc_cli.model.periods import Period
from hauloc_cli.vocab.annex_columns import (
    BY_KEY,
    COLUMNS,
    ESTIMATE_MONTH,
    ESTIMATE_VALUE,
    Column,
    heading,
)


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("quarter", [1, 2, 3, 4])
def test_every_heading_hauloc_writes_is_recognised(lang: str, quarter: int) -> None:
    period = Period.at_quarter(2024, quarter)
    for column in (*COLUMNS, ESTIMATE_VALUE):
        if column.key == "month":
            continue  # below: a value heading of the month alone
        found = classify(heading(column, lang, period))
        # next year's plan (`Kế hoạch năm 2025`) is a plan heading; beside the year's plan
        # column it is told apart by its later year (test_next_years_plan_is_not_read)
        key = "plan" if column.key == "next_plan" else column.key
        assert found is not None and found.key == key, heading(column, lang, period)
    value = classify(heading(ESTIMATE_VALUE, lang, period))
    assert value is not None and value.estimate
    plain = classify(heading(BY_KEY["value"], lang, period))
    assert plain is not None and not plain.estimate
    assert plain.rest and (named := read_period(plain.rest, heading=True)) is not None
    assert (named.month, named.year, named.alone) == (3 * quarter, 2024, False)


@pytest.mark.parametrize(("text", "key"), [
    ("Chỉ tiêu chủ yếu", "name"), ("Tên chỉ tiêu", "name"), ("CHI TIEU", "name"),
    ("Đơn vị tính", "measure"), ("ĐVT", "measure"), ("Đơn vị", "unit"), ("Mã đơn vị", "unit_code"),
    ("KH năm", "plan"), ("Kế hoạch", "plan"), ("Kế hoạch năm 2024 (1)", "plan"),
    ("Thực hiện kỳ báo cáo", "value"), ("Lũy kế kỳ báo cáo", "value"), ("Ước TH", "value"),
    ("Ước thực hiện 9 tháng", "value"), ("Cùng kỳ", "last_year"), ("Cùng kỳ 2023", "last_year"),
    ("Thực hiện 9 tháng 2024", "value"), ("TH 6 tháng", "value"), ("Chỉ tiêu kế hoạch", "plan"),
    ("Thực hiện cùng kỳ năm trước", "last_year"), ("Lũy kế cùng kỳ", "last_year"),
    ("Ghi chú", "note"), ("Mã chỉ tiêu", "code"), ("Mã", "code"), ("code", "code"),
    ("So sánh (%) KH", "of_plan"), ("So sánh (%) CK", "of_last_year"),
    ("Lũy kế so với kế hoạch năm", "of_plan"), ("So với kỳ trước", "previous"),
    ("Thực hiện kỳ trước", "previous"), ("Đánh giá", "assessment"), ("STT", "number"),
])
def test_the_other_names_offices_use(text: str, key: str) -> None:
    found = classify(text)
    assert found is not None and found.key == key


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("column", [BY_KEY["month"], ESTIMATE_MONTH])
def test_the_month_column_hauloc_writes_is_the_month_alone(lang: str, column: Column) -> None:
    """The monthly annex's `Thực hiện tháng 10` / `Actual, month 10 alone`: a value heading
    of October alone, which the reader passes over beside the total to date."""
    period = Period(2026, 10)
    found = classify(heading(column, lang, period))
    assert found is not None and found.key == "value"
    named = read_period(found.rest, heading=True)
    assert named is not None and (named.month, named.alone, named.span) == (10, True, 1)


def test_a_month_alone_is_a_value_heading_of_that_month() -> None:
    """`Thực hiện tháng 9/2024` is September alone (issue 22): a value column whose period
    the annex reader refuses as `month-alone`, no longer a heading it passes over."""
    found = classify("Thực hiện tháng 9/2024")
    assert found is not None and found.key == "value"
    named = read_period(found.rest, heading=True)
    assert named is not None and (named.month, named.alone) == (9, True)


@pytest.mark.parametrize("text", ["Số liệu", "", "Biểu số 01"])
def test_headings_that_name_no_column(text: str) -> None:
    assert classify(text) is None


def test_estimate_and_cumulative_marks() -> None:
    assert classify("Ước thực hiện 9 tháng năm 2024") == ("value", "9 thang nam 2024", True,
                                                         False)
    assert classify("Lũy kế kỳ báo cáo") == ("value", "ky bao cao", False, True)


@pytest.mark.parametrize(("text", "heading", "expected"), [
    ("9 tháng năm 2024", True, (9, 2024, False)),
    ("6 tháng đầu năm 2024", False, (6, 2024, False)),
    ("Quý I năm 2024", False, (3, 2024, False)),
    ("BÁO CÁO quý III/2024", False, (9, 2024, False)),  # a title names the report's quarter
    ("quý III/2024", True, (9, 2024, True)),  # a heading: the quarter alone
    ("năm 2024", True, (12, 2024, False)),
    ("cả năm 2024", False, (12, 2024, False)),
    ("nine months of 2024", False, (9, 2024, False)),
    ("Q3 2024", False, (9, 2024, False)),
    ("first half of 2024", False, (6, 2024, False)),
    ("the year 2024", True, (12, 2024, False)),
    ("9 tháng", True, (9, None, False)),
    ("12 tháng năm 2023", False, (12, 2023, False)),
])
def test_periods_in_words(text: str, heading: bool, expected: tuple[int, int, bool]) -> None:
    found = read_period(text, heading=heading)
    assert found is not None and (found.month, found.year, found.alone) == expected


@pytest.mark.parametrize("text", [
    "CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI NĂM 2024",  # in a title, the plan's year: not a period
    "6 tháng cuối năm 2024", "Kèm theo báo cáo số 12/BC-UBND", "quy định",
    "Hậu Lộc, ngày 9 tháng 10 năm 2024", "ngày 6 tháng 7"])  # a date line: 9 October
def test_titles_that_name_no_period(text: str) -> None:
    assert read_period(text, heading=False) is None


def test_two_header_rows_with_merged_cells() -> None:
    rows = [(1, ["BÁO CÁO 9 THÁNG NĂM 2024"]),
            (3, ["STT", "Chỉ tiêu", "Thực hiện", "", "So sánh (%)", ""]),
            (4, ["", "", "Cùng kỳ năm trước", "9 tháng năm 2024", "KH", "CK"]),
            (5, ["I", "KINH TẾ"])]
    found = find_wide_header(rows, [(3, 3, 3, 4), (3, 5, 3, 6)])
    assert found is not None
    assert (found.first, found.line, found.title) == (3, 4, [(1, "BÁO CÁO 9 THÁNG NĂM 2024")])
    assert found.index == {"number": 0, "name": 1, "last_year": 2, "value": 3, "of_plan": 4,
                           "of_last_year": 5}
    # without the merges (CSV, .ods): the empty cells right of a heading over named cells
    assert find_wide_header(rows, []) == found


def test_a_group_row_under_a_header_of_one_row_is_not_a_header_row() -> None:
    rows = [(1, ["STT", "Chỉ tiêu", "ĐVT", "Thực hiện 9 tháng"]), (2, ["I", "KINH TẾ"])]
    found = find_wide_header(rows)
    assert found is not None and found.line == 1
    assert found.headings == ["STT", "Chỉ tiêu", "ĐVT", "Thực hiện 9 tháng"]


def test_a_title_above_a_header_of_one_row_stays_a_title() -> None:
    rows = [(1, ["Thực hiện các chỉ tiêu 9 tháng năm 2024"]), (2, ["Chỉ tiêu", "Thực hiện"])]
    found = find_wide_header(rows)
    assert found is not None and (found.first, found.line) == (2, 2)


def test_no_header() -> None:
    assert find_wide_header([(1, ["target", "periode", "value"]), (2, ["a", "Q1", "1"])]) is None


@pytest.mark.parametrize(("cells", "expected"), [
    (["A", "B", "C", 1.0, 2.0, "3=2/1"], True), (["(1)", "(2)", "(3)"], True),
    ([1.0, "Sản phẩm OCOP mới", 6.0], False), (["I", "KINH TẾ"], False), (["1"], False)])
def test_the_row_numbering_the_columns(cells: list[object], expected: bool) -> None:
    assert is_column_numbers(cells) is expected  # type: ignore[arg-type]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_next_years_plan_is_not_read(lang: str) -> None:
    """`Kế hoạch năm 2025` beside `Kế hoạch năm 2024`: next year's plan (report --next-plan),
    a column not read, not a second plan column (duplicate-column)."""
    from hauloc_cli.inputs.actuals.annex.header import _columns

    period = Period.at_quarter(2024, 4)
    keys = ("name", "plan", "value", "next_plan", "next_vs", "term_goal")
    found = _columns([heading(BY_KEY[k], lang, period) for k in keys], 1, 1)
    assert found is not None
    assert (found.index["plan"], found.duplicates) == (1, [])
    assert found.index["next_vs"] == 4 and found.index["term_goal"] == 5
