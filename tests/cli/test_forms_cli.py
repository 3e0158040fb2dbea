"""The target forms of issue 23 in every output: exceeded beyond a range's far end, about,
strict, a change from last year, other plan values and targets assigned from above, the
plan's own groups, and names in the long format's target column.

Expected values worked by hand (docs/status.md), for the year end (Q4):
- growth 10,6 against [10, 10,5]: met at 10, beyond 10,5 → exceeded;
- exports 8,3 against about 8,5 (± 5 %: 8,075–8,925) → met;
- revenue 1.357 against 1.000 (KH xã giao) → exceeded; 1.357/1.000 = 135,7 %, and against
  the province's 428: 1.357/428 = 3,1706 → 317,1 %;
- poverty 2,05 % against a fall of 1–1,5 points from 3,1 %: at most 2,1, exceeded below 1,6
  → met;
- forest 80 % against above 80 % (strict): equal does not meet it → missed;
- members 12 against 10 → exceeded.
So 5/6 met or exceeded, 3 of them exceeded; of the 2 assigned from above (revenue, forest),
1/2, 1 exceeded.
"""

from __future__ import annotations

import csv
import io
import json
import unicodedata
from pathlib import Path

import jsonschema

from tests.cli.support import OUTPUT_SCHEMA, ROOT, run, write

PLAN = """\
plan:
  id: xa-mau-2025
  name: Xã Mẫu — chỉ tiêu năm 2025
  year: 2025
groups:
  - id: party
    name: Xây dựng Đảng và hệ thống chính trị
    name_en: Party building and the political system
targets:
  - {id: growth, name: Tốc độ tăng trưởng giá trị sản xuất, group: economy, kind: annual,
     target: [10, 10.5], unit: "%"}
  - {id: exports, name: Giá trị xuất khẩu, group: economy, kind: cumulative, about: 8.5,
     unit: tỷ đồng}
  - {id: revenue, name: Thu ngân sách trên địa bàn, group: economy, kind: cumulative,
     target: 1000, unit: triệu đồng, set_by: KH xã giao, from_above: true,
     other_plans: [{by: KH tỉnh giao, by_en: province plan, target: 428}]}
  - {id: poverty, name: Tỷ lệ hộ nghèo, group: society, kind: level, direction: at_most,
     change: points, target: [-1.5, -1], base: 3.1, unit: "%"}
  - {id: forest, name: Tỷ lệ che phủ rừng, group: environment, kind: level, target: 80,
     strict: true, unit: "%", from_above: true}
  - {id: members, name: Kết nạp đảng viên mới, aliases: [Đảng viên mới], group: party,
     kind: cumulative, target: 10}
"""
ACTUALS = """\
target,period,value
growth,2025-Q4,10.6
Giá trị xuất khẩu,2025-Q4,8.3
revenue,2025-Q4,1357
TỶ LỆ HỘ NGHÈO,2025-Q4,2.05
forest,2025-Q4,80
{members},2025-Q4,12
""".format(members=unicodedata.normalize("NFD", "đảng viên mới"))  # an alias, NFD, any case
VERDICTS = {"growth": "exceeded", "exports": "met", "revenue": "exceeded", "poverty": "met",
            "forest": "missed", "members": "exceeded"}


def files(tmp_path: Path) -> list[str]:
    return ["-t", str(write(tmp_path / "plan.yaml", PLAN)),
            str(write(tmp_path / "actuals.csv", ACTUALS)), "-p", "2025-Q4"]


def test_every_check_format_says_exceeded(tmp_path: Path) -> None:
    args = files(tmp_path)
    found = run("check", *args, "-f", "json")
    assert found.code == 1, found.err  # forest missed: --fail-on off-track counts it
    jsonschema.validate(found.json(), json.loads(OUTPUT_SCHEMA.read_text(encoding="utf-8")))
    targets = {t["id"]: t for t in found.json()["targets"]}
    assert {k: t["verdict"] for k, t in targets.items()} == VERDICTS
    assert targets["growth"]["target_range"] == [10, 10.5]
    assert targets["exports"]["target_range"] == [8.075, 8.925]
    assert (targets["poverty"]["base"], targets["poverty"]["target"],
            targets["poverty"]["target_range"]) == (3.1, 2.1, [1.6, 2.1])
    assert targets["forest"]["strict"] is True
    assert targets["revenue"]["plan_share"] == 1.357
    assert targets["revenue"]["other_plans"] == [
        {"by": "KH tỉnh giao", "target": 428, "share": 3.17056}]
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(run("check", *args, "-f",
                                                                "csv").out))}
    assert {k: r["verdict"] for k, r in rows.items()} == VERDICTS
    assert rows["revenue"]["other_plans"] == "KH tỉnh giao: 3.17056"
    assert rows["growth"]["target_range"] == "10.0; 10.5" and rows["members"]["target_range"] == ""
    table = run("check", *args, "--lang", "vi").out
    assert "10%–10,5%" in table and "≈ 8,5" in table and "> 80%" in table
    assert table.count("★ Vượt kế hoạch") == 3 and table.count("✔ Đạt") == 2
    assert "đạt 135,7% KH xã giao, 317,1% KH tỉnh giao" in table
    md = run("check", *args, "-f", "markdown", "--lang", "en").out
    assert md.count("★ Exceeded") == 3
    assert "135.7% of KH xã giao, 317.1% of province plan" in md


