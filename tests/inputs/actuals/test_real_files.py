"""Issue 15: the shipped example as real programs write it (tests/assets/make_producers.py).

Black-box only: every file is run through the command line (`hauloc_cli.cli.app` with typer's
CliRunner; `python -m hauloc_cli` where what is imported matters) and judged by the exit code,
the JSON of `check --format json` and the text on stderr. Python warnings raised during a run
(which a user would see on stderr) are recorded instead of failing inside hauloc.
A file that "reads like the example" gives the same exit code, period, warnings and, target by
target, the same status, actual and as_of as examples/actuals_2024.csv itself.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import traceback
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from hauloc_cli.cli import app

ROOT = Path(__file__).resolve().parents[3]
ASSETS = ROOT / "tests" / "assets"
EXAMPLE = ROOT / "examples" / "actuals_2024.csv"
PLAN = ROOT / "data" / "targets_2024.yaml"
# The cells the broken cases change (make_producers.py): ocop_products 2024-Q3 (= 4) in row 14,
# its value in C14 and its period in B14; ntm_model_communes 2024-Q1 (= 1) in C8.


@dataclass(frozen=True)
class Run:
    code: int
    stdout: str
    stderr: str
    python_warnings: tuple[str, ...] = ()

    def report(self) -> dict[str, Any]:
        assert self.code in (0, 1), f"exit {self.code}, stderr:\n{self.stderr}"
        return json.loads(self.stdout)  # type: ignore[no-any-return]

    def problems(self, code: str) -> list[str]:
        """The stderr lines of one problem code."""
        return [line for line in self.stderr.splitlines() if f"[{code}]" in line]


def hauloc(*args: str | Path) -> Run:
    """One run of the command line; an exception that escapes it counts as exit 4 (a bug), as
    the console script reports it, with its traceback on stderr."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result = CliRunner().invoke(app, [str(a) for a in args])
    code, stderr = result.exit_code, result.stderr
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        code = 4
        stderr += "".join(traceback.format_exception(result.exception))
    return Run(code, result.stdout, stderr,
               tuple(f"{w.category.__name__}: {w.message}" for w in caught))


def check(path: Path, *options: str) -> Run:
    return hauloc("check", path, "--targets", PLAN, "--format", "json", *options)


def judged(report: dict[str, Any]) -> dict[str, Any]:
    """What a file's figures decide: the period, the warnings, and per target what counts."""
    return {"period": report["period"], "warnings": report["warnings"],
            "targets": [(t["id"], t["status"], t["actual"], t["as_of"])
                        for t in report["targets"]]}


@pytest.fixture(scope="module")
def example() -> tuple[int, dict[str, Any]]:
    """The CSV example through the same command: the exit code and what it decides."""
    run = check(EXAMPLE)
    return run.code, judged(run.report())


def assert_reads_like_example(run: Run, example: tuple[int, dict[str, Any]]) -> None:
    code, decided = example
    assert (run.code, judged(run.report())) == (code, decided), run.stderr
    # Nothing from Python itself on stderr (a traceback, openpyxl's UserWarning, ...).
    assert "Traceback" not in run.stderr, run.stderr
    assert run.python_warnings == ()


def assert_refused(run: Run) -> None:
    """Exit 3, nothing evaluated, no traceback."""
    summary = run.stdout[run.stdout.find('"summary"'):].split("\n", 1)[0]
    assert run.code == 3, f"exit {run.code}, {summary}\nstderr:\n{run.stderr}"
    assert run.stdout == ""
    assert "Traceback" not in run.stderr


# --- the example as pandas, polars, pyexcel, LibreOffice and Gnumeric write it -------------
# Regressions: these already read correctly (issue 15: "read with no traceback").

@pytest.mark.parametrize("name", [
    "actuals.pandas-example.csv",
    "actuals.pandas-example.xlsx",
    "actuals.polars-example.csv",
    "actuals.polars-example.xlsx",
    "actuals.pyexcel-example.csv",
    "actuals.libreoffice-example.xlsx",
    "actuals.libreoffice-formula-resaved.xlsx",  # the formula file, opened and saved in LO
])
def test_producer_file_reads_like_the_example(name: str, example: tuple[int, dict[str, Any]]
                                              ) -> None:
    assert_reads_like_example(check(ASSETS / name), example)


def test_gnumeric_xlsx_reads_like_the_example_without_a_python_warning(
        example: tuple[int, dict[str, Any]]) -> None:
    """Gnumeric's .xlsx has no default cell style: openpyxl warns "Workbook contains no default
    style, apply openpyxl's default", which a user sees on stderr as a raw UserWarning line.
    The figures themselves already read correctly."""
    assert_reads_like_example(check(ASSETS / "actuals.gnumeric-example.xlsx"), example)


