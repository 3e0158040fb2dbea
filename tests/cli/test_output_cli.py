"""`hauloc check` output options: --format, --output, --quiet, --silent, --fail-on-missing."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from typer.testing import CliRunner, Result

from hauloc_cli.cli import app
from tests.conftest import EXAMPLE, ROOT

SCHEMA = json.loads((ROOT / "docs" / "output.schema.json").read_text(encoding="utf-8"))
HAULOC = Path(sys.executable).parent / "hauloc"
SUMMARY_Q3 = ("2024-Q3: 1 achieved, 3 on track, 2 at risk, 2 off track, 1 no data — "
              "9 of 27 declared targets defined")
BOM = b"\xef\xbb\xbf"


def last_line(text: str) -> str:
    """The summary line, which the table may wrap at COLUMNS=100."""
    start = text.rfind("\n2024-Q") + 1  # 0 when the summary is all there is
    return " ".join(text[start:].split())


def run(*args: str) -> Result:
    return CliRunner().invoke(app, ["check", *args])


def validate(doc: Any) -> None:
    jsonschema.Draft202012Validator(
        SCHEMA, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER).validate(doc)


def test_the_schema_is_a_valid_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


@pytest.mark.parametrize("period", ["2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4"])
def test_json_of_the_example_follows_the_schema(period: str) -> None:
    result = run(str(EXAMPLE), "--format", "json", "--period", period, "--fail-on", "never")
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    validate(doc)
    assert doc["schema_version"] == 2
    assert doc["period"] == period
    assert sum(doc["summary"].values()) == doc["plan"]["defined_targets"] == 9


PLAN_ALL_KINDS = """\
plan: {id: every-kind, year: 2024}
status_bands: {on_track: 0.9, at_risk: 0.7}
targets:
  - {id: poor_households, name: Tỷ lệ hộ nghèo, kind: level, direction: at_most, target: 1.5,
     unit: '%', baseline: 3, pace: [0.2, 0.5, 0.8, 1.0], group: society}
  - {id: accidents, name: Tai nạn giao thông, kind: cumulative, direction: at_most, target: 20}
  - {id: growth, name: Tăng trưởng, kind: annual, target: 12, unit: '%'}
  - {id: bridge, name: Cầu, kind: milestone}
