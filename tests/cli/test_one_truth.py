"""Issue 19 (one truth): one test, or a few, per case listed at the top of the issue.

Written before the fix, from the issue, `/work/notes/design-19.md` and the README sections
"How status is judged", "Units and roll-up" and "Estimates, revisions and last year". Every
expected value is worked by hand in the test's docstring or a comment, never copied from the
program's output. Each test builds its own small plan and figures in tmp_path and runs the
`hauloc` app in-process (tests/cli/support.py), so it says what a user would see.

The cases, in the order of the issue:
 1. the plan unit's own row (unit cell = its id, or empty) is used by check, summary, report;
 2. a unit missing under min_coverage: no data everywhere, and who did not report is named;
 3. revisions across files, folders and --units; equal precedence stays duplicate-row;
 4. --period Q4 with figures to 9 tháng: no data (latest figure for reference), not missed;
 5. ceilings: no "% KH" for a ceiling, a breached cumulative ceiling is missed everywhere,
    the expected column of a ceiling is not "Cần đạt";
 6. a ratio beside a status is not rounded across the band edge (0.9493 → 94.9 %, not 95 %);
 7. share_meeting / count_meeting: a late report does not lower the share or count;
 8. what is expected of a count is a whole number (2.25 products → 3);
 9. plausible typos warned (0.95 for 95 %, 115 for 11.5 %); 0.946 is not ambiguous;
10. roll-up sums and means exact (math.fsum), the same bytes whatever `sum()` does.
"""

from __future__ import annotations

import builtins
import csv
import io
import json
import re
from collections.abc import Iterable
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.cli.support import ROOT, Run, run, write

UNITS_HAU_LOC = ROOT / "data" / "units_hau_loc_2024.yaml"  # hau_loc + 22 units under it


def hau_loc_units() -> list[str]:
    """The ids of the 22 units that report to hau_loc (the town and 21 communes)."""
    units = yaml.safe_load(UNITS_HAU_LOC.read_text(encoding="utf-8"))["units"]
    ids = [u["id"] for u in units if u.get("parent") == "hau_loc"]
    assert len(ids) == 22
    return ids


def targets(result: Run) -> dict[str, dict[str, Any]]:
    """check --format json: the targets by id."""
    assert result.code in (0, 1), result.err
    return {t["id"]: t for t in result.json()["targets"]}


def line_of(text: str, name: str) -> str:
    """The first line of `text` that names `name` (a table row, a list item)."""
    for line in text.splitlines():
        if name in line:
            return line
    raise AssertionError(f"no line names {name!r} in:\n{text}")


def cells(line: str) -> list[str]:
    """The cells of one Markdown table row."""
    return [c.strip() for c in line.strip().strip("|").split("|")]


def column(table_text: str, heading_start: str, row_name: str) -> str | None:
    """The cell under the heading that starts with `heading_start` in the row of `row_name`
    (None when the table has no such heading)."""
    header = next(line for line in table_text.splitlines() if line.startswith("| STT"))
    names = cells(header)
    index = next((i for i, h in enumerate(names) if h.startswith(heading_start)), None)
    if index is None:
        return None
    return cells(line_of(table_text, f"| {row_name} "))[index]


def section(text: str, heading: str) -> str:
    """The body of the Markdown section `## heading` (up to the next `## `)."""
    match = re.search(rf"^## {re.escape(heading)}[^\n]*\n(.*?)(?=^## |\Z)", text, re.M | re.S)
    assert match, f"no section {heading!r} in:\n{text}"
    return match.group(1)


def outputs(args: Iterable[object], period: str | None = None,
            date: str = "2024-10-05") -> dict[str, str]:
    """What each command says about the same inputs: check (table vi/en, markdown vi),
    summary markdown (vi/en) and report markdown (vi). `args`: the files and options."""
    common = [*args, *(["--period", period] if period else []), "--fail-on", "never"]
    said = {
        "check vi": run("check", *common, "--lang", "vi", columns=220),
        "check en": run("check", *common, "--lang", "en", columns=220),
        "check markdown vi": run("check", *common, "--lang", "vi", "--format", "markdown"),
        "summary vi": run("summary", *common, "--lang", "vi", "--format", "markdown"),
        "summary en": run("summary", *common, "--lang", "en", "--format", "markdown"),
        "report vi": run("report", *common, "--format", "markdown", "--date", date),
    }
    for name, result in said.items():
        assert result.code == 0, f"{name}: exit {result.code}\n{result.err}"
    return {name: result.out for name, result in said.items()}


# --------------------------------------------------------------------------------------------
# 1. A figure vanishes: the plan unit's own row
# --------------------------------------------------------------------------------------------

GROWTH_PLAN = """\
plan: {id: p, name: Huyện Thử, year: 2024}
targets:
  - {id: growth, name: Tăng trưởng, name_en: Growth, kind: annual, target: 12, unit: "%",
     rollup: none}
"""


def own_row_file(tmp_path: Path, plan: Path, unit_cell: str) -> Path:
    """The growth figure 10.5 of 2024-Q3 as the plan unit's own row. With unit_cell "hau_loc"
    the file is `hauloc template --units` filled in, as the issue's repro does."""
    if unit_cell == "":
        return write(tmp_path / "own.csv", "target,period,value,unit\ngrowth,2024-Q3,10.5,\n")
    made = run("template", "--targets", plan, "--units", UNITS_HAU_LOC, "--period", "2024-Q3")
    assert made.code == 0, made.err
    rows = list(csv.DictReader(io.StringIO(made.out)))
    assert [(r["target"], r["unit"]) for r in rows] == [("growth", unit_cell)]
    rows[0]["value"] = "10.5"
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return write(tmp_path / "own.csv", out.getvalue())


