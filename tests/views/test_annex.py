"""The annex view (views/annex.py), against values worked out by hand.

The plan below, judged at 2024-Q3 (f = 3/4 for cumulative targets):

| target | group | kind, T | figures | at Q3 |
|---|---|---|---|---|
| growth | economy | annual ≥ 12 % | 2023-Q3 9.5 (official), | a/T = 10.9/12; +1.4 points |
| | | | Q3 10.9 (ước) | on 9.5; R 0.908: at risk |
| income | economy | annual ≥ 69 | 2023-Q3 60, Q3 67.5 (ước) | a/T = 67.5/69; a/L = 1.125; |
| | | | | R 0.978: on track |
| ocop | economy | cumulative 6 | Q1 1, Q2 3, Q3 4 | a/T = 4/6; E 4.5, R 0.889: at risk |
| recognised | economy | milestone by 31/05 | Q3 not done | off track (deadline passed) |
| schools | society | cumulative 12 | Q1 2 only | as of Q1; E 9, R 2/9: off track; |
| | | | | a/T = 2/12 |
| water | environment | level 100 % | none | no data |
| roads | (none) | cumulative 10 | Q3 10 (sơ bộ) | met: achieved; a/T = 1 |
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from hauloc_cli.inputs.units_file import load_units
from hauloc_cli.model.figures import Figure, Figures, FigureStatus
from hauloc_cli.model.periods import Period
from hauloc_cli.model.plan import Plan
from hauloc_cli.rules.rollup import evaluate_units
from hauloc_cli.views.annex import Annex, build_annex
from hauloc_cli.views.brief import build_brief
from tests.conftest import ASSETS

Q1, Q2, Q3 = Period.at_quarter(2024, 1), Period.at_quarter(2024, 2), Period.at_quarter(2024, 3)
LAST_Q3 = Period.at_quarter(2023, 3)
ISSUED = date(2024, 9, 30)
EST, PRE, OFF = FigureStatus.ESTIMATE, FigureStatus.PRELIMINARY, FigureStatus.OFFICIAL


def _plan(*targets: dict[str, Any], unit: str | None = None) -> Plan:
    info: dict[str, Any] = {"id": "p", "year": 2024}
    if unit:
        info["unit"] = unit
    return Plan.model_validate({"plan": info, "targets": list(targets)})


PLAN = _plan(
    {"id": "growth", "name": "Tăng trưởng", "group": "economy", "kind": "annual",
     "target": 12, "unit": "%", "compare_last_year": True},
    {"id": "income", "name": "Thu nhập", "group": "economy", "kind": "annual", "target": 69,
     "compare_last_year": True},
    {"id": "ocop", "name": "OCOP", "group": "economy", "kind": "cumulative", "target": 6},
    {"id": "recognised", "name": "Công nhận", "group": "economy", "kind": "milestone",
     "deadline": "2024-05-31"},
    {"id": "schools", "name": "Trường", "group": "society", "kind": "cumulative",
     "target": 12},
    {"id": "water", "name": "Nước", "group": "environment", "kind": "level", "target": 100,
     "unit": "%"},
    {"id": "roads", "name": "Đường", "kind": "cumulative", "target": 10},
)
FIGURES = [
    Figure("growth", LAST_Q3, 9.5, status=OFF), Figure("growth", Q3, 10.9, status=EST),
    Figure("income", LAST_Q3, 60.0), Figure("income", Q3, 67.5, status=EST),
    Figure("ocop", Q1, 1.0), Figure("ocop", Q2, 3.0), Figure("ocop", Q3, 4.0),
    Figure("recognised", Q3, False),
    Figure("schools", Q1, 2.0),
    Figure("roads", Q3, 10.0, status=PRE),
]


def annex_of(plan: Plan, figures: list[Figure], period: Period = Q3) -> Annex:
    return build_annex(build_brief(plan, Figures(figures), period), None, ISSUED)


@pytest.fixture(scope="module")
def annex() -> Annex:
    return annex_of(PLAN, FIGURES)


def test_groups_in_the_reports_order_numbered_from_one(annex: Annex) -> None:
    assert [(g.group, g.number, [(line.number, line.target.id) for line in g.lines])
            for g in annex.groups] == [
        ("economy", 1, [(1, "growth"), (2, "income"), (3, "ocop"), (4, "recognised")]),
        ("society", 2, [(1, "schools")]),
        ("environment", 3, [(1, "water")]),
        ("other", 4, [(1, "roads")]),  # no group: last
    ]
    assert annex.period == Q3 and annex.issued == ISSUED and annex.plan is PLAN
    assert annex.by_unit == ()
    assert [line.target.id for line in annex.lines] == [t.id for t in PLAN.targets]


def test_plan_value_and_share_of_the_plan(annex: Annex) -> None:
    got = {line.target.id: (line.plan, line.value, line.as_of, line.of_plan)
           for line in annex.lines}
    assert got["growth"] == (12.0, 10.9, Q3, pytest.approx(10.9 / 12))
    assert got["income"] == (69.0, 67.5, Q3, pytest.approx(67.5 / 69))
    assert got["ocop"] == (6.0, 4.0, Q3, pytest.approx(4 / 6))
    assert got["recognised"] == (None, False, Q3, None)  # a milestone has no plan figure
    assert got["water"] == (100.0, None, None, None)  # no data
    assert got["roads"] == (10.0, 10.0, Q3, 1.0)


def test_an_older_figure_keeps_its_period(annex: Annex) -> None:
    schools = annex.lines[4]
    assert (schools.value, schools.as_of, schools.of_plan) == (2.0, Q1, None)
    # a count of Q1 does not stand in at Q3 (a flow): no data, the figure shown for reference
    assert schools.verdict == "no_data"


def test_verdicts_and_figure_status(annex: Annex) -> None:
    assert [(line.verdict, line.figure_status) for line in annex.lines] == [
        ("at_risk", EST), ("on_track", EST), ("at_risk", None), ("off_track", None),
        ("no_data", None), ("no_data", None), ("achieved", PRE)]


def test_the_same_period_last_year(annex: Annex) -> None:
    growth, income, ocop = annex.lines[:3]
    assert growth.last_year == 9.5
    assert growth.vs_last_year is not None
    # a rate: the change in points, no ratio
    assert (growth.vs_last_year.change, growth.vs_last_year.ratio,
            growth.vs_last_year.points) == (pytest.approx(1.4), None, True)
    assert income.last_year == 60.0
    assert income.vs_last_year is not None
    assert (income.vs_last_year.change, income.vs_last_year.ratio) == (
        pytest.approx(7.5), pytest.approx(1.125))
    assert (ocop.last_year, ocop.vs_last_year) == (None, None)


def test_last_year_of_the_period_judged_when_the_figure_is_older() -> None:
    """Schools' latest figure is of Q1 (2): last year's cell is 2023-Q3's (7), the period
    judged a year earlier, not 2023-Q1's (1); and 2 of Q1 is not compared with 7 of Q3."""
    plan = _plan({"id": "schools", "name": "Trường", "kind": "cumulative", "target": 12,
                  "compare_last_year": True})
    line = annex_of(plan, [Figure("schools", Period.at_quarter(2023, 1), 1.0),
                           Figure("schools", LAST_Q3, 7.0), Figure("schools", Q1, 2.0)]).lines[0]
    assert (line.value, line.as_of, line.last_year, line.vs_last_year) == (2.0, Q1, 7.0, None)


