"""The official report as a Word document (python-docx, imported only here): the letter of
Decree 30/2020/NĐ-CP on A4 portrait, then the annex table on A4 landscape.

The letter (`letterhead.py`): the header as a borderless two-column table (issuing body and
number | motto and date line), the title, the body, the signature block beside "Nơi nhận:".
Times New Roman 13 pt, single line spacing, 6 pt between paragraphs, margins top and bottom
20 mm, left 30 mm, right 15 mm (the least of the Decree's 13–14 pt, 6 pt, 20–25, 20–25, 30–35,
15–20 mm: a letter of the example's size, 9 targets, on one page), page numbers centred at
the top from page 2.

The annex (`cells.py`) comes after the signature, in a landscape section of its own, as
offices attach a "Phụ lục": its eight to ten columns do not fit the 165 mm of a portrait page
at a readable size (11 pt), and the letter stays a letter. The table has a grid, group rows
merged across, the header row repeated on every page, rows never split across pages; with
units, the table by unit follows it.
"""

from __future__ import annotations

from datetime import date, datetime, time, timezone
from io import BytesIO
from typing import TYPE_CHECKING

from hauloc_cli.render import Options
from hauloc_cli.render.report.cells import (
    NUMERIC,
    Table,
    UnitTable,
    plan_table,
    unit_numeric,
    unit_table,
)
from hauloc_cli.render.report.letterhead import Letter, letter, stamp
from hauloc_cli.views.annex import Annex

if TYPE_CHECKING:
    from docx.document import Document
    from docx.section import Section
    from docx.shared import Length
    from docx.table import Table as DocxTable
    from docx.table import _Cell, _Row
    from docx.text.paragraph import Paragraph

FONT = "Times New Roman"
BODY_PT, TABLE_PT = 13, 11
PARA_PT = 6  # between the letter's paragraphs: Decree 30's least
UNIT_PT = 10  # the table by unit: a column per target; no smaller than 10 pt on paper
# mm: A4, and the margins of Decree 30 (within its ranges)
A4 = (210, 297)
MARGINS = {"top": 20, "bottom": 20, "left": 30, "right": 15}
PORTRAIT_WIDTH = A4[0] - MARGINS["left"] - MARGINS["right"]  # 165
LANDSCAPE_WIDTH = A4[1] - MARGINS["left"] - MARGINS["right"]  # 252
HEADER_COLUMNS = (62, 103)  # issuing body | motto: the motto needs the room
SIGN_COLUMNS = (70, 95)
# Column widths of the annex in mm; the name (or the unit) takes what is left.
# STT and the longest unit word ('đồng/người/năm') each on one line at 11 pt with
# LibreOffice's cell margins: 'ST / T' and 'n / ăm' were seen at 11 and 26 mm.
WIDTHS = {"number": 13, "measure": 32, "plan": 24, "last_year": 22, "month": 22, "value": 22,
          "of_plan": 20, "of_last_year": 19, "assessment": 28, "note": 30, "term_goal": 20,
          "next_plan": 22, "next_vs": 20}
NAME_WIDTH = 40  # mm the name column keeps, however many columns there are
LANG_TAGS = {"vi": "vi-VN", "en": "en-GB"}


def render(annex: Annex, options: Options) -> bytes:
    """The .docx file's bytes."""
    text = letter(annex, options.lang)
    document = letter_document(text, options.lang)
    _annex(document, annex, text, options.lang)
    return saved(document, text, stamp(annex), options.lang)


def letter_document(text: Letter, lang: str) -> Document:
    """A Word document holding the letter: its styles, the portrait page numbered from page
    2, the header, title, body and signature (the term's report has the same)."""
    import docx

    document = docx.Document()
    _styles(document, lang)
    _page(document.sections[0], landscape=False)
    _page_numbers(document.sections[0])
    _header(document, text)
    _title(document, text)
    _body(document, text)
    _signature(document, text)
    return document