# --- LibreOffice's own format --------------------------------------------------------------

@pytest.mark.parametrize("name", [
    "actuals.libreoffice-example.ods",
    "actuals.gnumeric-example.ods",
    "actuals.pandas-example.ods",
    "actuals.pyexcel-example.ods",
])
def test_ods_reads_like_the_example(name: str, example: tuple[int, dict[str, Any]]) -> None:
    assert_reads_like_example(check(ASSETS / name), example)


def test_ods_sheet_option_names_a_sheet(example: tuple[int, dict[str, Any]]) -> None:
    path = ASSETS / "actuals.libreoffice-example.ods"
    assert_reads_like_example(check(path, "--sheet", "actuals_2024"), example)


def test_ods_sheet_option_with_a_wrong_name_is_a_usage_error() -> None:
    run = check(ASSETS / "actuals.libreoffice-example.ods", "--sheet", "Nope")
    assert run.code == 2, run.stderr
    assert "actuals_2024" in run.stderr  # the sheets there are, as for .xlsx


# Readers of workbooks (openpyxl, and libraries that read .ods); not lxml, numpy or PIL, which
# openpyxl itself imports when they happen to be installed.
WORKBOOK_LIBRARIES = {"openpyxl", "et_xmlfile", "odf", "ezodf", "pyexcel", "pyexcel_io",
                      "pyexcel_ods", "pyexcel_ods3", "pandas", "polars", "python_calamine",
                      "pylightxl", "xlrd"}


