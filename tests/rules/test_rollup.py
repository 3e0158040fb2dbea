"""The roll-up rules over a 3-level tree, worked by hand (tests/assets/units.tree.yaml):

    p ─┬─ d1 ─┬─ a   population 100, rural_population  80
       │      ├─ b              300                   120
       │      └─ c (a town)     100                     0
       └─ d2 ─┬─ e              200                   200     (d2 itself: population 50)
              └─ f              200                   100
"""

from __future__ import annotations

from typing import Any

import pytest

from hauloc_cli.inputs.units_file import load_units
from hauloc_cli.model.figures import Figure, Figures, Value
from hauloc_cli.model.periods import Period
from hauloc_cli.model.plan import Plan
from hauloc_cli.rules.rollup import (
    combine,
    evaluate_units,
    meets,
    mismatch,
    roll_up,
    unused,
)
from hauloc_cli.rules.status import Status
from tests.conftest import ASSETS

UNITS = load_units(ASSETS / "units.tree.yaml")
Q1, Q2 = Period.at_quarter(2024, 1), Period.at_quarter(2024, 2)
LEAVES = ("a", "b", "c", "e", "f")


def plan(*targets: dict[str, Any], **top: Any) -> Plan:
    return Plan.model_validate({"plan": {"id": "p", "year": 2024, "unit": "p"},
                                "targets": list(targets), **top})


def target(tid: str, rollup: str, kind: str = "annual", target: float = 10,
           **extra: Any) -> dict[str, Any]:
    return {"id": tid, "name": tid, "kind": kind, "target": target, "rollup": rollup, **extra}


def by_unit(tid: str, values: dict[str, Value], period: Period = Q1) -> dict[str, Figures]:
    return {u: Figures([Figure(tid, period, v, u)]) for u, v in values.items()}


def rolled(p: Plan, values: dict[str, Value], own: Figures | None = None
           ) -> dict[str, Value | None]:
    tid = p.targets[0].id
    figures, _ = roll_up(p, UNITS, "p", {**by_unit(tid, values), "p": own or Figures()})
    return {u: (f.of(tid)[Q1].value if Q1 in f.of(tid) else None) for u, f in figures.items()}


ONE_TO_FIVE = dict(zip(LEAVES, [1.0, 2.0, 3.0, 4.0, 5.0], strict=True))


@pytest.mark.parametrize(("rule", "d1", "d2", "p"), [
    ("sum", 6.0, 9.0, 15.0),           # 1+2+3, 4+5, 6+9
    ("mean", 2.0, 4.5, 3.25),          # of the children: (2 + 4.5) / 2
    ("min", 1.0, 4.0, 1.0),
    ("max", 3.0, 5.0, 5.0),
])
def test_rules_recursive_up_the_tree(rule: str, d1: float, d2: float, p: float) -> None:
    found = rolled(plan(target("t", rule)), ONE_TO_FIVE)
    assert (found["d1"], found["d2"], found["p"]) == (d1, d2, p)
    assert found["a"] == 1.0


def test_weighted_mean_weights_a_parent_by_its_childrens_weights() -> None:
    p = plan(target("w", "weighted_mean", "level", 100, weight="rural_population", unit="%"))
    found = rolled(p, {"a": 90.0, "b": 100.0, "c": 50.0, "e": 100.0, "f": 80.0})
    assert found["d1"] == pytest.approx((80 * 90 + 120 * 100 + 0 * 50) / 200)  # 96
    assert found["d2"] == pytest.approx((200 * 100 + 100 * 80) / 300)  # 93.33
    # d1 weighs 200 (80+120+0), d2 300: (200·96 + 300·93.33) / 500 = 47200 / 500
    assert found["p"] == pytest.approx(94.4)


def test_weighted_mean_without_a_weight_rolls_nothing_up() -> None:
    p = plan(target("w", "weighted_mean", weight="households"))
    assert rolled(p, ONE_TO_FIVE)["p"] is None
    assert combine(p.targets[0], [], UNITS) is None


