"""The official report as one printable HTML page: the Word document's letter and annex table
(`letterhead.py`, `cells.py`) with inline CSS, no script, nothing fetched.

Printed, it is A4 with the margins of Decree 30 (top and bottom 20 mm, left 30 mm, right
15 mm), the body 13 pt, the tables 10–10.5 pt, the page number at the top from page 2; the
annex starts a new page, in landscape. The fonts: Noto Serif (every Vietnamese letter), then
Tinos, then Times New Roman. Times New Roman is not first because on Linux fontconfig answers
that name, and Tinos too, with Liberation Serif, which lacks letters such as `ệ`, so every
page would mix two typefaces inside words; where Noto Serif is not installed (Windows, macOS)
Times New Roman is what is used. Each group (its tbody) is
kept whole on a page and the heading row repeats on each page. On screen, no figure or word
is broken inside itself (the table's layout is automatic, figures do not wrap). Every text
from a file (plan, targets, units, issuer, signer) goes through
`html.escape`, as in `render/summary/html.py`.
"""

from __future__ import annotations

import re
from html import escape

from hauloc_cli.render import Options
from hauloc_cli.render.report.cells import (
    NUMERIC,
    Table,
    UnitTable,
    plan_table,
    unit_numeric,
    unit_table,
)
from hauloc_cli.render.report.letterhead import Letter, Para, letter
from hauloc_cli.views.annex import Annex

CSS = """
*{box-sizing:border-box}
body{margin:0;background:#fff;color:#000;
 font-family:"Noto Serif",Tinos,"Times New Roman","Liberation Serif","DejaVu Serif",serif;
 font-size:13pt;line-height:1.3}
.doc{max-width:190mm;margin:0 auto;padding:12mm 8mm}
p{margin:0}
.head{display:grid;grid-template-columns:38% 62%;text-align:center;font-size:12.5pt}
.issuer,.nation{font-weight:700;text-transform:uppercase}
.motto{font-weight:700}
hr{border:0;border-top:1px solid #000;margin:2pt auto 6pt;height:0}
hr.issuer-rule{width:30%}
hr.motto-rule{width:21em;max-width:95%}
hr.title-rule{width:30%}
.dated{font-style:italic}
p.number,p.note{white-space:pre-wrap}
h1{font-size:13pt;text-align:center;margin:14pt 0 0;line-height:1.35}
h1 span{display:block}
.letter{text-align:justify;margin:8pt 0 0}
.letter p{text-indent:10mm;margin:6pt 0 0}
.sign{display:grid;grid-template-columns:45% 55%;margin-top:10pt;break-inside:avoid;
 break-before:avoid}
.recipients{font-size:11pt}
.recipients p:first-child{font-size:12pt;font-weight:700;font-style:italic}
.signer{text-align:center;font-weight:700}
.signer .name{margin-top:52pt;min-height:1.3em}
.annex{margin-top:18pt}
h2{font-size:13pt;text-align:center;margin:0;line-height:1.35;break-after:avoid;
 break-inside:avoid}
h2 span{display:block}
p.note{text-align:center;font-style:italic;margin-bottom:6pt;break-after:avoid}
h3{font-size:12pt;margin:12pt 0 4pt;break-after:avoid}
table{width:100%;border-collapse:collapse;font-size:11pt;line-height:1.2}
th,td{border:1px solid #000;padding:1.5pt 3pt;vertical-align:middle}
th{font-weight:700;text-align:center}
thead{display:table-header-group}
tbody{break-inside:avoid;page-break-inside:avoid}
tr{break-inside:avoid}
tr.group td{font-weight:700}
td.number{text-align:center}
td.numeric{text-align:right}
td.numeric.figure{white-space:nowrap}
table.units{table-layout:fixed}
td,th{overflow-wrap:normal;word-break:normal;hyphens:manual}
.annex{break-before:page}
.letter p.heading{break-after:avoid}
.by-unit{break-before:page}
@page{size:A4;margin:20mm 15mm 20mm 30mm;
 @top-center{content:counter(page);font-family:"Noto Serif",Tinos,"Times New Roman",serif;
  font-size:13pt}}
@page:first{@top-center{content:none}}
@page annex{size:A4 landscape}
@media print{
 .doc{max-width:none;padding:0}
 body{font-size:13pt;line-height:1.25}
 .letter{margin-top:0}
 .sign{margin-top:6pt}
 .head{font-size:13pt}
 h1,h2{font-size:13pt}
 .annex,.by-unit{page:annex;margin-top:0}
 table{font-size:10.5pt;line-height:1.15}
 th{font-size:10pt;line-height:1.1}
 table.units{font-size:10pt}
 th,td{padding:0.6pt 2pt}
 .recipients{font-size:11pt}
 .signer .name{margin-top:40pt}
 h1{margin-top:6pt}
}
"""
_FIGURE = re.compile(r"[≤+\-]?\s?\d")
# Column widths in % of the table: the name (or unit) column takes the rest.
WIDTHS = {"number": 5, "measure": 10, "plan": 10, "last_year": 8, "month": 8, "value": 9,
          "of_plan": 8, "of_last_year": 8, "assessment": 12, "note": 13, "term_goal": 8,
          "next_plan": 9, "next_vs": 8}
