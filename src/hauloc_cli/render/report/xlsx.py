"""The official report's annex as an Excel workbook (openpyxl, imported only here, only then).

Sheet 1, the annex: the issuing body (bold, upper case, top left), the title naming the
period, the plan's name and the report's date; then the table: the header row of the
headings of vocab/annex_columns.py, a row per group (`I` and `KINH TẾ`, merged across the
table, bold) and a row per target (STT 1, 2, …). Sheet 2, with units: a row per target and
unit. Cells hold numbers with number formats (Vietnamese Excel shows 12,5), never numbers as
text; the header row stays in place on screen and is printed on every page; A4 landscape,
one page wide.
"""

from __future__ import annotations

import functools
import io
from datetime import datetime
from typing import TYPE_CHECKING, Any

from hauloc_cli.render import Options
from hauloc_cli.render.report import words
from hauloc_cli.render.report.cells import unit_numeric, unit_table
from hauloc_cli.render.report.letterhead import annex_heading, stamp
from hauloc_cli.render.report.letterhead import word as letter_word
from hauloc_cli.render.report.words import Cell, Num
from hauloc_cli.views.annex import Annex
from hauloc_cli.vocab.annex_columns import Column
from hauloc_cli.vocab.i18n import label

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

FONT = "Times New Roman"  # Decree 30/2020/NĐ-CP: the font of administrative documents
SIZE = 12
# Column widths in characters: at least the longest word of the heading, at most these (the
# text wraps); numbers get their longest text. The printed columns of the annex add up to
# about 120, so that fitted to the width of an A4 landscape page their 12 pt prints at 11 pt
# (at 145, as before issue 24, it printed at 9.4 pt: below the 10 of the Decree).
_MAX_WIDTH = {"name": 34, "unit": 22, "assessment": 13, "plan": 14, "measure": 16,
              "code": 30, "unit_code": 16}
_MIN_WIDTH = {"number": 5, "measure": 7, "name": 24, "assessment": 12}
_NUMBER_WIDTH = 11  # the columns of figures: a heading of two or three lines above them
_WRAP = frozenset({"name", "unit", "assessment", "plan", "measure"})
_CENTRED = frozenset({"number", "measure", "status"})
_FIGURES = frozenset({"plan", "last_year", "value", "of_plan", "of_last_year"})
LINE_HEIGHT = 15.0  # points per line of text at 12 pt
GAP = 6.0  # points: the blank rows between the annex's heading lines and its table
# Characters of 12-pt Times New Roman per unit of column width (the width of a '0' in the
# workbook's default font, Calibri 11): Times is narrower.
_CHARS_PER_WIDTH = 1.2
# Margins in inches (Decree 30: left 30 mm, right 15 mm, top and bottom 20 mm).
MARGINS = {"left": 1.18, "right": 0.59, "top": 0.79, "bottom": 0.79, "header": 0.3,
           "footer": 0.3}


def number_format(cell: Num, lang: str) -> str:
    """`#,##0.0` and friends: Excel shows the separators of its own locale (12,5 in
    Vietnamese Excel); `≤ 2,5` for a ceiling, `+6,83 điểm %` for a change in points."""
    digits = "#,##0" + ("." + "0" * cell.decimals if cell.decimals else "")
    if cell.kind == "at_most":
        return f'"≤ "{digits}'
    if cell.kind in ("points", "change"):
        unit = f'" {words.points_word(lang)}"' if cell.kind == "points" else ""
        return f"+{digits}{unit};-{digits}{unit};0{unit}"
    return digits


