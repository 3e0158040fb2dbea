"""Annex tables read back (inputs/wide.py): workbooks built the way offices make them, CSV,
and an .ods file LibreOffice saved. Every expected figure is worked out from the rows by hand."""

from __future__ import annotations

import csv
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from hauloc_cli.errors import Code, InputError, UsageError
from hauloc_cli.inputs.actuals.read import ReadOptions
from hauloc_cli.inputs.actuals.sources import read_sources
from hauloc_cli.inputs.plan_file import load_plan
from hauloc_cli.model.periods import Period
from tests.conftest import ASSETS, PLAN_2024
from tests.inputs.actuals.annex.support import (
    OFFICE_FIGURES,
    OFFICE_MERGES,
    OFFICE_ROWS,
    annex_expected,
    figures_of,
    read,
    workbook,
)

HEADER = ["STT", "Chỉ tiêu", "ĐVT", "Kế hoạch năm 2024", "Thực hiện 9 tháng năm 2024"]


def problems(path: Path, **options: object) -> list[tuple[str, Code, str]]:
    """(place, code, message) of every problem reading `path`."""
    with pytest.raises(InputError) as raised:
        read(path, **options)  # type: ignore[arg-type]
    return [(p.where, p.code, str(p.message)) for p in raised.value.problems]


def test_an_office_workbook(tmp_path: Path) -> None:
    path = workbook(tmp_path / "bao-cao.xlsx", OFFICE_ROWS, OFFICE_MERGES)
    actuals = read(path)
    assert actuals.warnings == ()
    assert actuals.rows == 5  # the five target rows; group, numbering and notes rows are not
    assert figures_of(path) == OFFICE_FIGURES


def test_the_same_table_as_csv(tmp_path: Path) -> None:
    """No merged cells in CSV: an empty cell right of 'Thực hiện' over named cells is part of
    it, as in the workbook."""
    path = tmp_path / "bao-cao.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([["" if c is None else c for c in row]
                                      for row in OFFICE_ROWS])
    assert figures_of(path) == OFFICE_FIGURES


def test_the_same_table_saved_by_libreoffice_as_ods() -> None:
    """tests/assets/annex.libreoffice.ods: OFFICE_ROWS saved by LibreOffice (made by
    tests/assets/make_annex_ods.py); .ods gives no merged cells to the reader."""
    assert figures_of(ASSETS / "annex.libreoffice.ods") == OFFICE_FIGURES


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None
                    and os.environ.get("HAULOC_REQUIRE_LIBREOFFICE") != "1",
                    reason="LibreOffice is not installed (.ci/run installs it)")
@pytest.mark.parametrize("suffix", ["xlsx", "ods", "csv"])
def test_the_office_workbook_resaved_by_libreoffice(tmp_path: Path, suffix: str) -> None:
    """Saved again by LibreOffice (its own merged cells in .xlsx, none in .ods and CSV), the
    table reads back to the same figures."""
    source = workbook(tmp_path / "office.xlsx", OFFICE_ROWS, OFFICE_MERGES)
    out = tmp_path / "out"
    target = "csv:Text - txt - csv (StarCalc):44,34,76" if suffix == "csv" else suffix
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path}/profile", "--headless",
                    "--convert-to", target, "--outdir", str(out), str(source)],
                   check=True, capture_output=True, timeout=300)
    assert figures_of(out / f"office.{suffix}") == OFFICE_FIGURES


def test_english_headings_a_code_column_and_estimates(tmp_path: Path) -> None:
    rows = [["Report on the targets: nine months of 2024"],
            ["No.", "Target", "Unit", "Plan 2024", "Same period 2023",
             "Estimate, nine months of 2024", "% of plan", "% of same period", "Assessment",
             "Target code"],
            ["I", "ECONOMY"],
            [1, "Growth of production value", "%", 12, 9.5, 10.9, 90.8, 114.7, "At risk",
             "production_growth"],
            [2, "a name the code overrides", "products", 6, None, 4, 66.7, None, "At risk",
             "ocop_products"]]
    path = workbook(tmp_path / "annex-en.xlsx", rows)
    assert figures_of(path) == {
        ("production_growth", None, "2024-Q3"): (10.9, "estimate"),
        ("production_growth", None, "2023-Q3"): (9.5, None),  # last year: no status
        ("ocop_products", None, "2024-Q3"): (4.0, "estimate"),
    }