def test_the_brief_and_the_report_count_exceeded_and_the_targets_from_above(
        tmp_path: Path) -> None:
    args = files(tmp_path)
    head = "5/6 chỉ tiêu đạt và vượt kế hoạch, trong đó 3 vượt"
    above = "Về chỉ tiêu cấp trên giao, 1/2 chỉ tiêu đạt và vượt, trong đó 1 vượt"
    for fmt in ("table", "markdown", "html"):
        brief = run("summary", *args, "-f", fmt, "--lang", "vi").out
        assert head in brief and above in brief, fmt
    en = run("summary", *args, "--lang", "en").out
    assert ("Of the targets assigned from above, 1/2 met or exceeded, 1 of them exceeded"
            in en)
    report = run("report", *args, "-f", "markdown").out
    assert "Có 5/6 chỉ tiêu đạt và vượt kế hoạch, trong đó 3 chỉ tiêu vượt" in report
    assert above + "." in report
    assert ("bằng 135,7% kế hoạch năm (1.000 triệu đồng), 317,1% KH tỉnh giao; vượt kế hoạch."
            in report)
    assert report.count("| Vượt kế hoạch |") == 3


def test_before_the_year_end_the_targets_from_above_are_counted_by_status(
        tmp_path: Path) -> None:
    """9 months: revenue 700 against 1.000 · 3/4 = 750 expected, 700/750 = 0,933 → at risk
    (0,8 ≤ r < 0,95); forest 79 against 80 (a level, judged as it stands): 0,9875 → on track.
    Every brief and the letter say it on its own line."""
    plan = write(tmp_path / "plan.yaml", PLAN)
    figures = write(tmp_path / "q3.csv", "target,period,value\nrevenue,2025-Q3,700\n"
                    "forest,2025-Q3,79\ngrowth,2025-Q3,10.6\n")
    args = ["-t", plan, figures, "-p", "2025-Q3", "--fail-on", "never"]
    said = "Về 2 chỉ tiêu cấp trên giao: 1 đúng tiến độ, 1 có nguy cơ"
    # each figure against its plan as the plan says it, not against one number (`>` as
    # each format writes it)
    strict = {"table": "79% / > 80%", "markdown": "79% / \\> 80%", "html": "79% / &gt; 80%"}
    for fmt in ("table", "markdown", "html"):
        brief = run("summary", *args, "-f", fmt, "--lang", "vi").out
        assert said in brief, fmt
        assert "10,6% / 10%–10,5%" in brief and strict[fmt] in brief, fmt
        assert "kế hoạch -1,5–-1 điểm % so cùng kỳ" in brief, fmt  # poverty: no figure
    assert "Of the 2 targets assigned from above: 1 on track, 1 at risk" in run(
        "summary", *args, "--lang", "en").out
    assert said + "." in run("report", *args, "-f", "markdown").out


def test_the_plans_groups_head_every_grouped_output_in_its_order(tmp_path: Path) -> None:
    args = files(tmp_path)
    brief = run("summary", *args, "-f", "markdown", "--lang", "en").out
    headings = [line for line in brief.splitlines() if line.startswith("## ")]
    assert headings[:4] == ["## Party building and the political system", "## Economy",
                            "## Society", "## Environment"]
    report = run("report", *args, "-f", "markdown").out
    assert "|   **I** | **XÂY DỰNG ĐẢNG VÀ HỆ THỐNG CHÍNH TRỊ** |" in report
    assert "**1. Xây dựng Đảng và hệ thống chính trị:**" in report
    assert "**2. Kinh tế:**" in report