"""


def test_json_of_every_kind_follows_the_schema(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(PLAN_ALL_KINDS, encoding="utf-8")
    actuals = tmp_path / "a.csv"
    actuals.write_text("target,period,value,extra\npoor_households,2024-Q2,2.4,\n"
                       "accidents,2024-Q2,0,\ngrowth,2024-Q1,-1.5,\nbridge,2024-Q2,có,\n",
                       encoding="utf-8")
    for period in ("2024-Q1", "2024-Q2", "2024-Q4"):
        result = run(str(actuals), "-t", str(plan), "-f", "json", "-p", period)
        assert result.exit_code in (0, 1), result.output
        doc = json.loads(result.stdout)
        validate(doc)
        assert doc["plan"] == {"id": "every-kind", "name": None, "year": 2024,
                               "declared_targets": None, "defined_targets": 4}
        assert doc["warnings"][0] == {"code": "unknown-column", "file": str(actuals), "line": 1,
                                      "message": "column 'extra' is not one hauloc knows; "
                                                 "it is ignored"}
        # issue 9: the file ends at Q2, so judging Q4 warns that Q3 and Q4 have no figure
        assert [w["code"] for w in doc["warnings"][1:]] == (
            ["period-after-data"] if period == "2024-Q4" else [])


def test_revisions_and_last_year_follow_the_schema(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(PLAN_ALL_KINDS, encoding="utf-8")
    actuals = tmp_path / "a.csv"
    actuals.write_text("target,period,value,status,reported,last_year\n"
                       "poor_households,2024-Q2,2.6,ước,2024-06-20,3.0\n"
                       "poor_households,2024-Q2,2.4,chính thức,2024-09-20,3.0\n"
                       "accidents,2024-Q2,4,,,0\nbridge,2024-Q2,có,,,không\n", encoding="utf-8")
    result = run(str(actuals), "-t", str(plan), "-f", "json", "-p", "2024-Q2")
    doc = json.loads(result.stdout)
    validate(doc)
    by_id = {t["id"]: t for t in doc["targets"]}
    poor = by_id["poor_households"]  # in %: 2.4 − 3.0 = −0.6 points
    assert poor["figure_status"] == "official" and poor["last_year"] == 3.0
    assert poor["revisions"] == [{"value": 2.6, "status": "estimate", "reported": "2024-06-20",
                                  "file": str(actuals), "line": 2}]
    assert poor["vs_last_year"]["points"] is True and poor["vs_last_year"]["ratio"] is None
    assert poor["vs_last_year"]["change"] == pytest.approx(-0.6)
    # last year 0: only the change, 4 − 0
    assert by_id["accidents"]["vs_last_year"] == {"ratio": None, "growth": None, "change": 4.0,
                                                  "points": False}
    assert by_id["bridge"]["vs_last_year"] is None and by_id["bridge"]["plan_share"] is None
    assert by_id["bridge"]["last_year"] is False


def test_an_undocumented_field_fails_the_schema() -> None:
    doc = json.loads(run(str(EXAMPLE), "-f", "json").stdout)
    doc["targets"][0]["colour"] = "red"
    with pytest.raises(jsonschema.ValidationError):
        validate(doc)


def test_output_json_file(tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    result = run(str(EXAMPLE), "-f", "json", "-o", str(out))
    assert (result.exit_code, result.stdout, result.stderr) == (1, "", "")
    raw = out.read_bytes()
    assert not raw.startswith(BOM)
    doc = json.loads(raw)
    validate(doc)
    assert doc["summary"] == {"achieved": 1, "on_track": 3, "at_risk": 2, "off_track": 2,
                              "missed": 0, "no_data": 1}


def test_csv_file_starts_with_a_bom_stdout_does_not(tmp_path: Path) -> None:
    out = tmp_path / "report.csv"
    to_file = run(str(EXAMPLE), "-f", "csv", "--output", str(out))
    to_stdout = run(str(EXAMPLE), "-f", "csv")
    assert to_file.exit_code == to_stdout.exit_code == 1
    assert to_file.stdout == ""
    assert to_stdout.stdout.startswith("period,id,name,")
    assert out.read_bytes() == BOM + to_stdout.stdout.encode("utf-8")


@pytest.mark.parametrize("fmt", ["table", "markdown", "json"])
def test_other_files_have_no_bom(tmp_path: Path, fmt: str) -> None:
    out = tmp_path / "report"
    assert run(str(EXAMPLE), "-f", fmt, "-o", str(out)).exit_code == 1
    assert not out.read_bytes().startswith(BOM)


def test_table_and_markdown_end_with_the_summary_line(tmp_path: Path) -> None:
    for fmt in ("table", "markdown"):
        out = tmp_path / f"report.{fmt}"
        assert run(str(EXAMPLE), "-f", fmt, "-o", str(out)).exit_code == 1
        assert last_line(out.read_text(encoding="utf-8")) == SUMMARY_Q3


def test_a_file_is_never_coloured(tmp_path: Path) -> None:
    out = tmp_path / "report.txt"
    result = run(str(EXAMPLE), "--color", "always", "-o", str(out))
    assert result.exit_code == 1
    assert "\x1b" not in out.read_text(encoding="utf-8")


def test_an_unwritable_output_is_a_usage_error_and_nothing_runs(tmp_path: Path) -> None:
    out = tmp_path / "missing" / "report.json"
    bad_actuals = tmp_path / "bad.csv"
    bad_actuals.write_text("target,period,value\nnope,2024-Q1,x\n", encoding="utf-8")
    # The output is checked first: the bad actuals file is not even read.
    result = run(str(bad_actuals), "-f", "json", "-o", str(out))
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == f"Error: {out}: the folder {tmp_path / 'missing'} does not exist\n"
    assert list(tmp_path.iterdir()) == [bad_actuals]


def test_output_to_a_folder_is_a_usage_error(tmp_path: Path) -> None:
    result = run(str(EXAMPLE), "-o", str(tmp_path))
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.endswith(f"Error: Invalid value for '--output' / '-o': "
                                  f"file '{tmp_path}' is a directory.\n")


def test_a_failed_run_leaves_the_output_file_alone(tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    out.write_text("yesterday's report\n", encoding="utf-8")
    bad = tmp_path / "bad.csv"
    bad.write_text("target,period,value\nocop_products,2024-Q1,many\n", encoding="utf-8")
    result = run(str(bad), "-f", "json", "-o", str(out))
    assert result.exit_code == 3
    assert out.read_text(encoding="utf-8") == "yesterday's report\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.csv", "report.json"]


def test_a_usage_error_after_the_check_leaves_the_output_alone(tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    result = run(str(EXAMPLE), "-p", "2023-Q1", "-o", str(out))
    assert result.exit_code == 2
    assert not out.exists()


def test_silent_prints_nothing_and_keeps_the_exit_code(tmp_path: Path) -> None:
    result = run(str(EXAMPLE), "--silent")
    assert (result.exit_code, result.stdout, result.stderr) == (1, "", "")
    assert run(str(EXAMPLE), "--silent", "--fail-on", "never").exit_code == 0


def test_silent_still_writes_the_output(tmp_path: Path) -> None:
    out = tmp_path / "r.json"
    result = run(str(EXAMPLE), "--silent", "-f", "json", "-o", str(out))
    assert (result.exit_code, result.stdout) == (1, "")
    assert json.loads(out.read_text(encoding="utf-8"))["period"] == "2024-Q3"


def test_silent_still_reports_errors(tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("target,period,value\nocop_products,2024-Q1,many\n", encoding="utf-8")
    result = run(str(bad), "--silent")
    assert result.exit_code == 3
    assert result.stdout == ""
    assert result.stderr.startswith(f"{bad}:2:3: [bad-number] 'many' is not a number")


# In the example at 2024-Q3: off track are ntm_advanced_communes (1 of 2, 1.5 expected) and the
# district recognition (deadline passed); at risk are growth (10.9 of 12) and OCOP (4 of 4.5);
# 1 achieved, 3 on track, 1 no data.
STATUS_WORDS = ("✖ Off track", "▲ At risk", "● On track", "✔ Achieved", "? No data")


@pytest.mark.parametrize("fmt", ["table", "markdown"])
@pytest.mark.parametrize(("fail_on", "rows"), [
    ("off-track", (2, 0, 0, 0, 0)),
    ("at-risk", (2, 2, 0, 0, 0)),
    ("never", (0, 0, 0, 0, 0)),
])
def test_quiet_shows_only_what_fails(fmt: str, fail_on: str, rows: tuple[int, ...]) -> None:
    result = run(str(EXAMPLE), "-f", fmt, "--quiet", "--fail-on", fail_on)
    assert tuple(result.stdout.count(word) for word in STATUS_WORDS) == rows
    assert last_line(result.stdout) == SUMMARY_Q3


def test_without_quiet_every_row_is_shown() -> None:
    result = run(str(EXAMPLE), "-f", "markdown")
    assert tuple(result.stdout.count(word) for word in STATUS_WORDS) == (2, 2, 3, 1, 1)


def test_quiet_with_nothing_failing_is_the_summary_line() -> None:
    result = run(str(EXAMPLE), "-f", "markdown", "-q", "--fail-on", "never")
    assert (result.exit_code, result.stdout) == (0, SUMMARY_Q3 + "\n")


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_quiet_leaves_machine_formats_whole(fmt: str) -> None:
    assert run(str(EXAMPLE), "-f", fmt, "-q").stdout == run(str(EXAMPLE), "-f", fmt).stdout


MISSING_Q3 = ("missing: no figure for 2024-Q3 from 2 target(s): ntm_model_communes, "
              "security_standard_communes\n")


def test_fail_on_missing() -> None:
    # At 2024-Q3 the model commune was last reported for Q1 and security never: two missing.
    plain = run(str(EXAMPLE), "--fail-on", "never", "-f", "json")
    missing = run(str(EXAMPLE), "--fail-on", "never", "-f", "json", "--fail-on-missing")
    assert (plain.exit_code, plain.stderr) == (0, "")
    assert (missing.exit_code, missing.stderr) == (1, MISSING_Q3)
    assert missing.stdout == plain.stdout


def test_fail_on_missing_counts_an_older_figure_only(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text("plan: {id: p, year: 2024}\ntargets:\n"
                    "  - {id: a, name: A, kind: cumulative, target: 4}\n"
                    "  - {id: b, name: B, kind: milestone}\n", encoding="utf-8")
    actuals = tmp_path / "a.csv"
    actuals.write_text("target,period,value\na,2024-Q1,1\na,2024-Q2,2\nb,2024-Q1,không\n",
                       encoding="utf-8")
    # a is on pace (2 of 2 expected), b not done with its deadline at year end: on track.
    result = run(str(actuals), "-t", str(plan), "--fail-on-missing", "-f", "json")
    assert result.exit_code == 1
    assert result.stderr == "missing: no figure for 2024-Q2 from 1 target(s): b\n"
    assert [t["status"] for t in json.loads(result.stdout)["targets"]] == ["on_track", "on_track"]
    q1 = run(str(actuals), "-t", str(plan), "--fail-on-missing", "-p", "2024-Q1", "-f", "json")
    assert (q1.exit_code, q1.stderr) == (0, "")


def test_fail_on_missing_when_everything_is_reported(tmp_path: Path) -> None:
    lines = ["target,period,value"] + [
        f"{t},2024-Q1,{v}" for t, v in [
            ("production_growth", "12"), ("income_per_capita", "70"),
            ("ntm_model_communes", "1"), ("ntm_advanced_communes", "2"),
            ("ocop_products", "6"), ("national_standard_schools", "12"),
            ("security_standard_communes", "100"), ("rural_hygienic_water", "100"),
            ("ntm_district_recognition", "có")]]
    actuals = tmp_path / "all.csv"
    actuals.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run(str(actuals), "--fail-on-missing", "-f", "json")
    assert (result.exit_code, result.stderr) == (0, "")


@pytest.mark.slow  # writers racing in processes, like the campaign
def test_two_runs_writing_one_file_at_once_leave_one_whole_report(tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    for _ in range(4):
        runs = [subprocess.Popen([str(HAULOC), "check", str(EXAMPLE), "-f", "json", "-p", p,
                                  "-o", str(out)], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
                for p in ("2024-Q2", "2024-Q3")]
        for proc in runs:
            stdout, stderr = proc.communicate(timeout=60)
            assert (proc.returncode, stdout, stderr) == (1, b"", b"")
        doc = json.loads(out.read_text(encoding="utf-8"))
        validate(doc)
        assert doc["period"] in ("2024-Q2", "2024-Q3")
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]


def test_targets_refuses_report_formats() -> None:
    result = CliRunner().invoke(app, ["targets", "--format", "csv"])
    assert result.exit_code == 2
    assert "'csv' is not one of 'table', 'json'" in result.stderr


@pytest.mark.parametrize("fmt", ["csv", "markdown"])
def test_csv_and_markdown_need_neither_rich_nor_openpyxl(fmt: str) -> None:
    code = ("import sys\nfrom typer.testing import CliRunner\nfrom hauloc_cli.cli import app\n"
            f"r = CliRunner().invoke(app, ['check', {str(EXAMPLE)!r}, '-f', {fmt!r}])\n"
            "assert r.exit_code == 1, r.output\n"
            "print(sorted(m for m in ('rich', 'openpyxl') if m in sys.modules))\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=120)
    assert (result.returncode, result.stdout) == (0, "[]\n"), result.stderr


def test_last_year_file(tmp_path: Path) -> None:
    last = tmp_path / "2023.csv"
    last.write_text("target,period,value\nincome_per_capita,9 tháng,60\n", encoding="utf-8")
    doc = json.loads(run(str(EXAMPLE), "-f", "json", "--last-year", str(last)).stdout)
    validate(doc)
    income = next(t for t in doc["targets"] if t["id"] == "income_per_capita")
    # 67.5 / 60 = 1.125: "bằng 112,5% so cùng kỳ, tăng 12,5%"
    assert income["last_year"] == 60.0
    assert income["vs_last_year"] == {"ratio": pytest.approx(1.125),
                                      "growth": pytest.approx(0.125),
                                      "change": pytest.approx(7.5), "points": False}
