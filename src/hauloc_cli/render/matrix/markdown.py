"""The matrix in Markdown: a column per target, named in the header."""

from __future__ import annotations

from hauloc_cli.render import Options
from hauloc_cli.render.cells import target_name
from hauloc_cli.render.check.markdown import escape
from hauloc_cli.render.matrix import coverage_line, grid, silent
from hauloc_cli.rules.rollup import UnitsReport
from hauloc_cli.vocab.i18n import label


def render(units: UnitsReport, options: Options) -> str:
    lang = options.lang
    targets, rows = grid(units, lang)
    head = [label(lang, "matrix.unit"), *(escape(target_name(t, lang)) for t in targets)]
    lines = ["| " + " | ".join(head) + " |", "|---" + "|---:" * len(targets) + "|"]
    lines += ["| " + " | ".join([escape(n), *(escape(c) for c in cells)]) + " |"
              for n, cells in rows]
    notes = "".join(f"\n{escape(line)}  " for line in silent(units, lang))
    return "\n".join(lines) + "\n\n" + coverage_line(units, lang) + "  " + notes + "\n"
