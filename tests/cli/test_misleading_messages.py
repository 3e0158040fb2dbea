"""Issue 25, item 6: messages that misled the user now say what is wrong and what to do."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from hauloc_cli.cli import app
from tests.conftest import ASSETS, EXAMPLE

ENV = {"COLUMNS": "100", "NO_COLOR": "1"}


def run(*args: object) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, [str(a) for a in args], env=ENV)
    return result.exit_code, result.stdout, result.stderr


def test_units_under_plan_is_told_to_go_to_the_top_level(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text("plan: {id: x, name: X, year: 2024, units: u.yaml}\n"
                    "targets:\n  - {id: a, name: A, kind: cumulative, target: 3}\n",
                    encoding="utf-8")
    code, _, err = run("validate", "--targets", plan)
    assert code == 3
    assert err.splitlines()[0] == (
        f"{plan}:1:36: [unknown-key] plan.units: unknown key 'units' — 'units:' goes at the "
        "top level of the file, beside 'plan:', not under it")
    assert "did you mean 'unit'" not in err


def test_a_word_document_given_as_actuals_is_named(tmp_path: Path) -> None:
    word = ASSETS / "resolution.table-2026.docx"
    code, _, err = run("check", word)
    assert code == 3
    assert err.splitlines()[0] == (
        f"{word}: [unsupported-format] this is a Word document (.docx), not a table of figures "
        "— give the figures as a CSV file or an Excel .xlsx workbook (hauloc template makes "
        "one to fill in); a resolution in Word becomes a plan with hauloc plan import")
    assert "openpyxl" not in err


def test_a_workbook_given_as_the_plan_is_named() -> None:
    workbook = ASSETS / "actuals.excel-export.xlsx"
    code, _, err = run("check", EXAMPLE, "--targets", workbook)
    assert code == 3
    assert err.splitlines()[0] == (
        f"{workbook}: [unsupported-format] this is an Excel workbook (.xlsx); a plan (or a units "
        "file) is a YAML text file — give the plan's .yaml file with --targets; to draft one "
        "from a resolution, use hauloc plan import")
    assert "cp1258" not in err


def test_a_pdf_is_named(tmp_path: Path) -> None:
    pdf = tmp_path / "figures.csv"  # a PDF saved under a CSV's name
    pdf.write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< >>\x00\nendobj\n")
    code, _, err = run("check", pdf, "--lang", "vi")
    assert code == 3
    assert err.splitlines()[0] == (
        f"{pdf}: [unsupported-format] đây là văn bản PDF, không phải bảng số liệu — không đọc "
        "được tệp PDF: hãy đưa tệp CSV hoặc bảng tính .xlsx đã nhập số liệu")
    assert "NUL" not in err


def test_last_years_period_suggests_compare_last_year(tmp_path: Path) -> None:
    actuals = tmp_path / "a.csv"
    actuals.write_text("target,period,value\nocop_products,2023-Q3,4\n", encoding="utf-8")
    code, _, err = run("check", actuals)
    assert code == 3
    assert "set compare_last_year: true for this target in the plan" in err
    two_back = tmp_path / "b.csv"
    two_back.write_text("target,period,value\nocop_products,2022-Q3,4\n", encoding="utf-8")
    code, _, err = run("check", two_back)
    assert "this plan is for 2024; use the plan of 2022 with --targets" in err
    assert "compare_last_year" not in err


def test_a_dash_in_a_long_file_is_no_figure(tmp_path: Path) -> None:
    """As in an annex table: '-', '–' or '—' in the value cell is a figure not given; the
    target is judged as if the row were absent (no data), not refused as bad-number."""
    with_dash = tmp_path / "dash.csv"
    with_dash.write_text(EXAMPLE.read_text(encoding="utf-8")
                         + "ocop_products,2024-Q4,—\nproduction_growth,2024-Q4,-\n"
                         "income_per_capita,2024-Q4,–\n", encoding="utf-8")
    code, out, err = run("check", with_dash, "--format", "json")
    plain_code, plain_out, _ = run("check", EXAMPLE, "--format", "json")
    assert "bad-number" not in err
    assert (code, out) == (plain_code, plain_out)


def test_an_empty_period_cell_is_named_empty(tmp_path: Path) -> None:
    actuals = tmp_path / "a.csv"
    actuals.write_text("target,period,value\nocop_products,,3\n", encoding="utf-8")
    code, _, err = run("check", actuals, "--lang", "vi")
    assert code == 3
    assert err.splitlines()[0] == (f"{actuals}:2:2: [bad-period] ô kỳ báo cáo đang trống — hãy "
                                   "ghi 2024-Q1 … 2024-Q4, hoặc Quý I, 6 tháng, 9 tháng, Cả năm")
    code, _, err = run("check", actuals)
    assert "the period cell is empty" in err and "'' is not a period" not in err


def test_report_to_a_file_says_what_it_wrote_and_why_it_exits_1(tmp_path: Path) -> None:
    out = tmp_path / "r.xlsx"
    code, stdout, err = run("report", EXAMPLE, "-o", out)
    assert (code, stdout) == (1, "")  # two targets off track in the example
    assert err == (f"đã ghi {out}; kết thúc với mã 1 vì có 2 chỉ tiêu chậm tiến độ hoặc không "
                   "đạt (--fail-on)\n")
    code, _, err = run("report", EXAMPLE, "-o", out, "--force", "--lang", "en",
                       "--fail-on", "never")
    assert (code, err) == (0, f"wrote {out}\n")
