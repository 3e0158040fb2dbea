"""`hauloc term`: the term's status against a congress resolution's targets, from the years'
actuals (table, JSON, Markdown, or the official report as a printable HTML page or a Word
document)."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from hauloc_cli.cli import common
from hauloc_cli.cli import options as opt
from hauloc_cli.errors import UsageError


class TermFormat(str, Enum):
    table = "table"
    json = "json"
    markdown = "markdown"
    html = "html"
    docx = "docx"


TermPlanArg = Annotated[Path, typer.Argument(
    help="The term plan (YAML): the resolution's targets for the term and the base year's "
    "figures.", dir_okay=False, show_default=False, metavar="TERM_PLAN")]
YearsArg = Annotated[list[Path], typer.Argument(
    help="The years' actuals: one file per year of the term (CSV or Excel), or folders of "
    "them.", show_default=False, metavar="ACTUALS...")]


@common.exits
def term(
    term_plan: TermPlanArg,
    actuals: YearsArg,
    fmt: Annotated[TermFormat | None, typer.Option(
        "--format", "-f", help="table, json, markdown, or the official report: html, or docx "
        "(needs --output). Default: the --output file's suffix, else table.",
        show_default=False)] = None,
    lang: opt.LangOpt = None,
    color: opt.ColorOpt = opt.Color.auto,
    output: opt.OutputOpt = None,
    date: Annotated[str | None, typer.Option(
        "--date", help="html, docx: the report's date, YYYY-MM-DD. Default: left blank for the "
        "clerk.", show_default=False)] = None,
    fail_on: opt.FailOnOpt = opt.FailOn.off_track,
    encoding: opt.EncodingOpt = None,
    delimiter: opt.DelimiterOpt = None,
    sheet: opt.SheetOpt = None,
    decimal_comma: opt.DecimalCommaOpt = False,
    max_errors: opt.MaxErrorsOpt = opt.MAX_ERRORS,
    max_size: opt.MaxSizeOpt = opt.MAX_SIZE_MB,
) -> None:
    """Judge the term's targets: met, likely, at risk, unlikely, missed or no data."""
    from hauloc_cli.cli.output import format_from_suffix
    from hauloc_cli.cli.report import report_date

    chosen = TermFormat(fmt or format_from_suffix(output, (f.value for f in TermFormat),
                                                  TermFormat.table.value))
    if chosen is TermFormat.docx and output is None:
        raise UsageError("--format docx writes a file: give --output FILE.docx")

    options = opt.make_read_options(encoding, delimiter, sheet, decimal_comma, max_errors,
                                    max_size)
    issued = report_date(date)
    with common.bulk_load():
        from hauloc_cli.inputs.actuals.sources import actuals_files

        common.check_output(output, (*actuals_files(actuals), term_plan))
        language = common.language(lang)
        from hauloc_cli.core.term import TermRequest, run_term

        outcome = run_term(TermRequest(term_plan, actuals, options))
        common.warn(outcome.warnings, language)
        from hauloc_cli.render import TERM_FORMATS, TermOptions, render_file
        from hauloc_cli.views.term import build_term_view

        use_color, width = common.terminal(color, to_file=output is not None)
        text = render_file(TERM_FORMATS, chosen.value, build_term_view(outcome.report, issued),
                         TermOptions(lang=language, width=width, color=use_color,
                                       warnings=outcome.warnings))
        common.emit(text, output)
        failing = common.failing(fail_on)
        raise typer.Exit(1 if any(r.status in failing for r in outcome.report.results)
                         else 0)