def test_a_zero_total_weight_rolls_nothing_up() -> None:
    p = plan(target("w", "weighted_mean", weight="rural_population"))
    assert combine(p.targets[0], [("c", 5.0)], UNITS) is None


DONE = {"a": True, "b": True, "c": False, "e": True, "f": True}


def test_share_and_count_meeting_count_the_leaves() -> None:
    share = rolled(plan(target("s", "share_meeting", "level", 100, unit="%")), DONE)
    assert share["d1"] == pytest.approx(200 / 3)  # 2 of 3
    assert (share["d2"], share["p"]) == (100.0, 80.0)  # 4 of 5 leaves, not (66.7 + 100) / 2
    count = rolled(plan(target("n", "count_meeting", "cumulative", 2)), DONE)
    assert (count["d1"], count["d2"], count["p"]) == (2.0, 2.0, 4.0)


def test_meeting_a_threshold_and_an_assignment() -> None:
    t = plan(target("s", "share_meeting", "level", 100, threshold=90, assign={"c": 40})).targets[0]
    assert meets(t, "a", 90.0) and not meets(t, "a", 89.9)
    assert meets(t, "c", 40.0) and not meets(t, "c", 39.0)  # c's own threshold
    low = plan(target("s", "count_meeting", direction="at_most", threshold=3)).targets[0]
    assert meets(low, "a", 3.0) and not meets(low, "a", 3.5)


def test_a_milestone_is_done_when_every_unit_is() -> None:
    p = plan({"id": "m", "name": "m", "kind": "milestone", "rollup": "share_meeting"})
    found = rolled(p, DONE)
    assert (found["d1"], found["d2"], found["p"]) == (False, True, False)


def test_none_rolls_nothing_up_and_the_own_figure_wins() -> None:
    assert rolled(plan(target("g", "none")), ONE_TO_FIVE)["p"] is None
    own = Figures([Figure("t", Q1, 15.05)])
    assert rolled(plan(target("t", "sum")), ONE_TO_FIVE, own)["p"] == 15.05


@pytest.mark.parametrize(("own", "compiled", "tolerance", "expected"), [
    (10.0, 9.0, 0.1, False),    # 1 = 0.1 × 10: not more than the tolerance
    (10.0, 8.9, 0.1, True),
    (8.9, 10.0, 0.1, True),     # a share of the larger
    (0.0, 0.0, 0.0, False),
    (1.0, 1.0 + 1e-12, 0.0, False),
    (15.05, 15.0, 0.005, False),  # 0.33 %
    (16.0, 15.0, 0.005, True),    # 6.25 %
])
def test_mismatch_above_the_tolerance(own: float, compiled: float, tolerance: float,
                                      expected: bool) -> None:
    assert mismatch(own, compiled, tolerance) is expected


def test_a_compiled_figure_that_does_not_add_up_is_a_mismatch() -> None:
    p = plan(target("t", "sum"))
    own = Figures([Figure("t", Q1, 16.0, None, file="district.csv", line=2)])
    _, found = roll_up(p, UNITS, "p", {**by_unit("t", ONE_TO_FIVE), "p": own})
    ((m),) = found
    assert (m.target, m.unit, m.period, m.own, m.compiled) == ("t", "p", Q1, 16.0, 15.0)
    assert m.own_figure.file == "district.csv"
    p = plan(target("t", "sum"), rollup_tolerance=0.1)
    _, found = roll_up(p, UNITS, "p", {**by_unit("t", ONE_TO_FIVE), "p": own})
    assert found == []  # 1 of 16 is 6.25 %, within 10 %


