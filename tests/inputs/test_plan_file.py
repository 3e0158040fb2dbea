"""Plan files: every error with file, line, column, target id and key; hostile files refused."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from hauloc_cli.cli import app
from hauloc_cli.errors import InputError
from hauloc_cli.inputs.plan_file import load_plan
from hauloc_cli.inputs.schema import plan_json_schema
from tests.conftest import ASSETS, PLAN_2024


def plan_problems(path: Path) -> list[str]:
    with pytest.raises(InputError) as info:
        load_plan(path)
    return [str(p) for p in info.value.problems]


def test_unknown_key_and_kind_with_did_you_mean() -> None:
    path = ASSETS / "plan.unknown-key.yaml"
    assert plan_problems(path) == [
        f"{path}:7:11: [bad-value] targets[0] (ocop_products).kind: 'cumulativ' is not one of "
        "cumulative, level, annual, milestone — did you mean 'cumulative'?",
        f"{path}:9:5: [unknown-key] targets[0] (ocop_products).untis: unknown key 'untis' — "
        "did you mean 'unit'?",
    ]


def test_yaml_syntax_error_has_line_and_column() -> None:
    path = ASSETS / "plan.syntax-error.yaml"
    (problem,) = plan_problems(path)
    assert problem.startswith(f"{path}:8:1: [yaml-syntax] ")
    assert problem.endswith(" — check indentation, colons and quotes near that place")


def test_rules_missing_keys_and_bad_dates(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(
        "plan: {id: p, year: 2024}\n"
        "targets:\n"
        "  - {id: a, name: A, kind: cumulative, target: 2, valid_range: [5, 1]}\n"
        "  - {id: b, kind: level, target: 100}\n"
        "  - {id: c, name: C, kind: milestone, deadline: 2024-02-30}\n")
    # The date is refused while reading YAML, before the schema is checked.
    assert plan_problems(path) == [
        f"{path}:5:49: [bad-value] '2024-02-30' cannot be read (day is out of range for month)"
        " — a date is written 2024-05-31"]
    path.write_text(path.read_text().replace("2024-02-30", "2024-02-29"))
    assert plan_problems(path) == [
        f"{path}:3:64: [plan-rule] targets[0] (a).valid_range: valid_range must be [min, max] "
        "with min <= max",
        f"{path}:4:5: [missing-key] targets[1] (b).name: is required",
    ]


def test_duplicate_ids(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text("plan: {id: p, year: 2024}\ntargets:\n"
                    "  - {id: a, name: A, kind: annual, target: 2}\n"
                    "  - {id: a, name: B, kind: annual, target: 3}\n")
    assert plan_problems(path) == [
        f"{path}:4:10: [duplicate-id] targets[1] (a).id: target id 'a' is used twice"]


def test_alias_bomb_is_refused_fast() -> None:
    path = ASSETS / "plan.alias-bomb.yaml"
    start = time.perf_counter()
    problems = plan_problems(path)
    assert time.perf_counter() - start < 0.5
    assert problems == [
        f"{path}:6:8: [yaml-limit] its aliases (*name) expand to more than 100,000 values — "
        "a plan needs no deep nesting and few aliases; write it out"]


def test_deep_nesting_is_refused_fast() -> None:
    path = ASSETS / "plan.deep-nesting.yaml"
    start = time.perf_counter()
    problems = plan_problems(path)
    assert time.perf_counter() - start < 0.5
    assert problems == [
        f"{path}:1:56: [yaml-limit] the file nests more than 50 levels deep — a plan needs no "
        "deep nesting and few aliases; write it out"]


def test_a_few_honest_aliases_are_fine(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text("plan: {id: p, year: 2024}\ntargets:\n"
                    "  - {id: a, name: A, kind: cumulative, target: 4, pace: &p [0, 0.5, 0.5, 1]}\n"
                    "  - {id: b, name: B, kind: cumulative, target: 8, pace: *p}\n")
    assert load_plan(path).by_id["b"].pace == (0, 0.5, 0.5, 1)


def test_plan_size_limit(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(PLAN_2024.read_text() + "#" * 1_000_000)
    result = CliRunner().invoke(app, ["validate", "--targets", str(path), "--max-size", "1"])
    assert result.exit_code == 3
    assert result.stderr.startswith(f"{path}: [too-large] the file is 1.0 MB, more than the "
                                    "limit of 1 MB")


def test_schema_command_checks_the_shipped_plan() -> None:
    import jsonschema

    result = CliRunner().invoke(app, ["schema"])
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    assert schema == plan_json_schema()
    assert schema["title"] == "hauloc plan"
    data = json.loads(json.dumps(yaml.safe_load(PLAN_2024.read_text()), default=str))
    jsonschema.validate(data, schema)
    data["targets"][0]["untis"] = "%"
    with pytest.raises(jsonschema.ValidationError, match="'untis' was unexpected"):
        jsonschema.validate(data, schema)


def test_measure_and_its_old_name_unit(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    head = "plan: {id: p, year: 2024}\ntargets:\n"
    path.write_text(head + "  - {id: a, name: A, kind: annual, target: 2, measure: xã}\n"
                    "  - {id: b, name: B, kind: annual, target: 2, unit: '%'}\n")
    assert [t.measure for t in load_plan(path).targets] == ["xã", "%"]
    path.write_text(head + "  - {id: a, name: A, kind: annual, target: 2, measure: xã,\n"
                    "     unit: xã}\n")
    assert plan_problems(path) == [
        f"{path}:4:12: [plan-rule] targets[0] (a).unit: unit is the old name of measure, and "
        "both are given: keep measure and delete unit"]
    path.write_text(head + "  - {id: a, name: A, kind: annual, target: 2, unit: [1]}\n")
    assert plan_problems(path) == [
        f"{path}:3:53: [bad-value] targets[0] (a).unit: input should be a valid string"]


def test_the_schema_takes_measure_or_unit_not_both() -> None:
    import jsonschema

    schema = plan_json_schema()
    plan = {"plan": {"id": "p", "year": 2024}, "targets": [
        {"id": "a", "name": "A", "kind": "annual", "target": 2}]}
    for key in ("measure", "unit"):
        jsonschema.validate({**plan, "targets": [{**plan["targets"][0], key: "%"}]}, schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({**plan, "targets": [
            {**plan["targets"][0], "unit": "%", "measure": "%"}]}, schema)
