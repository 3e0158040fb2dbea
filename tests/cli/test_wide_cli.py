"""check, summary and validate on annex tables (the wide layout): exit codes, stdout and
stderr, as a user sees them."""

from __future__ import annotations

from pathlib import Path

from tests.cli.support import ROOT, run
from tests.inputs.actuals.annex.support import OFFICE_MERGES, OFFICE_ROWS, workbook

ANNEX_CSV = ROOT / "examples" / "annex_9_thang_2024.csv"


def test_check_an_office_workbook(tmp_path: Path) -> None:
    """By hand, at 2024-Q3 (shipped plan): growth 10.9 / 12 = 0.908 → at risk; OCOP 4 against
    4.5 expected (0.889) → at risk; advanced communes 1 against 1.5 (0.667) → off track; the
    district not recognised after its deadline 2024-05-31 → off track; schools 9 against 9 →
    on track; the four targets the table has no figure for → no data."""
    path = workbook(tmp_path / "bao-cao.xlsx", OFFICE_ROWS, OFFICE_MERGES)
    result = run("check", path, "--format", "json")
    assert (result.code, result.err) == (1, "")
    targets = {t["id"]: t for t in result.json()["targets"]}
    assert result.json()["period"] == "2024-Q3"
    assert {k: t["status"] for k, t in targets.items()} == {
        "production_growth": "at_risk", "income_per_capita": "no_data",
        "ntm_model_communes": "no_data", "ntm_advanced_communes": "off_track",
        "ocop_products": "at_risk", "national_standard_schools": "on_track",
        "security_standard_communes": "no_data", "rural_hygienic_water": "no_data",
        "ntm_district_recognition": "off_track"}
    # last year's column: 9.5 in 2023-Q3, so 10.9 is 1.4 points more (a target in %)
    assert targets["production_growth"]["last_year"] == 9.5
    assert round(targets["production_growth"]["vs_last_year"]["change"], 9) == 1.4


def test_the_example_annex_csv() -> None:
    """examples/annex_9_thang_2024.csv: the README's example, 9 target rows of 2024-Q3."""
    result = run("validate", ANNEX_CSV)
    assert (result.code, result.out, result.err) == (
        0, "OK: 9 targets, 9 rows, quarter Q3\n", "")
    summary = run("summary", ANNEX_CSV, "--lang", "en", columns=80)
    assert summary.code == 1 and summary.err == ""
    assert "nine months of 2024 · 9 of 27 declared targets defined" in summary.out
    assert "67.5 (est.) / 69 million VND/person/year" in summary.out


def test_a_period_option_that_contradicts_the_file_is_a_usage_error() -> None:
    result = run("check", ANNEX_CSV, "--period", "2024-Q2")
    assert result.code == 2 and result.out == ""
    assert result.err == (
        f"Error: --period 2024-Q2 is not the period of {ANNEX_CSV} (2024-Q3, from the heading "
        "'Thực hiện 9 tháng năm 2024' at 6:6); leave out --period, or give the file of that "
        "period\n")
    assert run("check", ANNEX_CSV, "--period", "9 tháng", "--fail-on", "never").code == 0


def test_a_table_that_names_no_period(tmp_path: Path) -> None:
    path = workbook(tmp_path / "ky.xlsx", [["Chỉ tiêu", "Thực hiện kỳ báo cáo"],
                                           ["Sản phẩm OCOP mới", 4]])
    result = run("validate", path)
    assert (result.code, result.out) == (3, "")
    assert result.err == (
        f"{path}:'Biểu 01'!B1: [missing-period] the annex table does not say which period its "
        "figures are of (the column 'Thực hiện kỳ báo cáo' and the title rows name none) — "
        "pass --period (e.g. --period 2024-Q3), or head the column 'Thực hiện 9 tháng năm "
        "2024'\nError: 1 problem(s) found; nothing was evaluated.\n")
    ok = run("validate", path, "--period", "6 tháng")
    assert (ok.code, ok.out, ok.err) == (0, "OK: 9 targets, 1 row, quarter Q2\n", "")


def test_validate_names_the_sheet_of_a_workbook_of_annex_sheets(tmp_path: Path) -> None:
    by_unit = [["Đơn vị", "Chỉ tiêu", "Thực hiện 9 tháng năm 2024"],
               ["Xã Hoa Lộc", "Sản phẩm OCOP mới", 1]]
    path = workbook(tmp_path / "report.xlsx", OFFICE_ROWS, OFFICE_MERGES,
                    more=[("Theo đơn vị", by_unit)])
    result = run("validate", path)
    assert (result.code, result.out, result.err) == (
        0, "OK: 9 targets, sheet 'Biểu 01', 5 rows, quarter Q3\n", "")


def test_warnings_name_their_cells(tmp_path: Path) -> None:
    rows = [["Chỉ tiêu", "KH năm", "Thực hiện 9 tháng năm 2024"], ["Sản phẩm OCOP mới", 7, 4]]
    result = run("check", workbook(tmp_path / "kh.xlsx", rows), "--fail-on", "never")
    assert result.code == 0
    assert result.err == (
        f"warning: {tmp_path / 'kh.xlsx'}:'Biểu 01'!B2: [plan-mismatch] the plan cell says 7 "
        "but the plan file's target of ocop_products is 6; the plan file's is used — correct "
        "the plan cell, or the plan file\n")