@pytest.mark.parametrize(("statuses", "expected"), [
    ((EST, EST, EST), "all"),            # every figure an estimate: Ước thực hiện …
    ((None, None, None), "none"),
    ((EST, None, None), "mixed"),         # an estimate among unmarked figures
    ((OFF, OFF, OFF), "mixed"),           # official figures are said too, to read back
    ((EST, PRE, EST), "mixed"),
])
def test_estimates(statuses: tuple[FigureStatus | None, ...], expected: str) -> None:
    figures = [Figure(tid, Q3, 1.0, status=s)
               for tid, s in zip(("ocop", "schools", "roads"), statuses, strict=True)]
    assert annex_of(PLAN, figures).estimates == expected


def test_estimates_count_only_the_figures_shown() -> None:
    """Last year's official figure is not one of the figures judged; no figure at all is
    'none'."""
    figures = [Figure("income", LAST_Q3, 60.0, status=OFF),
               Figure("income", Q3, 67.5, status=EST)]
    assert annex_of(PLAN, figures).estimates == "all"
    assert annex_of(PLAN, []).estimates == "none"


def test_at_the_final_quarter_the_verdict_is_the_year_end_class() -> None:
    q4 = Period.at_quarter(2024, 4)
    figures = [Figure("ocop", q4, 7.0), Figure("schools", q4, 12.0), Figure("roads", q4, 9.0)]
    verdicts = {line.target.id: line.verdict for line in annex_of(PLAN, figures, q4).lines}
    assert (verdicts["ocop"], verdicts["schools"], verdicts["roads"]) == (
        "exceeded", "met", "missed")


