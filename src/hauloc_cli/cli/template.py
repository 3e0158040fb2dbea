"""`hauloc template`: a file for offices to fill in, as CSV or an Excel workbook."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from hauloc_cli.cli import common
from hauloc_cli.cli.options import LangOpt, OutputOpt, TargetsOpt, units_setting
from hauloc_cli.errors import UsageError


class TemplateFormat(str, Enum):
    csv = "csv"
    xlsx = "xlsx"


@common.exits
def template(
    targets: TargetsOpt = None,
    period: Annotated[str | None, typer.Option(
        "--period", "-p", help="Only this quarter, e.g. 2024-Q3. Default: all four quarters.",
        show_default=False)] = None,
    fmt: Annotated[TemplateFormat | None, typer.Option(
        "--format", "-f", help="csv or xlsx. Default: xlsx when --output ends in .xlsx, else "
        "csv.", show_default=False)] = None,
    output: OutputOpt = None,
    units: Annotated[Path | None, typer.Option(
        "--units", help="Units file: a row per unit that reports, with a unit column. "
        "Default: $HAULOC_UNITS, else the units of the nearest hauloc.toml, else the plan's "
        "'units:', else none.", dir_okay=False, show_default=False,
        callback=units_setting)] = None,
    split: Annotated[Path | None, typer.Option(
        "--split", help="With units: one file per unit in this folder (UNIT.csv or "
        "UNIT.xlsx), to send to each.", file_okay=False, show_default=False)] = None,
    force: Annotated[bool, typer.Option(
        "--force", help="Write over an existing --output file (never over the plan).")
    ] = False,
    lang: LangOpt = None,
) -> None:
    """Write a file for offices to fill in: one row per target and quarter, value left empty.

    In the language of the run (--lang): headers, period, plan and sheet names in Vietnamese
    with --lang vi, all of which check reads back."""
    common.check_output(output, (targets,), force=force, units=units)
    language = common.language(lang)
    from hauloc_cli.core.run import load_plan, load_units, period_option

    plan = load_plan(targets)
    only = period_option(period, plan.plan.year)
    tree = load_units(plan, targets, units)
    if fmt is None:
        from hauloc_cli.cli.output import format_from_suffix

        fmt = TemplateFormat(format_from_suffix(output, (f.value for f in TemplateFormat),
                                                TemplateFormat.csv.value))
    from hauloc_cli.cli.units import template_rows

    rows = template_rows(plan, tree, None if only is None else (only,))
    if fmt is TemplateFormat.xlsx:
        common.warn_unwritable(plan, tree, targets)
    if split is not None:
        from hauloc_cli.cli.units import write_split

        write_split(rows, split, fmt.value, force, language)
        return
    from hauloc_cli.render import BINARY_FORMATS, TEMPLATE_FORMATS, Options, render_file

    if fmt.value in BINARY_FORMATS and output is None and sys.stdout.isatty():
        raise UsageError("a workbook cannot be shown on a terminal; give --output FILE.xlsx")
    common.emit(render_file(TEMPLATE_FORMATS, fmt.value, rows, Options(lang=language)), output,
                bom=fmt.value not in BINARY_FORMATS)
