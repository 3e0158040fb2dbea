"""The steps every command shares: errors to exit codes (the one place), the language, the
terminal, loading the plan and the figures, judging, and writing the result."""

from __future__ import annotations

import contextlib
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
from hauloc_cli.errors import (
    EXIT_FAIL_ON,
    EXIT_INPUT,
    EXIT_OK,
    HaulocError,
    InputError,
    OptionError,
    Problem,
)

if TYPE_CHECKING:
    from hauloc_cli.core.run import Outcome
    from hauloc_cli.inputs.actuals.read import ReadOptions
    from hauloc_cli.model.plan import Plan
    from hauloc_cli.model.units import Units
    from hauloc_cli.rules.status import Status

F = TypeVar("F", bound=Callable[..., Any])


def exits(command: F) -> F:
    """Turn errors a user can cause into a message on stderr and the documented exit code."""

    @functools.wraps(command)
    def run(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except InputError as exc:
            lang = error_language(kwargs.get("lang"))
            typer.echo(exc.render(lang), err=True)
            count = len(exc.problems) + exc.more
            typer.echo(say(lang, "cli.input_error", count=count), err=True)
            _error_mail(kwargs.get("mail"), False, exc.render(lang), count, lang)
            raise typer.Exit(exc.exit_code) from None
        except OptionError as exc:
            lang = error_language(kwargs.get("lang"))
            said = say(lang, "cli.option_error", param=exc.param, message=exc.render(lang))
            _error_mail(kwargs.get("mail"), True, said, None, lang)
            if lang == "en":  # click's own words, as for any bad option value
                raise typer.BadParameter(str(exc), param_hint=exc.param) from None
            typer.echo(said, err=True)
            raise typer.Exit(exc.exit_code) from None
        except HaulocError as exc:
            lang = error_language(kwargs.get("lang"))
            said = say(lang, "cli.error", message=exc.render(lang))
            typer.echo(said, err=True)
            _error_mail(kwargs.get("mail"), exc.exit_code != EXIT_INPUT, said,
                        None, lang)
            raise typer.Exit(exc.exit_code) from None
        except MemoryError:  # what was given is more than this machine can hold
            lang = error_language(kwargs.get("lang"))
            typer.echo(say(lang, "cli.out_of_memory"), err=True)
            raise typer.Exit(EXIT_INPUT) from None

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


def _error_mail(mail: object, usage: bool, messages: str, count: int | None,
                lang: str) -> None:
    """`check --mail FILE` when the run stopped on an error: the mail says so. A mail that
    cannot be written is left unwritten (the error itself is said on stderr already)."""
    if not isinstance(mail, Path):
        return
    from hauloc_cli.cli.output import write_file
    from hauloc_cli.render.mail import error_mail

    with contextlib.suppress(OSError, HaulocError):
        write_file(mail, error_mail(usage, messages, count, lang).encode())


def error_language(option: object) -> str:
    """The language to say an error in: as for the output (`--lang`, `HAULOC_LANG`, the
    locale); English when that is itself what is wrong."""
    import hauloc_cli.vocab.periods  # noqa: F401 - periods in messages said in words
    from hauloc_cli.vocab.i18n import resolve_language

    return resolve_language(option if isinstance(option, str) else None, os.environ) or "en"


def say(lang: str, key: str, **args: object) -> str:
    """The message `key` of the catalogue (hauloc_cli/vocab/messages.py) in `lang` (periods
    in it in words: vocab/periods.py tells the catalogue how)."""
    import hauloc_cli.vocab.periods  # noqa: F401
    from hauloc_cli.vocab.messages import text

    return text(key, **args).render(lang)


def language(option: str | None) -> str:
    from hauloc_cli.vocab.i18n import resolve_language

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
        from hauloc_cli.inputs.term_link import term_named
        from hauloc_cli.inputs.units_file import units_named

        check_writable(output)
        paths = tuple(p or default_plan_path() for p in inputs)
        protect_inputs(output, (*paths, units, *map(units_named, paths),
                                *map(term_named, paths)))
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


def say_written(output: Path, outcome: Outcome, fail_on: FailOn, code: int, lang: str) -> None:
    """On stderr, for a run that wrote only a file: what it wrote and, when it exits 1, why
    (how many targets are at or below --fail-on)."""
    if code == EXIT_FAIL_ON:
        n = sum(r.status in failing(fail_on) for r in outcome.report.results)
        key = "cli.written_at_risk" if fail_on is FailOn.at_risk else "cli.written_off_track"
        typer.echo(say(lang, key, path=str(output), n=n), err=True)
    else:
        typer.echo(say(lang, "cli.written", path=str(output)), err=True)


def failing(fail_on: FailOn) -> frozenset[Status]:
    """The statuses at or below --fail-on (no_data never counts; missed always does)."""
    from hauloc_cli.rules.status import Status

    return {
        FailOn.off_track: frozenset({Status.MISSED, Status.OFF_TRACK}),
        FailOn.at_risk: frozenset({Status.MISSED, Status.OFF_TRACK, Status.AT_RISK}),
        FailOn.never: frozenset(),
    }[fail_on]


def exit_code(outcome: Outcome, fail_on: FailOn, fail_on_missing: bool = False) -> int:
    """1 when a target is at or below --fail-on; with --fail-on-missing, also when a target
    or a unit has no figure for the period judged."""
    if any(r.status in failing(fail_on) for r in outcome.report.results):
        return EXIT_FAIL_ON
    if fail_on_missing and (outcome.missing() or outcome.missing_units()):
        return EXIT_FAIL_ON
    return EXIT_OK


def warn_unwritable(plan: Plan, units: Units | None, targets: Path | None,
                    lang: str = "en") -> None:
    """For a workbook or a Word document: a warning for each text of the plan or the units
    file that the file cannot hold, and that is shown as U+FFFD instead."""
    from hauloc_cli.errors import Code
    from hauloc_cli.inputs.plan_file import default_plan_path
    from hauloc_cli.render import unwritable
    from hauloc_cli.vocab.messages import text

    found = [(str(targets or default_plan_path()), where)
             for where in unwritable(plan.model_dump(mode="json"))]
    if units is not None:
        found += [("units", where) for where in unwritable(units.model_dump(mode="json"))]
    warn(tuple(Problem(
        file, "", Code.UNWRITABLE_TEXT, text("warning.unwritable_text", where=where),
        text("hint.remove_it")) for file, where in found), lang)


def warn(warnings: tuple[Problem, ...], lang: str = "en") -> None:
    """Warnings about the input go to stderr, one a line, in `lang`, whatever the output."""
    import hauloc_cli.vocab.periods  # noqa: F401 - periods in messages said in words

    for warning in warnings:
        typer.echo(say(lang, "cli.warning", message=warning.render(lang)), err=True)


def prepare(actuals: Sequence[Path], targets: Path | None, period: str | None,
            output: Path | None, lang: str | None, options: ReadOptions,
            last_year: Path | None = None, *, force: bool = True,
            also: tuple[Path, ...] = ()) -> tuple[Outcome, str]:
    """The start of every run that judges figures: the output checked before any work (an
    existing file refused unless `force`; `also` are more inputs it must not be), the
    language, then the one pipeline (`core.run`); its warnings are said on stderr."""
    from hauloc_cli.core.run import Request, run
    from hauloc_cli.inputs.actuals.sources import actuals_files

    more = (*also, *(() if last_year is None else (last_year,)))
    check_output(output, (*actuals_files(actuals), *more, targets), force=force,
                 units=options.units_file)
    language_asked = language(lang)
    outcome = run(Request(actuals, targets, period, options, last_year))
    warn(outcome.warnings, language_asked)
    return outcome, language_asked
