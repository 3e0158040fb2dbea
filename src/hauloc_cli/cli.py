"""The command line: parse options, call the core, pick a renderer, write, map errors to exits.

The only module that imports typer. Everything heavy (pydantic, yaml, rich) is imported inside
the command that needs it, so `--help` and `--format json` start fast.
"""

from __future__ import annotations

import contextlib
import gc
import os
import shutil
import sys
import traceback
from collections.abc import Iterator
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

from hauloc_cli import __version__
from hauloc_cli.errors import (
    EXIT_FAIL_ON,
    EXIT_INTERNAL,
    EXIT_OK,
    HaulocError,
    InputError,
    Problem,
    UsageError,
)

if TYPE_CHECKING:
    from hauloc_cli.actuals import Actuals, ReadOptions
    from hauloc_cli.plan import Plan
    from hauloc_cli.status import Report, Status

app = typer.Typer(
    help="Where a local government stands against the targets it set itself for the year.",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


class Format(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"
    markdown = "markdown"


class ListFormat(str, Enum):
    table = "table"
    json = "json"


class TemplateFormat(str, Enum):
    csv = "csv"
    xlsx = "xlsx"


class BriefFormat(str, Enum):
    table = "table"
    markdown = "markdown"
    html = "html"


class FailOn(str, Enum):
    off_track = "off-track"
    at_risk = "at-risk"
    never = "never"


class Color(str, Enum):
    auto = "auto"
    always = "always"
    never = "never"


ActualsArg = Annotated[
    Path,
    typer.Argument(help="Quarterly actuals: CSV or Excel (.xlsx).", dir_okay=False,
                   show_default=False),
]
TargetsOpt = Annotated[
    Path | None,
    typer.Option("--targets", "-t", help="Plan file (YAML). Default: the plan shipped with hauloc.",
                 dir_okay=False, show_default=False),
]
PeriodOpt = Annotated[
    str | None,
    typer.Option("--period", "-p", help="Quarter to judge, e.g. 2024-Q2. "
                 "Default: the latest quarter in the file.", show_default=False),
]
FailOnOpt = Annotated[
    FailOn,
    typer.Option("--fail-on", help="Exit 1 when a target is at or below this status."),
]
LangOpt = Annotated[
    str | None,
    typer.Option("--lang", help="vi or en. Default: $HAULOC_LANG, else vi in a Vietnamese "
                 "locale, else en.", show_default=False),
]
ColorOpt = Annotated[
    Color,
    typer.Option("--color", help="Colour the output: auto (only on a terminal), always, never."),
]
OutputOpt = Annotated[
    Path | None,
    typer.Option("--output", "-o", help="Write to FILE instead of stdout: atomically, and only "
                 "when the run succeeds (exit 0 or 1).", dir_okay=False, show_default=False),
]
QuietOpt = Annotated[
    bool,
    typer.Option("--quiet", "-q", help="Table and markdown: show only the targets at or below "
                 "--fail-on, and the summary line."),
]
SilentOpt = Annotated[
    bool,
    typer.Option("--silent", help="Print nothing on stdout (--output is still written, errors "
                 "still go to stderr); only the exit code tells."),
]

# How to read input files: shared by every command that reads actuals (see ReadOptions).
EncodingOpt = Annotated[
    str | None,
    typer.Option("--encoding", help="Encoding of a CSV file, e.g. cp1258 (Vietnamese Windows). "
                 "Default: UTF-8, or what the file's byte-order mark says.", show_default=False),
]
DelimiterOpt = Annotated[
    str | None,
    typer.Option("--delimiter", help="Field separator of a CSV file: ',' ';' or 'tab'. "
                 "Default: detected from the header line.", show_default=False),
]
SheetOpt = Annotated[
    str | None,
    typer.Option("--sheet", help="Sheet of an .xlsx workbook. Default: the first sheet.",
                 show_default=False),
]
DecimalCommaOpt = Annotated[
    bool,
    typer.Option("--decimal-comma", help="Numbers are written the Vietnamese way, 1.234,5: "
                 "',' is the decimal separator and '.' groups thousands."),
]
MaxErrorsOpt = Annotated[
    int,
    typer.Option("--max-errors", min=1, help="Show at most this many problems of a file."),
]
MaxSizeOpt = Annotated[
    float,
    typer.Option("--max-size", min=0.001, help="Refuse input files larger than this (MB)."),
]


def _read_options(encoding: str | None, delimiter: str | None, sheet: str | None,
                  decimal_comma: bool, max_errors: int, max_size: float) -> ReadOptions:
    from hauloc_cli.actuals import ReadOptions
    from hauloc_cli.textio import MB

    return ReadOptions(encoding=encoding, delimiter=delimiter, sheet=sheet,
                       decimal_comma=decimal_comma, max_errors=max_errors,
                       max_size=int(max_size * MB))


def _version(value: bool) -> None:
    if value:
        typer.echo(f"hauloc {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Show the version and exit.")] = False,
) -> None:
    """hauloc: quarterly progress against the year's targets."""


