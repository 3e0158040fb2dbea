"""The target forms of issue 23 as plan files write them: each refused where it should be,
with the file, line, column, target and key; the JSON Schema says each form."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import jsonschema
import pytest

from hauloc_cli.errors import InputError
from hauloc_cli.inputs.plan_file import load_plan
from hauloc_cli.inputs.schema import plan_json_schema

HEAD = "plan:\n  id: p\n  year: 2024\n"


def plan_file(tmp_path: Path, targets: str, head: str = HEAD) -> Path:
    path = tmp_path / "plan.yaml"
    path.write_text(head + "targets:\n" + textwrap.indent(textwrap.dedent(targets), "  "),
                    encoding="utf-8")
    return path


def problems(path: Path) -> list[str]:
    with pytest.raises(InputError) as exc:
        load_plan(path)
    return [str(p) for p in exc.value.problems]


FORMS = """\
- id: growth
  name: Tốc độ tăng trưởng
  kind: annual
  target: [10, 10.5]
- id: exports
  name: Xuất khẩu
  kind: cumulative
  about: 8.5
- id: cpi
  name: CPI
  kind: level
  direction: at_most
  about: 4.5
  tolerance: 0.1
- id: forest
  name: Tỷ lệ che phủ rừng
  kind: level
  target: 80
  strict: true
- id: revenue
  name: Thu ngân sách
  kind: cumulative
  target: 7
  change: percent
- id: poverty
  name: Tỷ lệ hộ nghèo
  kind: level
  direction: at_most
  change: points
  target: [-1.5, -1]
  base: 3.1
  group: party
- id: budget
  name: Thu ngân sách xã
  kind: cumulative
  target: 1000
  set_by: KH xã giao
  other_plans: [{by: KH tỉnh giao, by_en: province plan, target: 428}]
  from_above: true