@pytest.mark.parametrize("unit_cell", ["hau_loc", ""], ids=["unit-cell-plan-id", "unit-cell-empty"])
def test_1_plan_units_own_row_is_used_by_check_summary_and_report(tmp_path: Path,
                                                                 unit_cell: str) -> None:
    """Bullet 1. A row whose unit cell is the plan unit's id (hau_loc, the unit without a
    parent; the plan sets no plan.unit) is the plan unit's own figure (README "Units and
    roll-up"), exactly as a row with the cell empty.

    Hand working: growth, annual at_least, T = 12 %, a = 10.5 at Q3 (not final): not met, so
    E = T = 12, R = 10.5 / 12 = 0.875; 0.80 ≤ 0.875 < 0.95 → at risk ("Có nguy cơ").
    Fails today for "hau_loc": check, summary and report say no data. Passes today for the
    empty cell (that half of the bullet already holds).
    """
    plan = write(tmp_path / "plan.yaml", GROWTH_PLAN)
    actuals = own_row_file(tmp_path, plan, unit_cell)
    args = [actuals, "--targets", plan, "--units", UNITS_HAU_LOC]

    assert run("validate", *args).code == 0
    growth = targets(run("check", *args, "--format", "json", "--fail-on", "never"))["growth"]
    assert (growth["actual"], growth["as_of"], growth["status"]) == (10.5, "2024-Q3", "at_risk")

    said = outputs(args)
    row = line_of(said["summary vi"], "| Tăng trưởng |")
    assert "Có nguy cơ" in row and "10,5%" in row, row
    assert "Chưa có số liệu" not in row
    annex = line_of(said["report vi"], "| Tăng trưởng ")
    assert "10,5" in annex and "Có nguy cơ" in annex, annex


# --------------------------------------------------------------------------------------------
# 2. check, summary and report disagree when a unit has not reported
# --------------------------------------------------------------------------------------------

OCOP_SUM_PLAN = """\
plan: {id: p, name: Huyện Thử, year: 2024}
targets:
  - {id: ocop, name: Sản phẩm OCOP, name_en: OCOP products, kind: cumulative, target: 100,
     unit: sản phẩm, rollup: sum}
"""


def minh_loc_silent_at_q2(tmp_path: Path) -> list[object]:
    """All 22 units report 1 product at Q1; at Q2 all but Xã Minh Lộc (minh_loc) report 2."""
    plan = write(tmp_path / "plan.yaml", OCOP_SUM_PLAN)
    ids = hau_loc_units()
    rows = [f"ocop,Q1,1,{u}" for u in ids] + [f"ocop,Q2,2,{u}" for u in ids if u != "minh_loc"]
    actuals = write(tmp_path / "units.csv", "target,period,value,unit\n" + "\n".join(rows) + "\n")
    return [actuals, "--targets", plan, "--units", UNITS_HAU_LOC]


def test_2_unit_missing_under_min_coverage_is_no_data_in_check_summary_and_report(
        tmp_path: Path) -> None:
    """Bullet 2. min_coverage defaults to 1.0; at Q2 21 of 22 units reported (21/22 < 1.0),
    so nothing is rolled up and the district has no figure of its own: no data, reason
    "1 of 22 communes have not reported". The earlier Q1 figure (22 products, 22 < 100, so
    not decided) may not stand in for a flow (design-19 "Older figures"): summary and the
    annex must say no data too, never "Chậm tiến độ (số liệu quý I: 22)", and the brief must
    not say every target has figures. Hand working of what they say today: Q1 22 against
    E = 100·2/4 = 50 → R = 0.44 → "Chậm tiến độ".
    Fails today: summary and report judge the Q1 roll-up again ("Chậm tiến độ").
    """
    args = minh_loc_silent_at_q2(tmp_path)
    ocop = targets(run("check", *args, "--format", "json", "--fail-on", "never"))["ocop"]
    assert ocop["status"] == "no_data"
    assert ocop["reason"] == "1 of 22 communes have not reported"
    assert ocop["coverage"]["missing"] == ["minh_loc"]

    said = outputs(args, date="2024-07-05")
    words_of_a_judgement = ("Chậm tiến độ", "Có nguy cơ", "Đúng tiến độ", "Không đạt")
    row = line_of(said["summary vi"], "| Sản phẩm OCOP |")
    assert "Chưa có số liệu" in row, row
    assert not any(word in row for word in words_of_a_judgement), row
    assert "Tất cả chỉ tiêu đã có số liệu" not in said["summary vi"]
    assert "Sản phẩm OCOP" in section(said["summary vi"], "Chưa có số liệu")
    assert "Every target has a figure" not in said["summary en"]
    annex = line_of(said["report vi"], "| Sản phẩm OCOP ")
    assert "Chưa có số liệu" in annex, annex
    assert not any(word in annex for word in words_of_a_judgement), annex