@contextlib.contextmanager
def _user_errors() -> Iterator[None]:
    """Turn errors a user can cause into a message on stderr and the documented exit code."""
    try:
        yield
    except InputError as exc:
        typer.echo(exc.render(), err=True)
        count = len(exc.problems) + exc.more
        typer.echo(f"Error: {count} problem(s) found; nothing was evaluated.", err=True)
        raise typer.Exit(exc.exit_code) from None
    except HaulocError as exc:
        typer.echo(f"Error: {exc}", err=True)
        raise typer.Exit(exc.exit_code) from None


@contextlib.contextmanager
def _bulk_load() -> Iterator[None]:
    """Pause the garbage collector while a plan and its figures are loaded and judged.

    A big plan is hundreds of thousands of small objects that all live until the process
    ends; the collector would walk them again and again as they are made, which makes a
    50,000-target plan take much longer than five times a 10,000-target one (see
    docs/performance.md). A short run makes few reference cycles, so nothing is lost by
    pausing. What was loaded is then frozen out of later collections, the one at exit included.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()


def _plan(targets: Path | None, max_size: int | None = None) -> Plan:
    from hauloc_cli.plan import default_plan_path, load_plan

    return load_plan(targets or default_plan_path(), max_size)


def _lang(option: str | None) -> str:
    from hauloc_cli.i18n import resolve_language

    lang = resolve_language(option, os.environ)
    if lang is None:
        raise typer.BadParameter(
            f"'{option or os.environ.get('HAULOC_LANG')}' is not a language; use vi or en",
            param_hint="--lang" if option else "HAULOC_LANG",
        )
    return lang


def _terminal(color: Color, to_file: bool = False) -> tuple[bool, int]:
    """Colour and width for text meant for people; a file is never coloured."""
    from hauloc_cli.term import output_width, use_color

    isatty = sys.stdout.isatty() and not to_file
    columns = shutil.get_terminal_size((80, 24)).columns
    colored = use_color(color.value, os.environ, isatty) and not to_file
    return colored, output_width(os.environ, isatty, columns)


def _check_output(output: Path | None) -> None:
    """Before any work: an --output that could not be written is a usage error (exit 2)."""
    if output is not None:
        from hauloc_cli.output import check_writable

        check_writable(output)


def _emit(data: str | bytes, output: Path | None, *, silent: bool = False,
          bom: bool = False) -> None:
    """Write a finished report: atomically to `output`, else to stdout unless `silent`.

    Call it only once the run has succeeded (exit 0 or 1), so that a failed run leaves the file
    as it was. `bom` starts a file (never stdout) with a UTF-8 BOM, so that Excel shows
    Vietnamese in a CSV file.
    """
    if output is not None:
        from hauloc_cli.output import write_atomic

        raw = data if isinstance(data, bytes) else (("\ufeff" if bom else "") + data).encode()
        try:
            write_atomic(output, raw)
        except OSError as exc:
            raise UsageError(f"{output}: cannot be written ({exc.strerror or exc})") from None
    elif not silent:
        if isinstance(data, bytes):
            sys.stdout.flush()
            sys.stdout.buffer.write(data)
        else:
            sys.stdout.write(data)


def _quarter(period: str | None, year: int) -> int | None:
    if period is None:
        return None
    from hauloc_cli.periods import parse_period

    parsed = parse_period(period)
    if parsed is None:
        raise typer.BadParameter(f"'{period}' is not a quarter; write it as {year}-Q2",
                                 param_hint="--period")
    if parsed[0] != year:
        raise typer.BadParameter(f"{period} is not in the plan's year {year}",
                                 param_hint="--period")
    return parsed[1]


def _failing(fail_on: FailOn) -> frozenset[Status]:
    """The statuses at or below --fail-on (no_data never counts)."""
    from hauloc_cli.status import Status

    return {
        FailOn.off_track: frozenset({Status.OFF_TRACK}),
        FailOn.at_risk: frozenset({Status.OFF_TRACK, Status.AT_RISK}),
        FailOn.never: frozenset(),
    }[fail_on]


def _missing(report: Report) -> list[str]:
    """Targets with no figure for the judged quarter itself (none at all, or only older ones)."""
    return [r.target.id for r in report.results if r.as_of != report.quarter]


def _exit_code(report: Report, fail_on: FailOn, fail_on_missing: bool = False) -> int:
    failing = _failing(fail_on)
    if any(r.status in failing for r in report.results):
        return EXIT_FAIL_ON
    if fail_on_missing and _missing(report):
        return EXIT_FAIL_ON
    return EXIT_OK


def _render(report: Report, fmt: Format, *, lang: str, color: Color, to_file: bool,
            only: frozenset[Status] | None, warnings: tuple[Problem, ...]) -> str:
    """The report in the format asked; `only` (from --quiet) applies to table and markdown."""
    if fmt is Format.json:
        from hauloc_cli.render.json import render_json

        return render_json(report, warnings)
    if fmt is Format.csv:
        from hauloc_cli.render.csv import render_csv

        return render_csv(report)
    if fmt is Format.markdown:
        from hauloc_cli.render.markdown import render_markdown

        return render_markdown(report, lang=lang, only=only)
    from hauloc_cli.render.table import render_table

    use_color, width = _terminal(color, to_file)
    return render_table(report, lang=lang, width=width, color=use_color, only=only)


def _load(actuals: Path, targets: Path | None, period: str | None, options: ReadOptions
          ) -> tuple[Plan, Actuals, int]:
    """The plan, the checked actuals (warnings said on stderr) and the quarter to judge."""
    plan = _plan(targets, options.max_size)
    quarter = _quarter(period, plan.plan.year)
    from hauloc_cli.actuals import read_actuals

    data = read_actuals(actuals, plan, options)
    for warning in data.warnings:
        typer.echo(f"warning: {warning}", err=True)
    if quarter is None:
        quarter = data.latest_quarter
    if quarter is None:
        raise InputError([Problem(
            str(actuals), "", "empty-file", "every value in the file is empty",
            "fill in the value column, or pass --period to judge with no figures")])
    return plan, data, quarter


@app.command()
def check(
    actuals: ActualsArg,
    targets: TargetsOpt = None,
    period: PeriodOpt = None,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.table,
    fail_on: FailOnOpt = FailOn.off_track,
    lang: LangOpt = None,
    color: ColorOpt = Color.auto,
    output: OutputOpt = None,
    quiet: QuietOpt = False,
    silent: SilentOpt = False,
    fail_on_missing: Annotated[bool, typer.Option(
        "--fail-on-missing", help="Exit 1 also when a target has no figure for the quarter "
        "judged (none at all, or only an earlier quarter's).")] = False,
    encoding: EncodingOpt = None,
    delimiter: DelimiterOpt = None,
    sheet: SheetOpt = None,
    decimal_comma: DecimalCommaOpt = False,
    max_errors: MaxErrorsOpt = 50,
    max_size: MaxSizeOpt = 100,
) -> None:
    """Judge every target: achieved, on track, at risk, off track or no data."""
    with _user_errors(), _bulk_load():
        _check_output(output)
        language = _lang(lang)
        options = _read_options(encoding, delimiter, sheet, decimal_comma, max_errors, max_size)
        plan, data, quarter = _load(actuals, targets, period, options)
        from hauloc_cli.status import evaluate

        report = evaluate(plan, data.series, quarter)
        text = _render(report, fmt, lang=language, color=color, to_file=output is not None,
                       only=_failing(fail_on) if quiet else None, warnings=data.warnings)
        missing = _missing(report)
        if fail_on_missing and missing:
            typer.echo(f"missing: no figure for {report.period} from {len(missing)} target(s): "
                       + ", ".join(missing), err=True)
        _emit(text, output, silent=silent, bom=fmt is Format.csv)
        raise typer.Exit(_exit_code(report, fail_on, fail_on_missing))


@app.command("targets")
def list_targets(
    targets: TargetsOpt = None,
    fmt: Annotated[ListFormat, typer.Option("--format", "-f", help="Output format.")
                   ] = ListFormat.table,
    lang: LangOpt = None,
    color: ColorOpt = Color.auto,
) -> None:
    """List the targets of the plan."""
    with _user_errors():
        language = _lang(lang)
        plan = _plan(targets)
        if fmt is ListFormat.json:
            sys.stdout.write(plan.model_dump_json(indent=2) + "\n")
        else:
            from hauloc_cli.render.table import render_plan

            use_color, width = _terminal(color)
            sys.stdout.write(render_plan(plan, lang=language, width=width, color=use_color))


@app.command()
def template(
    targets: TargetsOpt = None,
    period: Annotated[str | None, typer.Option(
        "--period", "-p", help="Only this quarter, e.g. 2024-Q3. Default: all four quarters.",
        show_default=False)] = None,
    fmt: Annotated[TemplateFormat | None, typer.Option(
        "--format", "-f", help="csv or xlsx. Default: xlsx when --output ends in .xlsx, else "
        "csv.", show_default=False)] = None,
    output: OutputOpt = None,
) -> None:
    """Write a file for offices to fill in: one row per target and quarter, value left empty."""
    with _user_errors():
        _check_output(output)
        plan = _plan(targets)
        quarter = _quarter(period, plan.plan.year)
        if fmt is None:
            xlsx = output is not None and output.suffix.lower() == ".xlsx"
            fmt = TemplateFormat.xlsx if xlsx else TemplateFormat.csv
        from hauloc_cli.periods import QUARTERS
        from hauloc_cli.template import template_csv, template_rows, template_xlsx

        rows = template_rows(plan, QUARTERS if quarter is None else (quarter,))
        if fmt is TemplateFormat.csv:
            _emit(template_csv(rows), output, bom=True)
            return
        if output is None and sys.stdout.isatty():
            raise UsageError("a workbook cannot be shown on a terminal; "
                             "give --output FILE.xlsx")
        _emit(template_xlsx(rows), output)


@app.command()
def summary(
    actuals: ActualsArg,
    targets: TargetsOpt = None,
    period: PeriodOpt = None,
    fmt: Annotated[BriefFormat, typer.Option(
        "--format", "-f", help="table (the terminal), markdown, or html (one printable page).",
    )] = BriefFormat.table,
    output: OutputOpt = None,
    fail_on: FailOnOpt = FailOn.off_track,
    lang: LangOpt = None,
    color: ColorOpt = Color.auto,
    encoding: EncodingOpt = None,
    delimiter: DelimiterOpt = None,
    sheet: SheetOpt = None,
    decimal_comma: DecimalCommaOpt = False,
    max_errors: MaxErrorsOpt = 50,
    max_size: MaxSizeOpt = 100,
) -> None:
    """The meeting brief: where we stand, what changed, what needs attention."""
    with _user_errors(), _bulk_load():
        _check_output(output)
        language = _lang(lang)
        options = _read_options(encoding, delimiter, sheet, decimal_comma, max_errors, max_size)
        plan, data, quarter = _load(actuals, targets, period, options)
        from hauloc_cli.brief import build_brief

        brief = build_brief(plan, data.series, quarter)
        if fmt is BriefFormat.html:
            from hauloc_cli.render.brief_html import render_brief_html

            text = render_brief_html(brief, lang=language, source_file=actuals.name)
        elif fmt is BriefFormat.markdown:
            from hauloc_cli.render.brief_markdown import render_brief_markdown

            text = render_brief_markdown(brief, lang=language)
        else:
            from hauloc_cli.render.brief_text import render_brief_text

            use_color, width = _terminal(color, to_file=output is not None)
            text = render_brief_text(brief, lang=language, width=width, color=use_color)
        _emit(text, output)
        raise typer.Exit(_exit_code(brief.report, fail_on))


@app.command()
def validate(
    actuals: Annotated[Path | None, typer.Argument(
        help="Quarterly actuals (CSV or .xlsx) to check as well.", dir_okay=False,
        show_default=False)] = None,
    targets: TargetsOpt = None,
    lang: LangOpt = None,
    encoding: EncodingOpt = None,
    delimiter: DelimiterOpt = None,
    sheet: SheetOpt = None,
    decimal_comma: DecimalCommaOpt = False,
    max_errors: MaxErrorsOpt = 50,
    max_size: MaxSizeOpt = 100,
) -> None:
    """Check the plan, and an actuals file if given, and say what was found (exit 0 or 3)."""
    with _user_errors():
        language = _lang(lang)
        options = _read_options(encoding, delimiter, sheet, decimal_comma, max_errors, max_size)
        plan = _plan(targets, options.max_size)
        from hauloc_cli.actuals import describe, read_actuals

        data = None if actuals is None else read_actuals(actuals, plan, options)
        for warning in data.warnings if data is not None else ():
            typer.echo(f"warning: {warning}", err=True)
        typer.echo(describe(plan, data, language))


@app.command()
def schema() -> None:
    """Print the JSON Schema of the plan file, for editors and other checkers."""
    import json

    from hauloc_cli.plan import plan_json_schema

    sys.stdout.write(json.dumps(plan_json_schema(), ensure_ascii=False, indent=2) + "\n")


def main() -> NoReturn:
    """The console script: a bug keeps its traceback and exits 4, never 1."""
    try:
        app()
    except SystemExit:
        raise
    except KeyboardInterrupt:
        sys.exit(130)
    except BaseException:
        traceback.print_exc()
        typer.echo(f"hauloc {__version__}: internal error; please report it with the "
                   "traceback above.", err=True)
        sys.exit(EXIT_INTERNAL)
    sys.exit(0)
