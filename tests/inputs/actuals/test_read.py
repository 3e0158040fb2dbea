"""Reading actuals: numbers, periods, ranges, warnings and every problem with its place."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from hauloc_cli.cli import app
from hauloc_cli.errors import InputError
from hauloc_cli.inputs.actuals.read import ReadOptions, read_actuals
from hauloc_cli.inputs.actuals.values import parse_number
from hauloc_cli.inputs.plan_file import load_plan
from hauloc_cli.model.plan import Plan
from tests.conftest import PLAN_2024


@pytest.fixture(scope="module")
def plan() -> Plan:
    return load_plan(PLAN_2024)


def write(tmp_path: Path, text: str, name: str = "a.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode())
    return path


def problems(path: Path, plan: Plan, **options: object) -> list[str]:
    with pytest.raises(InputError) as info:
        read_actuals(path, plan, ReadOptions(**options))  # type: ignore[arg-type]
    return [str(p) for p in info.value.problems]


@pytest.mark.parametrize(("text", "comma", "expected"), [
    ("12", False, 12.0), ("-3.5", False, -3.5), ("1.2340", False, 1.234), ("0.5", False, 0.5),
    ("1.23", False, 1.23), ("12345.6789", False, 12345.6789),
    ("12,5", True, 12.5), ("1.234,5", True, 1234.5), ("69.000", True, 69000.0),
    ("1.234.567", True, 1234567.0), ("-2,25", True, -2.25), ("7", True, 7.0),
])
def test_numbers(text: str, comma: bool, expected: float) -> None:
    assert parse_number(text, comma) == expected


@pytest.mark.parametrize(("text", "comma", "code"), [
    ("1.234", False, "ambiguous-number"), ("12.500", False, "ambiguous-number"),
    ("-1.000", False, "ambiguous-number"), ("12.5", True, "ambiguous-number"),
    ("1234.567", True, "ambiguous-number"), ("12,5", False, "bad-number"),
    ("1,234", False, "bad-number"), ("1e5", False, "bad-number"), ("nan", False, "bad-number"),
    ("inf", False, "bad-number"), ("١٢", False, "bad-number"), ("1 000", False, "bad-number"),
    ("12.3.4", True, "bad-number"), ("12%", False, "bad-number"), ("9" * 400, False,
                                                                    "bad-number"),
])
def test_numbers_refused(text: str, comma: bool, code: str) -> None:
    refused = parse_number(text, comma)
    assert isinstance(refused, tuple)
    assert refused[0] == code


def test_percent_sign_only_for_targets_in_percent() -> None:
    assert parse_number("96.5%", False, percent=True) == 96.5
    assert parse_number("96,5 %", True, percent=True) == 96.5
    refused = parse_number("96.5 %", False, percent=False)
    assert isinstance(refused, tuple)
    assert tuple(map(str, refused)) == (
        "bad-number", "'96.5 %' has a % sign but the target is not in %",
        "write the number alone, in the target's unit")


def test_ambiguous_number_message(tmp_path: Path, plan: Plan) -> None:
    path = write(tmp_path, "target,period,value\nincome_per_capita,6 tháng,69.000\n")
    assert problems(path, plan) == [
        f"{path}:2:3: [ambiguous-number] '69.000' could be 69.000 or 69000 ('.' also groups "
        "thousands in Vietnamese) — pass --decimal-comma if '.' groups thousands; if it is a "
        "decimal point, add a digit: 69.0000"]
    data = read_actuals(path, plan, ReadOptions(decimal_comma=True))
    assert data.figures.values() == {"income_per_capita": {2: 69000.0}}


def test_every_problem_with_its_place(tmp_path: Path, plan: Plan) -> None:
    path = write(tmp_path, (
        "target,period,value\n"
        "ocop_prodcts,Quý I,1\n"               # 2: unknown target, suggestion
        "ocop_products,Quý II,2\n"             # 3: one quarter alone
        "ocop_products,6 tháng,abc\n"          # 4: not a number
        "ocop_products,2023-Q3,3\n"            # 5: other year
        "ocop_products,Q1,-1\n"                # 6: a count below 0
        "rural_hygienic_water,Q1,100.5\n"      # 7: a percentage above 100
        "ntm_district_recognition,Q1,maybe\n"  # 8: not yes or no
        "ocop_products,9 tháng,4,extra\n"      # 9: one field too many
        "ocop_products,Cả năm,5\n"             # 10: fine
        "ocop_products,2024-Q4,6\n"            # 11: the same quarter again
    ))
    assert problems(path, plan) == [
        f"{path}:2:1: [unknown-target] no target 'ocop_prodcts' in the plan — did you mean "
        "'ocop_products' (New OCOP products)?",
        f"{path}:3:2: [quarter-alone] 'Quý II' is the figure of quarter 2 alone, not the year "
        "to date — give the year-to-date figure as '6 tháng' (or 2024-Q2)",
        f"{path}:4:3: [bad-number] 'abc' is not a number — write a plain decimal number with "
        "'.' as the decimal point, e.g. 12.5",
        f"{path}:5:2: [wrong-year] period '2023-Q3' is not in the plan's year 2024 — this plan "
        "is for 2024; to compare with 2023, set compare_last_year: true for this target in the "
        "plan; to judge 2023, use the plan of 2023 with --targets",
        f"{path}:6:3: [out-of-range] -1 is below 0; ocop_products counts up from 0 each year — "
        "check the figure",
        f"{path}:7:3: [out-of-range] 100.5 is not a percentage between 0 and 100 — check the "
        "figure",
        f"{path}:8:3: [bad-value] 'maybe' is not yes or no — write yes/no, done/not done, "
        "true/false, 1/0, có/không, đạt/chưa đạt or hoàn thành/chưa hoàn thành",
        f"{path}:9:4: [extra-field] the row has 4 fields but the header has 3 — a value with "
        "the delimiter in it needs double quotes around it",
        f"{path}:11: [duplicate-row] a second figure for ocop_products in 2024-Q4 (the first "
        "is on line 10) — keep one row per target and quarter",
    ]


def test_fraction_for_a_percentage_gets_a_hint(tmp_path: Path, plan: Plan) -> None:
    path = write(tmp_path, "target,period,value\nsecurity_standard_communes,Q1,-0.5\n")
    assert problems(path, plan) == [
        f"{path}:2:3: [out-of-range] -0.5 is not a percentage between 0 and 100 — check the "
        "figure"]


def test_annual_figures_have_no_default_range(tmp_path: Path, plan: Plan) -> None:
    path = write(tmp_path, "target,period,value\nproduction_growth,Q1,-4.07\n")
    assert read_actuals(path, plan).figures.values() == {"production_growth": {1: -4.07}}


def test_valid_range_from_the_plan(tmp_path: Path) -> None:
    plan_path = write(tmp_path, (
        "plan: {id: p, year: 2024}\n"
        "targets:\n"
        "  - {id: growth, name: G, kind: annual, target: 12, valid_range: [-20, 40]}\n"
        "  - {id: water, name: W, kind: level, target: 100, unit: '%', valid_range: [50, 100]}\n"
    ), "plan.yaml")
    plan = load_plan(plan_path)
    path = write(tmp_path, "target,period,value\ngrowth,Q1,41\ngrowth,Q2,-20\nwater,Q1,49.9\n"
                 "water,Q2,50\n")
    assert problems(path, plan) == [
        f"{path}:2:3: [out-of-range] 41 is outside the valid_range [-20, 40] of growth — check "
        "the figure, or widen valid_range in the plan",
        f"{path}:4:3: [out-of-range] 49.9 is outside the valid_range [50, 100] of water — check "
        "the figure, or widen valid_range in the plan",
    ]


def test_max_errors_caps_the_list_and_counts_the_rest(tmp_path: Path) -> None:
    path = write(tmp_path, "target,period,value\n" + "nope,Q1,1\n" * 7)
    result = CliRunner().invoke(app, ["check", str(path), "--max-errors", "2"])
    assert result.exit_code == 3
    assert result.stdout == ""
    assert result.stderr == (
        f"{path}:2:1: [unknown-target] no target 'nope' in the plan — run 'hauloc targets' for "
        "the ids\n"
        f"{path}:3:1: [unknown-target] no target 'nope' in the plan — run 'hauloc targets' for "
        "the ids\n"
        "... and 5 more problem(s) not shown (see --max-errors)\n"
        "Error: 7 problem(s) found; nothing was evaluated.\n")


def test_missing_column_with_a_suggestion(tmp_path: Path, plan: Plan) -> None:
    path = write(tmp_path, "taget,period,value\nocop_products,Q1,1\n")
    assert problems(path, plan) == [
        f"{path}:1: [missing-column] no column 'target' (the header has 'taget', 'period', "
        "'value') — is 'taget' meant to be 'target'?"]


def test_empty_value_skips_the_row_and_reference_columns_are_silent(
        tmp_path: Path, plan: Plan) -> None:
    path = write(tmp_path, "target,name,unit,plan_target,period,value\n"
                 "ocop_products,Sản phẩm OCOP,products,6,Q1,\n"
                 "ocop_products,Sản phẩm OCOP,products,6,Q2,2\n")
    data = read_actuals(path, plan)
    assert data.figures.values() == {"ocop_products": {2: 2.0}}
    assert data.warnings == ()
    assert data.rows == 2


def test_warnings_go_to_stderr_and_json(tmp_path: Path) -> None:
    path = write(tmp_path, "target,period,value,remarks\nocop_products,Q1,3,\n"
                 "ocop_products,Q2,2,\n")
    result = CliRunner().invoke(app, ["check", str(path), "--format", "json"])
    assert result.exit_code == 1
    assert result.stderr == (
        f"warning: {path}:1:4: [unknown-column] column 'remarks' is not one hauloc knows; it "
        "is ignored\n"
        f"warning: {path}:3:3: [decreasing-value] ocop_products goes down from 3 in 2024-Q1 "
        "to 2 in 2024-Q2 — a year-to-date count does not go down; check for a typo (a revised "
        "figure is fine)\n")
    import json

    assert json.loads(result.stdout)["warnings"] == [
        {"code": "unknown-column", "file": str(path), "line": 1,
         "message": "column 'remarks' is not one hauloc knows; it is ignored"},
        {"code": "decreasing-value", "file": str(path), "line": 3,
         "message": "ocop_products goes down from 3 in 2024-Q1 to 2 in 2024-Q2"},
    ]


def test_decrease_across_a_gap_and_out_of_order_rows(tmp_path: Path, plan: Plan) -> None:
    path = write(tmp_path, "target,period,value\nocop_products,Q3,2\nocop_products,Q1,4\n"
                 "national_standard_schools,Q1,5\nnational_standard_schools,Q2,5\n")
    warnings = read_actuals(path, plan).warnings
    assert [(w.code, w.where) for w in warnings] == [("decreasing-value", "2:3")]


def test_not_utf8_stops_with_both_fixes(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_bytes("target,period,value\nocop_products,6 tháng,3\n".encode("cp1258"))
    result = CliRunner().invoke(app, ["check", str(path)])
    assert result.exit_code == 3
    assert result.stdout == ""
    assert result.stderr.splitlines()[0] == (
        f"{path}:2:19: [bad-encoding] the file is not valid UTF-8 (byte e1) — it is probably "
        "Windows-1258 (cp1258), the usual Vietnamese Windows encoding: save it from Excel as "
        "'CSV UTF-8', or pass --encoding cp1258")
    data = read_actuals(path, load_plan(PLAN_2024), ReadOptions(encoding="cp1258"))
    assert data.figures.values() == {"ocop_products": {2: 3.0}}


def test_delimiter_forced_and_detected(tmp_path: Path, plan: Plan) -> None:
    path = write(tmp_path, "target;period;value\nocop_products;Q1;2\n")
    assert read_actuals(path, plan).figures.values() == {"ocop_products": {1: 2.0}}
    assert problems(path, plan, delimiter=",") == [
        f"{path}:1: [missing-column] no column 'target' (the header has "
        "'target;period;value') — the header needs the columns target, "
        "period and value",
        f"{path}:1: [missing-column] no column 'period' (the header has "
        "'target;period;value') — the header needs the columns target, period and value",
        f"{path}:1: [missing-column] no column 'value' (the header has "
        "'target;period;value') — the header needs the columns target, period and value",
    ]


def test_max_size(tmp_path: Path) -> None:
    path = write(tmp_path, "target,period,value\n" + "ocop_products,Q1,1\n" * 60_000)
    result = CliRunner().invoke(app, ["validate", str(path), "--max-size", "1"])
    assert result.exit_code == 3
    assert result.stderr.splitlines()[0] == (
        f"{path}: [too-large] the file is 1.1 MB, more than the limit of 1 MB — check that it "
        "is the right file, or raise the limit with --max-size")


def test_sheet_for_a_csv_is_a_usage_error(tmp_path: Path) -> None:
    path = write(tmp_path, "target,period,value\nocop_products,Q1,1\n")
    result = CliRunner().invoke(app, ["check", str(path), "--sheet", "Sheet1"])
    assert result.exit_code == 2
    assert result.stderr == (f"Error: {path}: --sheet applies to .xlsx workbooks, not to a "
                             "CSV file\n")


def test_file_is_never_written(tmp_path: Path, plan: Plan) -> None:
    path = write(tmp_path, "target,period,value\nocop_products,Q1,1\n")
    path.chmod(0o444)
    before = path.stat().st_mtime_ns
    read_actuals(path, plan)
    assert path.stat().st_mtime_ns == before


def test_bom_read_as_text_is_not_part_of_the_first_column(tmp_path: Path, plan: Plan) -> None:
    path = tmp_path / "a.csv"
    path.write_bytes("\ufefftarget,period,value\nocop_products,Q1,1\n".encode("utf-16-le"))
    data = read_actuals(path, plan, ReadOptions(encoding="utf-16-le"))
    assert data.figures.values() == {"ocop_products": {1: 1.0}}


def test_percent_problem_names_what_was_typed(tmp_path: Path, plan: Plan) -> None:
    path = write(tmp_path, "target,period,value\nrural_hygienic_water,Q1,\"99,1 %\"\n")
    assert problems(path, plan)[0].startswith(f"{path}:2:3: [bad-number] '99,1 %' has a ','")


def test_missing_column_names_the_header_as_written(tmp_path: Path, plan: Plan) -> None:
    """Issue 9: `chỉ tiêu` is read as target (so `target` twice), and the columns found are
    named as the header writes them."""
    path = write(tmp_path, "chỉ tiêu,target,giá trị\nocop_products,2024-Q1,1\n")
    assert problems(path, plan) == [
        f"{path}:1:2: [duplicate-column] column 'target' appears twice — keep one of them",
        f"{path}:1: [missing-column] no column 'period' (the header has 'chỉ tiêu', 'target', "
        "'giá trị') — the header needs the columns target, period and value"]


def test_vietnamese_header_with_semicolons_is_detected(tmp_path: Path, plan: Plan) -> None:
    """Issue 9: the delimiter is detected from Vietnamese column names too."""
    path = write(tmp_path, "Chỉ tiêu;Kỳ báo cáo;Số liệu\nocop_products;6 tháng;3\n")
    assert read_actuals(path, plan).figures.values() == {"ocop_products": {2: 3.0}}
