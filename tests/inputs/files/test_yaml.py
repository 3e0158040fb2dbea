"""Issue 21, item 3: a key given twice is a located `duplicate-key` error naming both lines, in
plans and units files; a character YAML refuses is located without PyYAML's internals."""

from __future__ import annotations

from pathlib import Path

import pytest

from hauloc_cli.errors import Code, InputError
from hauloc_cli.inputs.files.yaml import load_yaml
from hauloc_cli.inputs.plan_file import load_plan
from hauloc_cli.inputs.units_file import load_units

PLAN = """\
plan:
  id: p
  year: 2024
targets:
  - id: schools
    name: Schools
    kind: cumulative
    target: 6
    target: 60
"""


def problem(call: object, path: Path) -> str:
    with pytest.raises(InputError) as caught:
        call(path)  # type: ignore[operator]
    (found,) = caught.value.problems
    return str(found)


def test_a_target_given_twice_in_a_plan(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(PLAN, encoding="utf-8")
    assert problem(load_plan, plan) == (
        f"{plan}:9:5: [duplicate-key] 'target' is given twice in the same place (lines 8 and "
        "9); only one value can count — keep one of them and delete the other")


def test_a_key_given_twice_in_a_units_file(tmp_path: Path) -> None:
    units = tmp_path / "units.yaml"
    units.write_text("units:\n  - {id: p, name: P, kind: province, name: Q}\n", "utf-8")
    text = problem(load_units, units)
    assert text.startswith(f"{units}:2:38: [duplicate-key] 'name' is given twice")
    assert "(lines 2 and 2)" in text


def test_top_level_keys_too(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_text("plan: {id: a, year: 2024}\ntargets: []\nplan: {id: b, year: 2024}\n")
    with pytest.raises(InputError) as caught:
        load_yaml(path)
    assert caught.value.problems[0].code is Code.DUPLICATE_KEY
    assert caught.value.problems[0].line == 3


def test_merge_keys_may_still_be_overridden(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_text("base: &b {kind: cumulative, target: 5}\nt: {<<: *b, target: 7}\n")
    data, _ = load_yaml(path)
    assert data["t"] == {"kind": "cumulative", "target": 7}


@pytest.mark.parametrize(("char", "shown"), [("\x07", "U+0007"), ("\x1b", "U+001B"),
                                             ("\x0b", "U+000B"), ("\ufffe", "U+FFFE")])
def test_a_character_yaml_refuses_is_located(tmp_path: Path, char: str, shown: str) -> None:
    path = tmp_path / "p.yaml"
    path.write_text(f"plan:\n  name: X{char}Y\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_yaml(path)
    text = str(caught.value.problems[0])
    assert text.startswith(f"{path}:2:10: [yaml-syntax] the character {shown} is not allowed")
    assert "<unicode string>" not in text and "position" not in text