def test_2_annex_and_by_unit_table_name_the_unit_that_did_not_report(tmp_path: Path) -> None:
    """Bullet 2 (issue "What to build" 4): the annex and the by-unit table name the units
    that did not report. Here that is Xã Minh Lộc (minh_loc), the one of 22 silent at Q2.
    Today the annex's "Theo đơn vị" lists Xã Minh Lộc with empty cells and the by-unit
    matrix gives it "—" and a footer "1 21/22": neither line says it did not report.
    Asserted: a line naming Minh Lộc that also says "chưa báo cáo" (annex, vi) / "report"
    (by-unit table, en; vi "báo cáo").
    Fails today: no such line in either.
    """
    args = minh_loc_silent_at_q2(tmp_path)
    annex = run("report", *args, "--format", "markdown", "--date", "2024-07-05",
                "--fail-on", "never").out
    assert any("Minh Lộc" in line and "chưa báo cáo" in line.lower()
               for line in annex.splitlines()), annex
    for lang, word in (("en", "report"), ("vi", "báo cáo")):
        matrix = run("check", *args, "--by-unit", "--lang", lang, "--fail-on", "never",
                     columns=120).out
        assert any("Minh Lộc" in line and word in line.lower()
                   for line in matrix.splitlines()), matrix


# --------------------------------------------------------------------------------------------
# 3. Revisions lost or refused by the shape of the input
# --------------------------------------------------------------------------------------------

REVISION_PLAN = """\
plan: {id: p, name: Xã Thử, year: 2024}
targets:
  - {id: growth, name: Tăng trưởng, name_en: Growth, kind: annual, target: 12, unit: "%",
     rollup: none}
  - {id: ocop, name: Sản phẩm OCOP, name_en: OCOP products, kind: cumulative, target: 8,
     unit: sản phẩm}
"""
HEADER = "target,period,value,status\n"
ESTIMATE = "growth,2024-Q2,10.4,ước\n"
OFFICIAL = "growth,2024-Q2,11.6,chính thức\n"

# Hand working for every revision test below: the figures 10.4 (ước) and 11.6 (chính thức)
# of growth for 2024-Q2, neither dated. At the same (no) date the more final wins: official
# > estimate, so the figure used is 11.6, revised from 10.4. growth is annual at_least 12:
# R = 11.6 / 12 = 0.9667 ≥ 0.95 → on track (the estimate alone: 10.4 / 12 = 0.8667, at risk).
# Nothing is off track, so the default --fail-on off-track exits 0.


def assert_revised(growth: dict[str, Any], estimate_file: str) -> None:
    assert (growth["actual"], growth["figure_status"], growth["status"]) == (
        11.6, "official", "on_track")
    assert [(r["value"], r["status"], Path(r["file"]).name, r["line"])
            for r in growth["revisions"]] == [(10.4, "estimate", estimate_file, 2)]


def assert_brief_lists_the_revision(brief: str) -> None:
    line = line_of(section(brief, "Số liệu điều chỉnh"), "Tăng trưởng")
    assert "10,4%" in line and "11,6%" in line, line


@pytest.mark.parametrize("shape", ["two files", "a folder"])
def test_3_estimate_and_official_in_two_files_are_a_revision(tmp_path: Path, shape: str) -> None:
    """Bullet 3. a.csv holds the ước row, b.csv the chính thức row of the same target and
    period: a revision, as in one file (docs/actuals.md, "Estimates, revisions and last
    year": official > estimate at the same date), not duplicate-row. Given as two files or as
    a folder of them.
    Fails today: exit 3, [duplicate-row].
    """
    folder = tmp_path / "reports"
    folder.mkdir()
    a = write(folder / "a.csv", HEADER + ESTIMATE)
    b = write(folder / "b.csv", HEADER + OFFICIAL)
    plan = write(tmp_path / "plan.yaml", REVISION_PLAN)
    inputs: list[object] = [a, b] if shape == "two files" else [folder]
    result = run("check", *inputs, "--targets", plan, "--format", "json")
    assert result.code == 0, result.err
    assert "duplicate-row" not in result.err
    assert_revised(targets(result)["growth"], "a.csv")
    brief = run("summary", *inputs, "--targets", plan, "--format", "markdown", "--lang", "vi")
    assert brief.code == 0, brief.err
    assert_brief_lists_the_revision(brief.out)


def test_3_a_second_file_keeps_the_first_files_revisions(tmp_path: Path) -> None:
    """Bullet 3. The revision is inside a.csv (ước then chính thức); b.csv only adds another
    target (ocop 4 at Q2). Reading b.csv too must keep a.csv's revision in JSON and in the
    brief's "Số liệu điều chỉnh".
    Fails today: "revisions": [] and no revision in the brief once a second file is read.
    """
    a = write(tmp_path / "a.csv", HEADER + ESTIMATE + OFFICIAL)
    b = write(tmp_path / "b.csv", HEADER + "ocop,2024-Q2,4,\n")
    plan = write(tmp_path / "plan.yaml", REVISION_PLAN)
    result = run("check", a, b, "--targets", plan, "--format", "json")
    assert result.code == 0, result.err
    assert_revised(targets(result)["growth"], "a.csv")
    brief = run("summary", a, b, "--targets", plan, "--format", "markdown", "--lang", "vi")
    assert_brief_lists_the_revision(brief.out)


