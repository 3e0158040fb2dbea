"""The brief's computation, against values worked out by hand from the plan and the CSV.

The example (examples/actuals_2024.csv, data/targets_2024.yaml), by hand:

| target | T | Q1 | Q2 | Q3 | at Q3: E, R, status |
|---|---|---|---|---|---|
| production_growth (annual) | 12 | 9.5 | 10.4 | 10.9 | 12, 0.908, at risk |
| income_per_capita (annual) | 69 | 65.5 | 66.8 | 67.5 | 69, 0.978, on track |
| ntm_model_communes (cum.) | 1 | 1 | | | met: achieved |
| ntm_advanced_communes (cum.) | 2 | 1 | 1 | 1 | 1.5, 0.667, off track |
| ocop_products (cum.) | 6 | 1 | 3 | 4 | 4.5, 0.889, at risk |
| national_standard_schools (cum.) | 12 | 2 | 5 | 9 | 9, 1.0, on track |
| security_standard_communes | 100 | | | | no data |
| rural_hygienic_water (level) | 100 | 98.6 | 99.1 | 99.3 | 100, 0.993, on track |
| ntm_district_recognition | by 2024-05-31 | no | no | no | off track |
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pytest

from hauloc_cli.inputs.actuals.read import read_actuals
from hauloc_cli.inputs.plan_file import load_plan
from hauloc_cli.model.periods import Period
from hauloc_cli.model.plan import Plan
from hauloc_cli.rules.status import Status, Value
from hauloc_cli.views.brief import OTHER, Bar, Brief, Need, bar, build_brief
from tests.conftest import EXAMPLE, PLAN_2024, at

ID = str


@pytest.fixture(scope="module")
def plan() -> Plan:
    return load_plan(PLAN_2024)


@pytest.fixture(scope="module")
def series(plan: Plan) -> dict[str, dict[int, Value]]:
    return read_actuals(EXAMPLE, plan).figures.values()


def _year_end(series: Mapping[str, Mapping[int, Value]]) -> dict[str, dict[int, Value]]:
    """The example with a full-year column: 3 exceeded, 4 met, 2 missed (7/9, 3 exceeded)."""
    q4: dict[str, Value] = {
        "production_growth": 12.6,            # > 12: exceeded
        "income_per_capita": 69.0,            # = 69: met
        "ntm_advanced_communes": 2.0,         # = 2: met
        "ocop_products": 7.0,                 # > 6: exceeded
        "national_standard_schools": 13.0,    # > 12: exceeded
        "security_standard_communes": 100.0,  # = 100: met
        "rural_hygienic_water": 99.6,         # < 100: missed
        "ntm_district_recognition": False,    # not done: missed
    }                                         # ntm_model_communes: 1 since Q1, = 1: met
    out = {k: dict(v) for k, v in series.items()}
    for k, v in q4.items():
        out.setdefault(k, {})[4] = v
    return out


def _plan(*targets: dict[str, Any]) -> Plan:
    return Plan.model_validate({"plan": {"id": "t", "year": 2024}, "targets": list(targets)})


def ids(items: Any) -> list[ID]:
    return [i.target.id for i in items]


def by_id(brief: Brief) -> dict[ID, Any]:
    return {i.target.id: i for i in brief.items}


def test_sections_follow_the_groups_order_and_skip_empty_groups(plan: Plan,
                                                                series: Any) -> None:
    brief = build_brief(plan, *at(plan, series, 3))
    assert [s.group for s in brief.sections] == ["economy", "society", "environment",
                                                 "security"]
    assert ids(brief.sections[0].items) == [
        "production_growth", "income_per_capita", "ntm_model_communes",
        "ntm_advanced_communes", "ocop_products", "ntm_district_recognition"]


def test_targets_without_a_group_come_last_under_other() -> None:
    p = _plan(
        {"id": "a", "name": "A", "kind": "annual", "target": 1},
        {"id": "b", "name": "B", "kind": "annual", "target": 1, "group": "security"},
        {"id": "c", "name": "C", "kind": "annual", "target": 1, "group": "economy"},
        {"id": "d", "name": "D", "kind": "annual", "target": 1, "group": "environment"},
        {"id": "e", "name": "E", "kind": "annual", "target": 1, "group": "society"},
    )
    brief = build_brief(p, *at(p, {}, 1))
    assert [s.group for s in brief.sections] == ["economy", "society", "environment",
                                                 "security", OTHER]
    assert ids(brief.sections[-1].items) == ["a"]


def test_counts_and_scope_at_q3(plan: Plan, series: Any) -> None:
    brief = build_brief(plan, *at(plan, series, 3))
    assert brief.counts == {"achieved": 1, "on_track": 3, "at_risk": 2, "off_track": 2,
                            "no_data": 1}
    assert (brief.defined, brief.declared) == (9, 27)
    assert not brief.final


def test_needs_attention_at_q3_lowest_ratio_first_off_track_before_at_risk(
        plan: Plan, series: Any) -> None:
    brief = build_brief(plan, *at(plan, series, 3))
    # off track: advanced communes R = 1/1.5 = 0.667, the milestone has no ratio (last);
    # at risk: OCOP R = 4/4.5 = 0.889, growth R = 10.9/12 = 0.908
    assert ids(brief.attention) == ["ntm_advanced_communes", "ntm_district_recognition",
                                    "ocop_products", "production_growth"]
    needs = [i.need for i in brief.attention]
    assert needs[0] == Need("per_quarter", pytest.approx(1.0))  # (2 − 1) / (4 − 3)
    # from 30 September back to 31 May: 30 + 31 + 31 + 30 = 122 days overdue
    assert needs[1] == Need("days_overdue", 122)
    assert needs[2] == Need("per_quarter", pytest.approx(2.0))  # (6 − 4) / 1
    assert needs[3] == Need("gap", pytest.approx(1.1), points=True)  # 12 − 10.9 points


def test_needs_attention_at_q1_ties_in_plan_order_and_days_left(plan: Plan,
                                                               series: Any) -> None:
    brief = build_brief(plan, *at(plan, series, 1))
    # off track: OCOP 1/1.5 = 0.667 and schools 2/3 = 0.667 (a tie: plan order), growth
    # 9.5/12 = 0.792; at risk: income 65.5/69 = 0.949, the milestone (no ratio) last
    assert ids(brief.attention) == ["ocop_products", "national_standard_schools",
                                    "production_growth", "income_per_capita",
                                    "ntm_district_recognition"]
    needs = {i.target.id: i.need for i in brief.attention}
    assert needs["ocop_products"] == Need("per_quarter", pytest.approx(5 / 3))
    assert needs["national_standard_schools"] == Need("per_quarter", pytest.approx(10 / 3))
    assert needs["income_per_capita"] == Need("gap", pytest.approx(3.5))
    # from 31 March to 31 May: 30 + 31 = 61 days, counted from the end of Q1, not today
    assert needs["ntm_district_recognition"] == Need("days_left", 61)
    assert by_id(brief)["ntm_district_recognition"].days == 61


def test_needs_attention_at_q2(plan: Plan, series: Any) -> None:
    brief = build_brief(plan, *at(plan, series, 2))
    # off: the milestone (June 30 is past May 31); at risk: schools 5/6 = 0.833 before
    # growth 10.6/12 = 0.883 (the 6-month estimate 10.4 revised to 10.6 in the example)
    assert ids(brief.attention) == ["ntm_district_recognition", "national_standard_schools",
                                    "production_growth"]
    assert [i.need for i in brief.attention] == [
        Need("days_overdue", 30),                      # 1 June … 30 June
        Need("per_quarter", pytest.approx(3.5)),        # (12 − 5) / 2
        Need("gap", pytest.approx(1.4), points=True),   # 12 − 10.6
    ]


def test_null_ratios_last_then_plan_order() -> None:
    p = _plan(
        {"id": "m1", "name": "M1", "kind": "milestone", "deadline": "2024-01-31"},
        {"id": "c", "name": "C", "kind": "cumulative", "target": 10},
        {"id": "m2", "name": "M2", "kind": "milestone", "deadline": "2024-02-28"},
    )
    brief = build_brief(p, *at(p, {"m1": {1: False}, "c": {1: 1.0}, "m2": {1: False}}, 1))
    assert [i.result.status for i in brief.attention] == [Status.OFF_TRACK] * 3
    assert ids(brief.attention) == ["c", "m1", "m2"]
    assert [i.need for i in brief.attention] == [
        Need("per_quarter", 3.0), Need("days_overdue", 60), Need("days_overdue", 32)]


def test_what_at_most_and_level_targets_still_need() -> None:
    p = _plan(
        {"id": "cap", "name": "Cap", "kind": "cumulative", "direction": "at_most",
         "target": 10},
        {"id": "over", "name": "Over", "kind": "cumulative", "direction": "at_most",
         "target": 10},
        {"id": "lvl", "name": "Level", "kind": "level", "direction": "at_most", "target": 5},
        {"id": "up", "name": "Up", "kind": "level", "target": 80, "baseline": 60},
    )
    # cap: E = 5, R = 5/6 = 0.833 at risk, (10 − 6) / 2 = 2 allowed per remaining quarter;
    # over: 12 > 10 off track, over by 2; lvl: R = 5/6 at risk, 1 still to cut;
    # up: E = 70, R = (66 − 60) / (70 − 60) = 0.6 off track, 14 still to go
    brief = build_brief(p, *at(p, {"cap": {2: 6.0}, "over": {2: 12.0}, "lvl": {2: 6.0},
                            "up": {2: 66.0}}, 2))
    needs = {i.target.id: i.need for i in brief.attention}
    assert needs == {
        "cap": Need("allowed_per_quarter", pytest.approx(2.0)),
        "over": Need("over_by", pytest.approx(2.0)),
        "lvl": Need("reduce", pytest.approx(1.0)),
        "up": Need("gap", pytest.approx(14.0)),
    }


def test_on_track_and_achieved_targets_need_nothing(plan: Plan, series: Any) -> None:
    items = by_id(build_brief(plan, *at(plan, series, 3)))
    assert items["income_per_capita"].need is None
    assert items["ntm_model_communes"].need is None
    assert items["security_standard_communes"].need is None


def test_changed_since_last_quarter(plan: Plan, series: Any) -> None:
    brief = build_brief(plan, *at(plan, series, 3))
    assert brief.changes is not None
    # at Q2: advanced 1/1 = 1.0 on track, OCOP 3/3 on track, schools 5/6 = 0.833 at risk
    assert [(c.item.target.id, c.before, c.now) for c in brief.changes] == [
        ("ntm_advanced_communes", Status.ON_TRACK, Status.OFF_TRACK),
        ("ocop_products", Status.ON_TRACK, Status.AT_RISK),
        ("national_standard_schools", Status.AT_RISK, Status.ON_TRACK),
    ]


def test_nothing_to_compare_at_the_first_quarter(plan: Plan, series: Any) -> None:
    assert build_brief(plan, *at(plan, series, 1)).changes is None


def test_no_data_is_listed(plan: Plan, series: Any) -> None:
    assert ids(build_brief(plan, *at(plan, series, 3)).no_data) == ["security_standard_communes"]


def test_year_end_classes_and_headline(plan: Plan, series: Any) -> None:
    brief = build_brief(plan, *at(plan, _year_end(series), 4))
    assert brief.final
    verdicts = {i.target.id: i.verdict for i in brief.items}
    assert verdicts == {
        "production_growth": "exceeded",
        "income_per_capita": "met",
        "ntm_model_communes": "met",
        "ntm_advanced_communes": "met",
        "ocop_products": "exceeded",
        "national_standard_schools": "exceeded",
        "security_standard_communes": "met",
        "rural_hygienic_water": "missed",
        "ntm_district_recognition": "missed",
    }
    assert brief.counts == {"exceeded": 3, "met": 4, "missed": 2, "no_data": 0}
    # the missed ones: water R = 0.996, missed by 0.4 points; the milestone, 31 May to
    # 31 December = 30 + 31 + 31 + 30 + 31 + 30 + 31 = 214 days overdue
    assert ids(brief.attention) == ["rural_hygienic_water", "ntm_district_recognition"]
    assert [i.need for i in brief.attention] == [
        Need("missed_by", pytest.approx(0.4), points=True), Need("days_overdue", 214)]


def test_missed_cumulative_target_at_the_end_says_by_how_much(plan: Plan,
                                                             series: Any) -> None:
    data = _year_end(series)
    data["ocop_products"][4] = 5.0
    items = by_id(build_brief(plan, *at(plan, data, 4)))
    assert items["ocop_products"].verdict == "missed"
    assert items["ocop_products"].need == Need("missed_by", pytest.approx(1.0))


def test_at_most_beyond_its_limit_is_exceeded_at_the_end() -> None:
    p = _plan(
        {"id": "low", "name": "L", "kind": "cumulative", "direction": "at_most", "target": 10},
        {"id": "exact", "name": "E", "kind": "cumulative", "direction": "at_most",
         "target": 10},
        {"id": "none", "name": "N", "kind": "annual", "target": 10},
    )
    brief = build_brief(p, *at(p, {"low": {4: 7.0}, "exact": {4: 10.0}}, 4))
    assert [i.verdict for i in brief.items] == ["exceeded", "met", "no_data"]
    assert brief.counts == {"exceeded": 1, "met": 1, "missed": 0, "no_data": 1}


@pytest.mark.parametrize(("target", "a", "quarter", "expected"), [
    # cumulative: fill a / T, the mark where it should be by now (q/4)
    ({"kind": "cumulative", "target": 6}, 4.0, 3, Bar(4 / 6, 0.75)),
    ({"kind": "cumulative", "target": 6}, 9.0, 3, Bar(1.0, 0.75)),  # clamped at the end
    ({"kind": "cumulative", "target": 6, "pace": [0.1, 0.3, 0.6, 1.0]}, 3.0, 2,
     Bar(0.5, 0.3)),
    # annual and level without a baseline: the mark at the end
    ({"kind": "annual", "target": 12}, 10.9, 3, Bar(10.9 / 12, 1.0)),
    ({"kind": "level", "target": 100}, 99.3, 3, Bar(0.993, 1.0)),
    # level with a baseline: (a − B) / (T − B), mark at f
    ({"kind": "level", "target": 100, "baseline": 50}, 70.0, 2, Bar(0.4, 0.5)),
    ({"kind": "level", "target": 100, "baseline": 50}, 40.0, 2, Bar(0.0, 0.5)),  # clamped
    ({"kind": "level", "direction": "at_most", "target": 20, "baseline": 40}, 35.0, 1,
     Bar(0.25, 0.25)),
    # at_most: the share of the allowance used; over it, full and marked as over
    ({"kind": "cumulative", "direction": "at_most", "target": 10}, 4.0, 2, Bar(0.4, 0.5)),
    ({"kind": "cumulative", "direction": "at_most", "target": 10}, 12.0, 2,
     Bar(1.0, 0.5, over=True)),
    ({"kind": "annual", "direction": "at_most", "target": 10}, 5.0, 2, Bar(0.5, 1.0)),
    # issue 9: an allowance of 0 is marked at the end (nothing is allowed at any time)
    ({"kind": "cumulative", "direction": "at_most", "target": 0}, 0.0, 2, Bar(0.0, 1.0)),
    ({"kind": "cumulative", "direction": "at_most", "target": 0}, 1.0, 2,
     Bar(1.0, 1.0, over=True)),
])
def test_bar(target: dict[str, Any], a: float, quarter: int, expected: Bar) -> None:
    t = _plan({"id": "x", "name": "X", **target}).targets[0]
    got = bar(t, a, Period.at_quarter(2024, quarter))
    assert got.fill == pytest.approx(expected.fill)
    assert got.mark == pytest.approx(expected.mark)
    assert got.over is expected.over


def test_milestones_get_no_bar_but_their_deadline(plan: Plan, series: Any) -> None:
    item = by_id(build_brief(plan, *at(plan, series, 3)))["ntm_district_recognition"]
    assert item.bar is None
    assert str(item.result.deadline) == "2024-05-31"
    assert item.days == -122


def test_history_per_quarter_with_the_verdict_of_each(plan: Plan, series: Any) -> None:
    items = by_id(build_brief(plan, *at(plan, series, 3)))
    ocop = items["ocop_products"].history
    assert [(p.period.quarter, p.value, p.verdict) for p in ocop] == [
        (1, 1.0, "off_track"),  # 1 / 1.5 = 0.667
        (2, 3.0, "on_track"),   # 3 / 3
        (3, 4.0, "at_risk"),    # 4 / 4.5
    ]
    assert [p.fill for p in ocop] == pytest.approx([1 / 6, 3 / 6, 4 / 6])
    model = items["ntm_model_communes"].history
    assert [(p.value, p.fill, p.verdict) for p in model] == [
        (1.0, 1.0, "achieved"), (None, None, "achieved"), (None, None, "achieved")]
    milestone = items["ntm_district_recognition"].history
    assert [(p.value, p.fill, p.verdict) for p in milestone] == [
        (False, 0.0, "at_risk"), (False, 0.0, "off_track"), (False, 0.0, "off_track")]
    assert [p.value for p in items["security_standard_communes"].history] == [None] * 3


def test_the_brief_judges_by_the_status_rules(plan: Plan, series: Any) -> None:
    """The same statuses as `hauloc check` would give: the rules are not copied."""
    from hauloc_cli.rules.status import evaluate

    for q in (1, 2, 3):
        brief = build_brief(plan, *at(plan, series, q))
        results = {i.target.id: i.result for i in brief.items}
        judged = evaluate(plan, *at(plan, series, q))
        assert [results[t.id] for t in plan.targets] == list(judged.results)