def imported_packages(path: Path) -> set[str]:
    done = subprocess.run([sys.executable, "-X", "importtime", "-m", "hauloc_cli", "check",
                           str(path), "--format", "json"],
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode in (0, 1), done.stderr
    found = re.findall(r"^import time:\s+\d+ \|\s+\d+ \|\s+(\S+)$", done.stderr, re.M)
    return {name.lstrip().split(".")[0] for name in found}


def test_no_workbook_reader_is_loaded_for_a_csv_file() -> None:
    assert imported_packages(EXAMPLE) & WORKBOOK_LIBRARIES == set()


def test_the_ods_reader_is_not_loaded_for_an_xlsx_file() -> None:
    loaded = imported_packages(ASSETS / "actuals.libreoffice-example.xlsx")
    assert loaded & (WORKBOOK_LIBRARIES - {"openpyxl", "et_xmlfile"}) == set()


# --- a formula cell without a saved value --------------------------------------------------

@pytest.mark.parametrize("name", [
    "actuals.openpyxl-formula.xlsx",  # <f>3+1</f> and no <v>: openpyxl reads None
    "actuals.xlsxwriter-formula-blank.xlsx",  # <f>3+1</f><v></v>: openpyxl reads None
    "actuals.xlsxwriter-formula.xlsx",  # <f>3+1</f><v>0</v> + fullCalcOnLoad: openpyxl reads 0
])
def test_formula_without_value_is_an_error_naming_the_cell(name: str) -> None:
    run = check(ASSETS / name)
    assert_refused(run)
    lines = run.problems("formula-without-value")
    assert len(lines) == 1, run.stderr
    assert "Sheet1!C14: [formula-without-value]" in lines[0]
    assert "LibreOffice" in lines[0] and "Excel" in lines[0]  # the fix: open and save it


def test_formula_without_value_fails_validate_too() -> None:
    run = hauloc("validate", ASSETS / "actuals.openpyxl-formula.xlsx", "--targets", PLAN)
    assert run.code == 3, run.stdout + run.stderr
    assert "Sheet1!C14: [formula-without-value]" in run.stderr


# --- which sheet: hidden, a guide, several -------------------------------------------------

@pytest.mark.parametrize("name", [
    "actuals.openpyxl-hidden-first-sheet.xlsx",  # hidden 'Danh mục': target, name only
    "actuals.openpyxl-hidden-old-sheet.xlsx",  # hidden '6 tháng' WITH the columns, Q1-Q2 only
    "actuals.xlsxwriter-guide-first-sheet.xlsx",  # 'Hướng dẫn', then 'Số liệu'
])
def test_first_visible_sheet_with_the_columns_is_read(name: str,
                                                      example: tuple[int, dict[str, Any]]
                                                      ) -> None:
    assert_reads_like_example(check(ASSETS / name), example)


def test_of_two_sheets_with_the_columns_the_first_is_read(example: tuple[int, dict[str, Any]]
                                                          ) -> None:
    assert_reads_like_example(check(ASSETS / "actuals.openpyxl-two-data-sheets.xlsx"), example)


def test_validate_says_which_sheet_was_read_when_several_could_be() -> None:
    run = hauloc("validate", ASSETS / "actuals.openpyxl-two-data-sheets.xlsx", "--targets", PLAN)
    assert run.code == 0, run.stderr
    assert "9 tháng" in run.stdout + run.stderr


# --- where the header is -------------------------------------------------------------------

@pytest.mark.parametrize("name", [
    "actuals.xlsxwriter-title-row.xlsx",  # 'BÁO CÁO SỐ LIỆU QUÝ III' merged in row 1, header row 3
    "actuals.libreoffice-title-row.csv",  # the same saved as CSV by LibreOffice
    "actuals.openpyxl-header-two-rows.xlsx",  # A1:A2, B1:B2, E1:E2 merged; 'Kết quả' over C2:D2
])
def test_header_below_a_title_or_over_two_rows_is_found(name: str,
                                                        example: tuple[int, dict[str, Any]]
                                                        ) -> None:
    assert_reads_like_example(check(ASSETS / name), example)


# --- invisible spaces ----------------------------------------------------------------------

@pytest.mark.parametrize("name", [
    "actuals.python-csv-nbsp-header.csv",  # 'value\u00a0'
    "actuals.python-csv-nbsp-id.csv",  # 'ocop_products\u00a0'
    "actuals.python-csv-zwsp-header.csv",  # '\u200btarget', 'value\u200b'
    "actuals.python-csv-zwsp-id.csv",  # 'ocop_products\u200b'
])
def test_invisible_spaces_in_headers_and_ids_are_ignored(name: str,
                                                         example: tuple[int, dict[str, Any]]
                                                         ) -> None:
    assert_reads_like_example(check(ASSETS / name), example)


# --- dates ---------------------------------------------------------------------------------

@pytest.mark.parametrize("name", [
    "actuals.python-csv-period-dates.csv",  # '31/03/2024', '30/06/2024', '30/09/2024' as text
    "actuals.openpyxl-period-dates.xlsx",  # date cells, dd/mm/yyyy
    "actuals.libreoffice-period-dates.xlsx",  # the CSV above opened in LibreOffice (en-GB)
])
def test_period_date_at_a_quarters_end_is_that_quarter(name: str,
                                                       example: tuple[int, dict[str, Any]]
                                                       ) -> None:
    assert_reads_like_example(check(ASSETS / name), example)


@pytest.mark.parametrize(("name", "where"), [
    ("actuals.python-csv-period-date-mid-quarter.csv", ":14:2: [bad-period]"),  # '15/08/2024'
    ("actuals.openpyxl-period-date-mid-quarter.xlsx", "Sheet1!B14: [bad-period]"),
])
def test_period_date_in_mid_quarter_is_a_bad_period(name: str, where: str) -> None:
    run = check(ASSETS / name)
    assert_refused(run)
    lines = run.problems("bad-period")
    assert len(lines) == 1, run.stderr  # the quarter-end dates of the other rows are read
    assert where in lines[0]
    assert "00:00:00" not in lines[0]  # the date as it was shown, not a datetime


def test_value_cell_holding_a_date_is_a_bad_number_saying_so() -> None:
    run = check(ASSETS / "actuals.xlsxwriter-value-date.xlsx")  # 1 in a dd/mm/yyyy cell
    assert_refused(run)
    lines = run.problems("bad-number")
    assert len(lines) == 1, run.stderr
    assert "Sheet1!C8: [bad-number]" in lines[0]
    assert "date" in lines[0].split("[bad-number]", 1)[1].lower()
    assert "1900-01-01T00:00:00" not in run.stderr


# --- UTF-16 without a byte-order mark ------------------------------------------------------

def test_utf16_without_bom_is_not_text_and_says_utf16() -> None:
    run = check(ASSETS / "actuals.pandas-utf16le.csv")  # pandas to_csv(encoding="utf-16-le")
    assert_refused(run)
    lines = run.problems("not-text")
    assert len(lines) == 1, run.stderr
    assert "UTF-16" in lines[0]


def test_utf16_without_bom_reads_when_the_encoding_is_named(example: tuple[int, dict[str, Any]]
                                                             ) -> None:
    path = ASSETS / "actuals.pandas-utf16le.csv"
    assert_reads_like_example(check(path, "--encoding", "utf-16-le"), example)