def test_3_units_keep_the_revisions(tmp_path: Path) -> None:
    """Bullet 3. The same one-file revision of the plan unit's own growth figure (unit cell
    empty: the plan unit's own row), read with --units (tests/assets/units.tree.yaml; growth
    has rollup: none): the revision is kept in JSON and in the brief.
    Fails today: "revisions": [] and the brief loses "Số liệu điều chỉnh".
    """
    a = write(tmp_path / "a.csv", HEADER + ESTIMATE + OFFICIAL)
    plan = write(tmp_path / "plan.yaml", REVISION_PLAN)
    tree = ROOT / "tests" / "assets" / "units.tree.yaml"
    result = run("check", a, "--targets", plan, "--units", tree, "--format", "json",
                 "--fail-on", "never")
    assert_revised(targets(result)["growth"], "a.csv")
    brief = run("summary", a, "--targets", plan, "--units", tree, "--format", "markdown",
                "--lang", "vi", "--fail-on", "never")
    assert_brief_lists_the_revision(brief.out)


def test_3_equal_precedence_in_two_files_stays_duplicate_row_naming_both(tmp_path: Path) -> None:
    """Bullet 3. Two ước rows, neither dated, of growth 2024-Q2 in two files differ in
    neither `reported` nor `status`: they cannot both stand, so duplicate-row (exit 3), naming
    both places (b.csv:2 and a.csv:2).
    Passes today (this half of the bullet already holds); kept so the rewrite keeps it.
    """
    a = write(tmp_path / "a.csv", HEADER + ESTIMATE)
    b = write(tmp_path / "b.csv", HEADER + "growth,2024-Q2,11.0,ước\n")
    plan = write(tmp_path / "plan.yaml", REVISION_PLAN)
    result = run("check", a, b, "--targets", plan, "--format", "json")
    assert result.code == 3
    problem = line_of(result.err, "[duplicate-row]")
    assert "b.csv:2" in problem and "a.csv:2" in problem, problem


# --------------------------------------------------------------------------------------------
# 4. The year end judged on the wrong figures
# --------------------------------------------------------------------------------------------

YEAR_END_PLAN = """\
plan: {id: p, name: Xã Thử, year: 2024}
targets:
  - {id: ocop, name: Sản phẩm OCOP, name_en: OCOP products, kind: cumulative, target: 8,
     unit: sản phẩm}
  - {id: schools, name: Trường đạt chuẩn, name_en: Standard schools, kind: cumulative,
     target: 4, unit: trường}
  - {id: growth, name: Tăng trưởng, name_en: Growth, kind: annual, target: 12, unit: "%"}
"""
NINE_MONTHS = """\
target,period,value
ocop,Q1,1
ocop,Q2,3
ocop,9 tháng,5
schools,Q2,2
schools,9 tháng,4
growth,9 tháng,10.9
"""


def test_4_final_quarter_after_the_data_is_no_data_not_missed(tmp_path: Path) -> None:
    """Bullet 4. --period 2024-Q4 with figures only up to 9 tháng (Q3).
    Hand working (design-19 "Older figures"): Q4 is final and after the data, so a target is
    judged on its 9-month figure only if that figure already decides it.
    - ocop, cumulative at_least 8: 5 at Q3, 5 < 8, not decided → no_data, with actual 5 and
      as_of 2024-Q3 kept for reference, no expected and no ratio; never "không đạt".
    - growth, annual at_least 12: 10.9 at Q3 is not decided (annual is never decided before
      the final figure) → no_data, actual 10.9 as_of 2024-Q3 for reference.
    - schools, cumulative at_least 4: 4 at Q3, 4 ≥ 4 met → achieved, stays achieved; at the
      final quarter its verdict is the year-end class: 4 = 4, met (not exceeded).
    So the brief counts 0 "Không đạt", 2 "Chưa có số liệu"; the default --fail-on off-track
    exits 0 (no data never counts).
    Fails today: ocop and growth are off_track, "hết năm, không đạt kế hoạch", exit 1.
    """
    plan = write(tmp_path / "plan.yaml", YEAR_END_PLAN)
    actuals = write(tmp_path / "a.csv", NINE_MONTHS)
    args = [actuals, "--targets", plan]
    result = run("check", *args, "--period", "2024-Q4", "--format", "json")
    by_id = targets(result)
    for name, actual in (("ocop", 5.0), ("growth", 10.9)):
        t = by_id[name]
        assert (t["status"], t["actual"], t["as_of"]) == ("no_data", actual, "2024-Q3"), t
        assert (t["expected"], t["ratio"]) == (None, None), t
    assert by_id["schools"]["status"] == "achieved"
    assert [by_id[n].get("verdict") for n in ("ocop", "growth", "schools")] == [
        "no_data", "no_data", "met"]

    said = outputs(args, period="2024-Q4", date="2024-12-15")
    for name, name_en in (("Sản phẩm OCOP", "OCOP products"), ("Tăng trưởng", "Growth")):
        for output in ("check vi", "check markdown vi", "summary vi", "report vi"):
            # the report's annex row (its letter says it in a sentence, checked in
            # tests/render/report/test_letterhead.py)
            row = line_of(said[output], f"| {name}" if output == "report vi" else name)
            assert "Chưa có số liệu" in row, (output, row)
            assert "không đạt" not in row.lower() and "Chậm tiến độ" not in row, (output, row)
        assert "Missed" not in line_of(said["check en"], name_en)
        assert "Off track" not in line_of(said["check en"], name_en)
    # The latest figure is shown for reference: "Chưa có số liệu (số liệu 9 tháng: 5)".
    assert "9 tháng: 5" in line_of(said["report vi"], "| Sản phẩm OCOP ")
    schools = line_of(said["summary vi"], "| Trường đạt chuẩn |")
    assert "Đạt" in schools and "Không đạt" not in schools, schools
    assert count_in(said["summary vi"], "Không đạt") == 0
    assert count_in(said["summary vi"], "Chưa có số liệu") == 2
    assert result.code == 0, result.err  # nothing off track or missed; no data never counts