def test_missing_units_and_min_coverage() -> None:
    missing_e = {u: v for u, v in ONE_TO_FIVE.items() if u != "e"}
    p = plan(target("t", "sum", "cumulative", 20))
    report = evaluate_units(p, UNITS, "p", Figures(), by_unit("t", missing_e), Q1)
    assert report.rolled["d2"].of("t") == {}  # 1 of 2 < 1.0
    assert report.report.results[0].status is Status.NO_DATA
    cover = report.targets["t"].coverage
    assert (cover.reported, cover.missing, cover.expected, cover.partial) == (
        ("d1",), ("d2",), 2, True)
    half = plan(target("t", "sum", "cumulative", 20, min_coverage=0.5))
    report = evaluate_units(half, UNITS, "p", Figures(), by_unit("t", missing_e), Q1)
    assert report.rolled["d2"].of("t")[Q1].value == 5.0
    assert report.report.results[0].actual == 11.0  # 6 + 5
    assert report.report.results[0].status is Status.ON_TRACK  # R = 11 / (20·¼) = 2.2
    assert report.targets["t"].coverage.partial is False  # both districts have a figure


def test_coverage_of_the_meeting_rules_counts_the_leaves() -> None:
    p = plan(target("s", "share_meeting", "level", 100, min_coverage=0.8))
    four = {u: v for u, v in DONE.items() if u != "f"}
    report = evaluate_units(p, UNITS, "p", Figures(), by_unit("s", four), Q1)
    cover = report.targets["s"].coverage
    assert (len(cover.reported), cover.missing) == (4, ("f",))
    assert report.report.results[0].actual == 75.0  # 3 of the 4 that reported
    assert report.targets["s"].compiled == 75.0
    strict = plan(target("s", "share_meeting", "level", 100))
    report = evaluate_units(strict, UNITS, "p", Figures(), by_unit("s", four), Q1)
    assert report.report.results[0].status is Status.NO_DATA


def test_per_unit_assignments_are_judged_by_the_status_rules() -> None:
    p = plan(target("t", "sum", "cumulative", 6, assign={"a": 2, "b": 4}))
    values = by_unit("t", {"a": 1.0, "b": 1.0, "c": 3.0}, Q2)
    report = evaluate_units(p, UNITS, "d1", Figures(), values, Q2)
    a, b, c = report.targets["t"].units
    assert a.result is not None and a.result.status is Status.ON_TRACK  # 1 ≥ 2·½
    assert b.result is not None and b.result.status is Status.OFF_TRACK  # 1 of 4·½ = 0.5
    assert c.result is None and c.actual == 3.0 and c.reported
    assert report.report.results[0].actual == 5.0
    every = plan(target("t", "sum", "cumulative", 6, assign=2))
    report = evaluate_units(every, UNITS, "d1", Figures(), values, Q2)
    assert [u.result.status for u in report.targets["t"].units if u.result] == [
        Status.ON_TRACK, Status.ON_TRACK, Status.ACHIEVED]


def test_units_that_did_not_report_and_leaves_judged_under_meeting_rules() -> None:
    p = plan(target("s", "share_meeting", "level", 100, min_coverage=0))
    report = evaluate_units(p, UNITS, "d1", Figures(), by_unit("s", {"a": True, "c": False}),
                            Q1)
    a, b, c = report.targets["s"].units
    assert a.result is not None and a.result.status is Status.ACHIEVED
    assert (b.reported, b.actual) == (False, None)
    assert b.result is not None and b.result.status is Status.NO_DATA
    assert c.result is not None and c.result.status is Status.ON_TRACK  # not done, time left
    top = evaluate_units(p, UNITS, "p", Figures(), by_unit("s", {"a": True}), Q1)
    assert all(u.result is None for u in top.targets["s"].units)  # districts are not judged


def test_roll_up_adds_to_a_copy_and_leaves_a_leafs_figures_as_they_are() -> None:
    p = plan(target("t", "sum"))
    given = {**by_unit("t", ONE_TO_FIVE), "d1": Figures(), "p": Figures()}
    figures, _ = roll_up(p, UNITS, "p", given)
    assert figures["d1"].of("t")[Q1].value == 6.0  # 1 + 2 + 3
    assert not given["d1"] and not given["p"]  # the caller's figures are not changed
    assert figures["a"].values() == given["a"].values() == {"t": {1: 1.0}}


