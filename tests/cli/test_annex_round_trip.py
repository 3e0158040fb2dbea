"""The round trip of issue 13: the workbook `hauloc report` writes, as it is or saved again by
LibreOffice (as .xlsx and .ods), reads back (`check`, `summary`, `validate`) to the figures it
was made from: each target's figure of the period judged, with its status, and of the same
period last year (tests/inputs/actuals/annex/support.annex_expected says which)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest

from hauloc_cli.inputs.actuals.read import ReadOptions
from hauloc_cli.inputs.actuals.sources import read_sources
from hauloc_cli.inputs.plan_file import load_plan
from hauloc_cli.inputs.units_file import load_units
from hauloc_cli.model.periods import Period
from tests.cli.support import EXAMPLE, PLAN_2024, ROOT, run
from tests.inputs.actuals.annex.support import annex_expected, figures, figures_of, read

COMMUNES = ROOT / "examples" / "communes_2024"
UNITS = ROOT / "data" / "units_hau_loc_2024.yaml"
LIBREOFFICE = pytest.mark.skipif(
    shutil.which("soffice") is None and os.environ.get("HAULOC_REQUIRE_LIBREOFFICE") != "1",
    reason="LibreOffice is not installed (.ci/run installs it)")


def report(path: Path, *args: object) -> Path:
    result = run("report", *args, "--format", "xlsx", "-o", path, "--date", "2024-10-05",
                 "--fail-on", "never")
    assert result.code == 0, result.err
    return path


@pytest.mark.parametrize(("lang", "quarter"), [("vi", 3), ("en", 3), ("vi", 2), ("en", 1)])
def test_the_report_reads_back_to_its_figures(tmp_path: Path, lang: str, quarter: int) -> None:
    path = report(tmp_path / "report.xlsx", EXAMPLE, "--lang", lang, "--period",
                  f"2024-Q{quarter}")
    # the model commune's count, 1 since Q1, is in the value cell with 'Số liệu quý I' in the
    # notes: it reads back as the Q1 figure it is
    assert figures_of(path) == annex_expected(read(EXAMPLE), Period.at_quarter(2024, quarter),
                                              ("ntm_model_communes",))


@pytest.mark.parametrize("quarter", [3, 4])
def test_last_year_of_a_target_whose_figure_is_older(tmp_path: Path, quarter: int) -> None:
    """Growth has a figure of Q1 only, and last year's of Q1 and of the year: the 9-month
    table's last-year cell holds last year's 9 months (none here), the year's table last
    year's year (7.5). By the round-trip rules, the cell is read as period.same_last_year()."""
    actuals = tmp_path / "a.csv"
    actuals.write_text("target,period,value\nproduction_growth,2023-Q1,8\n"
                       "production_growth,Cả năm 2023,7.5\nproduction_growth,2024-Q1,9.5\n"
                       "ocop_products,2024-Q3,4\n", encoding="utf-8")
    path = report(tmp_path / "report.xlsx", actuals, "--period", f"2024-Q{quarter}")
    expected = annex_expected(read(actuals), Period.at_quarter(2024, quarter))
    assert expected == ({("ocop_products", None, "2024-Q3"): (4.0, None)} if quarter == 3
                        else {("production_growth", None, "2023-Q4"): (7.5, None)})
    assert figures_of(path, period=Period.at_quarter(2024, quarter)) == expected


def test_check_of_the_report_judges_as_check_of_its_actuals(tmp_path: Path) -> None:
    """At 2024-Q3 every target has the status it has from the long file, the model commune
    too: its count of Q1 is in the value cell, its period in the notes (`Số liệu quý I`)."""
    path = report(tmp_path / "report.xlsx", EXAMPLE)
    back = {t["id"]: t["status"] for t in run("check", path, "-f", "json").json()["targets"]}
    first = {t["id"]: t["status"] for t in run("check", EXAMPLE, "-f", "json").json()["targets"]}
    assert first["ntm_model_communes"] == "achieved"
    assert back == first


