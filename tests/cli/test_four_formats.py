"""Issue 24, "How we will know": every figure of the report is the same in its four formats.

The annex and the table by unit are read back from each format as a reader sees them: the
workbook through openpyxl (each number shown through its cell's number format, the Vietnamese
way: `1.234,5`), the Word document through python-docx, the HTML page and the Markdown text
by their table cells. Rows are matched by their STT and name, columns by their heading; every
cell that holds a figure (a digit) in any format must read the same in all four. The workbook
has columns of its own (`Loại số liệu`, `Mã chỉ tiêu`) that the other formats do not: only the
columns the four share are compared, and there must be at least the six of the annex.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.cli.support import EXAMPLE, ROOT, run

COMMUNES = ROOT / "examples" / "communes_2024"
UNITS = ROOT / "data" / "units_hau_loc_2024.yaml"

Grid = list[list[str]]
# a table: (STT, name) → heading → cell as shown
Table = dict[tuple[str, str], dict[str, str]]


def _shown(value: object, number_format: str, lang: str = "vi") -> str:
    """A workbook cell as Excel shows it to a reader of `lang`: its number format's decimals,
    in Vietnamese `.` between thousands and `,` before the decimals (in English `,` and `.`),
    and the format's quoted words around it."""
    if value is None:
        return ""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return str(value)
    sections = number_format.split(";")
    section = sections[1] if value < 0 and len(sections) > 1 else sections[0]
    if section == "General":
        decimals = 0 if float(value).is_integer() else len(repr(float(value)).split(".")[1])
    else:
        found = re.search(r"0\.(0+)", section)
        decimals = len(found.group(1)) if found else 0
    digits = f"{abs(value):,.{decimals}f}"
    if lang == "vi":
        digits = digits.translate(str.maketrans({",": ".", ".": ","}))
    if value < 0 and len(sections) == 1:
        digits = "-" + digits
    parts = re.split(r"[#0,.]+", section.replace("General", "0"), maxsplit=1)
    literal = [re.sub(r'"([^"]*)"|\\(.)', r"\1\2", p) for p in parts]
    return (literal[0] + digits + (literal[1] if len(literal) > 1 else "")).strip()


def _tables(grids: list[Grid]) -> list[Table]:
    """The grids that are a table of the report (a header row starting `STT`, in English
    `No.`), by row."""
    tables = []
    for grid in grids:
        start = next((i for i, row in enumerate(grid)
                      if row and row[0].strip() in ("STT", "No.")), None)
        if start is None:
            continue
        heads = [" ".join(h.split()) for h in grid[start]]
        table: Table = {}
        for row in grid[start + 1:]:
            if len(row) < 2 or not any(cell.strip() for cell in row):
                continue
            cells = {h: " ".join(c.split()) for h, c in zip(heads, row, strict=False)}
            table[(cells[heads[0]], cells[heads[1]])] = cells
        tables.append(table)
    return tables


def _markdown(text: str) -> list[Table]:
    grids: list[Grid] = []
    current: Grid = []
    for line in [*text.splitlines(), ""]:
        if line.startswith("|"):
            cells = [c.strip().replace("**", "") for c in line.strip().strip("|").split("|")]
            if not all(re.fullmatch(r":?-+:?", c) for c in cells):
                current.append(cells)
        elif current:
            grids.append(current)
            current = []
    return _tables(grids)


