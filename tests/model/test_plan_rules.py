"""Every rule of the plan format refuses what it should, naming the line, target and key."""

from __future__ import annotations

import re
import textwrap
from datetime import date
from pathlib import Path

import pytest

from hauloc_cli.errors import InputError
from hauloc_cli.inputs.plan_file import load_plan
from hauloc_cli.model.periods import Period

HEAD = "plan:\n  id: p\n  year: 2024\ntargets:\n"


def plan_file(tmp_path: Path, targets: str, head: str = HEAD) -> Path:
    path = tmp_path / "plan.yaml"
    path.write_text(head + textwrap.indent(textwrap.dedent(targets), "  "), encoding="utf-8")
    return path


def problems(path: Path) -> list[str]:
    with pytest.raises(InputError) as exc:
        load_plan(path)
    return [str(p) for p in exc.value.problems]


def test_a_minimal_plan_takes_the_defaults(tmp_path: Path) -> None:
    plan = load_plan(plan_file(tmp_path, """\
        - id: a
          name: A
          kind: cumulative
          target: 3
        - id: m
          name: M
          kind: milestone
        """))
    a, m = plan.targets
    q3 = Period.at_quarter(2024, 3)
    assert (a.direction, a.group, a.measure, a.pace, a.pace_at(q3)) == ("at_least", None, None,
                                                                     None, 0.75)
    assert (m.direction, m.target, plan.deadline_of(m)) == (None, None, date(2024, 12, 31))
    assert (plan.status_bands.on_track, plan.status_bands.at_risk) == (0.95, 0.80)
    assert plan.plan.declared_targets is None


# (target entry, line of the problem, what the message says)
BAD_TARGETS = [
    ("- {id: Bad-Id, name: A, kind: level, target: 1}", "5",
     "targets[0] (Bad-Id).id: 'Bad-Id' is not a valid id"),
    ("- {id: a, kind: level, target: 1}", "5", "targets[0] (a).name: is required"),
    ("- {id: a, name: A, target: 1}", "5", "targets[0] (a).kind: is required"),
    ("- {id: a, name: A, kind: level}", "5",
     "targets[0] (a).target: 'target' is required for kind 'level'"),
    ("- {id: a, name: A, kind: level, target: 0}", "5",
     "targets[0] (a).target: target must be > 0 for at_least (or give a baseline)"),
    ("- {id: a, name: A, kind: level, direction: at_most, target: -1}", "5",
     "targets[0] (a).target: target must be >= 0 for at_most"),
    ("- {id: a, name: A, kind: level, direction: upward, target: 1}", "5",
     "targets[0] (a).direction: 'upward' is not one of at_least, at_most"),
    ("- {id: a, name: A, kind: level, target: '6 products'}", "5",
     "targets[0] (a).target: input should be a valid number (got '6 products')"),
    ("- {id: a, name: A, kind: cumulative, target: 3, baseline: 1}", "5",
     "targets[0] (a).baseline: 'baseline' applies to kind 'level' only"),
    ("- {id: a, name: A, kind: level, target: 3, baseline: 3}", "5",
     "targets[0] (a).baseline: baseline must be below the target for at_least"),
    ("- {id: a, name: A, kind: level, direction: at_most, target: 3, baseline: 2}", "5",
     "targets[0] (a).baseline: baseline must be above the target for at_most"),
    ("- {id: a, name: A, kind: annual, target: 3, pace: [0.25, 0.5, 0.75, 1]}", "5",
     "targets[0] (a).pace: 'pace' applies to cumulative targets and levels with a baseline"),
    ("- {id: a, name: A, kind: level, target: 3, pace: [0.25, 0.5, 0.75, 1]}", "5",
     "targets[0] (a).pace: 'pace' applies to cumulative targets and levels with a baseline"),
    ("- {id: a, name: A, kind: cumulative, target: 3, pace: [0.5, 0.4, 0.75, 1]}", "5",
     "targets[0] (a).pace: pace must be four non-decreasing fractions between 0 and 1"),
    ("- {id: a, name: A, kind: cumulative, target: 3, pace: [-0.1, 0.4, 0.75, 1]}", "5",
     "targets[0] (a).pace: pace must be four non-decreasing fractions between 0 and 1"),
    ("- {id: a, name: A, kind: cumulative, target: 3, pace: [0.25, 0.5, 0.75, 0.9]}", "5",
     "targets[0] (a).pace: the last pace fraction must be 1.0 (the whole year)"),
    ("- {id: a, name: A, kind: cumulative, target: 3, pace: [0.25, 0.5, 1]}", "5",
     "targets[0] (a).pace"),
    ("- {id: a, name: A, kind: milestone, target: 1}", "5",
     "targets[0] (a).target: 'target' does not apply to a milestone"),
    ("- {id: a, name: A, kind: milestone, direction: at_most}", "5",
     "targets[0] (a).direction: 'direction' does not apply to a milestone"),
    ("- {id: a, name: A, kind: level, target: 1, deadline: 2024-05-31}", "5",
     "targets[0] (a).deadline: 'deadline' applies to milestones only"),
    ("- {id: a, name: A, kind: milestone, deadline: 2025-01-31}", "5",
     "targets[0] (a).deadline: deadline 2025-01-31 is not in the plan's year 2024"),
    ("- {id: a, name: A, kind: level, target: 1, valid_range: [5, 1]}", "5",
     "targets[0] (a).valid_range: valid_range must be [min, max] with min <= max"),
    ("- {id: a, name: A, kind: level, target: 1}\n- {id: a, name: B, kind: level, target: 2}",
     "6", "targets[1] (a).id: target id 'a' is used twice"),
]