def count_in(brief: str, word: str) -> int:
    """The brief's count of `word` ("✖ Không đạt: 2"); 0 when the brief leaves it out."""
    match = re.search(rf"{word}: (\d+)", brief)
    return int(match.group(1)) if match else 0


# --------------------------------------------------------------------------------------------
# 5. Ceilings read as success
# --------------------------------------------------------------------------------------------

CEILING_PLAN = """\
plan: {id: p, name: Xã Thử, year: 2024}
targets:
  - {id: poverty, name: Tỷ lệ hộ nghèo, name_en: Poverty rate, kind: level, direction: at_most,
     target: 1.5, unit: "%"}
  - {id: crashes, name: Tai nạn giao thông, name_en: Traffic accidents, kind: cumulative,
     direction: at_most, target: 4, unit: vụ}
  - {id: fires, name: Vụ cháy, name_en: Fires, kind: cumulative, direction: at_most,
     target: 4, unit: vụ}
"""
CEILING_FIGURES = """\
target,period,value
poverty,9 tháng,1.85
crashes,Q1,2
crashes,6 tháng,5
crashes,9 tháng,5
fires,9 tháng,2
"""


def ceiling_args(tmp_path: Path) -> list[object]:
    plan = write(tmp_path / "plan.yaml", CEILING_PLAN)
    return [write(tmp_path / "a.csv", CEILING_FIGURES), "--targets", plan]


def test_5_a_level_ceiling_over_its_maximum_never_reads_as_a_share_of_plan(
        tmp_path: Path) -> None:
    """Bullet 5. Poverty 1.85 % against at most 1.5 % (level, at_most, no baseline) at Q3.
    Hand working: a / T = 1.85 / 1.5 = 1.2333 (what prints today as "đạt 123,3% KH năm" and
    the annex's "So với kế hoạch 123,3"). Over the maximum by 1.85 − 1.5 = 0.35 points, which
    words "vượt mức tối đa 0,35 điểm %" / "over the maximum by 0.35 pp".
    Status: not met; R = T / a = 0.8108 → at risk (a level can still come down).
    Fails today: "đạt 123,3% KH năm", "123.3% of the year's plan", annex 123,3.
    """
    said = outputs(ceiling_args(tmp_path))
    for name, text in said.items():
        assert not re.search(r"đạt 123[,.]3|123[,.]3\s?% KH|123[,.]3% of", text), (name, text)
    assert "vượt mức tối đa 0,35 điểm %" in said["check vi"]
    assert "over the maximum by 0.35 pp" in said["check en"]
    assert column(said["report vi"], "So với kế hoạch", "Tỷ lệ hộ nghèo") != "123,3"


def test_5_a_breached_cumulative_ceiling_is_missed_everywhere(tmp_path: Path) -> None:
    """Bullet 5. Traffic accidents, cumulative at_most 4: 5 by 6 tháng and 5 by 9 tháng.
    Hand working: 5 > 4 and a year-to-date count cannot go down, so no later figure can mend
    it: decided, status `missed` (design-19), the word "Không đạt" / "Missed" everywhere,
    never "off_track" / "Chậm tiến độ". --fail-on off-track counts missed: exit 1.
    Fails today: status off_track, "✖ Chậm tiến độ" in check, summary and report.
    """
    args = ceiling_args(tmp_path)
    result = run("check", *args, "--format", "json")
    assert result.code == 1
    assert targets(result)["crashes"]["status"] == "missed"
    said = outputs(args)
    for output in ("check vi", "check markdown vi", "summary vi"):
        row = line_of(said[output], "Tai nạn giao thông")
        assert "Không đạt" in row and "Chậm tiến độ" not in row, (output, row)
    # the report: its annex row, and the letter's sentence (5 is 1 over the maximum of 4)
    row = line_of(said["report vi"], "| Tai nạn giao thông ")
    assert "Không đạt" in row and "Chậm tiến độ" not in row, row
    assert " Tai nạn giao thông là 5 vụ, vượt mức tối đa 1 vụ (không quá 4 vụ); không đạt." \
        in said["report vi"]
    assert "chậm tiến độ" not in said["report vi"].lower()
    row = line_of(said["check en"], "Traffic accidents")
    assert "Missed" in row and "Off track" not in row, row
    assert "Missed" in line_of(said["summary en"], "| Traffic accidents |")