class _HTMLTables(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.grids: list[Grid] = []
        self.cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self.grids.append([])
        elif tag == "tr" and self.grids:
            self.grids[-1].append([])
        elif tag in ("td", "th"):
            self.cell = []
            span = int(dict(attrs).get("colspan") or 1)
            self.span = span
        elif tag == "br" and self.cell is not None:
            self.cell.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self.cell is not None and self.grids:
            self.grids[-1][-1] += ["".join(self.cell)] + [""] * (self.span - 1)
            self.cell = None

    def handle_data(self, data: str) -> None:
        if self.cell is not None:
            self.cell.append(data)


def _html(text: str) -> list[Table]:
    parser = _HTMLTables()
    parser.feed(text)
    return _tables([[[html.unescape(c) for c in row] for row in grid] for grid in parser.grids])


def _docx(path: Path) -> list[Table]:
    import docx

    grids = []
    for table in docx.Document(str(path)).tables:
        grid = []
        for row in table.rows:
            cells, seen = [], set()
            for cell in row.cells:  # a merged cell is given once per grid column it spans
                cells.append("" if id(cell._tc) in seen else cell.text)
                seen.add(id(cell._tc))
            grid.append(cells)
        grids.append(grid)
    return _tables(grids)


def _xlsx(path: Path, lang: str) -> list[Table]:
    import openpyxl

    book = openpyxl.load_workbook(path)
    return _tables([[[_shown(c.value, c.number_format, lang) for c in row]
                     for row in sheet.iter_rows()] for sheet in book.worksheets])


def _compare(formats: dict[str, list[Table]], tables: int) -> int:
    """Every figure cell the same in every format; the number of cells compared."""
    for name, found in formats.items():
        assert len(found) == tables, (name, len(found))
    compared = 0
    for n in range(tables):
        each = {name: found[n] for name, found in formats.items()}
        rows = {name: set(table) for name, table in each.items()}
        first = next(iter(rows.values()))
        assert all(r == first for r in rows.values()), rows
        heads = set.intersection(*(set(next(iter(t.values()))) for t in each.values()))
        assert len(heads) >= 6, heads
        for row in first:
            for head in heads:
                cells = {name: table[row][head] for name, table in each.items()}
                if any(re.search(r"\d", cell) for cell in cells.values()):
                    assert len(set(cells.values())) == 1, (row, head, cells)
                    compared += 1
    return compared


@pytest.mark.parametrize(("args", "tables", "at_least"), [
    ([EXAMPLE], 1, 9 * 3),  # 9 targets: plan, figure, share (less the milestone and no data)
    ([COMMUNES, EXAMPLE, "--units", UNITS], 2, 9 * 3 + 22 * 5),
], ids=["example", "22-communes"])
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_figure_is_the_same_in_the_four_formats(tmp_path: Path, args: list[object],
                                                      tables: int, at_least: int,
                                                      lang: str) -> None:
    common = [*args, "--date", "2024-09-30", "--lang", lang]
    markdown = run("report", *common)
    page = run("report", *common, "--format", "html")
    for fmt in ("xlsx", "docx"):
        done = run("report", *common, "-o", tmp_path / f"report.{fmt}")
        assert done.code == 1, done.err
    assert markdown.code == 1 and page.code == 1, markdown.err + page.err
    compared = _compare({"markdown": _markdown(markdown.out), "html": _html(page.out),
                         "docx": _docx(tmp_path / "report.docx"),
                         "xlsx": _xlsx(tmp_path / "report.xlsx", lang)}, tables)
    assert compared >= at_least - 9, compared


@pytest.mark.parametrize(("value", "number_format", "shown", "lang"), [
    *[(*case, "vi") for case in [
        (1234.5, "#,##0.0", "1.234,5"),
        (12, "#,##0.0", "12,0"),
        (95.4545, "#,##0.00", "95,45"),
        (4, "#,##0", "4"),
        (2.5, '"≤ "#,##0.0', "≤ 2,5"),
        (1.4, '+#,##0.0" điểm %";-#,##0.0" điểm %"', "+1,4 điểm %"),
        (-1.4, '+#,##0.0" điểm %";-#,##0.0" điểm %"', "-1,4 điểm %"),
        ("đã đạt", "General", "đã đạt")]],
    (1234.5, "#,##0.0", "1,234.5", "en"),
])
def test_a_workbook_cell_as_excel_shows_it(value: object, number_format: str, shown: str,
                                           lang: str) -> None:
    assert _shown(value, number_format, lang) == shown