def annex_page(document: Document, text: Letter) -> None:
    """A landscape section on a new page, numbered from its first page on, headed by the
    annex's title, subject and note."""
    from docx.enum.section import WD_SECTION

    section = document.add_section(WD_SECTION.NEW_PAGE)
    _page(section, landscape=True)
    section.different_first_page_header_footer = False  # numbered from its first page on
    _para(document, text.annex_title, bold=True)
    _para(document, text.annex_subject, bold=True)
    _para(document, text.annex_note, italic=True).paragraph_format.space_after = _points(8)


def saved(document: Document, text: Letter, issued: date, lang: str) -> bytes:
    """The document's bytes, its properties the letter's: the report's date, not the
    template's (2013) nor the clock's: made again, it says the same."""
    from hauloc_cli.render import xml_text

    properties = document.core_properties
    properties.title = xml_text(text.subject)
    properties.author = xml_text(" ".join(text.issuer))
    properties.language = LANG_TAGS[lang]
    properties.created = properties.modified = datetime.combine(issued, time(), timezone.utc)
    properties.last_modified_by = "hauloc"
    out = BytesIO()
    document.save(out)
    return out.getvalue()


def _styles(document: Document, lang: str) -> None:
    """Times New Roman for every script (Vietnamese is Latin; the East Asian and complex slots
    too, so no viewer falls back to its theme font), in the document's language."""
    from docx.oxml.ns import qn
    from docx.shared import Pt

    normal = document.styles["Normal"]
    font = normal.font
    font.name = FONT
    font.size = Pt(BODY_PT)
    r_pr = normal.element.get_or_add_rPr()
    fonts = r_pr.get_or_add_rFonts()
    for slot in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(slot), FONT)
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(theme), None)
    language = r_pr.find(qn("w:lang"))
    if language is None:
        language = r_pr.makeelement(qn("w:lang"), {})
        r_pr.append(language)
    language.set(qn("w:val"), LANG_TAGS[lang])
    paragraph = normal.paragraph_format
    paragraph.space_before = Pt(0)
    paragraph.space_after = Pt(0)
    paragraph.line_spacing = 1.0


def _page(section: Section, *, landscape: bool) -> None:
    from docx.enum.section import WD_ORIENT
    from docx.shared import Mm

    short, long = A4
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width = Mm(long if landscape else short)
    section.page_height = Mm(short if landscape else long)
    section.top_margin = Mm(MARGINS["top"])
    section.bottom_margin = Mm(MARGINS["bottom"])
    section.left_margin = Mm(MARGINS["left"])
    section.right_margin = Mm(MARGINS["right"])
    section.header_distance = Mm(10)


def _page_numbers(section: Section) -> None:
    """Decree 30: the page number centred at the top, from the second page on."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn

    section.different_first_page_header_footer = True
    paragraph = section.header.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    field = paragraph._p.makeelement(qn("w:fldSimple"), {qn("w:instr"): "PAGE"})
    run = paragraph.add_run("2")  # shown until the viewer updates the field
    field.append(run._r)
    paragraph._p.append(field)


def _para(container: Document | _Cell, text: str = "", *, bold: bool = False,
          italic: bool = False, size: float | None = None, align: str = "center",
          first: bool = False) -> Paragraph:
    """A paragraph with one run; `first`: reuse a cell's empty first paragraph."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    from hauloc_cli.render import xml_text

    paragraph = container.paragraphs[0] if first else container.add_paragraph()
    paragraph.alignment = {"center": WD_ALIGN_PARAGRAPH.CENTER,
                           "left": WD_ALIGN_PARAGRAPH.LEFT,
                           "right": WD_ALIGN_PARAGRAPH.RIGHT,
                           "justify": WD_ALIGN_PARAGRAPH.JUSTIFY}[align]
    if text:
        run = paragraph.add_run(xml_text(text))  # a control character shows as U+FFFD
        run.bold = bold or None  # None: as the style says (no explicit 'not bold')
        run.italic = italic or None
        if size is not None:
            run.font.size = Pt(size)
    return paragraph