def render(annex: Annex, options: Options) -> bytes:
    """The workbook's bytes."""
    from openpyxl import Workbook

    lang = options.lang
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    _add_styles(wb)
    names = (label(lang, "annex.sheet"), label(lang, "annex.sheet_by_unit"))
    ws.title = names[0]
    _annex_sheet(ws, annex, lang)
    if annex.by_unit:
        _unit_sheet(wb.create_sheet(names[1]), annex, lang)
    from hauloc_cli.render import xml_text

    wb.properties.title = xml_text(words.title(annex, lang))
    wb.properties.creator = "hauloc"
    day = stamp(annex)
    wb.properties.created = datetime(day.year, day.month, day.day)
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def _annex_sheet(ws: Worksheet, annex: Annex, lang: str) -> None:
    cols = words.columns(annex)
    width = len(cols)
    issuer = annex.plan.plan.issuer or ()
    row = 1
    for words_of_issuer in issuer:
        _merged(ws, row, 1, min(3, width), words_of_issuer.upper(), bold=True)
        row += 1
    if issuer:  # a thin blank row: a 22-unit annex keeps to one printed page
        ws.row_dimensions[row].height = GAP
        row += 1
    # as the Word annex heads it: PHỤ LỤC, the subject, the report's number and date
    # centred over the columns printed (up to Ghi chú), not those the print leaves out
    title, subject, note = annex_heading(annex, lang)
    printed = [c.key for c in cols].index("note") + 1
    _merged(ws, row, 1, printed, title, bold=True, size=SIZE + 2)
    _merged(ws, row + 1, 1, printed, subject, bold=True)
    _merged(ws, row + 2, 1, printed, note, italic=True)
    ws.row_dimensions[row + 3].height = GAP
    header = row + 4
    _header(ws, header, cols, annex, lang)
    row = header + 1
    longest = [0] * width
    found = iter(words.table_cells(annex.lines, annex, lang, cols))
    for group in annex.groups:
        numeral = words.numeral(group.number)
        _group_row(ws, row, width, numeral, words.group_name(group.group, lang, annex.plan))
        longest[0] = max(longest[0], len(numeral) + 1)
        row += 1
        for _ in group.lines:
            _line_row(ws, row, cols, next(found), lang, longest)
            row += 1
    _finish(ws, cols, header, row - 1, longest)


def _unit_sheet(ws: Worksheet, annex: Annex, lang: str) -> None:
    """The table by unit as the Word annex lays it out (`cells.unit_table`): a row per
    unit, a column (and an assessment column when units are judged) per target, the totals."""
    from openpyxl.styles import Alignment
    from openpyxl.utils import get_column_letter

    table = unit_table(annex, lang)
    assert table is not None
    width = len(table.keys)
    _merged(ws, 1, 1, width, letter_word(lang, "by_unit").upper(), bold=True, size=SIZE + 2)
    _merged(ws, 2, 1, width, annex_heading(annex, lang)[1], bold=True)
    header = 4
    for i, title in enumerate(table.headings, start=1):
        cell = ws.cell(row=header, column=i)
        _text(cell, title)
        cell.font = _font(bold=True)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = _border()
    for r, row in enumerate(table.rows, start=header + 1):
        for i, (key, value) in enumerate(zip(table.keys, row.cells, strict=True), start=1):
            cell = ws.cell(row=r, column=i)
            number = _unit_number(value, lang) if unit_numeric(key) else None
            if number is not None:
                cell.value, cell.number_format = number
            elif value:
                _text(cell, value)
            cell.style = _style_name(not unit_numeric(key) and key not in ("unit", "note"),
                                     True)
            if row.group:
                cell.font = _font(bold=True)
    widths = unit_widths(table.keys)
    for i, wide in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = wide
    for r, cells in enumerate([table.headings, *(row.cells for row in table.rows)],
                              start=header):
        lines = max(_wrapped(text, wide * _CHARS_PER_WIDTH - 1)
                    for text, wide in zip(cells, widths, strict=True))
        if lines > 1 or r == header:  # a wrapped assessment is not left to overlap
            ws.row_dimensions[r].height = LINE_HEIGHT * lines + 3
    last = header + len(table.rows)
    ws.freeze_panes = f"C{header + 1}"
    _print(ws, header, f"A1:{get_column_letter(width)}{last}")


# The printed width of an A4 landscape page within Decree 30's margins, in units of column
# width (about 715 points at about 5.3 points a unit): the table by unit fills it, so that its
# headings wrap to few lines and 22 units print on one page.
PAGE_WIDTH = 128
_UNIT_FIXED = {"number": 5, "unit": 20, "note": 20}


def unit_widths(keys: tuple[str, ...]) -> tuple[float, ...]:
    """Column widths of the table by unit: STT, the unit and the notes fixed, the targets'
    columns sharing the rest of the page (an assessment a quarter wider than a figure), each
    between 9 and 16 (more targets than fit: the sheet is fitted to the page's width)."""
    share = {k: 1.25 if k.startswith("status:") else 1.0 for k in keys if k not in _UNIT_FIXED}
    rest = PAGE_WIDTH - sum(_UNIT_FIXED[k] for k in keys if k in _UNIT_FIXED)
    each = rest / (sum(share.values()) or 1.0)
    return tuple(float(_UNIT_FIXED[k]) if k in _UNIT_FIXED else
                 round(min(max(each * share[k], 9.0), 16.0), 1) for k in keys)


