"""Several actuals files or a folder in one run: merged, problems named per file."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from hauloc_cli.cli import app
from hauloc_cli.errors import InputError, UsageError
from hauloc_cli.inputs.actuals.read import ReadOptions
from hauloc_cli.inputs.actuals.sources import actuals_files, read_sources
from hauloc_cli.inputs.plan_file import load_plan
from hauloc_cli.inputs.units_file import load_units
from tests.conftest import ASSETS

PLAN = ("plan: {id: p, year: 2024, unit: d1}\n"
        "units: units.yaml\n"
        "targets:\n"
        "  - {id: schools, name: S, kind: cumulative, target: 12, rollup: sum}\n")


def setup(tmp_path: Path, files: dict[str, str]) -> Path:
    (tmp_path / "plan.yaml").write_text(PLAN, encoding="utf-8")
    (tmp_path / "units.yaml").write_text((ASSETS / "units.tree.yaml").read_text("utf-8"),
                                         encoding="utf-8")
    reports = tmp_path / "reports"
    reports.mkdir()
    for name, text in files.items():
        (reports / name).write_text(text, encoding="utf-8")
    return reports


def read(tmp_path: Path, paths: list[Path]):  # type: ignore[no-untyped-def]
    options = ReadOptions(units=load_units(tmp_path / "units.yaml"))
    return read_sources(paths, load_plan(tmp_path / "plan.yaml"), options)


def test_a_folder_is_its_actuals_files_in_name_order(tmp_path: Path) -> None:
    reports = setup(tmp_path, {"b.csv": "target,period,value,unit\nschools,Q1,2,b\n",
                               "a.csv": "target,period,value,unit\nschools,Q1,1,a\n",
                               "notes.md": "not actuals", "~$a.xlsx": "Excel's lock file"})
    assert actuals_files([reports]) == [reports / "a.csv", reports / "b.csv"]
    assert actuals_files([reports / "a.csv", reports]) == [reports / "a.csv", reports / "b.csv"]
    data = read(tmp_path, [reports])
    assert {u: f.values() for u, f in data.by_unit.items()} == {
        "a": {"schools": {1: 1.0}}, "b": {"schools": {1: 2.0}}}
    assert data.rows == 2
    assert data.file == f"{reports / 'a.csv'}, {reports / 'b.csv'}"


def test_a_folder_includes_its_ods_workbooks(tmp_path: Path) -> None:
    reports = setup(tmp_path, {"a.csv": "target,period,value\n"})
    shutil.copy(ASSETS / "actuals.libreoffice.ods", reports / "b.ods")
    assert actuals_files([reports]) == [reports / "a.csv", reports / "b.ods"]


def test_an_empty_folder_is_a_usage_error(tmp_path: Path) -> None:
    reports = setup(tmp_path, {})
    with pytest.raises(UsageError, match="the folder has no actuals files"):
        actuals_files([reports])


def test_a_figure_in_two_files_names_both_places(tmp_path: Path) -> None:
    reports = setup(tmp_path, {"a.csv": "target,period,value,unit\nschools,Q1,1,a\nschools,Q1,4,\n",
                               "b.csv": "target,period,value,unit\n\nschools,Q1,2,a\n"
                                        "schools,Q1,3,d1\n"})
    with pytest.raises(InputError) as info:
        read(tmp_path, [reports])
    a, b = reports / "a.csv", reports / "b.csv"
    assert [str(p) for p in info.value.problems] == [
        f"{b}:4: [duplicate-row] a second figure for schools in 2024-Q1 (the first is on "
        f"{a}:3) — keep one of them, or tell a revision apart by its status or reported date",
        f"{b}:3: [duplicate-row] a second figure for schools of a in 2024-Q1 (the first is on "
        f"{a}:2) — keep one of them, or tell a revision apart by its status or reported date",
    ]


def test_problems_of_every_file_are_listed(tmp_path: Path) -> None:
    reports = setup(tmp_path, {"a.csv": "target,period,value,unit\nschools,Q1,x,a\n",
                               "b.csv": "target,period,value,unit\nschols,Q1,2,a\n"})
    result = CliRunner().invoke(app, ["check", "--targets", str(tmp_path / "plan.yaml"),
                                      str(reports)])
    assert result.exit_code == 3
    lines = result.stderr.splitlines()
    assert lines[0].startswith(f"{reports / 'a.csv'}:2:3: [bad-number] ")
    assert lines[1] == (f"{reports / 'b.csv'}:2:1: [unknown-target] no target 'schols' in the "
                        "plan — did you mean 'schools' (S)?")
    assert lines[2] == "Error: 2 problem(s) found; nothing was evaluated."