@pytest.mark.parametrize(("entry", "where", "message"), BAD_TARGETS,
                         ids=[b[2].split(": ", 1)[-1][:40] for b in BAD_TARGETS])
def test_bad_target(tmp_path: Path, entry: str, where: str, message: str) -> None:
    path = plan_file(tmp_path, entry + "\n")
    found = problems(path)
    assert len(found) == 1, found
    place, code, text = re.fullmatch(r"(.*?): \[([a-z-]+)\] (.*)", found[0]).groups()
    assert place.startswith(f"{path}:{where}:")
    assert code in ("missing-key", "bad-value", "plan-rule", "duplicate-id")
    assert text.startswith(message)


def test_value_errors_point_at_the_value(tmp_path: Path) -> None:
    path = plan_file(tmp_path, """\
        - id: a
          name: A
          kind: level
          target: 0
        """)
    assert problems(path) == [
        f"{path}:8:13: [plan-rule] targets[0] (a).target: target must be > 0 for at_least "
        "(or give a baseline)"]


def test_unknown_key_points_at_the_key_and_suggests(tmp_path: Path) -> None:
    path = plan_file(tmp_path, """\
        - id: m
          name: M
          kind: milestone
          dealine: 2024-05-31
        """)
    assert problems(path) == [
        f"{path}:8:5: [unknown-key] targets[0] (m).dealine: unknown key 'dealine' "
        "— did you mean 'deadline'?"]


def test_every_problem_of_a_plan_is_listed_in_line_order(tmp_path: Path) -> None:
    path = plan_file(tmp_path, """\
        - {id: a, name: A, kind: levl, target: 1}
        - {id: b, name: B, kind: level}
        """, head="plan:\n  id: p\n  year: 2024\nstatus_bands: {on_track: 0.7, at_risk: 0.9}\n"
                  "targets:\n")
    found = problems(path)
    assert [f.split(": [")[0] for f in found] == [f"{path}:4:40", f"{path}:6:28", f"{path}:7:5"]
    assert "at_risk must not be above on_track" in found[0]


@pytest.mark.parametrize(("head", "where", "message"), [
    ("plan:\n  id: p\ntargets:\n", "2:3", "[missing-key] plan.year: is required"),
    ("plan:\n  id: p\n  year: '2024'\ntargets:\n", "3:9",
     "[bad-value] plan.year: input should be a valid integer (got '2024')"),
    ("plan:\n  year: 2024\ntargets:\n", "2:3", "[missing-key] plan.id: is required"),
    ("plan:\n  id: p\n  year: 2024\n  declared_targets: 0\ntargets:\n", "4:21",
     "[bad-value] plan.declared_targets: input should be greater than or equal to 1 (got 0)"),
])
def test_bad_plan_header(tmp_path: Path, head: str, where: str, message: str) -> None:
    path = plan_file(tmp_path, "- {id: a, name: A, kind: level, target: 1}\n", head=head)
    found = problems(path)
    assert found[0].startswith(f"{path}:{where}: {message}"), found


def test_a_plan_without_targets(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text("plan: {id: p, year: 2024}\ntargets: []\n", encoding="utf-8")
    assert "targets: " in problems(path)[0]


def test_the_title_in_each_language(tmp_path: Path) -> None:
    both = load_plan(plan_file(tmp_path, "- {id: a, name: A, kind: level, target: 1}\n",
                               head="plan: {id: p, year: 2024, name: Xã A, name_en: A commune}"
                                    "\ntargets:\n"))
    assert (both.title("vi"), both.title("en")) == ("Xã A", "A commune")
    vi_only = load_plan(plan_file(tmp_path, "- {id: a, name: A, kind: level, target: 1}\n",
                                  head="plan: {id: p, year: 2024, name: Xã A}\ntargets:\n"))
    assert vi_only.title("en") == "Xã A"
    bare = load_plan(plan_file(tmp_path, "- {id: a, name: A, kind: level, target: 1}\n",
                               head="plan: {id: p, year: 2024}\ntargets:\n"))
    assert bare.title("vi") == "p"