def test_5_the_expected_column_of_a_ceiling_is_an_allowance_not_cần_đạt(tmp_path: Path) -> None:
    """Bullet 5. Fires, cumulative at_most 4, 2 at Q3: allowed so far E = 4 · 3/4 = 3 (a
    whole number already; floor(3) = 3); 2 ≤ 3, on track. Every target of this plan is a
    ceiling, so the expected column's heading is the ceiling's ("Tối đa đến nay" / "Allowed
    so far" in design-19; any heading with "tối đa" / "allowed" or "maximum" is accepted),
    never a bare "Cần đạt" / "Expected"; and no note says "cần đạt 3". Within the ceiling
    the share is worded against the maximum: 2 / 4 = 50 % → "bằng 50% mức tối đa" /
    "50% of the maximum", never "đạt 50% KH".
    Fails today: heading "Cần đạt" / "Expected", "đạt 50% KH năm".
    """
    said = outputs(ceiling_args(tmp_path))
    for output, fits in (("check vi", ("tối đa",)), ("check markdown vi", ("tối đa",)),
                         ("check en", ("allowed", "maximum"))):
        header = said[output].splitlines()[0]
        assert any(word in header.lower() for word in fits), (output, header)
        assert "cần đạt 3" not in said[output].lower(), output
    assert "đạt 50% KH" not in said["check vi"]
    assert "bằng 50% mức tối đa" in said["check vi"]
    assert "50% of the maximum" in said["check en"]


# --------------------------------------------------------------------------------------------
# 6. Rounding that contradicts the status
# --------------------------------------------------------------------------------------------

def test_6_a_ratio_beside_a_status_is_not_rounded_across_its_band(tmp_path: Path) -> None:
    """Bullet 6. 71.2 against 75 (annual at_least, Q3, not final): R = 71.2 / 75 = 0.949333;
    0.80 ≤ R < 0.95 → at risk. Rounded to whole percent it would read 95 %, the on-track edge,
    beside "Có nguy cơ"; one decimal gives 94.9 % (vi "94,9%"), which stays in the band.
    Fails today: "95%/100%" and "(95% mức cần đạt)" / "(95% of expected)", the brief's "95%".
    """
    plan = write(tmp_path / "plan.yaml", """\
plan: {id: p, name: Xã Thử, year: 2024}
targets:
  - {id: water, name: Tỷ lệ dân dùng nước sạch, name_en: Clean water, kind: annual,
     target: 75, unit: "%"}
""")
    args = [write(tmp_path / "a.csv", "target,period,value\nwater,9 tháng,71.2\n"),
            "--targets", plan]
    water = targets(run("check", *args, "--format", "json", "--fail-on", "never"))["water"]
    assert water["status"] == "at_risk"
    said = outputs(args)
    said["check csv"] = run("check", *args, "--format", "csv", "--fail-on", "never").out
    for name, text in said.items():
        assert not re.search(r"(?<![\d,.])95\s?%", text), (name, text)
    assert "94,9%" in line_of(said["check vi"], "Tỷ lệ dân dùng nước sạch")
    assert "94.9%" in line_of(said["check en"], "Clean water")


# --------------------------------------------------------------------------------------------
# 7. A late report lowers a share
# --------------------------------------------------------------------------------------------

FIVE_COMMUNES = """\
source: test
units:
  - {id: d, name: Huyện D, kind: district}
  - {id: a, name: Xã A, kind: commune, parent: d}
  - {id: b, name: Xã B, kind: commune, parent: d}
  - {id: c, name: Xã C, kind: commune, parent: d}
  - {id: e, name: Xã E, kind: commune, parent: d}
  - {id: g, name: Xã G, kind: commune, parent: d}
"""
MEETING_PLAN = """\
plan: {id: p, name: Huyện Thử, year: 2024}
units: units.yaml
targets:
  - {id: share, name: Tỷ lệ xã đạt chuẩn an ninh, name_en: Share of safe communes,
     kind: level, target: 60, unit: "%", rollup: share_meeting, min_coverage: 0.8}
  - {id: count, name: Số xã đạt chuẩn an ninh, name_en: Safe communes, kind: level,
     target: 3, unit: xã, rollup: count_meeting, min_coverage: 0.8}
"""


def test_7_a_late_report_does_not_lower_a_share_or_a_count(tmp_path: Path) -> None:
    """Bullet 7. Five communes. Q2: a, b, c yes; e, g no. Q3: a, b yes; e, g no; c silent.
    Hand working: Q2 share 3/5 = 60 % ≥ 60 → achieved; count 3 ≥ 3 → achieved. At Q3 c's
    state at Q2 (yes) stands in for its missing Q3 report (design-19: a leaf's latest figure
    at or before the period, within the year), so the share is still 3/5 = 60 % and the count
    3: both achieved. (min_coverage 0.8 so that the roll-up is made today too.)
    Fails today: c drops out, share 2/4 = 50 % (R = 50/60 = 0.83, at risk), count 2 (off
    track).
    """
    write(tmp_path / "units.yaml", FIVE_COMMUNES)
    plan = write(tmp_path / "plan.yaml", MEETING_PLAN)
    said = {"a": ("có", "có"), "b": ("có", "có"), "c": ("có", None), "e": ("không", "không"),
            "g": ("không", "không")}
    rows = [f"{t},{q},{v},{u}" for t in ("share", "count") for u, vs in said.items()
            for q, v in zip(("Q2", "Q3"), vs, strict=True) if v is not None]
    actuals = write(tmp_path / "a.csv", "target,period,value,unit\n" + "\n".join(rows) + "\n")
    for period in ("2024-Q2", "2024-Q3"):
        by_id = targets(run("check", actuals, "--targets", plan, "--period", period,
                            "--format", "json", "--fail-on", "never"))
        assert (by_id["share"]["actual"], by_id["share"]["status"]) == (60.0, "achieved"), period
        assert (by_id["count"]["actual"], by_id["count"]["status"]) == (3.0, "achieved"), period
    brief = run("summary", actuals, "--targets", plan, "--format", "markdown", "--lang", "vi",
                "--fail-on", "never").out
    row = line_of(brief, "| Tỷ lệ xã đạt chuẩn an ninh |")
    assert "60%" in row and "50%" not in row, row


