"""Writes the shipped example as real programs write it (issue 15); the files are kept.

    python tests/assets/make_producers.py

Every file is `actuals.<producer>-<case>.<ext>`, made from examples/actuals_2024.csv (the plan
is data/targets_2024.yaml). A producer that is not installed is skipped with a note, and the
file made earlier is kept: the committed files are the corpus, this script says how they were
made. `producers.txt` lists each file with the producer and version that wrote it.

Producers: LibreOffice (`soffice`) and Gnumeric (`ssconvert`) on the PATH; the Python packages
openpyxl, xlsxwriter, pandas (+ odfpy for .ods), polars (+ xlsxwriter), pyexcel (+ pyexcel-ods3).
None of them is a dependency of hauloc: install them in a throw-away virtualenv.
"""

from __future__ import annotations

import csv
import datetime
import importlib.metadata
import shutil
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
EXAMPLE = HERE.parents[1] / "examples" / "actuals_2024.csv"
PERIOD_END = {"2024-Q1": datetime.date(2024, 3, 31), "2024-Q2": datetime.date(2024, 6, 30),
              "2024-Q3": datetime.date(2024, 9, 30), "2024-Q4": datetime.date(2024, 12, 31)}
# The row (1-based, header = 1) whose value or period the broken cases change:
# ocop_products 2024-Q3 = 4, in C14 / B14; ntm_model_communes 2024-Q1 = 1, in C8.
OCOP_Q3_ROW = 14
MODEL_Q1_ROW = 8
FIXED_TIME = datetime.datetime(2024, 10, 5, 8, 0, 0)  # stable document properties
made: list[tuple[str, str]] = []


def rows() -> list[list[str]]:
    """The example as text: the header, then one list of cells per record."""
    with EXAMPLE.open(encoding="utf-8", newline="") as handle:
        return [row for row in csv.reader(handle) if row]


def typed(cell: str) -> Any:
    """A cell as a spreadsheet program stores what it was given: a number, or text."""
    try:
        number = float(cell)
    except ValueError:
        return cell
    return int(number) if number.is_integer() else number


def typed_rows() -> list[list[Any]]:
    header, *body = rows()
    return [header] + [[typed(c) if i == 2 else c for i, c in enumerate(r)] for r in body]


def note(name: str, producer: str) -> None:
    made.append((name, producer))
    print(f"wrote {name} ({producer})")


def version(package: str) -> str:
    return f"{package} {importlib.metadata.version(package)}"


def tool_version(command: list[str]) -> str:
    out = subprocess.run(command, capture_output=True, text=True, check=False).stdout
    return out.splitlines()[0].strip() if out else command[0]