def test_a_change_without_last_years_figure_is_no_data_with_the_reason(tmp_path: Path
                                                                        ) -> None:
    plan = write(tmp_path / "plan.yaml", """\
plan: {id: p, year: 2025}
targets:
  - {id: revenue, name: Thu ngân sách, kind: cumulative, change: percent, target: 7}
""")
    alone = write(tmp_path / "a.csv", "target,period,value\nrevenue,2025-Q2,107\n")
    found = run("check", "-t", plan, alone, "-p", "2025-Q2", "-f", "json")
    (t,) = found.json()["targets"]
    assert (t["status"], t["actual"], t["lacks"], t["base"], t["expected"]) == (
        "no_data", 107, "last_year", None, None)
    assert t["reason"] == ("no figure for the same period last year to measure the change "
                           "from (107 by the end of Q2)")
    vi = run("check", "-t", plan, alone, "-p", "2025-Q2", "--lang", "vi").out
    assert "Chưa có số liệu cùng kỳ năm trước để so sánh (6 tháng: 107)" in vi
    # last year's figure of the same period, in the same file: 100 · 1,07 = 107, met
    both = write(tmp_path / "b.csv", "target,period,value\nrevenue,2024-Q2,100\n"
                 "revenue,2025-Q2,107\n")
    (t,) = run("check", "-t", plan, both, "-p", "2025-Q2", "-f", "json").json()["targets"]
    assert (t["status"], t["base"], t["expected"], t["target"]) == ("on_track", 100, 107, 107)


def test_a_name_in_the_target_column_and_its_problems(tmp_path: Path) -> None:
    plan = write(tmp_path / "plan.yaml", """\
plan: {id: p, year: 2025}
targets:
  - {id: a, name: Sản phẩm OCOP, kind: cumulative, target: 6}
  - {id: b, name: Trường chuẩn, aliases: [Sản phẩm OCOP], kind: cumulative, target: 2}
  - {id: c, name: Tốc độ tăng trưởng, kind: annual, target: 12}
""")
    bad = write(tmp_path / "bad.csv", "target,period,value\nSản phẩm OCOP,2025-Q1,1\n"
                "Tốc độ tăng trưởng giá trị sản xuất,2025-Q1,9\nTốc độ tăng trưởng,2025-Q1,9\n")
    found = run("check", "-t", plan, bad, "-p", "2025-Q1")
    assert found.code == 3
    assert found.err.splitlines()[:2] == [
        f"{bad}:2:1: [unknown-target] 'Sản phẩm OCOP' is the name of 2 targets (a, b) — "
        "write the target's id instead",
        f"{bad}:3:1: [unknown-target] no target 'Tốc độ tăng trưởng giá trị sản xuất' in the "
        "plan — did you mean 'Tốc độ tăng trưởng' (c)? Or add 'Tốc độ tăng trưởng giá trị "
        "sản xuất' to the target's aliases: in the plan"]


def test_the_annex_reader_reads_past_a_declared_groups_heading(tmp_path: Path) -> None:
    annex = ("STT,Chỉ tiêu,ĐVT,Kế hoạch năm 2025,Thực hiện cả năm 2025\n"
             ",Xây dựng Đảng và hệ thống chính trị,,,\n"
             "1,Kết nạp đảng viên mới,,10,12\n")
    path = write(tmp_path / "annex.csv", annex)
    plan = write(tmp_path / "plan.yaml", PLAN)
    found = run("check", "-t", plan, path, "-p", "2025-Q4", "-f", "json")
    assert found.code == 0, found.err
    members = {t["id"]: t for t in found.json()["targets"]}["members"]
    assert (members["actual"], members["verdict"]) == (12, "exceeded")
    plain = write(tmp_path / "plain.yaml", PLAN.replace("groups:", "old_groups:").replace(
        "  - id: party\n    name: Xây dựng Đảng và hệ thống chính trị\n"
        "    name_en: Party building and the political system\n", "").replace(
        "old_groups:\n", "").replace("group: party", "group: society"))
    refused = run("check", "-t", plain, path, "-p", "2025-Q4")
    assert refused.code == 3
    assert "no target named 'Xây dựng Đảng và hệ thống chính trị'" in refused.err


def test_the_docs_show_what_the_forms_example_prints() -> None:
    readme = (ROOT / "docs" / "plan.md").read_text(encoding="utf-8")
    command = ("$ COLUMNS=80 hauloc check -t examples/forms/plan_2025.yaml "
               "examples/forms/actuals_2025.csv --lang vi\n")
    shown = readme.split(command, 1)[1].split("```", 1)[0]
    found = run("check", "-t", ROOT / "examples/forms/plan_2025.yaml",
                ROOT / "examples/forms/actuals_2025.csv", "--lang", "vi", columns=80)
    assert found.out == shown
    summary = run("summary", "-t", ROOT / "examples/forms/plan_2025.yaml",
                  ROOT / "examples/forms/actuals_2025.csv", "--lang", "vi").out
    for said in ("5/6 chỉ tiêu đạt và vượt kế hoạch, trong đó 3 vượt",
                 "Về chỉ tiêu cấp trên giao, 1/2 chỉ tiêu đạt và vượt, trong đó 1 vượt"):
        assert said in summary and said in " ".join(readme.split())