# The units: d1 and its communes a, b and the town c (tests/assets/units.tree.yaml).
UNIT_PLAN = _plan(
    {"id": "schools", "name": "Trường", "group": "society", "kind": "cumulative",
     "target": 12, "rollup": "sum", "assign": {"a": 2}},
    {"id": "security", "name": "An ninh", "group": "security", "kind": "level",
     "target": 100, "unit": "%", "rollup": "share_meeting"},
    {"id": "growth", "name": "Tăng trưởng", "group": "economy", "kind": "annual",
     "target": 12, "unit": "%"},
    unit="d1")


def test_lines_by_unit_per_target_then_unit_in_the_files_order() -> None:
    units = load_units(ASSETS / "units.tree.yaml")
    by_unit = {
        "a": Figures([Figure("schools", Q1, 1.0, unit="a"),
                      Figure("security", Q1, True, unit="a")]),
        "b": Figures([Figure("schools", Q1, 3.0, unit="b"),
                      Figure("security", Q1, False, unit="b", status=EST)]),
        "c": Figures([Figure("schools", Q1, 0.0, unit="c"),
                      Figure("security", Q1, True, unit="c")]),
    }
    own = Figures([Figure("growth", Q1, 8.0)])
    found = evaluate_units(UNIT_PLAN, units, "d1", own, by_unit, Q1)
    annex = build_annex(build_brief(UNIT_PLAN, found.rolled["d1"], Q1), found, ISSUED)
    # the plan unit's own lines: schools 1 + 3 + 0 = 4; security 2 of 3 units meet it
    plan_lines = {line.target.id: line.value for line in annex.lines}
    assert plan_lines == {"schools": 4.0, "security": pytest.approx(200 / 3),
                          "growth": 8.0}
    rows = [(line.number, None if line.unit is None else line.unit.id, line.target.id,
             line.plan, line.value, line.as_of, line.figure_status, line.of_plan,
             line.verdict) for line in annex.by_unit]
    assert rows == [
        # a's assignment is 2: E = 2 · 1/4 = 0.5 at Q1, 1 is ahead of it
        (1, "a", "schools", 2.0, 1.0, Q1, None, 0.5, "on_track"),
        (2, "b", "schools", None, 3.0, Q1, None, None, None),  # no assignment
        (3, "c", "schools", None, 0.0, Q1, None, None, None),
        # share_meeting: each unit meets the standard or not, by the year's end
        (4, "a", "security", None, True, Q1, None, None, "achieved"),
        (5, "b", "security", None, False, Q1, EST, None, "on_track"),
        (6, "c", "security", None, True, Q1, None, None, "achieved"),
    ]  # growth does not roll up: no lines by unit
    assert annex.estimates == "mixed"  # b's estimate among unmarked figures
