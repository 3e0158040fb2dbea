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
)

if TYPE_CHECKING:
    from hauloc_cli.plan import Plan
    from hauloc_cli.status import Report

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


class FailOn(str, Enum):
    off_track = "off-track"
    at_risk = "at-risk"
    never = "never"


class Color(str, Enum):
    auto = "auto"
    always = "always"
    never = "never"


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


def _plan(targets: Path | None) -> Plan:
    from hauloc_cli.plan import default_plan_path, load_plan

    return load_plan(targets or default_plan_path())


def _lang(option: str | None) -> str:
    from hauloc_cli.i18n import resolve_language

    lang = resolve_language(option, os.environ)
    if lang is None:
        raise typer.BadParameter(
            f"'{option or os.environ.get('HAULOC_LANG')}' is not a language; use vi or en",
            param_hint="--lang" if option else "HAULOC_LANG",
        )
    return lang


def _terminal(color: Color) -> tuple[bool, int]:
    from hauloc_cli.term import output_width, use_color

    isatty = sys.stdout.isatty()
    columns = shutil.get_terminal_size((80, 24)).columns
    return use_color(color.value, os.environ, isatty), output_width(os.environ, isatty, columns)


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


def _exit_code(report: Report, fail_on: FailOn) -> int:
    from hauloc_cli.status import Status

    failing = {
        FailOn.off_track: {Status.OFF_TRACK},
        FailOn.at_risk: {Status.OFF_TRACK, Status.AT_RISK},
        FailOn.never: set(),
    }[fail_on]
    return EXIT_FAIL_ON if any(r.status in failing for r in report.results) else EXIT_OK


@app.command()
def check(
    actuals: Annotated[Path, typer.Argument(help="Quarterly actuals (CSV).", dir_okay=False,
                                            show_default=False)],
    targets: TargetsOpt = None,
    period: PeriodOpt = None,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.table,
    fail_on: FailOnOpt = FailOn.off_track,
    lang: LangOpt = None,
    color: ColorOpt = Color.auto,
) -> None:
    """Judge every target: achieved, on track, at risk, off track or no data."""
    with _user_errors(), _bulk_load():
        language = _lang(lang) if fmt is Format.table else "en"
        plan = _plan(targets)
        quarter = _quarter(period, plan.plan.year)
        from hauloc_cli.actuals import read_actuals
        from hauloc_cli.status import evaluate

        data = read_actuals(actuals, plan)
        for warning in data.warnings:
            typer.echo(f"warning: {warning}", err=True)
        if quarter is None:
            quarter = data.latest_quarter
        if quarter is None:
            raise InputError([_no_figures(actuals)])
        report = evaluate(plan, data.series, quarter)
        if fmt is Format.json:
            from hauloc_cli.render.json import render_json

            text = render_json(report, data.warnings)
        else:
            from hauloc_cli.render.table import render_table

            use_color, width = _terminal(color)
            text = render_table(report, lang=language, width=width, color=use_color)
        sys.stdout.write(text)
        raise typer.Exit(_exit_code(report, fail_on))


def _no_figures(actuals: Path) -> Problem:
    return Problem(str(actuals), "", "empty-file", "every value in the file is empty",
                   "fill in the value column, or pass --period to judge with no figures")


@app.command("targets")
def list_targets(
    targets: TargetsOpt = None,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.table,
    lang: LangOpt = None,
    color: ColorOpt = Color.auto,
) -> None:
    """List the targets of the plan."""
    with _user_errors():
        language = _lang(lang) if fmt is Format.table else "en"
        plan = _plan(targets)
        if fmt is Format.json:
            sys.stdout.write(plan.model_dump_json(indent=2) + "\n")
        else:
            from hauloc_cli.render.table import render_plan

            use_color, width = _terminal(color)
            sys.stdout.write(render_plan(plan, lang=language, width=width, color=use_color))


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