NAME_WIDTH = 17  # % the name column keeps, however many columns there are


def _lines(lines: tuple[str, ...], css: str = "") -> str:
    klass = f' class="{css}"' if css else ""
    return "".join(f"<p{klass}>{escape(line)}</p>" for line in lines)


def _head(text: Letter) -> str:
    """Issuing body, rule, number | motto, rule, place and date."""
    return ('<header class="head"><div>'
            f'{_lines(text.issuer, "issuer")}<hr class="issuer-rule">'
            f'<p class="number">{escape(text.number)}</p></div><div>'
            f'<p class="nation">{escape(text.motto[0])}</p>'
            f'<p class="motto">{escape(text.motto[1])}</p><hr class="motto-rule">'
            f'<p class="dated">{escape(text.dated)}</p></div></header>')


def _para(para: Para) -> str:
    """A paragraph of the letter: a heading bold, but for the words after its `lead`; a
    group's `lead` bold before its results."""
    klass = f' class="{para.kind}"' if para.kind != "text" else ""
    if para.kind == "heading" and not para.lead:
        return f"<p{klass}><b>{escape(para.text)}</b></p>"
    lead = f"<b>{escape(para.lead)}</b> " if para.lead else ""
    return f"<p{klass}>{lead}{escape(para.text)}</p>"


def _letter(text: Letter) -> str:
    body = "".join(_para(para) for para in text.body)
    return (f'<h1>{escape(text.title)}<span>{escape(text.subject)}</span></h1>'
            '<hr class="title-rule">'
            f'<section class="letter">{body}</section>')


def _signature(text: Letter) -> str:
    signed = text.signature
    lines = [t for t in (signed.on_behalf, signed.title) if t]
    # room to sign, kept when the name is to be written by hand
    name = f'<p class="name">{escape(signed.name or "")}</p>'
    return (f'<section class="sign"><div class="recipients">{_lines(text.recipients)}</div>'
            f'<div class="signer">{_lines(tuple(lines))}{name}</div></section>')


def _cell(key: str, text: str) -> str:
    """Escaped; a unit of measure may break after each '/' (triệu đồng/người/năm)."""
    shown = escape(text)
    return shown.replace("/", "/\u200b") if key == "measure" else shown


def _class(key: str, text: str) -> str:
    """A cell's class: a figure (`12,0`, `≤ 2,5`, `+1,4 điểm %`) is never broken inside
    itself; words in a column of figures (a milestone's plan) may wrap."""
    if key == "number":
        return "number"
    if key in NUMERIC:
        return "numeric figure" if _FIGURE.match(text) else "numeric"
    return key