def test_status_column_milestones_and_a_dash(tmp_path: Path) -> None:
    """The writers' 'mixed' table: a Loại số liệu column; its word wins over the heading."""
    rows = [["STT", "Chỉ tiêu", "Ước thực hiện 6 tháng đầu năm 2024", "Loại số liệu",
             "Mã chỉ tiêu"],
            [1, "x", 10.6, "sơ bộ", "production_growth"],
            [2, "x", 66.8, "", "income_per_capita"],
            [3, "x", 3, "chính thức", "ocop_products"],
            [4, "x", "chưa đạt", "", "ntm_district_recognition"],
            [5, "x", "-", "", "national_standard_schools"],
            [6, "x", None, "", "rural_hygienic_water"]]
    path = workbook(tmp_path / "mixed.xlsx", rows)
    assert figures_of(path) == {
        ("production_growth", None, "2024-Q2"): (10.6, "preliminary"),
        ("income_per_capita", None, "2024-Q2"): (66.8, "estimate"),
        ("ocop_products", None, "2024-Q2"): (3.0, "official"),
        ("ntm_district_recognition", None, "2024-Q2"): (False, "estimate"),
    }
    assert read(path).rows == 6  # a row without a figure is still a row of a target


PLAN_WITH_ALIASES = """\
plan: {id: t, name: Xã Thử, year: 2024}
targets:
  - id: income
    name: Thu nhập bình quân đầu người
    aliases: [Thu nhập BQ/người]
    kind: annual
    target: 69
  - id: irrigation
    name: Thủy lợi hóa đồng ruộng
    kind: level
    target: 80
    unit: "%"
  - id: ocop
    name: Sản phẩm OCOP mới
    kind: cumulative
    target: 6
"""


