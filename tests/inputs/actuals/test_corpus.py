"""The corpus of real-world files in tests/assets: what each one reads as, or why not."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from hauloc_cli.cli import app
from hauloc_cli.errors import InputError
from hauloc_cli.inputs.actuals.read import ReadOptions, read_actuals
from hauloc_cli.inputs.plan_file import load_plan
from tests.conftest import ASSETS, PLAN_2024

PLAN = load_plan(PLAN_2024)


@pytest.mark.parametrize(("name", "options", "series"), [
    ("actuals.bom-crlf.csv", {}, {"ocop_products": {1: 1.0, 2: 3.0},
                                  "national_standard_schools": {2: 5.0}}),
    ("actuals.utf16-tab.txt", {}, {"ocop_products": {1: 1.0, 2: 3.0}}),
    ("actuals.semicolon-decimal-comma.csv", {"decimal_comma": True},
     {"production_growth": {2: 10.4}, "income_per_capita": {2: 66.8},
      "rural_hygienic_water": {2: 99.1}}),
    ("actuals.cp1258.csv", {"encoding": "cp1258"},
     {"ocop_products": {3: 4.0}, "ntm_district_recognition": {3: False}}),
    ("actuals.nfd.csv", {}, {"ocop_products": {1: 1.0, 4: 6.0},
                             "ntm_district_recognition": {4: True}}),
    ("actuals.mixed-line-ends.csv", {}, {"ocop_products": {1: 1.0, 2: 2.0, 3: 4.0}}),
    ("actuals.excel-export.xlsx", {}, {"ocop_products": {1: 1.0, 2: 3.0},
                                       "rural_hygienic_water": {2: 99.1},
                                       "production_growth": {2: 10.4}}),
])
def test_files_read_correctly(name: str, options: dict[str, object],
                              series: dict[str, dict[int, object]]) -> None:
    data = read_actuals(ASSETS / name, PLAN, ReadOptions(**options))  # type: ignore[arg-type]
    assert data.figures.values() == series
    assert data.warnings == ()


@pytest.mark.parametrize(("name", "where", "code"), [
    ("actuals.empty.csv", "", "empty-file"),
    ("actuals.header-only.csv", "", "empty-file"),
    ("actuals.binary.csv", "", "not-text"),
    ("actuals.xls-renamed.csv", "", "unsupported-format"),
    ("actuals.cp1258.csv", "2:19", "bad-encoding"),
    ("actuals.huge-line.csv", "2", "too-long"),
    ("actuals.unclosed-quote.csv", "2", "bad-quoting"),
    ("actuals.semicolon-decimal-comma.csv", "2:3", "bad-number"),
])
def test_files_refused(name: str, where: str, code: str) -> None:
    with pytest.raises(InputError) as info:
        read_actuals(ASSETS / name, PLAN)
    first = info.value.problems[0]
    assert (first.where, first.code) == (where, code)


def test_bad_sheet_names_its_cells() -> None:
    path = ASSETS / "actuals.excel-export.xlsx"
    result = CliRunner().invoke(app, ["check", str(path), "--sheet", "Bad"])
    assert result.exit_code == 3
    assert result.stdout == ""
    assert result.stderr == (
        f"{path}:Bad!A2: [unknown-target] no target 'ocop_prodcts' in the plan — did you mean "
        "'ocop_products' (New OCOP products)?\n"
        f"{path}:Bad!B2: [quarter-alone] 'Quý II' is the figure of quarter 2 alone, not the "
        "year to date — give the year-to-date figure as '6 tháng' (or 2024-Q2)\n"
        "Error: 2 problem(s) found; nothing was evaluated.\n")


def test_unknown_sheet_is_a_usage_error() -> None:
    path = ASSETS / "actuals.excel-export.xlsx"
    result = CliRunner().invoke(app, ["validate", str(path), "--sheet", "Shet1"])
    assert result.exit_code == 2
    assert result.stderr == (f"Error: --sheet: {path} has no sheet 'Shet1'; did you mean "
                             "'Sheet1'? (sheets: Sheet1, Bad)\n")


def test_validate_the_export() -> None:
    result = CliRunner().invoke(app, ["validate", str(ASSETS / "actuals.excel-export.xlsx")])
    assert result.exit_code == 0
    # Both sheets name the columns: the first is read, and validate says which (issue 15).
    assert result.stdout == "OK: 9 targets, sheet 'Sheet1', 5 rows, quarters Q1–Q2\n"
    assert result.stderr == ""
