"""`hauloc report`: the official report's annex table, as an Excel workbook, a Word document,
a printable HTML page or Markdown, in Vietnamese unless asked otherwise."""

from __future__ import annotations

import datetime as dt
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from hauloc_cli.cli import common
from hauloc_cli.cli import options as opt
from hauloc_cli.errors import OptionError, UsageError

if TYPE_CHECKING:
    from hauloc_cli.model.plan import Plan
    from hauloc_cli.model.term import TermPlan


class ReportFormat(str, Enum):
    xlsx = "xlsx"
    docx = "docx"
    html = "html"
    markdown = "markdown"


def report_format(fmt: ReportFormat | None, output: Path | None) -> ReportFormat:
    """The format asked, else the one the --output file's name says, else markdown; a binary
    format needs --output (usage error, exit 2, before any work)."""
    if fmt is None:
        from hauloc_cli.cli.output import format_from_suffix

        fmt = ReportFormat(format_from_suffix(output, (f.value for f in ReportFormat),
                                              ReportFormat.markdown.value))
    if fmt in (ReportFormat.xlsx, ReportFormat.docx) and output is None:
        from hauloc_cli.vocab.messages import text

        raise UsageError(text("option.format_needs_output", format=fmt.value))
    return fmt


def report_date(text: str | None) -> dt.date | None:
    """--date YYYY-MM-DD, the date of the report; None (left blank for the clerk) without."""
    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        from hauloc_cli.vocab.messages import text as message

        raise OptionError(message("option.not_a_date", text=text), "--date") from None


def _number(text: str | None) -> str | None:
    """--number: the register's number, as typed (`15`, `15a`); not a whole `15/BC-UBND`."""
    if text is None:
        return None
    shown = " ".join(text.split())
    if not shown or "/" in shown or len(shown) > 20:
        from hauloc_cli.vocab.messages import text as message

        raise OptionError(message("option.not_a_number", text=text), "--number")
    return shown


@common.exits
def report(
    actuals: opt.ActualsArg,
    targets: opt.TargetsOpt = None,
    period: opt.PeriodOpt = None,
    fmt: Annotated[ReportFormat | None, typer.Option(
        "--format", "-f", help="xlsx, docx, html or markdown. Default: from the --output "
        "file's name (.xlsx, .docx, .html, .md), else markdown.", show_default=False)] = None,
    output: opt.OutputOpt = None,
    lang: Annotated[str | None, typer.Option(
        "--lang", help="vi or en. Default: vi (the report is an official document).",
        show_default=False)] = None,
    date: Annotated[str | None, typer.Option(
        "--date", help="The report's date, YYYY-MM-DD. Default: left blank for the clerk.",
        show_default=False)] = None,
    number: Annotated[str | None, typer.Option(
        "--number", help="The report's number in the register (the 15 of Số: 15/BC-UBND). "
        "Default: left blank for the clerk.", show_default=False)] = None,
    force: Annotated[bool, typer.Option(
        "--force", help="Write over an existing --output file (never over an input).")
    ] = False,
    fail_on: opt.FailOnOpt = opt.FailOn.off_track,
    last_year: opt.LastYearOpt = None,
    next_plan: Annotated[Path | None, typer.Option(
        "--next-plan", help="Next year's plan (YAML): its targets beside this year's "
        "(Kế hoạch năm …), and their growth over this year's figure.", dir_okay=False,
        show_default=False)] = None,
    encoding: opt.EncodingOpt = None,
    delimiter: opt.DelimiterOpt = None,
    sheet: opt.SheetOpt = None,
    decimal_comma: opt.DecimalCommaOpt = False,
    max_errors: opt.MaxErrorsOpt = opt.MAX_ERRORS,
    max_size: opt.MaxSizeOpt = opt.MAX_SIZE_MB,
    units_file: opt.UnitsOpt = None,
) -> None:
    """The official report: the annex table of the period judged, one row per target."""
    options = opt.make_read_options(encoding, delimiter, sheet, decimal_comma, max_errors,
                                    max_size, units_file)
    chosen = report_format(fmt, output)
    issued = report_date(date)
    numbered = _number(number)
    with common.bulk_load():
        outcome, language = common.prepare(
            actuals, targets, period, output, "vi" if lang is None else lang, options, last_year,
            force=force, also=() if next_plan is None else (next_plan,))
        from hauloc_cli.render import ANNEX_FORMATS, BINARY_FORMATS, Options, render_file

        if chosen.value in BINARY_FORMATS:
            common.warn_unwritable(outcome.plan, outcome.loaded.units, targets, language)
        term, ahead = _beside(outcome.plan, targets, next_plan, options.max_size)
        common.emit(render_file(ANNEX_FORMATS, chosen.value,
                                outcome.annex(issued, numbered, term, ahead),
                                Options(lang=language)), output)
        code = common.exit_code(outcome, fail_on)
        if output is not None:  # nothing else is said: say what was written, and the exit code
            common.say_written(output, outcome, fail_on, code, language)
        raise typer.Exit(code)


def _beside(plan: Plan, targets: Path | None, next_plan: Path | None, max_size: int
            ) -> tuple[TermPlan | None, Plan | None]:
    """The term plan the plan names (`term_plan:`) and next year's plan (--next-plan, which
    must be of the year after the plan's)."""
    from hauloc_cli.core.run import load_plan
    from hauloc_cli.inputs.plan_file import default_plan_path
    from hauloc_cli.inputs.term_link import linked_term

    term = linked_term(plan, targets or default_plan_path(), max_size)
    if next_plan is None:
        return term, None
    ahead = load_plan(next_plan, max_size)
    if ahead.plan.year != plan.plan.year + 1:
        from hauloc_cli.vocab.messages import text as message

        raise OptionError(message("option.next_plan_year", path=str(next_plan),
                                  year=ahead.plan.year, plan=plan.plan.year), "--next-plan")
    return term, ahead
