"""The annex table's cells (render/annex_cells.py), worked out by hand from the example at
2024-Q3: shares of the plan a / T (10.9 / 12 = 90.8 %, 67.5 / 69 = 97.8 %, 4 / 6 = 66.7 %),
the same period last year a / L or, for a percentage, a − L in points."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from hauloc_cli.inputs.plan_file import load_plan
from hauloc_cli.model.plan import Plan
from hauloc_cli.render.report import words as annex_words
from hauloc_cli.render.report.cells import Row, plan_table, unit_table
from hauloc_cli.rules.compare import VsLastYear
from tests.conftest import EXAMPLE, PLAN_2024
from tests.render.report.annex_support import annex_of, annex_with_units


@pytest.fixture(scope="module")
def plan() -> Plan:
    return load_plan(PLAN_2024)


def _csv(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "actuals.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_example_in_vietnamese() -> None:
    """Estimates and unmarked figures mixed: each estimate said in Ghi chú (a document has no
    'Loại số liệu' column); no figure of 9 tháng 2023: no last-year columns in a document (a
    workbook keeps them: test_report_xlsx); the model commune's count of Q1 is still 1 at 9
    tháng: shown, its period in the notes; a milestone's plan cell says what the resolution
    says ('phấn đấu trước tháng 6/2024', deadline 31/05/2024); a line's plan and figure with one
    precision (12,0 beside 10,9), counts whole; the shares with one precision (10,9 / 12 =
    90,8; 4 / 6 = 66,7; 9 / 12 = 75,0)."""
    table = plan_table(annex_of(), "vi")
    assert table.keys == ("number", "name", "measure", "plan", "value", "of_plan",
                          "assessment", "note")
    assert table.headings == ("STT", "Chỉ tiêu", "ĐVT", "Kế hoạch năm 2024",
                              "Thực hiện 9 tháng năm 2024", "So với kế hoạch (%)", "Đánh giá",
                              "Ghi chú")
    assert table.rows == (
        Row(("I", "KINH TẾ"), group=True),
        Row(("1", "Tốc độ tăng trưởng giá trị sản xuất", "%", "12,0", "10,9", "90,8",
             "Có nguy cơ không đạt", "Ước tính")),
        Row(("2", "Thu nhập bình quân đầu người", "triệu đồng/người/năm", "69,0", "67,5",
             "97,8", "Đúng tiến độ", "Ước tính")),
        Row(("3", "Xã đạt chuẩn nông thôn mới kiểu mẫu (thêm)", "xã", "1", "1", "100,0", "Đạt",
             "Số liệu quý I")),
        Row(("4", "Xã đạt chuẩn nông thôn mới nâng cao (thêm)", "xã", "2", "1", "50,0",
             "Chậm tiến độ", "")),
        Row(("5", "Sản phẩm OCOP mới", "sản phẩm", "6", "4", "66,7", "Có nguy cơ không đạt",
             "")),
        Row(("6", "Huyện được công nhận đạt chuẩn nông thôn mới", "",
             "Hoàn thành trước tháng 6/2024", "chưa đạt", "", "Chậm tiến độ", "")),
        Row(("II", "VĂN HÓA - XÃ HỘI"), group=True),
        Row(("1", "Trường học đạt chuẩn quốc gia (thêm)", "trường", "12", "9", "75,0",
             "Đúng tiến độ", "")),
        Row(("III", "MÔI TRƯỜNG"), group=True),
        Row(("1", "Tỷ lệ dân số nông thôn được dùng nước hợp vệ sinh", "%", "100,0", "99,3",
             "99,3", "Đúng tiến độ", "")),
        Row(("IV", "QUỐC PHÒNG - AN NINH"), group=True),
        Row(("1", "Tỷ lệ xã, thị trấn đạt chuẩn an ninh - trật tự", "%", "100", "", "",
             "Chưa có số liệu", "")),
    )


def test_the_example_in_english() -> None:
    table = plan_table(annex_of(), "en")
    assert table.headings == ("No.", "Target", "Unit", "Plan 2024",
                              "Actual, nine months of 2024", "% of plan", "Assessment",
                              "Notes")
    assert table.rows[0] == Row(("I", "ECONOMY"), group=True)
    assert table.rows[1] == Row(("1", "Growth of production value", "%", "12.0", "10.9",
                                 "90.8", "At risk of missing", "Estimate"))
    assert table.rows[3].cells[4:] == ("1", "100.0", "Achieved", "As of Q1")
    assert table.rows[6].cells[1:5] == ("District recognised as a new-rural district", "",
                                        "Complete before June 2024", "not done")


def test_every_figure_an_estimate_heads_the_value_column_so(tmp_path: Path) -> None:
    actuals = _csv(tmp_path, "target,period,value,status\nocop_products,2024-Q3,4,ước\n"
                             "national_standard_schools,2024-Q3,9,ước\n")
    table = plan_table(annex_of([actuals]), "vi")
    assert "status" not in table.keys
    assert table.headings[table.keys.index("value")] == "Ước thực hiện 9 tháng năm 2024"
    english = plan_table(annex_of([actuals]), "en")
    assert english.headings[english.keys.index("value")] == "Estimate, nine months of 2024"


def test_no_figure_marked_no_status_column(tmp_path: Path) -> None:
    actuals = _csv(tmp_path, "target,period,value\nocop_products,2024-Q3,4\n")
    table = plan_table(annex_of([actuals]), "vi")
    assert table.keys == ("number", "name", "measure", "plan", "value", "of_plan",
                          "assessment", "note")
    assert table.headings[4] == "Thực hiện 9 tháng năm 2024"
    assert table.rows[5].cells[4] == "4"  # unmarked: no mark beside it


def test_last_year_columns_with_figures(plan: Plan, tmp_path: Path) -> None:
    """Income: 67.5 / 60 = 112.5 %; growth (in %): 10.9 − 11.5 = −0.6 points; OCOP (made to
    compare) against 0 last year: no ratio, the change +4."""
    compared = plan.model_copy(update={"targets": [
        t.model_copy(update={"compare_last_year": True}) if t.id == "ocop_products" else t
        for t in plan.targets]})
    actuals = _csv(tmp_path, EXAMPLE.read_text(encoding="utf-8-sig")
                   + "income_per_capita,9 tháng 2023,60,,,,\n"
                     "production_growth,9 tháng 2023,11.5,,,,\n"
                     "ocop_products,9 tháng 2023,0,,,,\n")
    vi = plan_table(annex_of([actuals], compared), "vi")
    assert vi.keys == ("number", "name", "measure", "plan", "last_year", "value", "of_plan",
                       "of_last_year", "assessment", "note")
    assert vi.headings[4] == "Thực hiện cùng kỳ năm 2023"
    assert vi.headings[7] == "So với cùng kỳ (%)"
    rows = {r.cells[1]: dict(zip(vi.keys, r.cells, strict=True)) for r in vi.rows
            if not r.group}
    growth = rows["Tốc độ tăng trưởng giá trị sản xuất"]
    assert (growth["last_year"], growth["of_last_year"]) == ("11,5", "-0,6 điểm %")
    assert growth["plan"] == "12,0"  # one precision on the line: 12,0 | 11,5 | 10,9
    income = rows["Thu nhập bình quân đầu người"]
    assert (income["last_year"], income["of_last_year"]) == ("60,0", "112,5")  # beside 67,5
    ocop = rows["Sản phẩm OCOP mới"]
    assert (ocop["last_year"], ocop["of_last_year"]) == ("0", "+4")
    schools = rows["Trường học đạt chuẩn quốc gia (thêm)"]
    assert (schools["last_year"], schools["of_last_year"]) == ("", "")
    en = plan_table(annex_of([actuals], compared), "en")
    assert en.rows[1].cells[4] == "11.5" and en.rows[1].cells[7] == "-0.6 pp"


def test_a_ceiling_and_a_rise_in_points(tmp_path: Path) -> None:
    """An at_most target reads '≤ 2,5'; a percentage up on last year: '+0,3 điểm %'; a level
    target within its limit is met (docs/status.md): Đạt."""
    plan = Plan.model_validate({"plan": {"id": "t", "year": 2024}, "targets": [
        {"id": "poverty", "name": "Tỷ lệ hộ nghèo", "kind": "level", "direction": "at_most",
         "target": 2.5, "unit": "%", "compare_last_year": True}]})
    actuals = _csv(tmp_path, "target,period,value\npoverty,2023-Q3,2.1\npoverty,2024-Q3,2.4\n")
    table = plan_table(annex_of([actuals], plan), "vi")
    assert table.rows == (
        Row(("I", "KHÁC"), group=True),
        # 2.4 / 2.5 = 96 % of the maximum: said in words, never '96' under 'So với kế hoạch'
        Row(("1", "Tỷ lệ hộ nghèo", "%", "≤ 2,5", "2,1", "2,4", "bằng 96% mức tối đa",
             "+0,3 điểm %", "Đạt", "")))


def test_without_a_target_compared_with_last_year_no_last_year_columns(tmp_path: Path) -> None:
    plan = Plan.model_validate({"plan": {"id": "t", "year": 2024}, "targets": [
        {"id": "ocop", "name": "OCOP", "kind": "cumulative", "target": 6}]})
    actuals = _csv(tmp_path, "target,period,value\nocop,2024-Q3,4\n")
    assert plan_table(annex_of([actuals], plan), "vi").keys == (
        "number", "name", "measure", "plan", "value", "of_plan", "assessment", "note")


def test_the_table_by_unit() -> None:
    """examples/communes_2024 as offices lay it out: a row per unit in the units file's order,
    a column per target numbered (1)…(5) (its unit of measure after its name), an assessment
    column only where units are judged (security, each commune's own state); then the
    compiled total and how many reported. By hand from the communes' files: OCOP 4 (Đại,
    Ngư, Hải, Minh Lộc 1 each), schools 9 (Hậu Lộc 2, seven communes 1), security 21 of 22
    communes meeting the standard (Ngư Lộc does not, Đa Lộc's 6-month 'đạt' stands in):
    100 × 21/22 = 95,45; Đa Lộc sent no 9-month security figure: marked in its notes."""
    annex = annex_with_units()
    table = unit_table(annex, "vi")
    assert table is not None
    assert table.keys == ("number", "unit", "value:1", "value:2", "value:3", "value:4",
                          "value:5", "status:5", "note")
    assert table.headings == (
        "STT", "Đơn vị", "(1) Xã đạt chuẩn nông thôn mới kiểu mẫu (thêm) (xã)",
        "(2) Xã đạt chuẩn nông thôn mới nâng cao (thêm) (xã)",
        "(3) Sản phẩm OCOP mới (sản phẩm)", "(4) Trường học đạt chuẩn quốc gia (thêm) (trường)",
        "(5) Tỷ lệ xã, thị trấn đạt chuẩn an ninh - trật tự", "Đánh giá (5)", "Ghi chú")
    assert len(table.rows) == 22 + 2
    assert table.rows[0] == Row(("1", "Thị trấn Hậu Lộc", "0", "0", "0", "2", "đã đạt", "Đạt",
                                 ""))
    assert table.rows[13] == Row(("14", "Xã Hoa Lộc", "1", "0", "0", "0", "đã đạt", "Đạt",
                                  ""))  # the model commune
    assert table.rows[17] == Row(("18", "Xã Ngư Lộc", "0", "0", "1", "0", "chưa đạt",
                                  "Có nguy cơ không đạt", ""))
    assert table.rows[21] == Row(("22", "Xã Đa Lộc", "0", "0", "0", "1", "đã đạt (6 tháng)",
                                  "Đạt", "Chưa báo cáo: (5)"))
    assert table.rows[22] == Row(("", "Tổng hợp", "1", "1", "4", "9", "95,45", "", ""),
                                 group=True)
    assert table.rows[23] == Row(("", "Đã báo cáo", "22/22", "22/22", "22/22", "22/22",
                                  "21/22", "", ""), group=True)
    assert unit_table(annex_of(), "vi") is None


@pytest.mark.parametrize(("vs", "vi", "en"), [
    (VsLastYear(60, 7.5, 1.125, False), "112,5", "112.5"),  # 67.5 / 60
    (VsLastYear(4.07, 6.83, None, True), "+6,83 điểm %", "+6.83 pp"),  # a percentage
    (VsLastYear(11.5, -0.6, None, True), "-0,6 điểm %", "-0.6 pp"),
    (VsLastYear(10.9, 0.0, None, True), "0 điểm %", "0 pp"),  # the same as last year
    (VsLastYear(0, 4, None, False), "+4", "+4"),  # nothing last year: no ratio
])
def test_the_same_period_last_year(vs: VsLastYear, vi: str, en: str) -> None:
    line = replace(annex_of().lines[0], vs_last_year=vs)
    cell = annex_words.of_last_year(line)
    assert (annex_words.text(cell, "vi"), annex_words.text(cell, "en")) == (vi, en)
    assert annex_words.of_last_year(replace(line, vs_last_year=None)) is None


def test_a_ceiling_over_its_maximum_and_a_share_short_of_the_plan(tmp_path: Path) -> None:
    """Issue 19: poverty 1.85 % against at most 1.5 % was '123,3' under 'So với kế hoạch (%)',
    read as a plan over-fulfilled; it says 'vượt mức tối đa 0,35 điểm %'. A share of 99,96 %
    (2499 / 2500) is not rounded to 100,0 beside a target not met."""
    plan = Plan.model_validate({"plan": {"id": "t", "year": 2024}, "targets": [
        {"id": "poverty", "name": "Tỷ lệ hộ nghèo", "kind": "level", "direction": "at_most",
         "target": 1.5, "unit": "%"},
        {"id": "jobs", "name": "Việc làm mới", "kind": "cumulative", "target": 2500,
         "unit": "người"}]})
    actuals = _csv(tmp_path, "target,period,value\npoverty,2024-Q4,1.85\njobs,2024-Q4,2499\n")
    vi, en = (plan_table(annex_of([actuals], plan, quarter=4), lang) for lang in ("vi", "en"))
    assert vi.rows[1:] == (
        # one precision on the line: ≤ 1,50 beside 1,85
        Row(("1", "Tỷ lệ hộ nghèo", "%", "≤ 1,50", "1,85", "vượt mức tối đa 0,35 điểm %",
             "Không đạt", "")),  # at the year's end: the year-end class
        Row(("2", "Việc làm mới", "người", "2.500", "2.499", "99,96", "Không đạt", "")))
    assert en.rows[1].cells[5] == "over the maximum by 0.35 pp"
    jobs = annex_of([actuals], plan, quarter=4).lines[1]
    cell = annex_words.of_plan(jobs, "vi", plan.status_bands)
    # the workbook's number format shows 2 decimals: '#,##0.00' → 99,96
    assert cell == annex_words.Num(pytest.approx(99.96), 2)