def _unit_number(text: str, lang: str) -> tuple[float | int, str] | None:
    """A figure of the table by unit as a number and its format (`95,45` in Vietnamese,
    `95.45` in English → 95.45, `#,##0.00`); None for words (`đã đạt`, `—`, `21/22`)."""
    group, point = (".", ",") if lang == "vi" else (",", ".")
    plain = text.replace(group, "").replace(point, ".")
    try:
        x = float(plain)
    except ValueError:
        return None
    d = len(plain.split(".")[1]) if "." in plain else 0
    return (int(x) if d == 0 else x), "#,##0" + ("." + "0" * d if d else "")


@functools.cache
def _font(bold: bool = False, italic: bool = False, size: int = SIZE) -> Any:
    from openpyxl.styles import Font

    return Font(name=FONT, size=size, bold=bold, italic=italic)


@functools.cache
def _border() -> Any:
    from openpyxl.styles import Border, Side

    thin = Side(style="thin")
    return Border(left=thin, right=thin, top=thin, bottom=thin)


def _merged(ws: Worksheet, row: int, first: int, last: int, value: str, *,
            bold: bool = False, italic: bool = False, size: int = SIZE) -> None:
    """A line of the title block, merged over columns first…last and centred."""
    from openpyxl.styles import Alignment

    cell = ws.cell(row=row, column=first)
    _text(cell, value)
    cell.font = _font(bold, italic, size)
    cell.alignment = Alignment(horizontal="center", vertical="center")
    if last > first:
        ws.merge_cells(start_row=row, start_column=first, end_row=row, end_column=last)


def _text(cell: Any, value: str) -> None:
    """Text stays text: a name that starts with `=` is never a formula. A control character
    (which a worksheet cannot hold, e.g. a BEL typed as an escape in a YAML string) shows as
    the replacement character U+FFFD, as does U+FFFF (`render.xml_text`)."""
    from hauloc_cli.render import xml_text

    cell.value = xml_text(value)
    cell.data_type = "s"


def _header(ws: Worksheet, row: int, cols: tuple[Column, ...], annex: Annex, lang: str) -> None:
    from openpyxl.styles import Alignment, PatternFill

    for i, column in enumerate(cols, start=1):
        cell = ws.cell(row=row, column=i)
        _text(cell, words.heading_of(column, annex, lang))
        cell.font = _font(bold=True)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = _border()
        cell.fill = PatternFill("solid", fgColor="F2F2F2")


def _group_row(ws: Worksheet, row: int, width: int, numeral: str, name: str) -> None:
    """`I | KINH TẾ`: the numeral in STT, the name merged over the rest of the row, bold."""
    from openpyxl.styles import Alignment

    for i in range(1, width + 1):
        ws.cell(row=row, column=i).border = _border()
    first, rest = ws.cell(row=row, column=1), ws.cell(row=row, column=2)
    _text(first, numeral)
    _text(rest, name)
    for cell in (first, rest):
        cell.font = _font(bold=True)
    first.alignment = Alignment(horizontal="center", vertical="center")
    rest.alignment = Alignment(horizontal="left", vertical="center")
    ws.merge_cells(start_row=row, start_column=2, end_row=row, end_column=width)


def _line_row(ws: Worksheet, row: int, cols: tuple[Column, ...], found: list[Cell],
              lang: str, longest: list[int]) -> None:
    """A target's row; `longest` keeps the length of each column's longest text."""
    for i, (column, value) in enumerate(zip(cols, found, strict=True), start=1):
        longest[i - 1] = max(longest[i - 1], len(words.text(value, lang)) + 1)
        cell = ws.cell(row=row, column=i)
        _put(cell, value)
        # words in a column of figures (a milestone's) are centred, as the figures' status
        centre = column.key in _CENTRED or (isinstance(value, str) and column.key in _FIGURES)
        cell.style = _style_name(centre, column.key in _WRAP)
        if isinstance(value, Num):
            cell.number_format = number_format(value, lang)