def test_names_aliases_case_spacing_and_units(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(PLAN_WITH_ALIASES, encoding="utf-8")
    rows = [HEADER,
            [1, "Thu nhập BQ/người", "triệu đồng", 69, 67.5],
            [2, "Thuỷ lợi hoá đồng ruộng (%)", "%", 80, 75],
            [3, "  SẢN PHẨM   OCOP MỚI", "sản phẩm", 6, 4]]
    path = workbook(tmp_path / "aliases.xlsx", rows)
    assert figures_of(path, plan) == {
        ("income", None, "2024-Q3"): (67.5, None),
        ("irrigation", None, "2024-Q3"): (75.0, None),
        ("ocop", None, "2024-Q3"): (4.0, None),
    }


def test_unknown_rows_near_misses_and_duplicates(tmp_path: Path) -> None:
    rows = [["BÁO CÁO 9 THÁNG NĂM 2024"], HEADER,
            [1, "Sản phẩm OCOP mơi", "sản phẩm", 6, 4],
            [2, "Số khách du lịch", "lượt", None, 1200],
            [3, "Trường học đạt chuẩn quốc gia (thêm)", "trường", 12, 9],
            [4, "Trường học đạt chuẩn quốc gia", "trường", 12, 9],
            [None, None, None, None, 5]]
    path = workbook(tmp_path / "bad.xlsx", rows)
    found = problems(path)
    assert [(where, code) for where, code, _ in found] == [
        ("'Biểu 01'!B3", Code.UNKNOWN_TARGET), ("'Biểu 01'!B4", Code.UNKNOWN_TARGET),
        ("'Biểu 01'!B6", Code.DUPLICATE_ROW), ("'Biểu 01'!B7", Code.UNKNOWN_TARGET)]
    assert found[0][2] == "no target named 'Sản phẩm OCOP mơi' in the plan"
    assert found[2][2] == ("a second row for national_standard_schools (the first is "
                           "'Biểu 01'!B5)")
    assert found[3][2] == "the row has a figure but no target's name"
    with pytest.raises(InputError) as raised:
        read(path)
    assert str(raised.value.problems[0].hint).startswith(
        "did you mean 'Sản phẩm OCOP mới' (ocop_products)?")


def test_a_code_that_is_no_target(tmp_path: Path) -> None:
    rows = [["Chỉ tiêu", "Thực hiện 9 tháng", "Mã chỉ tiêu"],
            ["Sản phẩm OCOP mới", 4, "ocop_product"]]
    with pytest.raises(InputError) as raised:
        read(workbook(tmp_path / "code.xlsx", rows))
    (problem,) = raised.value.problems
    assert (problem.where, problem.code, str(problem.hint)) == (
        "'Biểu 01'!C2", Code.UNKNOWN_TARGET, "did you mean 'ocop_products' (New OCOP products)?")


@pytest.mark.parametrize(("value", "code"), [
    ("bốn", Code.BAD_NUMBER), ("4,5", Code.BAD_NUMBER), (-1, Code.OUT_OF_RANGE)])
def test_a_cell_that_is_not_a_figure(tmp_path: Path, value: object, code: Code) -> None:
    rows = [HEADER, [1, "Sản phẩm OCOP mới", "sản phẩm", 6, value]]
    assert [(w, c) for w, c, _ in problems(workbook(tmp_path / "v.xlsx", rows))] == [
        ("'Biểu 01'!E2", code)]


def test_decimal_comma_text(tmp_path: Path) -> None:
    rows = [HEADER, [1, "Tốc độ tăng trưởng giá trị sản xuất", "%", "12", "10,9"]]
    path = workbook(tmp_path / "comma.xlsx", rows)
    assert figures_of(path, decimal_comma=True) == {
        ("production_growth", None, "2024-Q3"): (10.9, None)}


def test_a_plan_cell_that_differs_from_the_plan_is_a_warning(tmp_path: Path) -> None:
    rows = [HEADER, [1, "Sản phẩm OCOP mới", "sản phẩm", 7, 4],
            [2, "Trường học đạt chuẩn quốc gia (thêm)", "trường", 12, 9]]
    actuals = read(workbook(tmp_path / "plan.xlsx", rows))
    (warning,) = actuals.warnings
    assert (warning.where, warning.code) == ("'Biểu 01'!D2", Code.PLAN_MISMATCH)
    assert "the plan file's target of ocop_products is 6" in str(warning.message)
    assert actuals.figures.of("ocop_products")[Period.at_quarter(2024, 3)].value == 4.0


def test_an_unknown_column_is_a_warning(tmp_path: Path) -> None:
    rows = [[*HEADER, "Người phụ trách"], [1, "Sản phẩm OCOP mới", "sản phẩm", 6, 4, "A"]]
    (warning,) = read(workbook(tmp_path / "col.xlsx", rows)).warnings
    assert (warning.where, warning.code) == ("'Biểu 01'!F1", Code.UNKNOWN_COLUMN)


# --- the period ----------------------------------------------------------------------------

def one_row(tmp_path: Path, value_heading: str, title: str | None = None) -> Path:
    rows = [["Chỉ tiêu", value_heading], ["Sản phẩm OCOP mới", 4]]
    return workbook(tmp_path / "p.xlsx", [[title], *rows] if title else rows)


@pytest.mark.parametrize(("heading", "title", "period"), [
    ("Thực hiện 9 tháng năm 2024", None, "2024-Q3"),
    ("Thực hiện kỳ báo cáo", "BÁO CÁO 6 tháng đầu năm 2024", "2024-Q2"),
    ("Thực hiện kỳ báo cáo", "Báo cáo tình hình quý III/2024", "2024-Q3"),
    ("Lũy kế quý III/2024", None, "2024-Q3"),
    ("Thực hiện năm 2024", "CÁC CHỈ TIÊU NĂM 2024", "2024-Q4"),
    ("Actual", "Report: first half of 2024", "2024-Q2"),
])
def test_the_period_from_the_heading_or_the_title(tmp_path: Path, heading: str,
                                                  title: str | None, period: str) -> None:
    path = one_row(tmp_path, heading, title)
    assert figures_of(path) == {("ocop_products", None, period): (4.0, None)}


def test_the_period_from_the_option(tmp_path: Path) -> None:
    path = one_row(tmp_path, "Thực hiện kỳ báo cáo")
    assert figures_of(path, period=Period.at_quarter(2024, 2)) == {
        ("ocop_products", None, "2024-Q2"): (4.0, None)}
    found = problems(path)
    assert [(w, c) for w, c, _ in found] == [("'Biểu 01'!B1", Code.MISSING_PERIOD)]


def test_the_option_and_the_file_disagree(tmp_path: Path) -> None:
    path = one_row(tmp_path, "Thực hiện 9 tháng năm 2024")
    assert figures_of(path, period=Period.at_quarter(2024, 3))  # the same: fine
    with pytest.raises(UsageError, match=r"--period 2024-Q2 is not the period of .*2024-Q3"):
        read(path, period=Period.at_quarter(2024, 2))


@pytest.mark.parametrize(("heading", "title", "where", "code"), [
    ("Thực hiện Q1 2024", "9 tháng năm 2024", "'Biểu 01'!B2", Code.BAD_PERIOD),
    ("Thực hiện quý III/2024", None, "'Biểu 01'!B1", Code.QUARTER_ALONE),
    ("Thực hiện 9 tháng năm 2023", None, "'Biểu 01'!B1", Code.WRONG_YEAR),
    ("Thực hiện", "BÁO CÁO 9 THÁNG NĂM 2023", "'Biểu 01'!1:1", Code.WRONG_YEAR),
])
def test_periods_that_are_refused(tmp_path: Path, heading: str, title: str | None,
                                  where: str, code: Code) -> None:
    assert [(w, c) for w, c, _ in problems(one_row(tmp_path, heading, title))] == [
        (where, code)]


# --- columns, units, sheets ----------------------------------------------------------------

def test_the_cumulative_column_is_the_value(tmp_path: Path) -> None:
    """Thực hiện kỳ báo cáo (the quarter alone) beside Lũy kế kỳ báo cáo (the year to date)."""
    rows = [["BÁO CÁO QUÝ III NĂM 2024"],
            ["Chỉ tiêu", "Thực hiện cùng kỳ", "Lũy kế cùng kỳ", "Thực hiện kỳ báo cáo",
             "Lũy kế kỳ báo cáo"],
            ["Sản phẩm OCOP mới", 1, 3, 1, 4]]
    assert figures_of(workbook(tmp_path / "cum.xlsx", rows)) == {
        ("ocop_products", None, "2024-Q3"): (4.0, None),
        ("ocop_products", None, "2023-Q3"): (3.0, None)}


def test_value_columns_of_several_periods(tmp_path: Path) -> None:
    """A Q3 report with the 6 months, the 9-month estimate and the year's estimate: the 6 and
    9 months are figures of their periods, the year's (after the report's) is a forecast."""
    rows = [["BÁO CÁO 9 THÁNG NĂM 2024"],
            ["Chỉ tiêu", "Thực hiện 6 tháng", "Ước thực hiện 9 tháng", "Ước thực hiện cả năm",
             "Cùng kỳ"],
            ["Sản phẩm OCOP mới", 3, 4, 6, 2]]
    path = workbook(tmp_path / "several.xlsx", rows)
    assert figures_of(path) == {
        ("ocop_products", None, "2024-Q2"): (3.0, None),
        ("ocop_products", None, "2024-Q3"): (4.0, "estimate"),
        ("ocop_products", None, "2023-Q3"): (2.0, None)}  # last year: of the report's period
    (warning,) = read(path).warnings
    assert (warning.where, warning.code) == ("'Biểu 01'!D2", Code.FORECAST_COLUMN)
    # without the title, the report's period is --period's
    del rows[0]
    path = workbook(tmp_path / "no-title.xlsx", rows)
    assert [(w, c) for w, c, _ in problems(path)] == [("'Biểu 01'!B1", Code.MISSING_PERIOD)]
    assert figures_of(path, period=Period.at_quarter(2024, 2)) == {
        ("ocop_products", None, "2024-Q2"): (3.0, None),
        ("ocop_products", None, "2023-Q2"): (2.0, None)}


@pytest.mark.parametrize(("headings", "title", "where", "code"), [
    (["Thực hiện 9 tháng", "Ước thực hiện 9 tháng"], None, "'Biểu 01'!C1",
     Code.DUPLICATE_COLUMN),
    (["Thực hiện", "Thực hiện 9 tháng"], None, "'Biểu 01'!C1", Code.DUPLICATE_COLUMN),
    (["Thực hiện 6 tháng", "Thực hiện 9 tháng"], "quý I năm 2024", "'Biểu 01'!B2",
     Code.BAD_PERIOD),
])
def test_value_columns_that_cannot_be_read(tmp_path: Path, headings: list[str],
                                           title: str | None, where: str, code: Code) -> None:
    rows = [["Chỉ tiêu", *headings], ["Sản phẩm OCOP mới", 3, 4]]
    path = workbook(tmp_path / "two.xlsx", [[title], *rows] if title else rows)
    assert [(w, c) for w, c, _ in problems(path)] == [(where, code)]


def test_a_header_without_a_column_of_figures(tmp_path: Path) -> None:
    rows = [["STT", "Chỉ tiêu", "ĐVT", "Kế hoạch năm 2024"], [1, "Sản phẩm OCOP mới", "sp", 6]]
    assert [(w, c) for w, c, _ in problems(workbook(tmp_path / "nv.xlsx", rows))] == [
        ("'Biểu 01'!1:1", Code.MISSING_COLUMN)]


def test_a_long_file_with_a_misspelt_column_is_still_missing_column(tmp_path: Path) -> None:
    path = tmp_path / "long.csv"
    path.write_text("target,periode,value\nocop_products,Q1,1\n", encoding="utf-8")
    assert [c for _, c, _ in problems(path)] == [Code.MISSING_COLUMN]


UNITS = ASSETS.parent.parent / "data" / "units_hau_loc_2024.yaml"


def test_the_sheet_by_unit(tmp_path: Path) -> None:
    """Units by name or by code; the plan's own unit is the plan's figure."""
    rows = [["BÁO CÁO 9 THÁNG NĂM 2024"],
            ["STT", "Đơn vị", "Chỉ tiêu", "ĐVT", "Thực hiện 9 tháng năm 2024", "Mã chỉ tiêu",
             "Mã đơn vị"],
            [1, "Xã Hoà Lộc", "Sản phẩm OCOP mới", "sp", 1, "ocop_products", None],
            [2, "anything", "Sản phẩm OCOP mới", "sp", 2, "ocop_products", "hoa_loc"],
            [3, "Huyện Hậu Lộc", "Sản phẩm OCOP mới", "sp", 4, "ocop_products", None]]
    path = workbook(tmp_path / "units.xlsx", rows)
    assert figures_of(path, units=UNITS) == {
        ("ocop_products", "hoa_loc_2", "2024-Q3"): (1.0, None),  # Hòa Lộc, by its name
        ("ocop_products", "hoa_loc", "2024-Q3"): (2.0, None),
        ("ocop_products", None, "2024-Q3"): (4.0, None)}
    # without units the rows are three figures of one target
    assert [c for _, c, _ in problems(path)] == [Code.DUPLICATE_ROW, Code.DUPLICATE_ROW]


def test_an_unknown_unit(tmp_path: Path) -> None:
    rows = [["Đơn vị", "Chỉ tiêu", "Thực hiện 9 tháng năm 2024"],
            ["Xã Hoa Loc", "Sản phẩm OCOP mới", 1]]
    assert [(w, c) for w, c, _ in problems(workbook(tmp_path / "u.xlsx", rows), units=UNITS)
            ] == [("'Biểu 01'!A2", Code.UNKNOWN_UNIT)]


def test_a_workbook_of_annex_sheets_reads_the_first(tmp_path: Path) -> None:
    """hauloc report's workbook: the plan-level table first, the sheet by unit second."""
    by_unit = [["Đơn vị", "Chỉ tiêu", "Thực hiện 9 tháng năm 2024", "Mã đơn vị"],
               ["Xã Hoa Lộc", "Sản phẩm OCOP mới", 1, "hoa_loc"]]
    path = workbook(tmp_path / "report.xlsx", OFFICE_ROWS, OFFICE_MERGES,
                    more=[("Theo đơn vị", by_unit)])
    actuals = read(path)
    assert (actuals.sheet, figures_of(path)) == ("Biểu 01", OFFICE_FIGURES)
    assert figures_of(path, sheet="Theo đơn vị", units=UNITS) == {
        ("ocop_products", "hoa_loc", "2024-Q3"): (1.0, None)}


def test_a_guide_sheet_before_the_annex_sheet(tmp_path: Path) -> None:
    path = workbook(tmp_path / "guide.xlsx", [["Hướng dẫn"], ["Điền số liệu vào biểu 01"]],
                    title="Hướng dẫn", more=[("Biểu 01", OFFICE_ROWS)])
    assert figures_of(path) == OFFICE_FIGURES


def test_an_implausible_figure_is_a_warning(tmp_path: Path) -> None:
    """12.500 typed with a decimal comma is 12500: the point read as thousands, 12.5 meant
    (tests/inputs/actuals/test_typos.py has the rule); 1300, more than 100 × the target 12 and no
    slip's, is implausible."""
    rows = [HEADER, [1, "Tốc độ tăng trưởng giá trị sản xuất", "%", "12", "12.500"]]
    (warning,) = read(workbook(tmp_path / "i.xlsx", rows), decimal_comma=True).warnings
    assert (warning.where, warning.code) == ("'Biểu 01'!E2", Code.POINT_AS_THOUSANDS)
    assert str(warning.message).endswith("; 12.5?")
    rows = [HEADER, [1, "Tốc độ tăng trưởng giá trị sản xuất", "%", "12", "1300"]]
    (warning,) = read(workbook(tmp_path / "j.xlsx", rows), decimal_comma=True).warnings
    assert (warning.where, warning.code) == ("'Biểu 01'!E2", Code.IMPLAUSIBLE_VALUE)


def test_the_rows_that_are_read_past(tmp_path: Path) -> None:
    """Group headings without a Roman STT, and notes and signatures below the table."""
    rows = [["STT", "Chỉ tiêu", "Thực hiện 9 tháng năm 2024"],
            [None, "A. CHỈ TIÊU KINH TẾ"],           # a lettered heading in capitals
            [None, "Lĩnh vực kinh tế"],              # a group's name after 'Lĩnh vực'
            ["1", "Sản phẩm OCOP mới", 4],
            [None, "b) Văn hoá - Xã hội"],           # a numbered group heading
            ["2", "Trường học đạt chuẩn quốc gia (thêm)", None],  # a target, no figure yet
            ["(*) Số liệu ước tính"],                  # notes begin
            [None, "Người lập biểu", None],            # read past: no figure
            [None, "Nguyễn Văn A"]]
    path = workbook(tmp_path / "past.xlsx", rows)
    assert figures_of(path) == {("ocop_products", None, "2024-Q3"): (4.0, None)}
    assert read(path).rows == 2


def test_a_figure_below_the_notes_is_still_read(tmp_path: Path) -> None:
    rows = [["Chỉ tiêu", "Thực hiện 9 tháng năm 2024"], ["Sản phẩm OCOP mới", 4],
            ["Ghi chú: số liệu ước"], ["Trường học mới", 3]]
    assert [(w, c) for w, c, _ in problems(workbook(tmp_path / "n.xlsx", rows))] == [
        ("'Biểu 01'!A4", Code.UNKNOWN_TARGET)]


def test_a_name_two_targets_share(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(PLAN_WITH_ALIASES.replace("aliases: [Thu nhập BQ/người]",
                                              "aliases: [Sản phẩm OCOP mới]"), encoding="utf-8")
    rows = [["Chỉ tiêu", "Thực hiện 9 tháng năm 2024"], ["Sản phẩm OCOP mới", 4]]
    found = problems(workbook(tmp_path / "s.xlsx", rows), plan=plan)
    assert found == [("'Biểu 01'!A2", Code.UNKNOWN_TARGET,
                      "'Sản phẩm OCOP mới' is the name of 2 targets (income, ocop)")]


def test_a_semicolon_csv_with_decimal_commas(tmp_path: Path) -> None:
    """As Vietnamese Excel saves 'CSV': ';' between fields, ',' in numbers, a BOM."""
    path = tmp_path / "bao-cao.csv"
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle, delimiter=";").writerows([
            ["BÁO CÁO 9 THÁNG NĂM 2024"],
            ["STT", "Chỉ tiêu", "Kế hoạch năm 2024", "Ước thực hiện 9 tháng", "Cùng kỳ"],
            ["1", "Tốc độ tăng trưởng giá trị sản xuất", "12", "10,9", "9,5"],
            ["2", "Thu nhập bình quân đầu người", "69", "67,5", ""]])
    assert figures_of(path, decimal_comma=True) == {
        ("production_growth", None, "2024-Q3"): (10.9, "estimate"),
        ("production_growth", None, "2023-Q3"): (9.5, None),
        ("income_per_capita", None, "2024-Q3"): (67.5, "estimate")}


def test_the_example_annex_reads_as_the_example_at_q3() -> None:
    """examples/annex_9_thang_2024.csv gives the example's figures of 2024-Q3, as the writers'
    round-trip rules say an annex of 2024-Q3 made from it would (annex_support.annex_expected).
    """
    from tests.conftest import EXAMPLE, ROOT

    expected = annex_expected(read(EXAMPLE), Period.at_quarter(2024, 3))
    assert figures_of(ROOT / "examples" / "annex_9_thang_2024.csv") == expected
    # by hand: the nine targets' Q3 figures of examples/actuals_2024.csv, less the model
    # commune (its figure is of Q1) and security (none); growth and income are estimates
    assert len(expected) == 7
    assert expected[("production_growth", None, "2024-Q3")] == (10.9, "estimate")


def test_a_signature_block_below_the_table(tmp_path: Path) -> None:
    """Text in the value column that is no figure, on a row naming no target, is read past;
    a number there is not."""
    rows = [["STT", "Chỉ tiêu", "ĐVT", "Thực hiện 9 tháng năm 2024"],
            ["1", "Sản phẩm OCOP mới", "sp", 4],
            [],
            ["Nơi nhận:", None, None, "TM. ỦY BAN NHÂN DÂN"],
            ["- Như trên;", None, None, "CHỦ TỊCH"],
            [None, None, None, "Nguyễn Văn A"]]
    path = workbook(tmp_path / "sig.xlsx", rows)
    assert figures_of(path) == {("ocop_products", None, "2024-Q3"): (4.0, None)}
    rows[5] = [None, None, None, 12]
    assert [(w, c) for w, c, _ in problems(workbook(tmp_path / "sig2.xlsx", rows))] == [
        ("'Biểu 01'!B6", Code.UNKNOWN_TARGET)]


@pytest.mark.parametrize(("name", "group"), [
    ("I. KINH TẾ", True), ("A) Chỉ tiêu xã hội", True), ("Văn hóa-Xã hội", True),
    ("Lĩnh vực môi trường", True), ("Nhóm chỉ tiêu về quốc phòng - an ninh", True),
    ("Defence and security", True), ("CHỈ TIÊU PHÁT TRIỂN", True),
    ("Số khách du lịch", False), ("Economy of the sea", False), ("1. Số khách", False)])
def test_group_headings(name: str, group: bool) -> None:
    from hauloc_cli.inputs.actuals.annex.reader import _is_group

    assert _is_group(name) is group


@pytest.mark.parametrize(("cell", "figure"), [
    (4.0, True), ("4", True), ("10,9", True), ("đạt", True), ("Not done", True), ("-", False),
    ("", False), ("CHỦ TỊCH", False), ("x", True)])
def test_what_looks_like_a_figure(cell: object, figure: bool) -> None:
    from hauloc_cli.inputs.actuals.annex.reader import _figure_like

    assert _figure_like(cell) is figure  # type: ignore[arg-type]


def test_a_plan_cell_that_is_no_number_is_a_warning_too(tmp_path: Path) -> None:
    rows = [HEADER, [1, "Sản phẩm OCOP mới", "sp", "sáu", 4],
            [2, "Trường học đạt chuẩn quốc gia (thêm)", "trường", "-", 9]]  # a dash: none
    (warning,) = read(workbook(tmp_path / "p.xlsx", rows)).warnings
    assert (warning.where, str(warning.message)) == (
        "'Biểu 01'!D2", "the plan cell says sáu but the plan file's target of ocop_products "
        "is 6; the plan file's is used")


def test_a_unit_assignment_is_the_plan_of_a_units_row(tmp_path: Path) -> None:
    """On the sheet by unit the plan cell is the unit's assignment (assign: in the plan)."""
    plan = tmp_path / "plan.yaml"
    plan.write_text("""\
plan: {id: t, name: Huyện, year: 2024}
targets:
  - {id: ocop, name: Sản phẩm OCOP mới, kind: cumulative, target: 6, rollup: sum,
     assign: {hoa_loc: 2}}
""", encoding="utf-8")
    rows = [["Mã đơn vị", "Chỉ tiêu", "KH năm", "Thực hiện 9 tháng năm 2024"],
            ["hoa_loc", "Sản phẩm OCOP mới", 2, 1], ["phu_loc", "Sản phẩm OCOP mới", 6, 1],
            ["xa_khong_co", "Sản phẩm OCOP mới", None, 1]]
    with pytest.raises(InputError) as raised:
        read(workbook(tmp_path / "u.xlsx", rows), plan, units=UNITS)
    (problem,) = raised.value.problems
    assert (problem.where, problem.code) == ("'Biểu 01'!A4", Code.UNKNOWN_UNIT)
    actuals = read(workbook(tmp_path / "u.xlsx", rows[:3]), plan, units=UNITS)
    assert actuals.warnings == ()  # 2 is hoa_loc's assignment; phu_loc has none, 6 is the plan's


def test_annex_tables_of_several_quarters_read_together(tmp_path: Path) -> None:
    """One annex table per quarter, read with --period: each keeps its own period (with
    several files --period is only the quarter judged); a table naming none takes it."""
    for name, heading, value in (("q1.xlsx", "Thực hiện quý I năm 2024", 1),
                                 ("q2.xlsx", "Thực hiện 6 tháng năm 2024", 3),
                                 ("q3.xlsx", "Thực hiện kỳ báo cáo", 4)):
        workbook(tmp_path / name, [["Chỉ tiêu", heading], ["Sản phẩm OCOP mới", value]])
    files = sorted(tmp_path.glob("q*.xlsx"))
    actuals = read_sources(files, load_plan(PLAN_2024),
                           ReadOptions(period=Period.at_quarter(2024, 3)))
    assert {str(p): f.value for p, f in actuals.figures.of("ocop_products").items()} == {
        "2024-Q1": 1.0, "2024-Q2": 3.0, "2024-Q3": 4.0}
