"""Term plan files (inputs/term_file.py) and the years' figures (inputs/actuals/years.py):
located, coded problems."""

from __future__ import annotations

from pathlib import Path

import pytest

from hauloc_cli.errors import Code, InputError
from hauloc_cli.inputs.actuals.read import ReadOptions
from hauloc_cli.inputs.actuals.years import read_years
from hauloc_cli.inputs.term_file import load_term_plan
from hauloc_cli.model.periods import Period
from tests.conftest import ROOT

EXAMPLE = ROOT / "examples" / "term" / "thanh_hoa_2025_2030.yaml"

HEAD = "plan:\n  id: t\n  term: 2026-2030\n"
LEVEL = "  - id: x\n    name: X\n    kind: level\n    target: 200\n    base: 100\n"


def problems(tmp_path: Path, text: str) -> list[str]:
    path = tmp_path / "term.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as exc:
        load_term_plan(path)
    return [str(p).removeprefix(str(path) + ":") for p in exc.value.problems]


def test_the_example_reads() -> None:
    plan = load_term_plan(EXAMPLE)
    info = plan.plan
    assert (info.first, info.last, info.base, info.judged_years, plan.years) == (
        2026, 2030, 2025, (2026, 2027, 2028, 2029, 2030), 5)
    assert [t.kind for t in plan.targets] == ["average_growth", "level", "level", "level"]
    assert plan.by_id["grdp_per_capita"].base == 3505


def test_from_and_to_and_the_default_base() -> None:
    info = load_term_plan(EXAMPLE).plan.model_copy(update={"term": None, "from_": 2021,
                                                            "to": 2025, "base_year": None})
    assert (info.first, info.last, info.base, info.span) == (2021, 2025, 2020, "2021–2025")


def test_a_term_that_does_not_contain_the_base(tmp_path: Path) -> None:
    assert problems(tmp_path, HEAD + "  base_year: 2024\ntargets:\n" + LEVEL) == [
        "4:14: [outside-term] plan.base_year: the term 2026–2030 does not contain the base "
        "year 2024: the base is the year before the term (2025) or one of its years before "
        "the last"]
    assert problems(tmp_path, HEAD + "  base_year: 2030\ntargets:\n" + LEVEL)[0].startswith(
        "4:14: [outside-term] plan.base_year: the term 2026–2030 does not contain the base "
        "year 2030")


def test_an_average_growth_without_a_base(tmp_path: Path) -> None:
    text = HEAD + "targets:\n  - id: g\n    name: G\n    kind: average_growth\n    target: 8\n"
    assert problems(tmp_path, text) == [
        "5:5: [missing-key] targets[0] (g).base: an average growth needs the base year's "
        "figure 'base' (the level it grows from), or 'figures: rate' when the years' figures "
        "are growth rates in %"]


@pytest.mark.parametrize(("extra", "expected"), [
    ("  - id: m\n    name: M\n    kind: milestone\n    deadline: 2031-03-31\n",
     "13:15: [outside-term] targets[1] (m).deadline: deadline 2031-03-31 is not in the term's "
     "years 2026–2030"),
    ("  - id: l\n    name: L\n    kind: level\n    target: 9\n    base: 10\n",
     "14:11: [plan-rule] targets[1] (l).base: base must be below the target for at_least"),
    ("  - id: l\n    name: L\n    kind: level\n    target: 9\n",
     "10:5: [missing-key] targets[1] (l).base: a level of the term needs the base year's figure "
     "'base' (the required yearly rate is (target / base)^(1 / years) − 1)"),
    ("  - id: l\n    name: L\n    kind: level\n    target: 20\n    base: 10\n    by: 2025\n",
     "15:9: [outside-term] targets[1] (l).by: 'by' 2025 is not in the term's years 2026–2030"),
    ("  - id: g\n    name: G\n    kind: average_growth\n    target: 0\n    figures: rate\n",
     "13:13: [plan-rule] targets[1] (g).target: an average growth's target must be > 0 "
     "(%/year; a decrease: a level to reach, kind 'level' with direction at_most)"),
    ("  - id: g\n    name: G\n    kind: average_growth\n    target: 5\n"
     "    direction: at_most\n    figures: rate\n",
     "14:16: [plan-rule] targets[1] (g).direction: an average growth is judged as at_least "
     "(a decrease: a level to reach, kind 'level' with direction at_most)"),
    ("  - id: s\n    name: S\n    kind: total\n    target: 5\n    base: 1\n",
     "14:11: [plan-rule] targets[1] (s).base: 'base' does not apply to a total (the years' "
     "figures are summed)"),
])
def test_target_rules(tmp_path: Path, extra: str, expected: str) -> None:
    # HEAD is lines 1-3, "targets:" line 4, LEVEL lines 5-9: the extra target from line 10;
    # a rule about a value points at the value, a missing key at the target's first key
    assert problems(tmp_path, HEAD + "targets:\n" + LEVEL + extra)[0] == expected


def test_the_term_written_wrong(tmp_path: Path) -> None:
    bad = "plan:\n  id: t\n  term: 2026 to 2030\ntargets:\n" + LEVEL
    assert problems(tmp_path, bad)[0].startswith(
        "3:9: [plan-rule] plan.term: '2026 to 2030' is not a term; write it as 2026-2030")
    both = "plan:\n  id: t\n  term: 2026-2030\n  from: 2026\n  to: 2030\ntargets:\n" + LEVEL
    assert "give the term either as 'term: 2026-2030' or as 'from' and 'to'" in problems(
        tmp_path, both)[0]


