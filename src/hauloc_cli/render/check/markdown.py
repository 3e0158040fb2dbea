"""The report as a Markdown table and the summary line, for wikis, issues and mail."""

from __future__ import annotations

import re

from hauloc_cli.render import CheckOptions
from hauloc_cli.render.cells import expected_key, row_cells, summary_line, with_unit
from hauloc_cli.render.compare_words import compared
from hauloc_cli.render.reasons import explain_result
from hauloc_cli.rules.compare import facts
from hauloc_cli.rules.status import Judgement, Result, Status
from hauloc_cli.vocab.i18n import label

COLUMNS = ("col.target", "col.plan", "col.actual", "col.expected", "col.progress", "col.status",
           "col.reason", "col.compare")
# Numbers are right-aligned, words left-aligned.
ALIGN = ("---", "---:", "---:", "---:", "---:", "---", "---", "---")


_SPECIAL = re.compile(r"([\\`*_\[\]<>|#])")


def escape(text: str) -> str:
    """Text from a file, made inert on one line: it cannot end a table cell or row, nor turn
    into emphasis, a link, HTML or a heading."""
    return _SPECIAL.sub(r"\\\1", " ".join(text.split()))


def _row(r: Result, report: Judgement, lang: str) -> list[str]:
    cells = row_cells(r, report, lang)
    cells[0] = with_unit(cells[0], r.target, lang)
    bands = report.plan.status_bands
    return [*cells, explain_result(r, report.period, lang, bands),
            compared(facts(r, report.figures), r.target, lang, bands)]


def render_markdown(report: Judgement, *, lang: str = "en",
                    only: frozenset[Status] | None = None) -> str:
    """One table row per target in plan order, then the summary line.

    `only` keeps just the targets with those statuses (the summary line still counts all);
    when none is left the table is left out.
    """
    results = [r for r in report.results if only is None or r.status in only]
    rows = [_row(r, report, lang) for r in results]
    keys = {"col.expected": expected_key(r.target for r in results)}
    lines = []
    if rows:
        lines.append("| " + " | ".join(escape(label(lang, keys.get(c, c))) for c in COLUMNS)
                     + " |")
        lines.append("|" + "|".join(ALIGN) + "|")
        lines.extend("| " + " | ".join(escape(c) for c in row) + " |" for row in rows)
        lines.append("")
    lines.append(escape(summary_line(report, lang)))
    return "\n".join(lines) + "\n"


def render(report: Judgement, options: CheckOptions) -> str:
    return render_markdown(report, lang=options.lang, only=options.only)
