"""The check and targets commands: exit codes, stdout and stderr kept apart."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from hauloc_cli import cli
from hauloc_cli.cli import app
from tests.conftest import EXAMPLE, PLAN_2024

runner = CliRunner()

FIELDS = ["id", "name", "group", "kind", "direction", "unit", "target", "actual", "as_of",
          "expected", "ratio", "projected", "deadline", "status", "verdict", "reason",
          "figure_status", "revisions", "last_year", "vs_last_year", "plan_share"]


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def write(tmp_path: Path, text: str, name: str = "actuals.csv") -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_json_report_of_the_example() -> None:
    code, out, err = run("check", str(EXAMPLE), "--format", "json")
    assert code == 1  # two targets are off track at 2024-Q3
    assert err == ""
    doc = json.loads(out)
    assert doc["schema_version"] == 2
    assert doc["plan"] == {"id": "hau-loc-2024", "name": "Huyện Hậu Lộc — chỉ tiêu năm 2024",
                           "year": 2024, "declared_targets": 27, "defined_targets": 9}
    assert doc["period"] == "2024-Q3"
    assert doc["summary"] == {"achieved": 1, "on_track": 3, "at_risk": 2, "off_track": 2,
                              "missed": 0, "no_data": 1}
    assert [list(t) for t in doc["targets"]] == [FIELDS] * 9
    by_id = {t["id"]: t for t in doc["targets"]}
    ocop = by_id["ocop_products"]
    # 4 of 6 by Q3: E = 6 × 0.75 = 4.5, R = 4 / 4.5, projected 4 / 0.75
    assert (ocop["actual"], ocop["as_of"], ocop["expected"], ocop["status"]) == \
        (4, "2024-Q3", 4.5, "at_risk")
    assert ocop["ratio"] == 0.888889
    assert ocop["projected"] == 5.33333  # issue 9: 6 significant digits
    model = by_id["ntm_model_communes"]
    assert (model["actual"], model["as_of"], model["status"]) == (1, "2024-Q1", "achieved")
    district = by_id["ntm_district_recognition"]
    assert (district["actual"], district["deadline"], district["status"]) == \
        (False, "2024-05-31", "off_track")
    assert (district["target"], district["expected"], district["ratio"], district["direction"]) \
        == (None, None, None, None)
    security = by_id["security_standard_communes"]
    assert (security["actual"], security["as_of"], security["status"]) == (None, None, "no_data")


def test_period_option_judges_an_earlier_quarter() -> None:
    code, out, _ = run("check", str(EXAMPLE), "-f", "json", "--period", "2024-Q2")
    doc = json.loads(out)
    assert doc["period"] == "2024-Q2"
    assert doc["summary"] == {"achieved": 1, "on_track": 4, "at_risk": 2, "off_track": 1,
                              "missed": 0, "no_data": 1}
    assert code == 1


@pytest.mark.parametrize(("fail_on", "code"), [("off-track", 1), ("at-risk", 1), ("never", 0)])
def test_fail_on_with_targets_off_track(fail_on: str, code: int) -> None:
    assert run("check", str(EXAMPLE), "-f", "json", "--fail-on", fail_on)[0] == code


@pytest.mark.parametrize(("fail_on", "code"), [("off-track", 0), ("at-risk", 1), ("never", 0)])
def test_fail_on_with_one_target_at_risk(tmp_path: Path, fail_on: str, code: int) -> None:
    # 2.7 of 6 OCOP products by Q2: E = 3, R = 0.9 → at risk; nothing else reported.
    path = write(tmp_path, "target,period,value\nocop_products,2024-Q2,2.7\n")
    assert run("check", path, "-f", "json", "--fail-on", fail_on)[0] == code


def test_no_data_never_fails(tmp_path: Path) -> None:
    path = write(tmp_path, "target,period,value\nocop_products,2024-Q1,\n")
    code, out, err = run("check", path, "-f", "json", "--period", "2024-Q1", "--fail-on", "at-risk")
    assert code == 0, err
    assert json.loads(out)["summary"]["no_data"] == 9


def test_table_names_status_in_words_and_symbols() -> None:
    code, out, err = run("check", str(EXAMPLE))
    assert code == 1 and err == ""
    assert "\x1b[" not in out
    assert "▲ At risk" in out and "✖ Off track" in out and "✔ Achieved" in out
    assert "? No data" in out and "● On track" in out
    assert " ".join(out.split()).endswith(
        "2024-Q3: 1 achieved, 3 on track, 2 at risk, 2 off track, 1 no data — "
        "9 of 27 declared targets defined")
    assert max(len(line) for line in out.splitlines()) <= 100


def test_table_fits_80_columns_without_cutting(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    out = run("check", str(EXAMPLE))[1]
    assert max(len(line) for line in out.splitlines()) <= 80
    # numbers and statuses whole on their line
    # issue 9: at 80 columns the pace moves under the row (into the reason line), so that
    # the name column keeps 24 characters; issue 19: 6 × 0.75 = 4.5 products expected is 5,
    # and the pace the reason already says (89% of pace) is not said twice
    assert any(" 5 " in line and "▲ At risk" in line for line in out.splitlines())
    flat = " ".join(out.split())
    assert "(Pace 98%)" in flat  # 67.5 / 69, on pace: the reason gives no share
    assert "behind pace (89% of pace) 66.7% of the year's plan" in flat
    assert any("by 2024-05-31" in line and "✖ Off track" in line for line in out.splitlines())


def test_table_in_vietnamese() -> None:
    out = run("check", str(EXAMPLE), "--lang", "vi")[1]
    assert "▲ Có nguy cơ" in out and "✖ Chậm tiến độ" in out and "✔ Đạt" in out
    assert "10,9%" in out  # the Vietnamese decimal comma
    assert "9/27 chỉ tiêu" in out


@pytest.mark.parametrize("args", [
    ["check", "missing.csv"],
    ["check", "{example}", "--period", "2024-Q5"],
    ["check", "{example}", "--period", "2023-Q4"],
    ["check", "{example}", "--format", "xml"],
    ["check", "{example}", "--fail-on", "sometimes"],
    ["check", "{example}", "--lang", "fr"],
    ["check", "{example}", "--targets", "missing.yaml"],
    ["check", "{example}", "--no-such-option"],
])
def test_usage_errors_exit_2(args: list[str]) -> None:
    code, out, err = run(*[a.format(example=EXAMPLE) for a in args])
    assert code == 2
    assert out == ""
    assert err.strip()
    assert "Traceback" not in err


def test_period_in_another_year_names_the_plan_year() -> None:
    err = run("check", str(EXAMPLE), "--period", "2023-Q4")[2]
    assert "2023-Q4 is not in the plan's year 2024" in err


def test_bad_actuals_exit_3_with_every_problem(tmp_path: Path) -> None:
    path = write(tmp_path, "target,period,value\n"
                           "ocop_prodcts,2024-Q1,1\n"
                           "ocop_products,2024-Q9,2\n"
                           "ocop_products,2024-Q2,many\n"
                           "ntm_district_recognition,2024-Q1,maybe\n"
                           "ocop_products,2023-Q4,1\n"
                           "income_per_capita,2024-Q1,60\n"
                           "income_per_capita,2024-Q1,61\n")
    code, out, err = run("check", path)
    assert code == 3
    assert out == ""
    lines = err.splitlines()
    assert lines[0] == (f"{path}:2:1: [unknown-target] no target 'ocop_prodcts' in the plan "
                        "— did you mean 'ocop_products' (New OCOP products)?")
    assert lines[1].startswith(f"{path}:3:2: [bad-period] '2024-Q9' is not a period")
    assert lines[2].startswith(f"{path}:4:3: [bad-number] 'many' is not a number")
    assert lines[3].startswith(f"{path}:5:3: [bad-value] 'maybe' is not yes or no")
    assert lines[4].startswith(f"{path}:6:2: [wrong-year] period '2023-Q4' is not in the plan's "
                               "year 2024")
    assert lines[5].startswith(f"{path}:8: [duplicate-row] a second figure for "
                               "income_per_capita in 2024-Q1 (the first is on line 7)")
    assert lines[6] == "Error: 6 problem(s) found; nothing was evaluated."


def test_missing_column_and_empty_file(tmp_path: Path) -> None:
    code, _, err = run("check", write(tmp_path, "target,value\nocop_products,1\n"))
    assert code == 3 and "[missing-column] no column 'period'" in err
    code, _, err = run("check", write(tmp_path, ""))
    assert code == 3 and "[empty-file]" in err


def test_empty_values_are_not_reported(tmp_path: Path) -> None:
    path = write(tmp_path, "target,period,value\nocop_products,2024-Q1,2\n"
                           "ocop_products,2024-Q2,\n")
    doc = json.loads(run("check", path, "-f", "json")[1])
    assert doc["period"] == "2024-Q1"  # the empty Q2 row counts as absent
    ocop = next(t for t in doc["targets"] if t["id"] == "ocop_products")
    # 2 of 6 by Q1: E = 1.5, R = 1.33 → on track
    assert (ocop["actual"], ocop["status"]) == (2, "on_track")


def test_invalid_plan_exits_3(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text("plan: {id: x, year: 2024}\ntargets:\n  - id: a\n    name: A\n"
                    "    kind: cumulativ\n    target: 3\n", encoding="utf-8")
    code, out, err = run("check", str(EXAMPLE), "--targets", str(plan))
    assert code == 3 and out == ""
    assert f"{plan}:5:11: [bad-value] targets[0] (a).kind: 'cumulativ' is not one of" in err
    assert "did you mean 'cumulative'?" in err


def test_targets_lists_the_plan() -> None:
    code, out, err = run("targets")
    assert code == 0 and err == ""
    assert "ocop_products" in out and "≥ 6" in out and "by 2024-05-31" in out
    assert out.rstrip().endswith("9 of 27 declared targets defined")
    doc = json.loads(run("targets", "--format", "json")[1])
    assert [t["id"] for t in doc["targets"]][:2] == ["production_growth", "income_per_capita"]
    assert doc["plan"]["declared_targets"] == 27


def test_a_bug_exits_4_with_its_traceback(monkeypatch: pytest.MonkeyPatch,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    def broken(*args: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr("hauloc_cli.rules.status.evaluate", broken)
    monkeypatch.setattr(sys, "argv", ["hauloc", "check", str(EXAMPLE)])
    with pytest.raises(SystemExit) as exc:
        cli.main()
    assert exc.value.code == 4
    err = capsys.readouterr().err
    assert "Traceback" in err and "RuntimeError: boom" in err


def test_python_dash_m_and_version(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "hauloc_cli", "--version"], cwd=tmp_path,
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0
    assert done.stdout.startswith("hauloc ")


def test_default_plan_is_found_from_any_folder(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "hauloc_cli", "check", str(EXAMPLE), "-f",
                           "json"], cwd=tmp_path, capture_output=True, text=True, check=False)
    assert done.returncode == 1, done.stderr
    assert json.loads(done.stdout)["plan"]["id"] == "hau-loc-2024"
    assert PLAN_2024.is_file()


def test_out_of_memory_is_one_line_and_exit_3(monkeypatch: pytest.MonkeyPatch,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    """An input bigger than the machine can hold is the input's size, not a bug: no
    traceback, exit 3, nothing written."""
    def hungry(*args: object) -> None:
        raise MemoryError

    monkeypatch.setattr("hauloc_cli.rules.status.evaluate", hungry)
    monkeypatch.setattr(sys, "argv", ["hauloc", "check", str(EXAMPLE)])
    with pytest.raises(SystemExit) as exc:
        cli.main()
    assert exc.value.code == 3
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith("Error: out of memory") and "Traceback" not in captured.err