def _csv(tmp_path: Path, name: str, rows: str) -> Path:
    path = tmp_path / name
    path.write_text("target,period,value,status\n" + rows, encoding="utf-8")
    return path


def test_the_years_figures(tmp_path: Path) -> None:
    plan = load_term_plan(EXAMPLE)
    a = _csv(tmp_path, "a.csv", "grdp_per_capita,9 tháng năm 2026,3900,ước\n"
             "grdp_per_capita,Cả năm 2026,3950,ước\n")
    b = _csv(tmp_path, "b.csv", "grdp_per_capita,2027-Q2,4100,\n")
    found = read_years([a, b], plan, ReadOptions())
    by_year = found.figures["grdp_per_capita"]
    assert {y: (f.period, f.value) for y, f in by_year.items()} == {
        2026: (Period.at_quarter(2026, 4), 3950), 2027: (Period.at_quarter(2027, 2), 4100)}
    assert found.years == {str(a): 2026, str(b): 2027}


def test_a_yearly_figure_outside_the_term(tmp_path: Path) -> None:
    plan = load_term_plan(EXAMPLE)
    path = _csv(tmp_path, "late.csv", "exports,Cả năm 2031,16,\n")
    with pytest.raises(InputError) as exc:
        read_years([path], plan, ReadOptions())
    first, second = exc.value.problems
    assert (first.code, first.where) == (Code.OUTSIDE_TERM, "")
    assert "no year of the term 2026–2030 reads this file" in str(first.message)
    assert (second.code, second.where) == (Code.WRONG_YEAR, "2:2")  # the row, located


def test_a_file_naming_no_year(tmp_path: Path) -> None:
    plan = load_term_plan(EXAMPLE)
    path = _csv(tmp_path, "any.csv", "exports,Cả năm,11,\n")
    with pytest.raises(InputError) as exc:
        read_years([path], plan, ReadOptions())
    assert [p.code for p in exc.value.problems] == [Code.NO_YEAR]


def test_a_files_own_problem_is_said_in_its_year(tmp_path: Path) -> None:
    plan = load_term_plan(EXAMPLE)
    path = _csv(tmp_path, "bad.csv", "exports,Cả năm 2027,abc,\n")
    with pytest.raises(InputError) as exc:
        read_years([path], plan, ReadOptions())
    assert [(p.code, p.where) for p in exc.value.problems] == [(Code.BAD_NUMBER, "2:3")]


def test_last_years_figures_are_named_not_used(tmp_path: Path) -> None:
    plan = load_term_plan(EXAMPLE)
    path = tmp_path / "2027.csv"
    path.write_text("target,period,value,last_year\nexports,Cả năm 2027,12,11\n",
                    encoding="utf-8")
    found = read_years([path], plan, ReadOptions())
    assert list(found.figures["exports"]) == [2027]
    assert [w.code for w in found.warnings] == [Code.UNUSED_FIGURE]


def test_a_years_other_targets_are_named_not_refused(tmp_path: Path) -> None:
    """A year's file holds all the year's targets; the term reads its own and names the
    others in one warning, at the first one's row."""
    plan = load_term_plan(EXAMPLE)
    path = _csv(tmp_path, "2026.csv", "ocop,Cả năm 2026,6,\nexports,Cả năm 2026,11,\n"
                "schools,Cả năm 2026,3,\nocop,9 tháng năm 2026,4,\n")
    found = read_years([path], plan, ReadOptions())
    assert found.figures == {"exports": {2026: found.figures["exports"][2026]}}
    assert found.figures["exports"][2026].value == 11
    (warning,) = found.warnings
    assert (warning.code, warning.where) == (Code.UNUSED_FIGURE, "2")
    assert str(warning.message) == ("the rows of 2 target(s) the plan does not hold are not read: "
                               "ocop, schools")


def test_a_years_annex_table_reads(tmp_path: Path) -> None:
    """The year's annex table (as `hauloc report` writes it, with the year's plan cells):
    its figures are read, its plan cells are the year's, not the term's (no plan-mismatch)."""
    from tests.cli.support import run, write

    year = write(tmp_path / "plan.yaml", "plan:\n  id: p\n  year: 2026\ntargets:\n"
                 "  - id: exports\n    name: Giá trị xuất khẩu\n    kind: level\n"
                 "    target: 11.5\n    unit: tỷ USD\n"
                 "  - id: ocop\n    name: Sản phẩm OCOP\n    kind: cumulative\n    target: 6\n")
    actuals = _csv(tmp_path, "a.csv", "exports,2026-Q4,11,ước\nocop,2026-Q4,6,\n")
    book = tmp_path / "annex.xlsx"
    assert run("report", actuals, "-t", year, "-o", book, "--fail-on", "never").code == 0
    found = read_years([book], load_term_plan(EXAMPLE), ReadOptions())
    assert found.figures["exports"][2026].value == 11
    assert [w.code for w in found.warnings] == [Code.UNUSED_FIGURE]  # ocop, named
