"""`hauloc summary`: the meeting brief in the terminal, Markdown or one printable HTML page."""

from __future__ import annotations

from enum import Enum
from typing import Annotated

import typer

from hauloc_cli.cli import common
from hauloc_cli.cli import options as opt


class BriefFormat(str, Enum):
    table = "table"
    markdown = "markdown"
    html = "html"


@common.exits
def summary(
    actuals: opt.ActualsArg,
    targets: opt.TargetsOpt = None,
    period: opt.PeriodOpt = None,
    fmt: Annotated[BriefFormat, typer.Option(
        "--format", "-f", help="table (the terminal), markdown, or html (one printable page).",
    )] = BriefFormat.table,
    output: opt.OutputOpt = None,
    fail_on: opt.FailOnOpt = opt.FailOn.off_track,
    lang: opt.LangOpt = None,
    color: opt.ColorOpt = opt.Color.auto,
    last_year: opt.LastYearOpt = None,
    encoding: opt.EncodingOpt = None,
    delimiter: opt.DelimiterOpt = None,
    sheet: opt.SheetOpt = None,
    decimal_comma: opt.DecimalCommaOpt = False,
    max_errors: opt.MaxErrorsOpt = opt.MAX_ERRORS,
    max_size: opt.MaxSizeOpt = opt.MAX_SIZE_MB,
    units_file: opt.UnitsOpt = None,
) -> None:
    """The meeting brief: where we stand, what changed, what needs attention."""
    options = opt.make_read_options(encoding, delimiter, sheet, decimal_comma, max_errors,
                                    max_size, units_file)
    with common.bulk_load():
        outcome, language = common.prepare(actuals, targets, period, output, lang, options,
                                           last_year)
        from hauloc_cli.render import BRIEF_FORMATS, BriefOptions, render_as

        use_color, width = common.terminal(color, to_file=output is not None)
        text = render_as(BRIEF_FORMATS, fmt.value, outcome.brief, BriefOptions(
            lang=language, width=width, color=use_color,
            source_file=", ".join(p.name for p in actuals)))
        common.emit(text, output)
        raise typer.Exit(common.exit_code(outcome, fail_on))