def _table(table: Table) -> str:
    """The grid: a colgroup of widths, the heading row, one tbody per group (kept whole on a
    page when printed)."""
    fixed = sum(WIDTHS[k] for k in table.keys if k in WIDTHS)
    if fixed <= 100 - NAME_WIDTH:
        cols = "".join(f'<col style="width:{WIDTHS.get(k, 100 - fixed)}%">' for k in table.keys)
    else:  # many columns: each narrowed in proportion, the name keeping NAME_WIDTH
        scale = (100 - NAME_WIDTH) / fixed
        widths = (WIDTHS[k] * scale if k in WIDTHS else NAME_WIDTH for k in table.keys)
        cols = "".join(f'<col style="width:{w:.2f}%">' for w in widths)
    heads = "".join(f"<th>{escape(h)}</th>" for h in table.headings)
    bodies: list[list[str]] = []
    for row in table.rows:
        if row.group:
            bodies.append([f'<tr class="group"><td class="number">{escape(row.cells[0])}</td>'
                           f'<td colspan="{len(table.keys) - 1}">{escape(row.cells[1])}</td>'
                           "</tr>"])
            continue
        cells = "".join(
            f'<td class="{_class(k, c)}">{_cell(k, c)}</td>'
            for k, c in zip(table.keys, row.cells, strict=True))
        if not bodies:
            bodies.append([])
        bodies[-1].append(f"<tr>{cells}</tr>")
    tbodies = "".join(f'<tbody class="group">{"".join(rows)}</tbody>' for rows in bodies)
    return (f"<table><colgroup>{cols}</colgroup><thead><tr>{heads}</tr></thead>"
            f"{tbodies}</table>")


def _unit_class(key: str) -> str:
    if key == "number" or key.startswith("status:"):
        return "number"
    return "numeric" if unit_numeric(key) else "text"


def _unit_table(table: UnitTable) -> str:
    """The table by unit: a colgroup (STT, the unit, the targets sharing the rest, notes),
    the heading row repeated on each printed page, the total rows bold."""
    fixed = {"number": 4, "unit": 14, "note": 12}
    share = {k: 1.25 if k.startswith("status:") else 1.0 for k in table.keys if k not in fixed}
    rest = 100 - sum(fixed[k] for k in table.keys if k in fixed)
    total = sum(share.values()) or 1.0
    cols = "".join(
        f'<col style="width:{fixed[k] if k in fixed else rest * share[k] / total:.2f}%">'
        for k in table.keys)
    heads = "".join(f"<th>{escape(h)}</th>" for h in table.headings)
    rows = []
    for row in table.rows:
        cells = "".join(f'<td class="{_unit_class(k)}">{escape(c)}</td>'
                        for k, c in zip(table.keys, row.cells, strict=True))
        klass = ' class="group"' if row.group else ""
        rows.append(f"<tr{klass}>{cells}</tr>")
    return (f'<table class="units"><colgroup>{cols}</colgroup><thead><tr>{heads}</tr></thead>'
            f"<tbody>{''.join(rows)}</tbody></table>")


def render_report_html(annex: Annex, lang: str) -> str:
    text = letter(annex, lang)
    units = unit_table(annex, lang)
    by_unit = "" if units is None else \
        f'<section class="by-unit"><h3>{escape(text.by_unit_title.upper())}</h3>' \
        f"{_unit_table(units)}</section>"
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(text.title)} · {escape(text.subject)}</title>\n"
        f"<style>{CSS}</style>\n</head>\n<body>\n<main class=\"doc\">\n"
        f"{_head(text)}\n{_letter(text)}\n{_signature(text)}\n"
        f'<section class="annex"><h2>{escape(text.annex_title)}'
        f"<span>{escape(text.annex_subject)}</span></h2>"
        f'<p class="note">{escape(text.annex_note)}</p>\n'
        f"{_table(plan_table(annex, lang))}\n{by_unit}</section>\n"
        "</main>\n</body>\n</html>\n")


def render(annex: Annex, options: Options) -> str:
    return render_report_html(annex, options.lang)
