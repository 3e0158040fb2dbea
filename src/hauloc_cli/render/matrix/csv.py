"""The matrix in CSV: a record per unit and rolled-up target."""

from __future__ import annotations

import csv
import io

from hauloc_cli.render import Options
from hauloc_cli.render.matrix import records
from hauloc_cli.rules.rollup import UnitsReport


def render(units: UnitsReport, options: Options) -> str:
    from hauloc_cli.render.check.csv import cell

    rows = records(units)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["period", "unit", "name", "target", "actual", "reported", "as_of",
                     "status", "verdict"])
    writer.writerows([cell(v) for v in row.values()] for row in rows)
    return buffer.getvalue()
