"""`hauloc check`: judge every target and print the report (table, JSON, CSV or Markdown)."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from hauloc_cli.cli import common
from hauloc_cli.cli import options as opt

if TYPE_CHECKING:
    from hauloc_cli.core.run import Outcome


class Format(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"
    markdown = "markdown"


# The options of check alone (those it shares with other commands are in options.py).
QuietOpt = Annotated[bool, typer.Option(
    "--quiet", "-q", help="Table and markdown: show only the targets at or below "
    "--fail-on, and the summary line.")]
SilentOpt = Annotated[bool, typer.Option(
    "--silent", help="Print nothing on stdout (--output is still written, errors "
    "still go to stderr); only the exit code tells.")]
FailOnMissingOpt = Annotated[bool, typer.Option(
    "--fail-on-missing", help="Exit 1 also when a target has no figure for the quarter "
    "judged (none at all, or only an earlier quarter's).")]
UnitOpt = Annotated[str | None, typer.Option(
    "--unit", help="One unit's own report, judged against its assignments (needs a "
    "units file).", show_default=False)]
ByUnitOpt = Annotated[bool, typer.Option(
    "--by-unit", help="The targets x units matrix: each unit's figure and status.")]
MailOpt = Annotated[Path | None, typer.Option(
    "--mail", help="Also write FILE: a mail (a Subject: line, a blank line, the body) saying "
    "what happened, with counts and names, in the language of --lang; written on errors too. "
    "examples/cron/hauloc-report.sh sends it.", dir_okay=False, show_default=False)]


@common.exits
def check(
    actuals: opt.ActualsArg,
    targets: opt.TargetsOpt = None,
    period: opt.PeriodOpt = None,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.table,
    fail_on: opt.FailOnOpt = opt.FailOn.off_track,
    lang: opt.LangOpt = None,
    color: opt.ColorOpt = opt.Color.auto,
    output: opt.OutputOpt = None,
    quiet: QuietOpt = False,
    silent: SilentOpt = False,
    fail_on_missing: FailOnMissingOpt = False,
    unit: UnitOpt = None,
    by_unit: ByUnitOpt = False,
    mail: MailOpt = None,
    last_year: opt.LastYearOpt = None,
    encoding: opt.EncodingOpt = None,
    delimiter: opt.DelimiterOpt = None,
    sheet: opt.SheetOpt = None,
    decimal_comma: opt.DecimalCommaOpt = False,
    max_errors: opt.MaxErrorsOpt = opt.MAX_ERRORS,
    max_size: opt.MaxSizeOpt = opt.MAX_SIZE_MB,
    units_file: opt.UnitsOpt = None,
) -> None:
    """Judge every target: achieved, on track, at risk, off track or no data."""
    options = opt.make_read_options(encoding, delimiter, sheet, decimal_comma, max_errors,
                                    max_size, units_file)
    with common.bulk_load():
        outcome, language = common.prepare(actuals, targets, period, output, lang, options,
                                           last_year)
        from hauloc_cli.cli.units import matrix
        from hauloc_cli.render import CHECK_FORMATS, CheckOptions, render_as

        report, units = outcome.report, outcome.units
        if unit is not None:
            report, units = outcome.for_unit(unit), None
        use_color, width = common.terminal(color, to_file=output is not None)
        text = matrix(units, fmt.value, language, width) if by_unit else render_as(
            CHECK_FORMATS, fmt.value, report, CheckOptions(
                lang=language, width=width, color=use_color,
                only=common.failing(fail_on) if quiet else None, warnings=outcome.warnings,
                units=units))
        if fail_on_missing:
            _say_missing(outcome, language)
        common.emit(text, output, silent=silent, bom=fmt is Format.csv)
        if mail is not None:
            from hauloc_cli.render.mail import outcome_mail

            common.emit(outcome_mail(outcome.report, outcome.missing_units(),
                                     None if outcome.units is None else outcome.units.units,
                                     language), mail)
        raise typer.Exit(common.exit_code(outcome, fail_on, fail_on_missing))


def _say_missing(outcome: Outcome, language: str) -> None:
    """--fail-on-missing: the targets without a figure for the period judged, then the units
    that did not report, on stderr."""
    from hauloc_cli.render.cells import missing_note, missing_units_notes

    if missing := outcome.missing():
        typer.echo(missing_note(outcome.report, missing, language), err=True)
    if outcome.units is not None and (gone := outcome.missing_units()):
        for line in missing_units_notes(outcome.plan, outcome.units.units, gone,
                                        outcome.period, language):
            typer.echo(line, err=True)