@pytest.mark.parametrize(("extra", "values", "count"), [
    # at_least 90: 90 meets (equal), 89.9 does not, 90 − 1e-10 is equal within the tolerance
    ({"threshold": 90}, [90.0, 89.9, 95.0, 90 - 1e-10], 3),
    ({"direction": "at_most", "threshold": 3}, [3.0, 3.5, 2.0, 3 + 1e-10], 3),
    ({"assign": 2}, [2.0, 1.0, 5.0, 0.0], 2),  # one assignment for every unit: a threshold
    ({"threshold": 2, "assign": {"a": 5}}, [4.0, 2.0, 2.0, 1.0], 2),  # a: 4 < 5; b, c: 2
    ({}, [True, False, True, True], 3),  # no threshold: done or not
])
def test_count_meeting_counts_with_each_units_threshold(
        extra: dict[str, Any], values: list[Value], count: int) -> None:
    t = plan(target("n", "count_meeting", "cumulative", 2, **extra)).targets[0]
    pairs = list(zip(("a", "b", "c", "e"), values, strict=True))
    assert combine(t, pairs, UNITS) == float(count)
    assert count == sum(meets(t, u, v) for u, v in pairs)


def two_periods(tid: str, q1: dict[str, Value], q2: dict[str, Value]) -> dict[str, Figures]:
    """Each unit's figures of Q1 and of Q2 (a unit absent from a period has none for it)."""
    return {u: Figures([Figure(tid, q, vs[u], u) for q, vs in ((Q1, q1), (Q2, q2)) if u in vs])
            for u in {*q1, *q2}}


def test_a_short_roll_up_is_no_data_even_where_an_earlier_figure_would_stand_in() -> None:
    """A level (a state) would carry Q1's compiled mean to Q2; but at Q2 only d1's communes
    reported (d2: none of e, f → d2 has no figure; 1 of 2 districts < min_coverage 1): the
    target is no data at Q2, Q1's compiled figure (mean of d1 = 2, d2 = 4.5: 3.25) kept for
    reference only. At Q1 (both reported) it is judged: 3.25 of 10, at_least → off track."""
    p = plan(target("w", "mean", "level", 10))
    values = two_periods("w", ONE_TO_FIVE, {"a": 1.0, "b": 2.0, "c": 3.0})
    report = evaluate_units(p, UNITS, "p", Figures(), values, Q2)
    result = report.report.results[0]
    assert (result.status, result.actual, result.as_of) == (Status.NO_DATA, 3.25, Q1)
    assert report.at(Q1).results[0].status is Status.OFF_TRACK
    assert report.at(Q2) is report.report


def test_a_count_decided_earlier_stays_decided_when_the_roll_up_is_short() -> None:
    """Q1: the five communes sum to 15 ≥ 12: achieved (a count only grows). Q2: only a
    reported (short): Q1's figure already decided it, so Q2 is achieved too, as of Q1."""
    p = plan(target("n", "sum", "cumulative", 12))
    values = two_periods("n", ONE_TO_FIVE, {"a": 2.0})
    result = evaluate_units(p, UNITS, "p", Figures(), values, Q2).report.results[0]
    assert (result.status, result.actual, result.as_of) == (Status.ACHIEVED, 15.0, Q1)


def test_a_leafs_state_stands_in_under_the_meeting_rules() -> None:
    """share_meeting over the five communes: Q1 a, b, c, e, f all đạt; Q2 a, b, c, e đạt and f
    silent. f's Q1 đạt stands in (a state): 5 of 5 = 100 %, not 4 of 4 nor 4 of 5; f is
    carried, not missing, and its unit row shows its Q1 figure."""
    p = plan(target("s", "share_meeting", "level", 100))
    values = two_periods("s", DONE | {"c": True}, {"a": True, "b": True, "c": True, "e": True})
    report = evaluate_units(p, UNITS, "p", Figures(), values, Q2)
    assert report.report.results[0].actual == 100.0
    cover = report.targets["s"].coverage
    assert (cover.missing, cover.carried, len(cover.counted)) == ((), ("f",), 5)
    d2 = evaluate_units(p, UNITS, "d2", Figures(), values, Q2)
    e, f = d2.targets["s"].units
    assert (e.reported, e.as_of) == (True, Q2)
    assert (f.reported, f.actual, f.as_of) == (False, True, Q1)
    assert f.result is not None and f.result.status is Status.ACHIEVED


