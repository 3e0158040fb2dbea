"""check with units: roll-up, coverage in every format, --fail-on-missing naming units."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from hauloc_cli.cli import app
from tests.conftest import ASSETS

PLAN = """plan: {id: p, year: 2024}
units: units.yaml
targets:
  - {id: schools, name: Schools, kind: cumulative, target: 12, rollup: sum,
     assign: {d1: 6, d2: 6}}
  - {id: security, name: Security, kind: level, target: 100, unit: "%", rollup: share_meeting}
  - {id: growth, name: Growth, kind: annual, target: 12, unit: "%", rollup: none}
"""


def setup(tmp_path: Path) -> list[str]:
    (tmp_path / "plan.yaml").write_text(PLAN, encoding="utf-8")
    (tmp_path / "units.yaml").write_text((ASSETS / "units.tree.yaml").read_text("utf-8"),
                                         encoding="utf-8")
    reports = tmp_path / "reports"
    reports.mkdir()
    (reports / "d1.csv").write_text(
        "target,period,value,unit\nschools,Q1,1,a\nsecurity,Q1,có,a\nschools,Q1,2,b\n"
        "security,Q1,có,b\nschools,Q1,1,c\nsecurity,Q1,không,c\n", encoding="utf-8")
    (reports / "d2.csv").write_text("target,period,value,unit\nschools,Q1,2,e\n"
                                    "security,Q1,có,e\nschools,Q1,3,f\n", encoding="utf-8")
    (reports / "p.csv").write_text("target,period,value\ngrowth,Q1,10\nschools,Q1,8\n",
                                   encoding="utf-8")
    return ["check", "--targets", str(tmp_path / "plan.yaml"), str(reports)]


def test_json_carries_coverage_and_units(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, [*setup(tmp_path), "--format", "json"])
    assert result.exit_code == 0, result.stderr
    schools, security, growth = json.loads(result.stdout)["targets"]
    # d1 = 1 + 2 + 1 = 4, d2 = 2 + 3 = 5: the compiled 9 against the district's own 8
    assert schools["actual"] == 8.0
    assert schools["coverage"] == {"rollup": "sum", "source": "own", "reported": 2,
                                   "expected": 2, "partial": False, "missing": [],
                                   "carried": [], "compiled": 9.0}
    assert schools["units"] == [  # 4 ≥ 6·¼
        {"unit": "d1", "actual": 4.0, "status": "on_track", "verdict": "on_track",
         "reported": True, "as_of": "2024-Q1",
         "revisions": []},
        {"unit": "d2", "actual": 5.0, "status": "on_track", "verdict": "on_track",
         "reported": True, "as_of": "2024-Q1",
         "revisions": []}]
    assert security["status"] == "no_data"
    assert security["reason"] == "1 of 5 communes have not reported"
    assert security["coverage"]["missing"] == ["f"]
    assert (growth["coverage"], growth["units"]) == (None, [])
    warnings = result.stderr.splitlines()
    assert warnings == [
        f"warning: {tmp_path / 'reports' / 'p.csv'}:3: [rollup-mismatch] schools of p in "
        "2024-Q1: its own figure 8 and the roll-up of its units 9 differ by more than 0.5% — "
        "the compiled figure does not add up; check it, or the units' figures"]


def test_fail_on_missing_names_the_units(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, [*setup(tmp_path), "--fail-on-missing", "--format", "csv"])
    assert result.exit_code == 1
    assert result.stderr.splitlines()[1:] == [
        "missing: no figure for 2024-Q1 from 1 target(s): security",
        "missing: Xã F (f) did not report for 2024-Q1 (1 target(s)): security"]
    header, schools, security, _ = result.stdout.splitlines()
    assert header.endswith(",vs_last_year_change,coverage,partial")
    assert schools.endswith(",2/2,no")
    assert security.endswith(",4/5,no")  # judged no data, not partial


def test_the_table_says_who_has_not_reported(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, [*setup(tmp_path), "--lang", "vi"],
                                env={"COLUMNS": "80"})
    assert "? Security — 1/5 xã chưa báo cáo" in result.stdout


def test_json_with_units_follows_the_documented_schema(tmp_path: Path) -> None:
    import jsonschema

    from tests.conftest import ROOT

    schema = json.loads((ROOT / "docs" / "output.schema.json").read_text(encoding="utf-8"))
    result = CliRunner().invoke(app, [*setup(tmp_path), "--format", "json"])
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    jsonschema.validate(data, schema)  # raises when the output breaks the schema
    assert any(t["units"] for t in data["targets"]) and any(t["coverage"] for t in data["targets"])


def test_by_unit_matrix_worked_by_hand(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, [*setup(tmp_path), "--by-unit"], env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.stderr
    # d1: 1 + 2 + 1 = 4 schools, security 2 of 3 communes; d2: 2 + 3 = 5, security only e of
    # e and f (below min_coverage 1.0: none). Both assigned 6 schools: 4 and 5 ≥ 6·¼, on track.
    assert result.stdout == ("Unit        1       2\n"
                             "─────────────────────\n"
                             "Huyện D1  ● 4  66.67%\n"
                             "Huyện D2  ● 5       —\n"
                             "\n"
                             "1 Schools\n"
                             "2 Security\n"
                             "\n"
                             "2024-Q1: units reported per target: 1 2/2, 2 4/5\n"
                             "Xã F: not reported for 2024-Q1 (targets 2)\n")


def test_by_unit_in_markdown_csv_and_json(tmp_path: Path) -> None:
    args = [*setup(tmp_path), "--by-unit", "--format"]
    markdown = CliRunner().invoke(app, [*args, "markdown"]).stdout
    assert markdown.splitlines()[:4] == ["| Unit | Schools | Security |", "|---|---:|---:|",
                                         "| Huyện D1 | ● 4 | 66.67% |", "| Huyện D2 | ● 5 | — |"]
    lines = CliRunner().invoke(app, [*args, "csv"]).stdout.splitlines()
    # verdict: before the final quarter, the status (rules/status.py `verdict`)
    assert lines == ["period,unit,name,target,actual,reported,as_of,status,verdict",
                     "2024-Q1,d1,Huyện D1,schools,4.0,yes,2024-Q1,on_track,on_track",
                     "2024-Q1,d2,Huyện D2,schools,5.0,yes,2024-Q1,on_track,on_track",
                     "2024-Q1,d1,Huyện D1,security,66.66666666666667,yes,2024-Q1,,",
                     "2024-Q1,d2,Huyện D2,security,,no,,,"]
    body = json.loads(CliRunner().invoke(app, [*args, "json"]).stdout)
    assert (body["plan_unit"], len(body["units"])) == ("p", 4)
    assert body["units"][0] == {"period": "2024-Q1", "unit": "d1", "name": "Huyện D1",
                                "target": "schools", "actual": 4.0, "reported": True,
                                "as_of": "2024-Q1", "status": "on_track",
                                "verdict": "on_track"}


def test_one_units_own_report(tmp_path: Path) -> None:
    args = setup(tmp_path)
    result = CliRunner().invoke(app, [*args, "--unit", "d1", "--format", "json"])
    schools, security = json.loads(result.stdout)["targets"]
    assert (schools["target"], schools["actual"], schools["status"]) == (6.0, 4.0, "on_track")
    # d1's share of communes meeting the standard, against the plan's 100 %: 66.67 < 100
    assert (security["actual"], security["status"]) == (200 / 3, "off_track")
    leaf = CliRunner().invoke(app, [*args, "--unit", "c", "--format", "json"])
    (security,) = json.loads(leaf.stdout)["targets"]
    assert (security["kind"], security["actual"], security["status"]) == (
        "milestone", False, "on_track")  # not done, the deadline (31 December) is far


def test_unit_options_that_cannot_apply_are_usage_errors(tmp_path: Path) -> None:
    args = setup(tmp_path)
    result = CliRunner().invoke(app, [*args, "--unit", "d3"])
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == (
        "Error: --unit: no unit 'd3' in the units file; see the units file for the ids")
    result = CliRunner().invoke(app, [*args, "--unit", "Huyện D1"])
    assert result.stderr.splitlines()[-1].endswith("did you mean 'd1' (Huyện D1)?")
    plan = tmp_path / "plan.yaml"
    plan.write_text(PLAN.replace("assign: {d1: 6, d2: 6}", "assign: {d1: 6}")
                    .replace("rollup: share_meeting", "rollup: sum"), encoding="utf-8")
    example = ["check", str(tmp_path / "reports" / "p.csv"), "--targets", str(plan),
               "--units", str(ASSETS / "units.tree.yaml")]
    assert CliRunner().invoke(app, example).exit_code == 0
    result = CliRunner().invoke(app, [*example, "--unit", "d2"])
    assert result.stderr.splitlines()[-1] == (
        "Error: --unit: the plan assigns unit 'd2' no target (assign:)")
    plan.write_text(PLAN.replace("units: units.yaml\n", ""), encoding="utf-8")
    for option in (["--unit", "d1"], ["--by-unit"]):
        result = CliRunner().invoke(app, [*example[:-2], *option])  # p.csv, no --units
        assert result.exit_code == 2
        assert "needs a units file: --units FILE, or units: in the plan" in result.stderr


def test_22_units_read_at_80_columns(tmp_path: Path) -> None:
    from tests.conftest import ROOT

    units = ROOT / "data" / "units_hau_loc_2024.yaml"
    targets = "".join(f"  - {{id: t{i}, name: Target {i}, kind: annual, target: 10, "
                      "rollup: sum, assign: 10}\n" for i in range(1, 10))
    plan = tmp_path / "plan.yaml"
    plan.write_text(f"plan: {{id: p, year: 2024}}\ntargets:\n{targets}", encoding="utf-8")
    import yaml

    ids = [u["id"] for u in yaml.safe_load(units.read_text("utf-8"))["units"]][1:]
    rows = "".join(f"t{i},Q1,12.5,{u}\n" for u in ids for i in range(1, 10))
    (tmp_path / "a.csv").write_text("target,period,value,xã\n" + rows, encoding="utf-8")
    result = CliRunner().invoke(app, ["check", str(tmp_path / "a.csv"), "--targets", str(plan),
                                      "--units", str(units), "--by-unit"],
                                env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert max(len(line) for line in lines) <= 80
    assert sum(line.startswith("Unit ") for line in lines) == 2  # two pages of targets
    assert sum("Thị trấn Hậu Lộc" in line for line in lines) == 2
    assert sum(line.startswith("Xã ") for line in lines) == 42  # 21 communes, twice
    assert " ".join(lines[-2:]) == ("2024-Q1: units reported per target: " +
                                    ", ".join(f"{i} 22/22" for i in range(1, 10)))


def test_template_for_units_and_split(tmp_path: Path) -> None:
    args = setup(tmp_path)
    plan = args[2]
    result = CliRunner().invoke(app, ["template", "--targets", plan, "--period", "2024-Q1"])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "target,period,unit,value,note,source,name,plan_target,unit_name,measure"
    assert lines[1:3] == ["schools,2024-Q1,a,,,,Schools,,Xã A,",
                          'security,2024-Q1,a,,,,Security,"có, hạn 2024-12-31",Xã A,có/không']
    assert lines[-1] == "growth,2024-Q1,p,,,,Growth,12,Tỉnh P,%"
    # Filled in and read back: the reference columns pass without a word.
    filled = "\n".join([lines[0], *(line.replace(",,,,", ",1,,,", 1) for line in lines[1:]
                                    if line.startswith("schools"))])
    (tmp_path / "filled.csv").write_text(filled + "\n", encoding="utf-8")
    check = CliRunner().invoke(app, ["check", "--targets", plan, str(tmp_path / "filled.csv"),
                                      "--format", "json"])
    assert check.exit_code == 0, check.stderr
    assert check.stderr == ""
    assert json.loads(check.stdout)["targets"][0]["actual"] == 5.0  # 1 from each of 5 leaves
    split = tmp_path / "split"
    result = CliRunner().invoke(app, ["template", "--targets", plan, "--split", str(split)])
    assert result.exit_code == 0
    assert sorted(p.name for p in split.iterdir()) == [
        "a.csv", "b.csv", "c.csv", "e.csv", "f.csv", "p.csv"]
    mine = (split / "e.csv").read_text(encoding="utf-8-sig").splitlines()
    assert len(mine) == 1 + 2 * 4 and all(",e," in line for line in mine[1:])
    workbooks = tmp_path / "books"
    result = CliRunner().invoke(app, ["template", "--targets", plan, "--split", str(workbooks),
                                      "--format", "xlsx"])
    assert sorted(p.suffix for p in workbooks.iterdir()) == [".xlsx"] * 6


def test_split_without_units_is_a_usage_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["template", "--split", str(tmp_path / "x")])
    assert result.exit_code == 2
    assert result.stderr == ("Error: --split needs a units file: --units FILE, or units: in "
                             "the plan\n")


def test_summary_says_which_units_are_behind_and_which_have_not_reported(tmp_path: Path
                                                                          ) -> None:
    args = setup(tmp_path)
    (tmp_path / "plan.yaml").write_text(PLAN.replace("assign: {d1: 6, d2: 6}",
                                                     "assign: {d1: 30, d2: 6}"), encoding="utf-8")
    summary = ["summary", *args[1:]]
    # d1: 4 of 30, expected 30·¼ = 7.5 by Q1, R = 0.53: off track; d2: 5 ≥ 1.5, on track.
    text = CliRunner().invoke(app, summary, env={"COLUMNS": "80"}).stdout
    assert text.endswith("\nUNITS BEHIND\nSchools: ✖ Huyện D1 4\n"
                         "\nNOT REPORTED\nSecurity (1/5): Xã F\n")
    vi = CliRunner().invoke(app, [*summary, "--lang", "vi", "--format", "markdown"]).stdout
    assert vi.endswith("\n## Đơn vị chậm tiến độ\n\n- Schools: ✖ Huyện D1 4\n"
                       "\n## Đơn vị chưa báo cáo\n\n- Security (1/5): Xã F\n")
    html = CliRunner().invoke(app, [*summary, "--format", "html"]).stdout
    assert ("<section><h2>Units behind</h2><ul><li>Schools: ✖ Huyện D1 4</li></ul></section>"
            "<section><h2>Not reported</h2><ul><li>Security (1/5): Xã F</li></ul></section>\n"
            "</main>") in html


def test_summary_when_every_unit_reported_and_none_is_behind(tmp_path: Path) -> None:
    args = setup(tmp_path)
    (tmp_path / "reports" / "f.csv").write_text("target,period,value,unit\nsecurity,Q1,có,f\n",
                                               encoding="utf-8")
    text = CliRunner().invoke(app, ["summary", *args[1:]], env={"COLUMNS": "80"}).stdout
    assert text.endswith("\nUNITS BEHIND\nNo unit is off track.\n"
                         "\nNOT REPORTED\nEvery unit has reported.\n")


def test_units_files_that_cannot_be_used(tmp_path: Path) -> None:
    args = setup(tmp_path)
    result = CliRunner().invoke(app, [*args, "--units", str(tmp_path / "nope.yaml")])
    assert (result.exit_code, result.stderr) == (
        2, f"Error: {tmp_path / 'nope.yaml'}: no such file\n")
    two = tmp_path / "two.yaml"
    two.write_text("units:\n  - {id: a, name: A, kind: commune}\n"
                   "  - {id: b, name: B, kind: commune}\n", encoding="utf-8")
    plan = tmp_path / "p2.yaml"
    plan.write_text("plan: {id: p, year: 2024}\ntargets:\n"
                    "  - {id: g, name: G, kind: annual, target: 1, rollup: sum}\n",
                    encoding="utf-8")
    (tmp_path / "g.csv").write_text("target,period,value,unit\ng,Q1,1,a\n", encoding="utf-8")
    for command in ("check", "validate"):
        result = CliRunner().invoke(app, [command, str(tmp_path / "g.csv"), "--targets",
                                          str(plan), "--units", str(two)])
        assert result.exit_code == 3
        assert result.stderr.splitlines()[0] == (
            f"{plan}: [missing-key] plan.unit: {two} has 2 units without a parent (a, b); "
            "say which is the plan's — add 'unit: ID' under 'plan:'")


def test_validate_reads_the_unit_column(tmp_path: Path) -> None:
    args = setup(tmp_path)
    result = CliRunner().invoke(app, ["validate", str(tmp_path / "reports" / "d1.csv"),
                                      *args[1:3]])
    assert (result.exit_code, result.stdout) == (0, "OK: 3 targets, 6 rows, quarter Q1\n")


def test_a_unit_whose_earlier_state_stands_in_is_still_named_as_not_reported(
        tmp_path: Path) -> None:
    """f said `có` for security at Q1 and nothing at Q2; the others said the same at Q2 as at
    Q1 (a, b, e có; c không). f's Q1 state stands in: 4 of 5 meet, 80 % (not 3 of 4, 75 %),
    and the brief still names f as not reported for Q2, its earlier figure standing in."""
    args = setup(tmp_path)
    (tmp_path / "reports" / "f.csv").write_text("target,period,value,unit\nsecurity,Q1,có,f\n",
                                               encoding="utf-8")
    (tmp_path / "reports" / "q2.csv").write_text(
        "target,period,value,unit\nsecurity,Q2,có,a\nsecurity,Q2,có,b\nsecurity,Q2,không,c\n"
        "security,Q2,có,e\n", encoding="utf-8")
    checked = CliRunner().invoke(app, [*args, "--format", "json", "--period", "Q2"])
    security = json.loads(checked.stdout)["targets"][1]
    assert security["actual"] == 80.0
    assert (security["coverage"]["missing"], security["coverage"]["carried"]) == ([], ["f"])
    text = CliRunner().invoke(app, ["summary", *args[1:], "--period", "Q2"],
                              env={"COLUMNS": "80"}).stdout
    assert text.endswith("\nNOT REPORTED\nSchools (2/2): Huyện D1, Huyện D2\n"  # no Q2 at all
                         "Security (1/5): Xã F (its earlier figure stands in)\n")


def test_a_units_figure_nothing_uses_is_named(tmp_path: Path) -> None:
    """growth does not roll up and gives no unit a target of its own: Xã A's growth row is
    accepted, and since no output can use it, a warning names it (never a silent drop)."""
    args = setup(tmp_path)
    (tmp_path / "reports" / "a.csv").write_text("target,period,value,unit\ngrowth,Q1,9,a\n",
                                               encoding="utf-8")
    result = CliRunner().invoke(app, [*args, "--format", "json"])
    path = tmp_path / "reports" / "a.csv"
    assert (f"warning: {path}:2: [unused-figure] growth of a: the plan neither rolls growth up "
            "(rollup) nor gives the unit a target of its own (assign), so these figures are not "
            "used — give the target a rollup or an assign for the unit, or leave the units' rows "
            "of it out") in result.stderr.splitlines()
    assert "unused-figure" in [w["code"] for w in json.loads(result.stdout)["warnings"]]
    # in Vietnamese, for people: the target and the unit by their names, not their ids
    vi = CliRunner().invoke(app, [*args, "--format", "json", "--lang", "vi"])
    (said,) = [line for line in vi.stderr.splitlines() if "[unused-figure]" in line]
    assert "[unused-figure] Growth" in said and "Xã A" in said, said
    assert " growth " not in said and " a:" not in said, said


def test_fail_on_missing_in_vietnamese_names_units_and_targets(tmp_path: Path) -> None:
    """In Vietnamese the lines are for the office: one line per unit that did not report,
    by its name (and the id --unit takes), the period in words, the targets by name."""
    result = CliRunner().invoke(app, [*setup(tmp_path), "--fail-on-missing", "--format", "csv",
                                      "--lang", "vi"])
    assert result.exit_code == 1
    assert result.stderr.splitlines()[1:] == [
        "thiếu số liệu: 1 chỉ tiêu chưa có số liệu quý I 2024: Security (security)",
        "thiếu số liệu: Xã F (f) chưa báo cáo quý I 2024 (1 chỉ tiêu): Security"]


def test_the_by_unit_footer_says_the_period_in_words(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, [*setup(tmp_path), "--by-unit", "--lang", "vi"])
    assert "quý I 2024: số đơn vị đã báo cáo theo chỉ tiêu: 1 2/2, 2 4/5" in result.stdout
    assert "2024-Q1" not in result.stdout
