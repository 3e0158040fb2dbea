"""The steps every command shares: errors to exit codes (the one place), the language, the
terminal, loading the plan and the figures, judging, and writing the result."""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import gc
import os
import shutil
import sys
from collections.abc import Callable, Iterator, Sequence
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
            f"'{option if option is not None else os.environ.get('HAULOC_LANG')}' is not a "
            "language; use vi or en",
            param_hint="--lang" if option is not None else "HAULOC_LANG",
        )
    return lang


def terminal(color: Color, to_file: bool = False) -> tuple[bool, int]:
    """Colour and width for text meant for people; a file is never coloured."""
    from hauloc_cli.cli.term import output_width, use_color

    isatty = sys.stdout.isatty() and not to_file
    columns = shutil.get_terminal_size((80, 24)).columns
    colored = use_color(color.value, os.environ, isatty) and not to_file
    return colored, output_width(os.environ, isatty, columns)


def check_output(output: Path | None, inputs: tuple[Path | None, ...] = (),
                 *, force: bool = True, units: Path | None = None) -> None:
    """Before any work: an --output that could not be written, that is one of the run's
    `inputs` (the plan: None stands for the shipped one; the units file given or named by the
    plan), or, without `force`, that exists already is a usage error (exit 2)."""
    if output is not None:
        from hauloc_cli.cli.output import check_new, check_writable, expect, protect_inputs
        from hauloc_cli.inputs.plan_file import default_plan_path
        from hauloc_cli.inputs.units_file import units_named

        check_writable(output)
        paths = tuple(p or default_plan_path() for p in inputs)
        protect_inputs(output, (*paths, units, *map(units_named, paths)))
        if not force:
            check_new(output)
        expect(output, force=force)


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
    """--period in any spelling an actuals file takes (`2024-Q2`, `Q2`, `6 tháng`, …)."""
    if period is None:
        return None
    from hauloc_cli.inputs.periods import PeriodError, read_period
    from hauloc_cli.model.periods import Period

    try:
        return Period(year, read_period(period, year))
    except PeriodError as exc:
        from hauloc_cli.errors import Code

        message = (f"{period} is not in the plan's year {year}" if exc.code is Code.WRONG_YEAR
                   else f"{exc.message}; {exc.hint}")
        raise typer.BadParameter(message, param_hint="--period") from None


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


def decimal_comma(options: ReadOptions, plan: Plan) -> ReadOptions:
    """--decimal-comma, else $HAULOC_DECIMAL (`comma` or `point`), else the plan's
    `number_format` (`vi` reads 1.234,5)."""
    if options.decimal_comma:
        return options
    setting = os.environ.get("HAULOC_DECIMAL", "").strip().lower()
    if setting not in ("", "comma", "point"):
        raise typer.BadParameter(f"'{setting}' is not comma or point",
                                 param_hint="HAULOC_DECIMAL")
    comma = setting == "comma" if setting else plan.plan.number_format == "vi"
    return dataclasses.replace(options, decimal_comma=comma)


def after_data(actuals: str, judged: Period, latest: Period | None) -> Problem | None:
    """A warning when the quarter judged comes after the latest one in the file."""
    if latest is None or judged <= latest:
        return None
    return Problem(actuals, "", Code.PERIOD_AFTER_DATA,
                   f"--period {judged} is after the latest quarter in the file ({latest}); "
                   "the quarters after it are judged as having no figure",
                   "check that this is the latest file, or leave out --period")


def load(actuals: Sequence[Path], targets: Path | None, period: str | None,
         options: ReadOptions, last_year: Path | None = None
         ) -> tuple[Plan, Actuals, Period]:
    """The plan, the checked actuals (with those of --last-year; warnings said on stderr) and
    the period to judge."""
    plan = load_plan(targets, options.max_size)
    judged = period_option(period, plan.plan.year)
    import dataclasses

    from hauloc_cli.inputs.actuals import with_last_year
    from hauloc_cli.inputs.plan_file import default_plan_path
    from hauloc_cli.inputs.reports import read_reports
    from hauloc_cli.inputs.units_file import units_for_plan

    units = units_for_plan(plan, targets or default_plan_path(), options.units_file,
                           options.max_size)
    options = decimal_comma(dataclasses.replace(options, units=units, period=judged), plan)
    data = read_reports(actuals, plan, options)
    if last_year is not None:
        data = with_last_year(data, last_year, plan, options)
    data = dataclasses.replace(data, units=units)
    if judged is not None and (late := after_data(data.file, judged, data.figures.latest)):
        data = dataclasses.replace(data, warnings=(*data.warnings, late))
    warn(data.warnings)
    if judged is None:
        judged = max(filter(None, (f.latest for f in (data.figures, *data.by_unit.values()))),
                     default=None)
    if judged is None:
        raise InputError([Problem(
            data.file, "", Code.EMPTY_FILE, "every value in the file is empty",
            "fill in the value column, or pass --period to judge with no figures")])
    return plan, data, judged


def prepare(actuals: Sequence[Path], targets: Path | None, period: str | None,
            output: Path | None, lang: str | None, options: ReadOptions,
            last_year: Path | None = None, *, force: bool = True
            ) -> tuple[Plan, Actuals, Period, str]:
    """The start of every run that judges figures: the output checked before any work (an
    existing file refused unless `force`), the language, then the plan, the figures and the
    period (see `load`)."""
    from hauloc_cli.inputs.reports import actuals_files

    more = () if last_year is None else (last_year,)
    check_output(output, (*actuals_files(actuals), *more, targets), force=force,
                 units=options.units_file)
    language_asked = language(lang)
    return (*load(actuals, targets, period, options, last_year), language_asked)