# --------------------------------------------------------------------------------------------
# 8. Counts come out as fractions
# --------------------------------------------------------------------------------------------

def test_8_what_is_expected_of_a_count_is_a_whole_number(tmp_path: Path) -> None:
    """Bullet 8. 9 new OCOP products (cumulative at_least, whole numbers, unit "sản phẩm",
    not a measure: whole by default), pace q/4, 1 product at Q1.
    Hand working: expected by Q1 = 9 · 1/4 = 2.25 → at least 3 whole products (ceil);
    still needed per remaining quarter (9 − 1) / 3 = 2.67 → at least 3 whole products a
    quarter (ceil), never written as a fraction.
    So the check table's expected column, its note and the brief say 3 ("cần đạt 3"); the
    official letter, whose section III says what each target still needs, "mỗi quý còn lại
    cần 3 sản phẩm"; none says "2,25" / "2.25" or "2,67".
    Fails today: "Cần đạt 2,25", "cần đạt 2,25", "mỗi quý còn lại cần 2,67 sản phẩm".
    """
    import docx

    plan = write(tmp_path / "plan.yaml", """\
plan: {id: p, name: Xã Thử, year: 2024}
targets:
  - {id: ocop, name: Sản phẩm OCOP mới, name_en: New OCOP products, kind: cumulative,
     target: 9, unit: sản phẩm}
""")
    args = [write(tmp_path / "a.csv", "target,period,value\nocop,Q1,1\n"), "--targets", plan]
    said = outputs(args, date="2024-04-05")
    html = run("report", *args, "--format", "html", "--date", "2024-04-05",
               "--fail-on", "never")
    said["letter html"] = re.sub(r"<[^>]+>", " ", html.out)
    out = tmp_path / "report.docx"
    made = run("report", *args, "--output", out, "--date", "2024-04-05", "--fail-on", "never")
    assert made.code == 0, made.err
    document = docx.Document(str(out))
    said["letter docx"] = "\n".join(
        [p.text for p in document.paragraphs]
        + [cell.text for table in document.tables for r in table.rows for cell in r.cells])
    for name, text in said.items():
        assert not re.search(r"2[,.]25|2[,.]67", text), (name, text)
    assert "cần đạt 3" in line_of(said["check vi"], "Sản phẩm OCOP mới")
    assert "cần đạt 3" in line_of(said["summary vi"], "| Sản phẩm OCOP mới |")
    needed = "Sản phẩm OCOP mới: mỗi quý còn lại cần 3 sản phẩm."
    assert needed in " ".join(said["letter html"].split()) and needed in said["letter docx"]
    assert needed in said["report vi"]
    table = said["check markdown vi"]
    index = cells(table.splitlines()[0]).index("Cần đạt")
    assert cells(line_of(table, "| Sản phẩm OCOP mới"))[index] == "3"


# --------------------------------------------------------------------------------------------
# 9. Typos pass as figures
# --------------------------------------------------------------------------------------------

TYPO_PLAN = """\
plan: {id: p, name: Xã Thử, year: 2024}
targets:
  - {id: water, name: Nước sạch, name_en: Clean water, kind: level, target: 95, unit: "%"}
  - {id: growth, name: Tăng trưởng, name_en: Growth, kind: annual, target: 11.5, unit: "%"}
  - {id: cover, name: Hệ số che phủ, name_en: Cover ratio, kind: level, target: 0.9}
"""


def warnings_about(result: Run, row: str) -> list[str]:
    return [line for line in result.err.splitlines()
            if line.startswith("warning:") and row in line]


def test_9_a_fraction_typed_for_a_percentage_is_warned(tmp_path: Path) -> None:
    """Bullet 9. water: unit "%", target 95 ≥ 1; the figure 0.95 (|x| < 1) on line 2 of
    a.csv is most likely 95 % typed as a fraction: a warning naming the row (a.csv:2) and the
    likely value 95 (design-19 "Inputs").
    Fails today: no warning; 0.95 is judged as 0,95 %.
    """
    plan = write(tmp_path / "plan.yaml", TYPO_PLAN)
    actuals = write(tmp_path / "a.csv", "target,period,value\nwater,Q1,0.95\n")
    result = run("check", actuals, "--targets", plan, "--fail-on", "never")
    assert result.code == 0, result.err
    found = warnings_about(result, "a.csv:2")
    assert any(re.search(r"(?<![\d.,])95(?![\d.,]?\d)", w) for w in found), result.err