def test_a_units_earlier_figure_shows_with_what_it_was_judged_on() -> None:
    """a has an assignment of 80 (level); it reported 70 at Q1 and nothing at Q2. A level
    stands in before the final period: judged at Q2 on 70 (R = 70/80 = 0.875, at risk), and
    its row shows 70 as of Q1, not reported for Q2."""
    p = plan(target("w", "mean", "level", 90, assign={"a": 80}))
    values = two_periods("w", {"a": 70.0, "b": 90.0, "c": 95.0}, {"b": 91.0, "c": 96.0})
    report = evaluate_units(p, UNITS, "d1", Figures(), values, Q2)
    a = report.targets["w"].units[0]
    assert (a.reported, a.actual, a.as_of) == (False, 70.0, Q1)
    assert a.result is not None and a.result.status is Status.AT_RISK


def test_sums_are_exact_whatever_the_order() -> None:
    """0.1 + 0.2 + 0.3 in floats is 0.6000000000000001; the roll-up's sum is the correctly
    rounded one (fsum), 0.6, whatever Python's sum() does."""
    assert rolled(plan(target("t", "sum")), {"a": 0.1, "b": 0.2, "c": 0.3})["d1"] == 0.6


def test_figures_no_output_uses_are_found() -> None:
    """growth does not roll up: a's figures of it (a has no assign) are named once, by the
    earliest (Q1 of Q1 and Q2), with the count of such units (1); b's are used by `--unit b`
    (assign gives b a target of its own); the figures of a target that rolls up are used by
    the roll-up. Without the assign, a and b both: 2 units, a's first."""
    p = plan(target("growth", "none", assign={"b": 12}), target("schools", "sum"))
    figures = {"a": Figures([Figure("growth", Q2, 9.0, "a"), Figure("growth", Q1, 8.0, "a"),
                             Figure("schools", Q1, 1.0, "a")]),
               "b": Figures([Figure("growth", Q1, 11.0, "b")]),
               "c": Figures([Figure("schools", Q1, 2.0, "c")])}
    assert unused(p, figures) == [(Figure("growth", Q1, 8.0, "a"), 1)]
    assert unused(plan(target("growth", "none")), figures) == [
        (Figure("growth", Q1, 8.0, "a"), 2)]


def test_who_has_not_reported_is_one_list_per_target() -> None:
    missing_e = {u: v for u, v in ONE_TO_FIVE.items() if u != "e"}
    p = plan(target("t", "sum", "cumulative", 20), target("u", "sum", "cumulative", 20))
    figures = {u: Figures([Figure("t", Q1, v, u), Figure("u", Q1, v, u)])
               for u, v in ONE_TO_FIVE.items() if u in missing_e}
    figures["e"] = Figures([Figure("u", Q1, 4.0, "e")])  # e reported u only
    report = evaluate_units(p, UNITS, "p", Figures(), figures, Q1)
    found = report.not_reported()
    assert list(found) == ["t"]  # u: every district reported
    assert (found["t"].missing, found["t"].carried, found["t"].not_reported) == (
        ("d2",), (), ("d2",))
    # under a meeting rule a leaf's earlier state stands in: carried, still not reported
    s = plan(target("s", "share_meeting", "level", 100, min_coverage=0))
    values = by_unit("s", {"b": True, "c": True, "e": True, "f": True}, Q2)
    values["a"] = Figures([Figure("s", Q1, True, "a")])
    cover = evaluate_units(s, UNITS, "p", Figures(), values, Q2).not_reported()["s"]
    assert (cover.missing, cover.carried, cover.not_reported) == ((), ("a",), ("a",))