def _rule(container: Document | _Cell, length: float, width: float, padding: float = 2
          ) -> None:
    """A short horizontal rule, `length` mm long, centred in a text `width` mm wide (less a
    cell's `padding` on each side): the top border of an empty, tiny paragraph indented from
    both sides."""
    from docx.oxml.ns import qn
    from docx.shared import Mm, Pt

    paragraph = container.add_paragraph()
    side = max((width - length) / 2 - padding, 0)
    paragraph.paragraph_format.left_indent = Mm(side)
    paragraph.paragraph_format.right_indent = Mm(side)
    p_pr = paragraph._p.get_or_add_pPr()
    borders = p_pr.makeelement(qn("w:pBdr"), {})
    borders.append(borders.makeelement(qn("w:bottom"), {
        qn("w:val"): "single", qn("w:sz"): "6", qn("w:space"): "1", qn("w:color"): "000000"}))
    p_pr.append(borders)
    run = paragraph.add_run()
    run.font.size = Pt(2)


def text_width(text: str, size: float, *, bold: bool = False, upper: bool = False) -> float:
    """About how many mm `text` takes in Times New Roman at `size` pt (a rule's length)."""
    em = 0.62 if upper else 0.46
    return len(text) * size * em * (1.06 if bold else 1.0) * 25.4 / 72


def _header(document: Document, text: Letter) -> None:
    """Issuing body, rule, number | motto, rule, place and date: a borderless 2 × 2 table,
    so that the number and the date line stand on one line."""
    table = document.add_table(rows=1, cols=2)
    _widths(table, HEADER_COLUMNS)
    left, right = table.rows[0].cells
    for n, line in enumerate(text.issuer):
        _para(left, line, bold=True, size=13, first=n == 0)
    longest = max(text_width(line, 13, bold=True, upper=True) for line in text.issuer)
    _rule(left, max(longest * 0.4, 12), HEADER_COLUMNS[0])
    _para(left, text.number, size=13).paragraph_format.space_before = _points(6)
    _para(right, text.motto[0], bold=True, size=12, first=True)
    _para(right, text.motto[1], bold=True, size=13)
    _rule(right, text_width(text.motto[1], 13, bold=True), HEADER_COLUMNS[1])
    _para(right, text.dated, italic=True, size=13).paragraph_format.space_before = _points(6)


def _points(n: float) -> Length:
    from docx.shared import Pt

    return Pt(n)


def _widths(table: DocxTable, widths: tuple[float, ...]) -> None:
    """Fixed column widths in mm (Word reads the cells', LibreOffice the grid's)."""
    from docx.shared import Mm

    table.autofit = False
    for column, width in zip(table.columns, widths, strict=True):
        column.width = Mm(width)
        for c in column.cells:
            c.width = Mm(width)


def _title(document: Document, text: Letter) -> None:
    """'BÁO CÁO', the subject under it, a short rule under both."""
    title = _para(document, text.title, bold=True)
    title.paragraph_format.space_before = _points(12)
    _para(document, text.subject, bold=True)
    _rule(document, 40, PORTRAIT_WIDTH, padding=0)


def _body(document: Document, text: Letter) -> None:
    """The paragraphs, justified, the first line indented 10 mm, 6 pt between paragraphs (the
    Decree's least); the section headings (I., II., III.) bold and kept with what follows, a
    group's name bold at the head of its paragraph."""
    from docx.shared import Mm, Pt

    from hauloc_cli.render import xml_text

    paragraph = None
    for para in text.body:
        heading = para.kind == "heading"
        paragraph = _para(document, para.text, bold=heading and not para.lead,
                          align="justify")
        if para.lead:  # a heading or a group's name, bold, before the text that follows
            lead = paragraph.add_run(xml_text(para.lead + " "))
            lead.bold = True
            paragraph.runs[0]._r.addprevious(lead._r)
        paragraph.paragraph_format.first_line_indent = Mm(10)
        paragraph.paragraph_format.space_before = Pt(PARA_PT)
        paragraph.paragraph_format.keep_with_next = heading or None
    if paragraph is not None:  # the signature never stands alone on a page
        paragraph.paragraph_format.keep_with_next = True


