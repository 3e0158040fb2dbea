"""The matrix at a terminal: numbered target columns, split into pages of the width."""

from __future__ import annotations

import textwrap

from hauloc_cli.render import Options
from hauloc_cli.render.cells import target_name
from hauloc_cli.render.matrix import GAP, coverage_line, grid, silent
from hauloc_cli.rules.rollup import UnitsReport
from hauloc_cli.vocab.i18n import label


def render(units: UnitsReport, options: Options) -> str:
    lang, width = options.lang, options.width
    targets, rows = grid(units, lang)
    name_width = max([len(label(lang, "matrix.unit"))] + [len(n) for n, _ in rows])
    widths = [max([len(str(i + 1))] + [len(cells[i]) for _, cells in rows])
              for i in range(len(targets))]
    pages: list[list[int]] = [[]]
    used = name_width
    for i, w in enumerate(widths):
        if pages[-1] and used + len(GAP) + w > width:
            pages.append([])
            used = name_width
        pages[-1].append(i)
        used += len(GAP) + w
    out: list[str] = []
    for page in pages:
        head = [label(lang, "matrix.unit").ljust(name_width)]
        head += [str(i + 1).rjust(widths[i]) for i in page]
        out.append(GAP.join(head).rstrip())
        out.append("─" * min(width, len(out[-1])))
        for name, cells in rows:
            line = [name.ljust(name_width)] + [cells[i].rjust(widths[i]) for i in page]
            out.append(GAP.join(line).rstrip())
        out.append("")
    out += [f"{i + 1} {target_name(t, lang)}" for i, t in enumerate(targets)]
    out += ["", textwrap.fill(coverage_line(units, lang), width, break_on_hyphens=False)]
    out += [textwrap.fill(line, width, break_on_hyphens=False) for line in silent(units, lang)]
    return "\n".join(out) + "\n"