def test_the_by_unit_matrix_gives_the_year_end_class(tmp_path: Path) -> None:
    """Q4: d1 reports 7 schools against its 6 (exceeded, ★), d2 6 against 6 (met, ✔); the
    province's own 13 against 12. CSV and JSON keep the status and give the class."""
    plan = write(tmp_path / "plan.yaml", """\
plan: {id: p, year: 2024}
units: units.yaml
targets:
  - {id: schools, name: Schools, kind: cumulative, target: 12, rollup: sum,
     assign: {d1: 6, d2: 6}}
""")
    (tmp_path / "units.yaml").write_text(
        (ROOT / "tests/assets/units.tree.yaml").read_text("utf-8"), encoding="utf-8")
    figures = write(tmp_path / "a.csv", "target,period,value,unit\nschools,Q4,7,d1\n"
                    "schools,Q4,6,d2\nschools,Q4,13,\n")
    args = ["check", "-t", plan, figures, "-p", "2024-Q4", "--by-unit"]
    table = run(*args, columns=80).out
    assert "Huyện D1  ★ 7" in table and "Huyện D2  ✔ 6" in table
    rows = list(csv.DictReader(io.StringIO(run(*args, "-f", "csv").out)))
    assert [(r["unit"], r["status"], r["verdict"]) for r in rows] == [
        ("d1", "achieved", "exceeded"), ("d2", "achieved", "met")]
    units = run(*args, "-f", "json").json()["units"]
    assert [u["verdict"] for u in units] == ["exceeded", "met"]
    # check's own JSON gives each unit of the target the same class
    found = run(*args[:-1], "-f", "json").json()
    jsonschema.validate(found, json.loads(OUTPUT_SCHEMA.read_text(encoding="utf-8")))
    (target,) = found["targets"]
    assert [(u["unit"], u["status"], u["verdict"]) for u in target["units"]] == [
        ("d1", "achieved", "exceeded"), ("d2", "achieved", "met")]


def test_the_annex_says_each_plan_as_the_resolution_does_and_reads_it_back(
        tmp_path: Path) -> None:
    """The annex's plan cell of a range, `about:` and a strict target is the resolution's
    words (the figure alone would read `80 | 80 | 100,0 | Không đạt`); the other plan's share
    is in the notes; the letter names the bounded plan; the workbook reads back without a
    `plan-mismatch` for any of them."""
    args = files(tmp_path)
    report = run("report", *args, "-f", "markdown").out
    rows = {cells[2]: cells for line in report.splitlines()
            if len(cells := [c.strip() for c in line.split("|")]) > 9}
    assert rows["Tốc độ tăng trưởng giá trị sản xuất"][4] == "10–10,5"
    assert rows["Giá trị xuất khẩu"][4] == "khoảng 8,5"
    assert rows["Tỷ lệ che phủ rừng"][4] == "trên 80"
    assert rows["Thu ngân sách trên địa bàn"][4] == "1.000"  # a plain target keeps its figure
    assert rows["Thu ngân sách trên địa bàn"][8] == "317,1% KH tỉnh giao"
    # a fall of 1–1,5 points from 3,1 %: the levels 1,6–2,1; 2,05 / 2,1 = 97,6 %
    assert "là 2,05%, bằng 97,6% mức tối đa (kế hoạch 1,6–2,1%); đạt." in report
    assert "bằng 106,0% kế hoạch năm (10–10,5%); vượt kế hoạch." in report
    assert "bằng 100,0% kế hoạch năm (trên 80%); không đạt." in report
    english = run("report", *args, "-f", "markdown", "--lang", "en").out
    assert "| about 8.5 |" in english and "|  above 80 |" in english
    assert "100.0% of the year's plan (above 80%); missed." in english
    xlsx = tmp_path / "annex.xlsx"
    assert run("report", *args, "-o", xlsx, "--fail-on", "never").code == 0
    back = run("check", "-t", tmp_path / "plan.yaml", xlsx, "-p", "2025-Q4", "-f", "json",
               "--fail-on", "never")
    mismatched = [line for line in back.err.splitlines() if "[plan-mismatch]" in line]
    # the change target is written as the levels it comes to (1,6–2,1), which the plan file
    # states as a change: the one cell the reader cannot take back
    assert len(mismatched) == 1 and "1,6–2,1" in mismatched[0], back.err