def _signature(document: Document, text: Letter) -> None:
    """'Nơi nhận:' (bold italic 12 pt, its lines 11 pt) on the left, the signature on the
    right: on whose behalf and the title bold upper case, room to sign, the name bold."""
    spacer = _para(document)  # 8 pt between the last paragraph and the block
    spacer.paragraph_format.line_spacing = _points(8)
    spacer.paragraph_format.keep_with_next = True
    table = document.add_table(rows=1, cols=2)
    _widths(table, SIGN_COLUMNS)
    _row_flags(table.rows[0], header=False)  # the block is never split across pages
    left, right = table.rows[0].cells
    _para(left, text.recipients[0], bold=True, italic=True, size=12, align="left", first=True)
    for line in text.recipients[1:]:
        _para(left, line, size=11, align="left")
    signed = text.signature
    lines = [t for t in (signed.on_behalf, signed.title) if t]
    for n, line in enumerate(lines):
        _para(right, line, bold=True, first=n == 0)
    for _ in range(4):  # room to sign, kept when the name is to be written by hand
        _para(right)
    if signed.name:
        _para(right, signed.name, bold=True)


def _annex(document: Document, annex: Annex, text: Letter, lang: str) -> None:
    from docx.enum.section import WD_SECTION

    annex_page(document, text)
    _table(document, plan_table(annex, lang))
    units = unit_table(annex, lang)
    if units is not None:  # on a page of its own: a table an official reads across
        section = document.add_section(WD_SECTION.NEW_PAGE)
        _page(section, landscape=True)
        heading = _para(document, text.by_unit_title.upper(), bold=True)
        heading.paragraph_format.space_after = _points(6)
        heading.paragraph_format.keep_with_next = True
        _unit_grid(document, units)


def unit_widths(keys: tuple[str, ...]) -> tuple[float, ...]:
    """mm per column of the table by unit: STT, the unit's name and the notes fixed, the
    targets' columns sharing the rest (an assessment column a little wider than a figure's)."""
    fixed = {"number": 12, "unit": 32, "note": 26}
    share = {k: 1.4 if k.startswith("status:") else 1.0 for k in keys if k not in fixed}
    rest = LANDSCAPE_WIDTH - sum(fixed[k] for k in keys if k in fixed)
    total = sum(share.values()) or 1.0
    return tuple(fixed[k] if k in fixed else rest * share[k] / total for k in keys)


def _unit_grid(document: Document, table: UnitTable) -> None:
    """The table by unit: its heading row repeated on every page, rows kept whole, the total
    rows bold."""
    grid = document.add_table(rows=1 + len(table.rows), cols=len(table.keys))
    grid.style = "Table Grid"
    _widths(grid, unit_widths(table.keys))
    head = grid.rows[0]
    _row_flags(head, header=True)
    for c, title in zip(head.cells, table.headings, strict=True):
        _cell(c, title, bold=True, align="center", size=UNIT_PT)
    for row, data in zip(grid.rows[1:], table.rows, strict=True):
        _row_flags(row, header=False)
        for key, c, value in zip(table.keys, row.cells, data.cells, strict=True):
            align = "center" if key == "number" or key.startswith("status:") else \
                "right" if unit_numeric(key) else "left"
            _cell(c, value, bold=data.group, align=align, size=UNIT_PT, tight=True)


