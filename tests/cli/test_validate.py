"""`hauloc validate`: what it found, or every problem; exit 0 or 3."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from hauloc_cli.cli import app
from tests.conftest import EXAMPLE, PLAN_2024


def test_plan_only() -> None:
    result = CliRunner().invoke(app, ["validate"])
    assert (result.exit_code, result.stdout, result.stderr) == (0, "OK: 9 targets\n", "")


def test_plan_and_example() -> None:
    result = CliRunner().invoke(app, ["validate", str(EXAMPLE), "--targets", str(PLAN_2024)])
    assert result.exit_code == 0
    # examples/actuals_2024.csv: 22 data rows, figures for Q1, Q2 and Q3.
    assert result.stdout == "OK: 9 targets, 25 rows, quarters Q1–Q3\n"
    assert result.stderr == ""


def test_single_and_gapped_quarters(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text("target,period,value\nocop_products,Q1,1\nocop_products,Cả năm,6\n")
    result = CliRunner().invoke(app, ["validate", str(path)])
    assert result.stdout == "OK: 9 targets, 2 rows, quarters Q1, Q4\n"
    path.write_text("target,period,value\nocop_products,6 tháng,1\n")
    result = CliRunner().invoke(app, ["validate", str(path)])
    assert result.stdout == "OK: 9 targets, 1 row, quarter Q2\n"


def test_blank_template_has_no_figures_yet(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text("target,period,value\nocop_products,Q1,\nincome_per_capita,Q1,\n")
    result = CliRunner().invoke(app, ["validate", str(path)])
    assert (result.exit_code, result.stdout) == (0, "OK: 9 targets, 2 rows, no figures yet\n")


def test_problems_exit_3_with_nothing_on_stdout(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text("target,period,value\nocop_products,Quý III,4\n")
    result = CliRunner().invoke(app, ["validate", str(path)])
    assert result.exit_code == 3
    assert result.stdout == ""
    assert result.stderr == (
        f"{path}:2:2: [quarter-alone] 'Quý III' is the figure of quarter 3 alone, not the year "
        "to date — give the year-to-date figure as '9 tháng' (or 2024-Q3)\n"
        "Error: 1 problem(s) found; nothing was evaluated.\n")


def test_missing_file_is_a_usage_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["validate", str(tmp_path / "nope.csv")])
    assert result.exit_code == 2
    assert result.stderr == f"Error: {tmp_path / 'nope.csv'}: no such file\n"


def test_in_vietnamese() -> None:
    # 22 rows in the example, figures for Q1 to Q3 (examples/actuals_2024.csv)
    result = CliRunner().invoke(app, ["validate", str(EXAMPLE), "--lang", "vi"])
    # issue 9: Vietnamese throughout, the periods as the offices write them; issue 12: the
    # example's 2023 figures are rows too, but not periods judged
    assert (result.exit_code, result.stdout) == (
        0, "OK: 9 chỉ tiêu, 25 dòng, các kỳ quý I – 9 tháng\n")
