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


# Folders as offices keep them (issue 25): what is not actuals is skipped, one warning each.
FIGURES = "target,period,value,unit\nschools,Q1,1,a\nschools,Q1,2,b\n"


def skipped(data) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    return [(Path(w.file).name, str(w.message)) for w in data.warnings
            if w.code == "skipped-file"]


def test_a_folder_skips_what_is_not_actuals_with_one_warning_each(tmp_path: Path) -> None:
    reports = setup(tmp_path, {
        "a.csv": FIGURES,
        "don-vi.csv": "id,name,parent\na,A,d1\n",  # a units file beside the figures
        "ghi-chu.txt": "Ghi chú: số liệu quý I gửi muộn.\n",
        "bao-cao.pdf": "%PDF-1.4", "to-trinh.docx": "PK", "~$a.xlsx": "lock",
        ".~lock.a.xlsx#": "lock", ".hidden.csv": FIGURES, "hauloc.toml": "plan = 'p'\n"})
    data = read(tmp_path, [reports])
    assert {u: f.values() for u, f in data.by_unit.items()} == {
        "a": {"schools": {1: 1.0}}, "b": {"schools": {1: 2.0}}}
    lock = ("skipped: an Office lock file (the workbook is open in Excel or LibreOffice), "
            "not figures")
    header = ("skipped: none of its first 20 rows names the columns target, period and "
              "value, and it is not an annex table")
    document = ("skipped: not a table of figures (hauloc reads .csv, .tsv, .txt, .xlsx, "
                ".xlsm, .ods files)")
    assert skipped(data) == [
        (".hidden.csv", "skipped: a hidden file, not figures"),
        (".~lock.a.xlsx#", lock),
        ("bao-cao.pdf", document),
        ("don-vi.csv", header),
        ("ghi-chu.txt", header),
        ("hauloc.toml", "skipped: hauloc's settings file, not figures"),
        ("to-trinh.docx", document),
        ("~$a.xlsx", lock),
    ]


def test_the_plan_and_units_file_in_a_folder_are_skipped(tmp_path: Path) -> None:
    reports = setup(tmp_path, {"a.csv": FIGURES})
    units = reports / "units.csv"
    units.write_text("id,name,parent\nd1,D,\na,A,d1\nb,B,d1\n", encoding="utf-8")
    plan = tmp_path / "plan.yaml"
    (reports / "plan.yaml").symlink_to(plan)
    options = ReadOptions(units=load_units(tmp_path / "units.yaml"))
    data = read_sources([reports], load_plan(plan), options, (plan, units))
    assert skipped(data) == [("plan.yaml", "skipped: the plan, not figures"),
                             ("units.csv", "skipped: the units file, not figures")]


def test_a_broken_actuals_file_in_a_folder_is_still_an_error(tmp_path: Path) -> None:
    # One of target, period, value named: meant as figures, so its problems are said.
    reports = setup(tmp_path, {"a.csv": FIGURES, "b.csv": "taget,period,value\nschools,Q1,2\n",
                               "c.csv": "target,period,value,unit\nschools,Q1,x,a\n"})
    with pytest.raises(InputError) as info:
        read(tmp_path, [reports])
    assert [(Path(p.file).name, p.code) for p in info.value.problems] == [
        ("b.csv", "missing-column"), ("c.csv", "bad-number")]


def test_a_file_named_is_read_even_when_it_is_no_table_of_figures(tmp_path: Path) -> None:
    reports = setup(tmp_path, {"ghi-chu.txt": "Ghi chú\n"})
    with pytest.raises(InputError) as info:
        read(tmp_path, [reports / "ghi-chu.txt"])
    assert {p.code for p in info.value.problems} == {"missing-column"}


def test_a_folder_of_notes_only_is_a_usage_error(tmp_path: Path) -> None:
    reports = setup(tmp_path, {"ghi-chu.txt": "Ghi chú\n", "a.pdf": "%PDF"})
    with pytest.raises(UsageError, match="no actuals files"):
        read(tmp_path, [reports])


def test_an_old_xls_workbook_in_a_folder_is_not_passed_over(tmp_path: Path) -> None:
    reports = setup(tmp_path, {"a.csv": FIGURES})
    (reports / "b.xls").write_bytes(bytes.fromhex("d0cf11e0a1b11ae1") + bytes(100))
    with pytest.raises(InputError) as info:
        read(tmp_path, [reports])
    assert [p.code for p in info.value.problems] == ["unsupported-format"]


