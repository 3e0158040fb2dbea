"""A yearly plan that names its term plan (`term_plan:` under `plan:`): `check` warns, at the
target's line, when a year's target is under what the term needs of the year."""

from __future__ import annotations

from pathlib import Path

from tests.cli.support import ROOT, run, write

TERM = (ROOT / "examples" / "term" / "thanh_hoa_2025_2030.yaml").read_text(encoding="utf-8")


def _plan(tmp_path: Path, year: int, growth: float, per_person: float) -> Path:
    write(tmp_path / "term.yaml", TERM)
    return write(tmp_path / "plan.yaml", f"""\
plan:
  id: p
  year: {year}
  term_plan: term.yaml
targets:
  - id: grdp_growth
    name: Tăng trưởng GRDP
    kind: annual
    target: {growth}
    unit: "%"
  - id: grdp_per_capita
    name: GRDP bình quân đầu người
    kind: level
    target: {per_person}
    unit: USD
  - id: other
    name: Not in the term
    kind: annual
    target: 1
""")


def test_a_years_targets_below_the_term_are_warned_about(tmp_path: Path) -> None:
    plan = _plan(tmp_path, 2027, 10, 4500)
    actuals = write(tmp_path / "a.csv", "target,period,value\ngrdp_growth,2027-Q2,9\n")
    done = run("check", actuals, "-t", plan, "--fail-on", "never", "-f", "json")
    assert done.code == 0
    # growth: 10 % a year against the term's 11 %; GRDP per person: the compound path from
    # 3,505 (2025) to 7,900 (2030) at the end of 2027 is 3505 × (7900 / 3505)^(2/5) =
    # 3505 × 2.25392^0.4 = 3505 × 1.38413 = 4851.4
    assert done.err.splitlines() == [
        f"warning: {plan}:9:13: [below-term] targets[0] (grdp_growth): the year's target 10 is "
        "below what the term 2026–2030 needs of 2027: 11 (term.yaml) — the rest of the term "
        "must then make up for it; raise the year's target, or say why in the report",
        f"warning: {plan}:14:13: [below-term] targets[1] (grdp_per_capita): the year's target "
        "4500 is below what the term 2026–2030 needs of 2027: 4851 (term.yaml) — the rest of "
        "the term must then make up for it; raise the year's target, or say why in the report"]
    assert [w["code"] for w in done.json()["warnings"]] == ["below-term", "below-term"]


def test_targets_that_keep_to_the_term_say_nothing(tmp_path: Path) -> None:
    plan = _plan(tmp_path, 2027, 11, 4900)
    actuals = write(tmp_path / "a.csv", "target,period,value\ngrdp_growth,2027-Q2,9\n")
    done = run("check", actuals, "-t", plan, "--fail-on", "never")
    assert (done.code, done.err) == (0, "")


def test_a_plan_of_a_year_outside_its_term(tmp_path: Path) -> None:
    plan = _plan(tmp_path, 2031, 11, 4900)
    actuals = write(tmp_path / "a.csv", "target,period,value\ngrdp_growth,2031-Q2,9\n")
    done = run("check", actuals, "-t", plan)
    assert done.code == 3
    assert done.err.startswith(
        f"{plan}:4:14: [outside-term] plan.term_plan: the plan's year 2031 is not a year of the "
        "term 2026–2030 (term.yaml)")


def test_the_term_plan_is_never_written_over(tmp_path: Path) -> None:
    plan = _plan(tmp_path, 2027, 11, 4900)
    actuals = write(tmp_path / "a.csv", "target,period,value\ngrdp_growth,2027-Q2,9\n")
    done = run("check", actuals, "-t", plan, "-o", tmp_path / "term.yaml")
    assert done.code == 2
    assert (tmp_path / "term.yaml").read_text(encoding="utf-8") == TERM


NEXT = """\
plan:
  id: n
  year: 2027
targets:
  - id: grdp_growth
    name: Tăng trưởng GRDP
    kind: annual
    target: 11.5
    unit: "%"
  - id: grdp_per_capita
    name: GRDP bình quân đầu người
    kind: level
    target: 4600
    unit: USD
"""
YEAR_END = ("target,period,value,status\ngrdp_growth,2026-Q4,10.2,ước\n"
            "grdp_per_capita,2026-Q4,3950,ước\nother,2026-Q4,0.5,\n")


def _row(out: str, name: str) -> list[str]:
    line = next(line for line in out.splitlines() if f"| {name} " in line)
    return [cell.strip() for cell in line.strip("|").split("|")]


def test_the_year_end_annex_beside_the_term_and_next_years_plan(tmp_path: Path) -> None:
    plan = _plan(tmp_path, 2026, 11, 4200)
    nxt = write(tmp_path / "next.yaml", NEXT)
    actuals = write(tmp_path / "a.csv", YEAR_END)
    done = run("report", actuals, "-t", plan, "--next-plan", nxt, "--fail-on", "never")
    assert done.code == 0
    head = _row(done.out, "STT")
    assert head[5:9] == ["So với kế hoạch (%)", "So với mục tiêu Nghị quyết Đại hội (%)",
                         "Kế hoạch năm 2027", "Kế hoạch năm 2027 so với năm 2026 (%)"]
    # GRDP per person: 3950 / 7900 = 50.0 % of the term's target; 4600 / 3950 = 1.16456:
    # next year's plan is 116.5 % of this year's estimate
    assert _row(done.out, "GRDP bình quân đầu người")[5:9] == ["94,0", "50,0", "4.600", "116,5"]
    # growth: 10.2 / 11 = 92.7 % of the term's yearly average; 11.5 − 10.2 = +1.3 points
    assert _row(done.out, "Tăng trưởng GRDP")[5:9] == ["92,7", "92,7", "11,5", "+1,3 điểm %"]
    # a target neither the term nor next year's plan holds: empty cells
    assert _row(done.out, "Not in the term")[6:9] == ["", "", ""]


def test_the_term_column_only_at_the_years_end(tmp_path: Path) -> None:
    plan = _plan(tmp_path, 2026, 11, 4200)
    actuals = write(tmp_path / "a.csv", "target,period,value\ngrdp_growth,2026-Q3,10\n")
    done = run("report", actuals, "-t", plan, "--fail-on", "never")
    assert done.code == 0
    assert "Nghị quyết Đại hội" not in done.out


def test_the_workbook_reads_back(tmp_path: Path) -> None:
    plan = _plan(tmp_path, 2026, 11, 4200)
    nxt = write(tmp_path / "next.yaml", NEXT)
    actuals = write(tmp_path / "a.csv", YEAR_END)
    book = tmp_path / "annex.xlsx"
    assert run("report", actuals, "-t", plan, "--next-plan", nxt, "-o", book,
               "--fail-on", "never").code == 0
    back = run("check", book, "-t", plan, "-f", "json", "--fail-on", "never").json()
    direct = run("check", actuals, "-t", plan, "-f", "json", "--fail-on", "never").json()
    assert [(t["id"], t["actual"]) for t in back["targets"]] == [
        (t["id"], t["actual"]) for t in direct["targets"]] == [
        ("grdp_growth", 10.2), ("grdp_per_capita", 3950), ("other", 0.5)]


def test_next_plan_of_another_year(tmp_path: Path) -> None:
    plan = _plan(tmp_path, 2026, 11, 4200)
    actuals = write(tmp_path / "a.csv", YEAR_END)
    done = run("report", actuals, "-t", plan, "--next-plan", plan)
    assert done.code == 2
    assert "is the plan of 2026, not of the year after 2026" in done.err