def test_the_sheet_by_unit_reads_back_to_the_units_figures(tmp_path: Path) -> None:
    path = report(tmp_path / "units.xlsx", EXAMPLE, COMMUNES, "--units", UNITS)
    communes = read_sources([COMMUNES], load_plan(PLAN_2024),
                            ReadOptions(units=load_units(UNITS)))
    expected = {key: (value, None) for key, (value, _) in figures(communes).items()
                if key[2] == "2024-Q3" and key[1] is not None}
    assert len(expected) == 109  # 22 units × 5 targets, less Đa Lộc's security figure
    # the sheet is a row per unit, a column per target; Đa Lộc's cell reads 'đã đạt (6
    # tháng)': its 6-month 'đạt' (examples/communes_2024/da_loc.csv), read back as such
    expected[("security_standard_communes", "da_loc", "2024-Q2")] = (True, None)
    assert figures_of(path, sheet="Theo đơn vị", units=UNITS) == expected
    # the first sheet, the plan-level table, is what is read without --sheet: the district's
    # own figures, and two compiled from the communes (by hand, from the README's matrix):
    # model communes 1 (Hoa Lộc's 1, the others 0: sum) and security 21 of the 22 communes
    # meeting the standard (Ngư Lộc does not; Đa Lộc sent no 9-month figure, and its 6-month
    # 'đạt', a state, stands in; share_meeting): 100 × 21/22
    plan_level = figures_of(path, units=UNITS)
    security = plan_level.pop(("security_standard_communes", None, "2024-Q3"))
    assert security == (pytest.approx(100 * 21 / 22), None)
    assert plan_level == {**annex_expected(read(EXAMPLE), Period.at_quarter(2024, 3)),
                          ("ntm_model_communes", None, "2024-Q3"): (1.0, None)}


def test_the_sheet_by_unit_in_english_reads_back_the_same(tmp_path: Path) -> None:
    """'By unit': 'done (Q2)' is Đa Lộc's figure of Q2; 'Hậu Lộc town' (the town's English
    name) is one row, not one per target; 'Compiled' and 'Reported' are read past."""
    english = report(tmp_path / "en.xlsx", EXAMPLE, COMMUNES, "--units", UNITS, "--lang", "en")
    vietnamese = report(tmp_path / "vi.xlsx", EXAMPLE, COMMUNES, "--units", UNITS)
    back = figures_of(english, sheet="By unit", units=UNITS)
    assert len(back) == 110
    assert back[("security_standard_communes", "da_loc", "2024-Q2")] == (True, None)
    assert back == figures_of(vietnamese, sheet="Theo đơn vị", units=UNITS)
    # the compiled share, 21 of 22 communes: 95.45 (it was written 9545, the English '.'
    # read as the Vietnamese thousands separator)
    sheet = openpyxl.load_workbook(english)["By unit"]
    compiled = next(r for r in sheet.iter_rows(values_only=True) if r[1] == "Compiled")
    assert compiled[2:7] == (1, 1, 4, 9, 95.45)


def test_the_sheet_by_unit_needs_the_units_file(tmp_path: Path) -> None:
    path = report(tmp_path / "units.xlsx", EXAMPLE, COMMUNES, "--units", UNITS)
    result = run("check", path, "--sheet", "Theo đơn vị")
    assert result.code == 3, result.err
    assert "[unknown-unit] a table by unit (a row per unit, a column per target) is read " \
        "with the units file — pass --units FILE" in " ".join(result.err.split())


@pytest.mark.slow
@LIBREOFFICE
@pytest.mark.parametrize("suffix", ["xlsx", "ods"])
def test_saved_again_by_libreoffice(tmp_path: Path, suffix: str) -> None:
    path = report(tmp_path / "report.xlsx", EXAMPLE, EXAMPLE.parent / "communes_2024",
                  "--units", UNITS)
    out = tmp_path / "out"
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path}/profile", "--headless",
                    "--convert-to", suffix, "--outdir", str(out), str(path)],
                   check=True, capture_output=True, timeout=300)
    again = out / f"report.{suffix}"
    for sheet in (None, "Theo đơn vị"):
        # LibreOffice keeps 15 significant digits (95.23809523809524 → 95.2380952380952)
        assert figures_of(again, sheet=sheet, units=UNITS) == {
            key: (pytest.approx(value, rel=1e-14), status) for key, (value, status)
            in figures_of(path, sheet=sheet, units=UNITS).items()}