def column_widths(keys: tuple[str, ...]) -> tuple[float, ...]:
    """mm per column, the name (or unit) column taking the rest of the landscape width (at
    least NAME_WIDTH: the other columns narrowed in proportion when it would have less)."""
    fixed = sum(WIDTHS[k] for k in keys if k in WIDTHS)
    scale = min(1.0, (LANDSCAPE_WIDTH - NAME_WIDTH) / fixed) if fixed else 1.0
    return tuple(WIDTHS[k] * scale if k in WIDTHS else LANDSCAPE_WIDTH - fixed * scale
                 for k in keys)


def _table(document: Document, table: Table, *, whole_groups: bool = True) -> None:
    """A grid, the heading row repeated on every page, rows kept whole, each group kept on
    one page (keep with next) or, with `whole_groups` False (the table by unit: a target's
    units may be more than a page holds), only its first row with its group row; group rows
    merged from the second cell to the last."""
    grid = document.add_table(rows=1 + len(table.rows), cols=len(table.keys))
    grid.style = "Table Grid"
    _widths(grid, column_widths(table.keys))
    head = grid.rows[0]
    _row_flags(head, header=True)
    for c, title in zip(head.cells, table.headings, strict=True):
        _cell(c, title, bold=True, align="center")
    for n, (row, data) in enumerate(zip(grid.rows[1:], table.rows, strict=True)):
        _row_flags(row, header=False)
        cells = row.cells
        if data.group:
            _cell(cells[0], data.cells[0], bold=True, align="center", keep=True)
            merged = cells[1].merge(cells[-1])
            _cell(merged, data.cells[1], bold=True, align="left", keep=True)
            continue
        # a group is kept on one page: each of its rows keeps with the next one of it
        keep = whole_groups and n + 1 < len(table.rows) and not table.rows[n + 1].group
        for key, c, value in zip(table.keys, cells, data.cells, strict=True):
            align = "center" if key == "number" else "right" if key in NUMERIC else "left"
            _cell(c, value, align=align, keep=keep)


def grid(document: Document, headings: list[str], rows: list[list[str]],
         widths: tuple[float, ...], right: frozenset[int]) -> None:
    """A plain grid in the annex's style: the heading row bold, centred and repeated on every
    page, rows never split, the columns `right` (by index) aligned right; `widths` in mm."""
    table = document.add_table(rows=1 + len(rows), cols=len(headings))
    table.style = "Table Grid"
    _widths(table, widths)
    _row_flags(table.rows[0], header=True)
    for c, title in zip(table.rows[0].cells, headings, strict=True):
        _cell(c, title, bold=True, align="center")
    for row, data in zip(table.rows[1:], rows, strict=True):
        _row_flags(row, header=False)
        for i, (c, value) in enumerate(zip(row.cells, data, strict=True)):
            _cell(c, value, align="center" if i == 0 else "right" if i in right else "left")


def _row_flags(row: _Row, *, header: bool) -> None:
    """w:cantSplit on every row, w:tblHeader on the heading row."""
    from docx.oxml.ns import qn

    tr_pr = row._tr.get_or_add_trPr()
    names = ("w:cantSplit", "w:tblHeader") if header else ("w:cantSplit",)
    for name in names:
        tr_pr.append(tr_pr.makeelement(qn(name), {}))


def _cell(c: _Cell, value: str, *, bold: bool = False, align: str = "left",
          keep: bool = False, size: float = 0, tight: bool = False) -> None:
    from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
    from docx.shared import Pt

    c.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    paragraph = _para(c, value, bold=bold, size=size or TABLE_PT, align=align, first=True)
    paragraph.paragraph_format.space_before = Pt(0 if tight else 1)
    paragraph.paragraph_format.space_after = Pt(0 if tight else 1)
    # the line as tall as the cell's text, not the 14-pt paragraph mark of the style
    paragraph.paragraph_format.line_spacing = Pt((size or TABLE_PT) * 1.17)
    paragraph.paragraph_format.keep_with_next = keep
