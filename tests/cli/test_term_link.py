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