def test_9_a_rate_ten_times_its_targets_scale_is_warned(tmp_path: Path) -> None:
    """Bullet 9. growth: unit "%", target 11.5; 115 on line 2 is 10 × the target's scale,
    most likely 11.5 with the decimal point lost: a warning naming a.csv:2 and 11.5.
    Fails today: no warning; 115 against 11.5 is judged on track.
    """
    plan = write(tmp_path / "plan.yaml", TYPO_PLAN)
    actuals = write(tmp_path / "a.csv", "target,period,value\ngrowth,Q1,115\n")
    result = run("check", actuals, "--targets", plan, "--fail-on", "never")
    assert result.code == 0, result.err
    found = warnings_about(result, "a.csv:2")
    assert any(re.search(r"11[.,]5(?!\d)", w) for w in found), result.err


def test_9_a_leading_zero_decimal_is_not_ambiguous(tmp_path: Path) -> None:
    """Bullet 9. "0.946" can only mean 0.946: nobody writes 946 as "0.946" (a thousands
    group never follows a lone 0). It is read as 0.946, with no ambiguous-number.
    Hand working: cover, level at_least 0.9: 0.946 ≥ 0.9 → achieved.
    Fails today: exit 3, [ambiguous-number] "could be 0.946 or 0946".
    """
    plan = write(tmp_path / "plan.yaml", TYPO_PLAN)
    actuals = write(tmp_path / "a.csv", "target,period,value\ncover,Q1,0.946\n")
    result = run("check", actuals, "--targets", plan, "--format", "json", "--fail-on", "never")
    assert "ambiguous-number" not in result.err
    cover = targets(result)["cover"]
    assert (cover["actual"], cover["status"]) == (0.946, "achieved")


# --------------------------------------------------------------------------------------------
# 10. The output depends on the Python version
# --------------------------------------------------------------------------------------------

# 22 figures with two decimals, one per unit of Hậu Lộc. Their exact sum, by hand in
# decimals, is 3322.91 (Decimal below re-checks it); a left-to-right float sum, which is
# what `sum()` does before Python 3.12, gives 3322.909999999999.
AREAS = ["219.28", "246.23", "180.12", "177.87", "148.38", "299.2", "122.34", "87.06",
         "115.27", "115.11", "131.84", "116.98", "76.91", "131.37", "127.77", "192.31",
         "100.41", "67.7", "100.64", "185.61", "147.14", "233.37"]


def left_fold_sum(iterable: Iterable[Any], /, start: Any = 0) -> Any:
    """`sum()` as Python 3.10 and 3.11 do it: plain left-to-right additions."""
    total = start
    for item in iterable:
        total = total + item
    return total


def test_10_rollup_sums_and_means_are_exact_on_every_python(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Bullet 10. Sum and mean roll-ups of 22 units' figures (AREAS, and ten 0.1s).
    Hand working: ΣAREAS = 3322.91 exactly in decimals, the correctly rounded float is
    3322.91; their mean 3322.91 / 22 = 151.041363636… → 151.04136363636363. Ten units of
    0.1 (and twelve of 0): sum 1.0, mean 1.0 / 22 = 0.045454545… → 0.045454545454545456.
    math.fsum gives exactly these; a plain float sum gives 3322.909999999999 and
    0.9999999999999999. The JSON must be the same bytes whatever `sum()` does: the test runs
    check once with this Python's `sum` and once with `builtins.sum` replaced by the left
    fold of Python ≤ 3.11, so it means the same on 3.12+ (where `sum()` is compensated).
    Fails today (on 3.11 and, through the left fold, on 3.12+): 3322.909999999999.
    """
    assert sum(Decimal(a) for a in AREAS) == Decimal("3322.91")
    ids = hau_loc_units()
    tenths = ["0.1"] * 10 + ["0"] * 12
    rows = [f"{t},Q1,{v},{u}" for t, values in (("area", AREAS), ("yield", AREAS),
                                              ("tenth", tenths), ("tenth_mean", tenths))
            for u, v in zip(ids, values, strict=True)]
    actuals = write(tmp_path / "a.csv", "target,period,value,unit\n" + "\n".join(rows) + "\n")
    plan = write(tmp_path / "plan.yaml", """\
plan: {id: p, name: Huyện Thử, year: 2024}
targets:
  - {id: area, name: Diện tích, name_en: Area, kind: annual, target: 4000, unit: ha,
     rollup: sum}
  - {id: yield, name: Bình quân, name_en: Mean area, kind: annual, target: 200, unit: ha,
     rollup: mean}
  - {id: tenth, name: Tổng phần mười, name_en: Tenths, kind: annual, target: 2, unit: ha,
     rollup: sum}
  - {id: tenth_mean, name: Bình quân phần mười, name_en: Mean tenths, kind: annual, target: 2,
     unit: ha, rollup: mean}
""")
    args = ["check", actuals, "--targets", plan, "--units", UNITS_HAU_LOC, "--format", "json",
            "--fail-on", "never"]
    native = run(*args)
    with monkeypatch.context() as patch:
        patch.setattr(builtins, "sum", left_fold_sum)
        folded = run(*args)
    for result in (native, folded):
        by_id = targets(result)
        assert [by_id[t]["actual"] for t in ("area", "yield", "tenth", "tenth_mean")] == [
            3322.91, 151.04136363636363, 1.0, 0.045454545454545456]
        assert by_id["area"]["coverage"]["compiled"] == 3322.91
    assert json.loads(native.out) == json.loads(folded.out)
    assert native.out == folded.out