def test_check_and_validate_read_a_folder_alike(tmp_path: Path) -> None:
    reports = setup(tmp_path, {"a.csv": FIGURES, "ghi-chu.txt": "Ghi chú\n",
                               "~$a.xlsx": "lock"})
    plan = str(tmp_path / "plan.yaml")
    runner = CliRunner()
    checked = runner.invoke(app, ["check", "-t", plan, str(reports), "-f", "json"])
    validated = runner.invoke(app, ["validate", "-t", plan, str(reports)])
    assert checked.exit_code == validated.exit_code == 0
    assert validated.stdout == "OK: 1 targets, 2 rows, quarter Q1\n"
    warnings = [f"warning: {reports / '~$a.xlsx'}: [skipped-file] skipped: an Office lock "
                "file (the workbook is open in Excel or LibreOffice), not figures",
                f"warning: {reports / 'ghi-chu.txt'}: [skipped-file] skipped: none of its "
                "first 20 rows names the columns target, period and value, and it is not an "
                "annex table — if it holds figures, name its columns target, period and value"]
    assert sorted(checked.stderr.splitlines()) == sorted(warnings)
    assert sorted(validated.stderr.splitlines()) == sorted(warnings)
    a, b = reports / "a.csv", reports / "b.csv"
    b.write_text(FIGURES.replace("2\n", "x\n"), encoding="utf-8")
    assert runner.invoke(app, ["validate", "-t", plan, str(a), str(b)]).exit_code == 3
    assert runner.invoke(app, ["check", "-t", plan, str(a), str(b)]).exit_code == 3


def test_the_term_skips_what_is_not_actuals_in_a_folder_as_check_does(tmp_path: Path) -> None:
    from tests.conftest import ROOT

    term = ROOT / "examples" / "term"
    reports = tmp_path / "years"
    reports.mkdir()
    shutil.copy(term / "actuals_2026.csv", reports)
    (reports / "ghi-chu.txt").write_text("Ghi chú\n", encoding="utf-8")
    plan = str(term / "thanh_hoa_2025_2030.yaml")
    result = CliRunner().invoke(app, ["term", plan, str(reports), "-f", "json"])
    assert result.exit_code in (0, 1), result.stderr
    assert result.stderr == (f"warning: {reports / 'ghi-chu.txt'}: [skipped-file] skipped: none "
                             "of its first 20 rows names the columns target, period and value, "
                             "and it is not an annex table — if it holds figures, name its "
                             "columns target, period and value\n")
    alone = CliRunner().invoke(app, ["term", plan, str(reports / "actuals_2026.csv"), "-f",
                                     "json"])
    import json

    judged, judged_alone = json.loads(result.stdout), json.loads(alone.stdout)
    assert [w["code"] for w in judged.pop("warnings")] == ["skipped-file"]
    assert judged_alone.pop("warnings") == []
    assert judged == judged_alone  # the same figures judged alike


def test_a_misspelt_header_below_a_title_is_still_an_error(tmp_path: Path) -> None:
    # The header found is the title (no row names all three); a row below names two of them.
    reports = setup(tmp_path, {"a.csv": FIGURES,
                               "b.csv": "BÁO CÁO QUÝ I\ntaget,period,value\nschools,Q1,2\n"})
    with pytest.raises(InputError) as info:
        read(tmp_path, [reports])
    assert {(Path(p.file).name, p.code) for p in info.value.problems} == {
        ("b.csv", "missing-column")}


def test_notes_saved_in_windows_1258_are_skipped_but_figures_are_not(tmp_path: Path) -> None:
    reports = setup(tmp_path, {"a.csv": FIGURES})
    # "Ghi chú: số liệu" as Notepad saves it on Vietnamese Windows (cp1258, tones combining)
    (reports / "ghi-chu.txt").write_bytes(b"Ghi ch\xfa: s\xf4\xec li\xea\xf2u\n")
    data = read(tmp_path, [reports])
    assert [name for name, _ in skipped(data)] == ["ghi-chu.txt"]
    (reports / "c.txt").write_bytes(b"target\tperiod\tvalue\tunit\nschools\tQ1\t1\ta\xd2\n")
    with pytest.raises(InputError) as info:
        read(tmp_path, [reports])
    assert [(Path(p.file).name, p.code) for p in info.value.problems] == [
        ("c.txt", "bad-encoding")]


def test_a_units_workbook_in_a_folder_is_skipped(tmp_path: Path) -> None:
    from openpyxl import Workbook

    reports = setup(tmp_path, {"a.csv": FIGURES})
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    for row in (("id", "name", "parent"), ("a", "Xã A", "d1")):
        ws.append(row)
    wb.save(reports / "don-vi.xlsx")
    data = read(tmp_path, [reports])
    assert [name for name, _ in skipped(data)] == ["don-vi.xlsx"]
    assert data.rows == 2


def test_a_folder_inside_the_folder_is_named_not_passed_over(tmp_path: Path) -> None:
    """A folder's own folders are not read (an office's `cu/` of old reports would count
    twice), but never in silence: one warning names each, hidden ones (`.git`) aside; named
    on the command line, the inner folder is read."""
    reports = setup(tmp_path, {"a.csv": FIGURES})
    (reports / "quy-1").mkdir()
    (reports / "quy-1" / "b.csv").write_text(
        "target,period,value,unit\nschools,Q2,4,a\n", encoding="utf-8")
    (reports / ".git").mkdir()
    data = read(tmp_path, [reports])
    assert {u: f.values() for u, f in data.by_unit.items()} == {
        "a": {"schools": {1: 1.0}}, "b": {"schools": {1: 2.0}}}
    assert skipped(data) == [
        ("quy-1", "skipped: a folder inside the folder given; its files are not read")]
    both = read(tmp_path, [reports, reports / "quy-1"])
    assert both.by_unit["a"].values() == {"schools": {1: 1.0, 2: 4.0}}
