"""The data-entry template as CSV (`hauloc template --format csv`)."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from hauloc_cli.render import Options
from hauloc_cli.render.check.csv import safe_text
from hauloc_cli.render.template import header, row_cells, tidy, written
from hauloc_cli.views.template import TemplateRow


def render(rows: Sequence[TemplateRow], options: Options) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    names = header(rows)
    writer.writerow(written(names, bool(rows) and rows[0].unit is not None, options.lang))
    for row in rows:
        writer.writerow(safe_text(v) if isinstance(v, str) else tidy(v)
                        for v in row_cells(row, options.lang).values())
    return buffer.getvalue()