"""
GROUPS = "groups:\n  - {id: party, name: Xây dựng Đảng, name_en: Party building}\n"


def test_every_form_reads(tmp_path: Path) -> None:
    plan = load_plan(plan_file(tmp_path, FORMS, HEAD + "  about_tolerance: 0.02\n" + GROUPS))
    t = plan.by_id
    assert (t["growth"].target, t["growth"].target_range) == (10, (10, 10.5))
    assert (t["exports"].target, t["exports"].tolerance) == (8.5, 0.02)  # the plan's
    assert t["exports"].ends() == pytest.approx((8.33, 8.67))
    assert (t["cpi"].target, t["cpi"].tolerance) == (4.5, 0.1)  # its own
    assert t["forest"].strict
    assert (t["revenue"].change, t["revenue"].base, t["revenue"].reads_last_year) == (
        "percent", None, True)
    assert (t["poverty"].target, t["poverty"].ends(), t["poverty"].reads_last_year) == (
        -1, (-1, -1.5), False)
    assert t["budget"].other_plans[0].target == 428 and t["budget"].from_above
    assert plan.group_order == ("party", "economy", "society", "environment", "security")
    assert plan.group_name("party", "en") == "Party building"
    assert plan.group_name("party", "vi") == "Xây dựng Đảng"
    assert plan.group_name("economy", "vi") is None


def test_the_default_about_tolerance_is_5_percent(tmp_path: Path) -> None:
    plan = load_plan(plan_file(tmp_path, FORMS, HEAD + GROUPS))
    assert plan.by_id["exports"].tolerance == 0.05
    assert plan.by_id["exports"].ends() == pytest.approx((8.075, 8.925))


def test_the_schema_takes_every_form(tmp_path: Path) -> None:
    import yaml

    data = yaml.safe_load(HEAD + "  about_tolerance: 0.02\n" + GROUPS + "targets:\n"
                          + textwrap.indent(FORMS, "  "))
    jsonschema.validate(data, plan_json_schema())
    data["targets"][0]["target"] = [1, 2, 3]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, plan_json_schema())
    assert "target_range" not in json.dumps(plan_json_schema())


@pytest.mark.parametrize(("fields", "where", "message"), [
    ("target: [10.5, 10]", "8:13", "targets[0] (a).target: a range's low end must be below its "
     "high end (got [10.5, 10])"),
    ("target: [1, 2, 3]", "8:13", "targets[0] (a).target: a range is two numbers, low first"),
    ("target: [1, x]", "8:13", "targets[0] (a).target: a range is two numbers"),
    ("target: 3\n  about: 4", "9:12", "targets[0] (a).about: give 'target' or 'about', not "
     "both"),
    ("target: 3\n  tolerance: 0.1", "9:16", "targets[0] (a).tolerance: 'tolerance' applies to "
     "'about:' targets only"),
    ("about: 3\n  tolerance: 1.5", "9:16", "targets[0] (a).tolerance: input should be less "
     "than 1"),
    ("target: 3\n  base: 100", "9:11", "targets[0] (a).base: 'base' applies to targets with "
     "'change:' only"),
    ("target: 3\n  change: percent\n  pace: [0.25, 0.5, 0.75, 1]", "10:11",
     "targets[0] (a).pace: 'pace' does not apply to a change from last year"),
    ("target: 3\n  change: percent\n  base: 0", "10:11",
     "targets[0] (a).base: a growth in % needs a base above 0"),
    ("target: 3\n  change: percent_points", "9:13", "targets[0] (a).change: 'percent_points' "
     "is not one of percent, points"),
    ("target: 3\n  strict: 'yes'", "9:13", "targets[0] (a).strict: input should be a valid "
     "boolean"),
    ("target: 3\n  other_plans: [{by: X, target: 1}, {by: X, target: 2}]", "9:44",
     "targets[0] (a).other_plans[1].by: two plan values set by 'X'"),
    ("target: 3\n  other_plans: [{by: X, target: 0}]", "9:35",
     "targets[0] (a).other_plans[0].target: input should be greater than 0"),
    ("target: 3\n  group: party", "9:12", "targets[0] (a).group: 'party' is not a group: one "
     "of economy, society, environment, security, or declare it under groups:"),
])
def test_forms_refused_with_their_place(tmp_path: Path, fields: str, where: str,
                                        message: str) -> None:
    body = "- id: a\n  name: A\n  kind: annual\n" + "".join(
        f"  {line}\n" for line in fields.split("\n  "))
    found = problems(plan_file(tmp_path, body))
    assert len(found) == 1, found
    assert found[0].startswith(f"{tmp_path / 'plan.yaml'}:{where}:"), found
    assert message in found[0], found


@pytest.mark.parametrize("key", ["about: 3", "strict: true", "change: points",
                                 "other_plans: [{by: X, target: 1}]"])
def test_a_milestone_takes_no_form(tmp_path: Path, key: str) -> None:
    body = f"- id: m\n  name: M\n  kind: milestone\n  {key}\n"
    (found,) = problems(plan_file(tmp_path, body))
    assert "targets[0] (m)." in found and "milestone" in found


def test_groups_declared_twice_or_unknown_are_refused(tmp_path: Path) -> None:
    head = HEAD + "groups:\n  - {id: party, name: A}\n  - {id: party, name: B}\n"
    (found,) = problems(plan_file(tmp_path, "- {id: a, name: A, kind: annual, target: 1}\n",
                                  head))
    assert ":6:" in found and "groups[1] (party).id: group id 'party' is declared twice" in found
    head = HEAD + "groups:\n  - {id: Party, name: A}\n"
    (found,) = problems(plan_file(tmp_path, "- {id: a, name: A, kind: annual, target: 1}\n",
                                  head))
    assert "groups[0] (Party).id: 'Party' is not a valid id" in found


def test_a_unit_s_own_target_is_one_number(tmp_path: Path) -> None:
    from hauloc_cli.model.plan import unit_target

    plan = load_plan(plan_file(tmp_path, FORMS, HEAD + GROUPS))
    own = unit_target(plan.by_id["growth"].model_copy(update={"assign": 9.0}), "x")
    assert (own.target, own.target_range, own.ends()) == (9, None, (9, 9))