def _style_name(centre: bool, wrap: bool) -> str:
    return "hauloc" + (" centred" if centre else "") + (" wrapped" if wrap else "")


def _add_styles(wb: Any) -> None:
    """The table's cell styles (font, borders, alignment), named once per workbook: a cell
    then takes its style in one step, twice as fast for a sheet by unit of thousands of rows."""
    from openpyxl.styles import Alignment, NamedStyle

    for centre in (False, True):
        for wrap in (False, True):
            wb.add_named_style(NamedStyle(
                name=_style_name(centre, wrap), font=_font(), border=_border(),
                alignment=Alignment(horizontal="center" if centre else None,
                                    vertical="center", wrap_text=wrap)))


def _put(cell: Any, value: Cell) -> None:
    if isinstance(value, Num):
        cell.value = int(value.x) if value.decimals == 0 and value.x.is_integer() else value.x
    elif value:
        _text(cell, value)


def _finish(ws: Worksheet, cols: tuple[Column, ...], header: int, last: int,
            longest: list[int]) -> None:
    """Widths, the frozen header, and the print settings."""
    from openpyxl.utils import get_column_letter

    for i, column in enumerate(cols, start=1):
        heading = str(ws.cell(row=header, column=i).value or "")
        ws.column_dimensions[get_column_letter(i)].width = _width(heading, longest[i - 1],
                                                                   column)
    _heights(ws, cols, header, last)
    ws.freeze_panes = f"A{header + 1}"
    keys = [c.key for c in cols]
    printed = keys.index("note") + 1  # the columns after the notes are for the reader only
    _print(ws, header, f"A1:{get_column_letter(printed)}{max(last, header)}")


def _print(ws: Worksheet, header: int, area: str) -> None:
    """A4 landscape, one page wide, the header row on every page, Decree 30's margins, the
    page number at the foot; only `area` (what an official reads) is printed."""
    from openpyxl.worksheet.page import PageMargins

    ws.print_title_rows = f"{header}:{header}"
    ws.print_area = area
    setup = ws.page_setup
    setup.orientation = "landscape"
    setup.paperSize = ws.PAPERSIZE_A4
    setup.fitToWidth = 1
    setup.fitToHeight = 0
    assert ws.sheet_properties.pageSetUpPr is not None
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.page_margins = PageMargins(**MARGINS)
    if ws.oddFooter is not None:
        ws.oddFooter.center.text = "&P/&N"
        # the table's size: at the default 11 the page number of a sheet fitted to the page
        # width printed below 10 pt (9.8 for a district's annex, seen with pypdf)
        ws.oddFooter.center.size = SIZE
        ws.oddFooter.center.font = FONT


def _width(heading: str, longest: int, column: Column) -> float:
    """Wide enough for the longest word of the heading and the longest cell (text wraps at
    the column's most), in characters of the sheet's font."""
    words_longest = max((len(w) for w in heading.split()), default=0)
    wide = max(longest, words_longest) + 2
    wide = max(wide, _MIN_WIDTH.get(column.key, _NUMBER_WIDTH))
    return float(min(wide, _MAX_WIDTH.get(column.key, wide)))


def _heights(ws: Worksheet, cols: tuple[Column, ...], header: int, last: int) -> None:
    """Rows as tall as their wrapped text (the header's headings, long names): set here,
    since a spreadsheet does not always fit a row's height to wrapped text itself."""
    import math

    from openpyxl.utils import get_column_letter

    widths = [ws.column_dimensions[get_column_letter(i)].width or 10.0
              for i in range(1, len(cols) + 1)]
    for row in range(header, last + 1):
        lines = 1
        for i, column in enumerate(cols):
            value = ws.cell(row=row, column=i + 1).value
            if isinstance(value, str) and (row == header or column.key in _WRAP):
                lines = max(lines, _wrapped(value, widths[i] * _CHARS_PER_WIDTH - 1))
        if lines > 1:
            ws.row_dimensions[row].height = math.ceil(LINE_HEIGHT * lines + 3)


def _wrapped(text: str, width: float) -> int:
    """How many lines `text` takes in a column `width` characters wide, broken at spaces."""
    lines, used = 1, 0
    for word in text.split():
        need = len(word) if used == 0 else used + 1 + len(word)
        if need <= width or used == 0:
            used = need
        else:
            lines, used = lines + 1, len(word)
    return lines
