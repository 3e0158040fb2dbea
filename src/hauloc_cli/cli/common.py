"""The steps every command shares: errors to exit codes (the one place), the language, the
terminal, loading the plan and the figures, judging, and writing the result."""

from __future__ import annotations

import contextlib
import functools
import gc
import os
import shutil
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import typer

from hauloc_cli.cli.options import Color, FailOn
from hauloc_cli.errors import EXIT_FAIL_ON, EXIT_OK, Code, HaulocError, InputError, Problem

if TYPE_CHECKING:
    from hauloc_cli.inputs.actuals import Actuals, ReadOptions
    from hauloc_cli.model.periods import Period
    from hauloc_cli.model.plan import Plan
    from hauloc_cli.rules.status import Report, Status

F = TypeVar("F", bound=Callable[..., Any])


def exits(command: F) -> F:
    """Turn errors a user can cause into a message on stderr and the documented exit code."""

    @functools.wraps(command)
    def run(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except InputError as exc:
            typer.echo(exc.render(), err=True)
            count = len(exc.problems) + exc.more
            typer.echo(f"Error: {count} problem(s) found; nothing was evaluated.", err=True)
            raise typer.Exit(exc.exit_code) from None
        except HaulocError as exc:
            typer.echo(f"Error: {exc}", err=True)
            raise typer.Exit(exc.exit_code) from None

    return run  # type: ignore[return-value]


@contextlib.contextmanager
def bulk_load() -> Iterator[None]:
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


def load_plan(targets: Path | None, max_size: int | None = None) -> Plan:
    from hauloc_cli.inputs.plan_file import default_plan_path, load_plan

    return load_plan(targets or default_plan_path(), max_size)


def language(option: str | None) -> str:
    from hauloc_cli.render.i18n import resolve_language

    lang = resolve_language(option, os.environ)
    if lang is None:
        raise typer.BadParameter(
            f"'{option or os.environ.get('HAULOC_LANG')}' is not a language; use vi or en",
            param_hint="--lang" if option else "HAULOC_LANG",
        )
    return lang


def terminal(color: Color, to_file: bool = False) -> tuple[bool, int]:
    """Colour and width for text meant for people; a file is never coloured."""
    from hauloc_cli.cli.term import output_width, use_color

    isatty = sys.stdout.isatty() and not to_file
    columns = shutil.get_terminal_size((80, 24)).columns
    colored = use_color(color.value, os.environ, isatty) and not to_file
    return colored, output_width(os.environ, isatty, columns)


def check_output(output: Path | None) -> None:
    """Before any work: an --output that could not be written is a usage error (exit 2)."""
    if output is not None:
        from hauloc_cli.cli.output import check_writable

        check_writable(output)


def emit(data: str | bytes, output: Path | None, *, silent: bool = False,
         bom: bool = False) -> None:
    """Write a finished report: atomically to `output`, else to stdout unless `silent`.

    Call it only once the run has succeeded (exit 0 or 1), so that a failed run leaves the file
    as it was. `bom` starts a file (never stdout) with a UTF-8 BOM, so that Excel shows
    Vietnamese in a CSV file.
    """
    if output is not None:
        from hauloc_cli.cli.output import write_file

        raw = data if isinstance(data, bytes) else (("\ufeff" if bom else "") + data).encode()
        write_file(output, raw)
    elif not silent:
        if isinstance(data, bytes):
            sys.stdout.flush()
            sys.stdout.buffer.write(data)
        else:
            sys.stdout.write(data)


def period_option(period: str | None, year: int) -> Period | None:
    if period is None:
        return None
    from hauloc_cli.inputs.periods import parse_period

    parsed = parse_period(period)
    if parsed is None:
        raise typer.BadParameter(f"'{period}' is not a quarter; write it as {year}-Q2",
                                 param_hint="--period")
    if parsed.year != year:
        raise typer.BadParameter(f"{period} is not in the plan's year {year}",
                                 param_hint="--period")
    return parsed


def failing(fail_on: FailOn) -> frozenset[Status]:
    """The statuses at or below --fail-on (no_data never counts)."""
    from hauloc_cli.rules.status import Status

    return {
        FailOn.off_track: frozenset({Status.OFF_TRACK}),
        FailOn.at_risk: frozenset({Status.OFF_TRACK, Status.AT_RISK}),
        FailOn.never: frozenset(),
    }[fail_on]


def missing(report: Report) -> list[str]:
    """Targets with no figure for the judged period itself (none at all, or only older ones)."""
    return [r.target.id for r in report.results if r.as_of != report.period]


def exit_code(report: Report, fail_on: FailOn, fail_on_missing: bool = False) -> int:
    if any(r.status in failing(fail_on) for r in report.results):
        return EXIT_FAIL_ON
    if fail_on_missing and missing(report):
        return EXIT_FAIL_ON
    return EXIT_OK


def warn(warnings: tuple[Problem, ...]) -> None:
    """Warnings about the input go to stderr, one a line, whatever the output."""
    for warning in warnings:
        typer.echo(f"warning: {warning}", err=True)


def load(actuals: Path, targets: Path | None, period: str | None, options: ReadOptions,
         last_year: Path | None = None) -> tuple[Plan, Actuals, Period]:
    """The plan, the checked actuals (with those of --last-year; warnings said on stderr) and
    the period to judge."""
    plan = load_plan(targets, options.max_size)
    judged = period_option(period, plan.plan.year)
    from hauloc_cli.inputs.actuals import read_actuals, with_last_year

    data = read_actuals(actuals, plan, options)
    if last_year is not None:
        data = with_last_year(data, last_year, plan, options)
    warn(data.warnings)
    if judged is None:
        judged = data.figures.latest
    if judged is None:
        raise InputError([Problem(
            str(actuals), "", Code.EMPTY_FILE, "every value in the file is empty",
            "fill in the value column, or pass --period to judge with no figures")])
    return plan, data, judged


def prepare(actuals: Path, targets: Path | None, period: str | None, output: Path | None,
            lang: str | None, options: ReadOptions, last_year: Path | None = None
            ) -> tuple[Plan, Actuals, Period, str]:
    """The start of every run that judges figures: the output checked before any work, the
    language, then the plan, the figures and the period (see `load`)."""
    check_output(output)
    language_asked = language(lang)
    return (*load(actuals, targets, period, options, last_year), language_asked)