def write_csv(path: Path, table: list[list[Any]], encoding: str = "utf-8") -> None:
    with path.open("w", encoding=encoding, newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows(table)


# --- Python's csv module: text files as typed or pasted ------------------------------------

def python_csv() -> None:
    producer = "Python csv module"
    table = rows()
    dates = [table[0]] + [[r[0], PERIOD_END[r[1]].strftime("%d/%m/%Y"), *r[2:]]
                          for r in table[1:]]
    write_csv(HERE / "actuals.python-csv-period-dates.csv", dates)
    note("actuals.python-csv-period-dates.csv", producer)
    mid = [list(r) for r in table]
    mid[OCOP_Q3_ROW - 1][1] = "15/08/2024"
    write_csv(HERE / "actuals.python-csv-period-date-mid-quarter.csv", mid)
    note("actuals.python-csv-period-date-mid-quarter.csv", producer)
    # Pasted from a web page or Word: a no-break space (U+00A0) or a zero-width space (U+200B).
    for space, label in (("\u00a0", "nbsp"), ("\u200b", "zwsp")):
        header = [list(r) for r in table]
        header[0] = ["target", "period", "value" + space, "note", "source"]
        if label == "zwsp":
            header[0][0] = space + "target"
        write_csv(HERE / f"actuals.python-csv-{label}-header.csv", header)
        note(f"actuals.python-csv-{label}-header.csv", producer)
        ids = [list(r) for r in table]
        for row in ids[1:]:
            if row[0] == "ocop_products":
                row[0] = "ocop_products" + space
        write_csv(HERE / f"actuals.python-csv-{label}-id.csv", ids)
        note(f"actuals.python-csv-{label}-id.csv", producer)


# --- openpyxl -------------------------------------------------------------------------------

def openpyxl_book() -> Any:
    import openpyxl

    book = openpyxl.Workbook()
    book.properties.created = book.properties.modified = FIXED_TIME
    return book


def openpyxl_save(book: Any, name: str) -> None:
    book.save(HERE / name)
    note(name, version("openpyxl"))


def openpyxl_formula() -> None:
    book = openpyxl_book()
    sheet = book.active
    sheet.title = "Sheet1"
    for row in typed_rows():
        sheet.append(row)
    sheet[f"C{OCOP_Q3_ROW}"] = "=3+1"  # openpyxl stores the formula and no value
    openpyxl_save(book, "actuals.openpyxl-formula.xlsx")


def openpyxl_sheets() -> None:
    table = typed_rows()
    header, body = table[0], table[1:]
    # A hidden first sheet of lists (for drop-downs), without the columns period and value.
    book = openpyxl_book()
    lists = book.active
    lists.title = "Danh mục"
    lists.append(["target", "name"])
    for target in dict.fromkeys(r[0] for r in body):
        lists.append([target, target.replace("_", " ")])
    lists.sheet_state = "hidden"
    data = book.create_sheet("Số liệu")
    for row in table:
        data.append(row)
    book.active = 1
    openpyxl_save(book, "actuals.openpyxl-hidden-first-sheet.xlsx")
    # A hidden first sheet with last quarter's figures (it has the columns), then this one.
    book = openpyxl_book()
    old = book.active
    old.title = "6 tháng"
    for row in [header] + [r for r in body if r[1] in ("2024-Q1", "2024-Q2")]:
        old.append(row)
    old.sheet_state = "hidden"
    data = book.create_sheet("9 tháng")
    for row in table:
        data.append(row)
    book.active = 1
    openpyxl_save(book, "actuals.openpyxl-hidden-old-sheet.xlsx")
    # Two visible sheets with the columns: this quarter's first, last quarter's second.
    book = openpyxl_book()
    data = book.active
    data.title = "9 tháng"
    for row in table:
        data.append(row)
    old = book.create_sheet("6 tháng")
    for row in [header] + [r for r in body if r[1] in ("2024-Q1", "2024-Q2")]:
        old.append(row)
    openpyxl_save(book, "actuals.openpyxl-two-data-sheets.xlsx")


def openpyxl_header_two_rows() -> None:
    """The header over two rows: names merged down over both, 'Kết quả' over value and note."""
    book = openpyxl_book()
    sheet = book.active
    sheet.title = "Sheet1"
    sheet.append(["target", "period", "Kết quả", None, "source"])
    sheet.append([None, None, "value", "note", None])
    for cells in ("A1:A2", "B1:B2", "C1:D1", "E1:E2"):
        sheet.merge_cells(cells)
    for row in typed_rows()[1:]:
        sheet.append(row)
    openpyxl_save(book, "actuals.openpyxl-header-two-rows.xlsx")


def openpyxl_dates() -> None:
    """Periods as real date cells (dd/mm/yyyy): at each quarter's end; one in mid-quarter."""
    for name, mid in (("actuals.openpyxl-period-dates.xlsx", False),
                      ("actuals.openpyxl-period-date-mid-quarter.xlsx", True)):
        book = openpyxl_book()
        sheet = book.active
        sheet.title = "Sheet1"
        table = typed_rows()
        sheet.append(table[0])
        for row in table[1:]:
            sheet.append([row[0], PERIOD_END[row[1]], *row[2:]])
        if mid:
            sheet[f"B{OCOP_Q3_ROW}"] = datetime.date(2024, 8, 15)
        for (cell,) in sheet.iter_rows(min_row=2, min_col=2, max_col=2):
            cell.number_format = "dd/mm/yyyy"
        openpyxl_save(book, name)


# --- xlsxwriter -----------------------------------------------------------------------------

def xlsxwriter_book(name: str) -> Any:
    import xlsxwriter

    book = xlsxwriter.Workbook(str(HERE / name))
    book.set_properties({"created": FIXED_TIME})
    return book


def xlsxwriter_close(book: Any, name: str) -> None:
    book.close()
    note(name, version("xlsxwriter"))


def xlsxwriter_table(sheet: Any, table: list[list[Any]], first_row: int = 0) -> None:
    for r, row in enumerate(table):
        sheet.write_row(first_row + r, 0, row)


def xlsxwriter_formulas() -> None:
    # write_formula() with no value stores 0 as the "result" and asks for a recalculation on
    # load (fullCalcOnLoad); with value="" it stores an empty <v/> "to force a recalc".
    for name, value in (("actuals.xlsxwriter-formula.xlsx", None),
                        ("actuals.xlsxwriter-formula-blank.xlsx", "")):
        book = xlsxwriter_book(name)
        sheet = book.add_worksheet("Sheet1")
        xlsxwriter_table(sheet, typed_rows())
        if value is None:
            sheet.write_formula(OCOP_Q3_ROW - 1, 2, "=3+1")
        else:
            sheet.write_formula(OCOP_Q3_ROW - 1, 2, "=3+1", None, value)
        xlsxwriter_close(book, name)


def xlsxwriter_value_date() -> None:
    """The value 1 typed in a cell formatted as a date: Excel shows 01/01/1900."""
    name = "actuals.xlsxwriter-value-date.xlsx"
    book = xlsxwriter_book(name)
    sheet = book.add_worksheet("Sheet1")
    xlsxwriter_table(sheet, typed_rows())
    sheet.write_number(MODEL_Q1_ROW - 1, 2, 1, book.add_format({"num_format": "dd/mm/yyyy"}))
    xlsxwriter_close(book, name)


def xlsxwriter_title_row() -> None:
    """A report title merged over the columns, a blank row, then the header."""
    name = "actuals.xlsxwriter-title-row.xlsx"
    book = xlsxwriter_book(name)
    sheet = book.add_worksheet("Sheet1")
    sheet.merge_range(0, 0, 0, 4, "BÁO CÁO SỐ LIỆU QUÝ III",
                      book.add_format({"bold": True, "align": "center"}))
    xlsxwriter_table(sheet, typed_rows(), first_row=2)
    xlsxwriter_close(book, name)


def xlsxwriter_guide() -> None:
    """A guide sheet first ('Hướng dẫn'): a title and a table of what each column means."""
    name = "actuals.xlsxwriter-guide-first-sheet.xlsx"
    book = xlsxwriter_book(name)
    guide = book.add_worksheet("Hướng dẫn")
    xlsxwriter_table(guide, [
        ["HƯỚNG DẪN NHẬP SỐ LIỆU"],
        [],
        ["Cột", "Ý nghĩa"],
        ["target", "mã chỉ tiêu, như trong kế hoạch"],
        ["period", "kỳ báo cáo: 2024-Q1, 6 tháng, 9 tháng, cả năm"],
        ["value", "số liệu lũy kế từ đầu năm"],
        [],
        ["Nhập số liệu ở trang 'Số liệu'."],
    ])
    data = book.add_worksheet("Số liệu")
    xlsxwriter_table(data, typed_rows())
    xlsxwriter_close(book, name)


# --- pandas, polars, pyexcel: the plain example ---------------------------------------------

def pandas_files() -> None:
    import pandas as pd

    frame = pd.read_csv(EXAMPLE, dtype=str, keep_default_na=False)
    producer = version("pandas")
    frame.to_csv(HERE / "actuals.pandas-example.csv", index=False)
    note("actuals.pandas-example.csv", producer)
    # Excel "Unicode Text" without its BOM, as pandas writes encoding="utf-16-le".
    frame.to_csv(HERE / "actuals.pandas-utf16le.csv", index=False, encoding="utf-16-le")
    note("actuals.pandas-utf16le.csv", producer)
    numbers = pd.to_numeric(frame["value"], errors="coerce")
    frame["value"] = [v if n != n else n for v, n in zip(frame["value"], numbers, strict=True)]
    frame.to_excel(HERE / "actuals.pandas-example.xlsx", index=False, sheet_name="Sheet1")
    note("actuals.pandas-example.xlsx", f"{producer}, {version('openpyxl')}")
    try:
        frame.to_excel(HERE / "actuals.pandas-example.ods", index=False, sheet_name="Sheet1",
                       engine="odf")
        note("actuals.pandas-example.ods", f"{producer}, {version('odfpy')}")
    except ImportError:
        print("skipped actuals.pandas-example.ods: odfpy is not installed")


def polars_files() -> None:
    import polars as pl

    frame = pl.read_csv(EXAMPLE, infer_schema=False)  # every column text, as in the file
    producer = version("polars")
    frame.write_csv(HERE / "actuals.polars-example.csv")
    note("actuals.polars-example.csv", producer)
    frame.write_excel(HERE / "actuals.polars-example.xlsx", worksheet="Sheet1")
    note("actuals.polars-example.xlsx", f"{producer}, {version('xlsxwriter')}")


def pyexcel_files() -> None:
    import pyexcel

    table = typed_rows()
    pyexcel.save_as(array=table, dest_file_name=str(HERE / "actuals.pyexcel-example.csv"))
    note("actuals.pyexcel-example.csv", version("pyexcel"))
    try:
        pyexcel.save_as(array=table, dest_file_name=str(HERE / "actuals.pyexcel-example.ods"))
        note("actuals.pyexcel-example.ods", f"{version('pyexcel')}, {version('pyexcel-ods3')}")
    except Exception as exc:  # noqa: BLE001 - pyexcel reports a missing plugin in many ways
        print(f"skipped actuals.pyexcel-example.ods: {exc}")


# --- LibreOffice and Gnumeric, run on files made above --------------------------------------

def soffice(source: Path, target: str, outdir: Path, infilter: str | None = None) -> Path:
    command = ["soffice", "--headless", "--norestore"]
    if infilter:
        command.append(f"--infilter={infilter}")
    command += ["--convert-to", target, "--outdir", str(outdir), str(source)]
    done = subprocess.run(command, check=True, capture_output=True, text=True, timeout=300)
    out = outdir / (source.stem + "." + target.split(":")[0])
    if not out.is_file():  # soffice exits 0 when it could not convert
        raise RuntimeError(f"soffice made no {out.name}: {done.stdout} {done.stderr}")
    return out


def libreoffice_files() -> None:
    producer = tool_version(["soffice", "--version"])
    utf8 = "CSV:44,34,76,1"  # comma, double quote, UTF-8, from line 1
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        source = work / "actuals_2024.csv"  # LibreOffice names the sheet after the file
        shutil.copyfile(EXAMPLE, source)
        ods = soffice(source, "ods", work, utf8)
        shutil.copyfile(ods, HERE / "actuals.libreoffice-example.ods")
        note("actuals.libreoffice-example.ods", producer)
        (work / "resave").mkdir()
        xlsx = soffice(ods, "xlsx:Calc MS Excel 2007 XML", work / "resave")
        shutil.copyfile(xlsx, HERE / "actuals.libreoffice-example.xlsx")
        note("actuals.libreoffice-example.xlsx", producer + " (the .ods saved as .xlsx)")
        # The fix the formula error gives: open the openpyxl file and save it again.
        formula = work / "formula" / "actuals.xlsx"
        formula.parent.mkdir()
        shutil.copyfile(HERE / "actuals.openpyxl-formula.xlsx", formula)
        (work / "formula-out").mkdir()
        resaved = soffice(formula, "xlsx:Calc MS Excel 2007 XML", work / "formula-out")
        shutil.copyfile(resaved, HERE / "actuals.libreoffice-formula-resaved.xlsx")
        note("actuals.libreoffice-formula-resaved.xlsx",
             producer + " (actuals.openpyxl-formula.xlsx opened and saved)")
        # The CSV of dd/mm/yyyy periods opened with English (UK) dates: real date cells.
        dated = work / "dates" / "actuals_2024.csv"
        dated.parent.mkdir()
        shutil.copyfile(HERE / "actuals.python-csv-period-dates.csv", dated)
        out = soffice(dated, "xlsx:Calc MS Excel 2007 XML", dated.parent, utf8 + ",,2057")
        shutil.copyfile(out, HERE / "actuals.libreoffice-period-dates.xlsx")
        note("actuals.libreoffice-period-dates.xlsx",
             producer + " (actuals.python-csv-period-dates.csv opened as en-GB)")
        # The title-row workbook saved as CSV: the title is a row of its own.
        titled = work / "title" / "actuals.xlsx"
        titled.parent.mkdir()
        shutil.copyfile(HERE / "actuals.xlsxwriter-title-row.xlsx", titled)
        out = soffice(titled, "csv:Text - txt - csv (StarCalc):44,34,76,1", titled.parent)
        shutil.copyfile(out, HERE / "actuals.libreoffice-title-row.csv")
        note("actuals.libreoffice-title-row.csv",
             producer + " (actuals.xlsxwriter-title-row.xlsx saved as CSV)")


def gnumeric_files() -> None:
    producer = tool_version(["ssconvert", "--version"])
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "actuals_2024.csv"
        shutil.copyfile(EXAMPLE, source)
        for ext, exporter in (("xlsx", "Gnumeric_Excel:xlsx2"), ("ods", "Gnumeric_OpenCalc:odf")):
            target = HERE / f"actuals.gnumeric-example.{ext}"
            subprocess.run(["ssconvert", "--export-type", exporter, str(source), str(target)],
                           check=True, capture_output=True, timeout=300)
            note(target.name, producer)


def run(step: Callable[[], None], needs: str | None = None) -> None:
    """Run a step when what it needs (a package, or `cmd:` a program) is installed."""
    if needs is None:
        missing = False
    elif needs.startswith("cmd:"):
        missing = shutil.which(needs[4:]) is None
    else:
        try:
            importlib.metadata.version(needs)
            missing = False
        except importlib.metadata.PackageNotFoundError:
            missing = True
    if missing:
        print(f"skipped {step.__name__}: {str(needs).removeprefix('cmd:')} is not installed")
        return
    step()


def main() -> None:
    run(python_csv)  # the standard library only
    for step in (openpyxl_formula, openpyxl_sheets, openpyxl_header_two_rows, openpyxl_dates):
        run(step, "openpyxl")
    for step in (xlsxwriter_formulas, xlsxwriter_value_date, xlsxwriter_title_row,
                 xlsxwriter_guide):
        run(step, "xlsxwriter")
    run(pandas_files, "pandas")
    run(polars_files, "polars")
    run(pyexcel_files, "pyexcel")
    run(libreoffice_files, "cmd:soffice")
    run(gnumeric_files, "cmd:ssconvert")
    listing = HERE / "producers.txt"
    known = dict(line.split("\t", 1) for line in listing.read_text(encoding="utf-8").splitlines()
                 if "\t" in line) if listing.exists() else {}
    known.update(made)
    listing.write_text("".join(f"{name}\t{who}\n" for name, who in sorted(known.items())),
                       encoding="utf-8")


if __name__ == "__main__":
    main()
