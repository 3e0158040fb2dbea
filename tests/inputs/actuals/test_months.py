"""Months in the long layout (issue 22, item 2): the month alone compiled into the year to
date for a flow, taken as the state at its end for a level, estimates marked; every value
below worked by hand."""

from __future__ import annotations

from pathlib import Path

import pytest

from hauloc_cli.errors import InputError
from hauloc_cli.inputs.actuals.read import read_actuals
from hauloc_cli.inputs.plan_file import load_plan
from hauloc_cli.model.figures import FigureStatus
from hauloc_cli.model.periods import Period
from hauloc_cli.model.plan import Plan

PLAN = """\
plan:
  id: monthly-test-2026
  name: Xã Thử — chỉ tiêu năm 2026
  year: 2026
targets:
  - id: revenue
    name: Thu ngân sách
    kind: cumulative
    target: 120
    unit: tỷ đồng
  - id: water
    name: Tỷ lệ dân số dùng nước sạch
    kind: level
    target: 90
    baseline: 80
    unit: "%"
"""


@pytest.fixture
def plan(tmp_path: Path) -> Plan:
    path = tmp_path / "plan.yaml"
    path.write_text(PLAN, encoding="utf-8")
    return load_plan(path)


def read(tmp_path: Path, plan: Plan, rows: str) -> tuple[dict[Period, object], list[str]]:
    path = tmp_path / "a.csv"
    path.write_text("target,period,value\n" + rows, encoding="utf-8")
    data = read_actuals(path, plan)
    figures = {p: f.value for p, f in data.figures.of("revenue").items()}
    return figures, [f"{w.where} [{w.code}] {w.message}" for w in data.warnings]


def test_every_month_from_january_adds_up_to_the_year_to_date(tmp_path: Path,
                                                              plan: Plan) -> None:
    # 8 + 9 = 17 at February's end, + 11 = 28 at March's end (the first quarter)
    figures, warnings = read(tmp_path, plan, "revenue,tháng 1,8\nrevenue,tháng 2/2026,9\n"
                                             "revenue,T03/2026,11\n")
    assert figures == {Period(2026, 1): 8.0, Period(2026, 2): 17.0, Period(2026, 3): 28.0}
    # January alone is the year to date; February and March are said as compiled
    assert warnings == [
        "4:2 [months-compiled] revenue: the year to date of 2026-02 to 2026-Q1 is compiled "
        "from the months given alone (tháng 1 to tháng 3: 28)"]


def test_a_year_to_date_beside_the_months_is_used_and_a_disagreement_warned(
        tmp_path: Path, plan: Plan) -> None:
    # 8 + 9 = 17, but the file says 2 tháng = 18: the 18 is used, the 17 named
    figures, warnings = read(tmp_path, plan, "revenue,tháng 1,8\nrevenue,tháng 2,9\n"
                                             "revenue,2 tháng,18\n")
    assert figures == {Period(2026, 1): 8.0, Period(2026, 2): 18.0}
    assert warnings == [
        "3:2 [months-disagree] revenue in 2026-02: the months 1–2 add up to 17 but the year "
        "to date given is 18 (line 4)"]


def test_a_year_to_date_beside_the_months_that_agrees_is_silent(tmp_path: Path,
                                                                plan: Plan) -> None:
    figures, warnings = read(tmp_path, plan, "revenue,tháng 1,8\nrevenue,tháng 2,9\n"
                                             "revenue,2 tháng,17\n")
    assert figures == {Period(2026, 1): 8.0, Period(2026, 2): 17.0}
    assert warnings == []


def test_a_month_alone_of_a_flow_with_months_missing_is_refused(tmp_path: Path,
                                                                 plan: Plan) -> None:
    path = tmp_path / "a.csv"
    path.write_text("target,period,value\nrevenue,tháng 1,8\nrevenue,tháng 4,10\n",
                    encoding="utf-8")
    with pytest.raises(InputError) as info:
        read_actuals(path, plan)
    assert [str(p) for p in info.value.problems] == [
        f"{path}:3:2: [month-alone] 'tháng 4' is the figure of month 4 alone, not the year to "
        "date, and month(s) 2, 3 of revenue are missing — give the year-to-date figure as "
        "'4 tháng' (or 2026-04), or a row for every month from tháng 1"]


def test_a_month_alone_with_its_year_to_date_given_needs_no_other_month(
        tmp_path: Path, plan: Plan) -> None:
    figures, warnings = read(tmp_path, plan, "revenue,tháng 4,10\nrevenue,4 tháng,40\n")
    assert figures == {Period(2026, 4): 40.0}
    assert warnings == []


def test_a_month_alone_of_a_level_is_the_state_at_its_end(tmp_path: Path,
                                                           plan: Plan) -> None:
    path = tmp_path / "a.csv"
    path.write_text("target,period,value\nwater,tháng 10,86.5\n", encoding="utf-8")
    data = read_actuals(path, plan)
    assert {p: f.value for p, f in data.figures.of("water").items()} == {
        Period(2026, 10): 86.5}
    assert data.warnings == ()


def test_the_year_estimate_is_the_final_period_marked_as_an_estimate(tmp_path: Path,
                                                                     plan: Plan) -> None:
    path = tmp_path / "a.csv"
    path.write_text("target,period,value\nrevenue,11 tháng,101\nrevenue,ước cả năm,118\n",
                    encoding="utf-8")
    data = read_actuals(path, plan)
    found = data.figures.of("revenue")
    assert (found[Period(2026, 11)].value, found[Period(2026, 11)].status) == (101.0, None)
    assert (found[Period(2026, 12)].value, found[Period(2026, 12)].status) == (
        118.0, FigureStatus.ESTIMATE)


def test_a_month_after_the_plans_year_is_refused(tmp_path: Path, plan: Plan) -> None:
    path = tmp_path / "a.csv"
    path.write_text("target,period,value\nrevenue,2027-01,5\n", encoding="utf-8")
    with pytest.raises(InputError) as info:
        read_actuals(path, plan)
    assert [(p.where, p.code) for p in info.value.problems] == [("2:2", "wrong-year")]
