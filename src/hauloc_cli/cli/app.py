"""The Typer app: the commands registered, `--version`, and the console script's entry point."""

from __future__ import annotations

import contextlib
import errno
import io
import os
import signal
import sys
import traceback
from typing import Annotated, NoReturn

import typer

from hauloc_cli import __version__
from hauloc_cli.cli import (
    check,
    init,
    plan,
    report,
    schema,
    summary,
    targets,
    template,
    term_plan,
    validate,
)
from hauloc_cli.errors import (
    EXIT_BROKEN_PIPE,
    EXIT_FAIL_ON,
    EXIT_INTERNAL,
    EXIT_INTERRUPTED,
    EXIT_USAGE,
)

app = typer.Typer(
    help="Where a local government stands against the targets it set itself for the year.",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)
app.command()(check.check)
app.command("targets")(targets.list_targets)
app.command()(template.template)
app.command()(summary.summary)
app.command()(report.report)
app.command()(validate.validate)
app.command()(schema.schema)
app.command()(term_plan.term)
app.command()(init.init)
app.add_typer(plan.plan_app, name="plan")


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
    # A new run (the tests run many in one process): no input read, no output expected yet.
    # Only modules already imported have anything to forget; --help imports neither.
    if (output := sys.modules.get("hauloc_cli.cli.output")) is not None:
        output.forget()
    if (textio := sys.modules.get("hauloc_cli.inputs.files.text")) is not None:
        textio.forget_inputs()


class Interrupted(BaseException):
    """SIGINT (Ctrl-C), raised where the run is: not a KeyboardInterrupt, which click would
    turn into "Aborted!" and exit 1. Files being written are removed on the way out."""


def _pacified(stream: object) -> bool:
    """Whether click (typer's copy of it) has put its wrapper in place of stdout: it does so
    when it meets a broken pipe, just before it exits 1."""
    return type(stream).__name__ == "PacifyFlushWrapper"


def _interrupt(signum: int, frame: object) -> None:
    raise Interrupted


class _ClosedStdout(io.TextIOBase):
    """Stands for a stdout that was closed (`>&-`): writing to it fails, so a command that
    must print says so (exit 2), and one that writes --output only still does."""

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        raise OSError(errno.EBADF, "it is closed")

    def isatty(self) -> bool:
        return False


def _closed_streams() -> None:
    """Keep file descriptors 1 and 2 taken when the shell closed them, so that no file the run
    opens gets their number; a closed stdout fails when written (exit 2), a closed stderr
    swallows messages."""
    for fd, name in ((1, "stdout"), (2, "stderr")):
        if getattr(sys, name) is not None:
            continue
        spare = os.open(os.devnull, os.O_WRONLY)
        if spare != fd:
            os.dup2(spare, fd)
            os.close(spare)
        setattr(sys, name, _ClosedStdout() if fd == 1 else open(os.devnull, "w"))  # noqa: SIM115


def _stdout_failed() -> OSError | None:
    """The error writing stdout gives now (pending output flushed again), else None."""
    stream = sys.stdout
    if stream is None:
        return None
    try:
        stream.flush()
    except OSError as exc:
        return exc
    return None


def _silence_stdout() -> None:
    """Point file descriptor 1 at /dev/null, so that what is left in stdout's buffer goes
    nowhere quietly when Python exits, instead of failing once more."""
    with contextlib.suppress(OSError):
        spare = os.open(os.devnull, os.O_WRONLY)
        os.dup2(spare, 1)
        os.close(spare)


def _leave(code: int, message: str | None = None) -> NoReturn:
    if message is not None:
        with contextlib.suppress(OSError, ValueError):
            sys.stderr.write(message + "\n")
            sys.stderr.flush()
    sys.exit(code)


def main() -> NoReturn:
    """The console script: exit codes for what a user or the system can cause (README, "Exit
    codes"): a closed or full stdout 2, a broken pipe 141, SIGINT 130, each in one line or
    none; a bug keeps its traceback and exits 4, never 1."""
    _closed_streams()
    with contextlib.suppress(ValueError):  # not the main thread: leave SIGINT as it is
        signal.signal(signal.SIGINT, _interrupt)
    try:
        try:
            app()
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
            if code == EXIT_FAIL_ON and _pacified(sys.stdout):
                raise BrokenPipeError(errno.EPIPE, "broken pipe") from None  # click's "1"
        else:
            code = 0
        failed = _stdout_failed()
        if failed is not None:
            raise failed
    except Interrupted:
        _leave(EXIT_INTERRUPTED, _said("app.interrupted"))
    except KeyboardInterrupt:
        _leave(EXIT_INTERRUPTED, _said("app.interrupted"))
    except BrokenPipeError:
        _silence_stdout()
        _leave(EXIT_BROKEN_PIPE)  # the reader stopped reading: nothing to say to anyone
    except OSError as exc:
        if (failed := _stdout_failed()) is None and exc.filename is None:
            failed = exc if exc.errno in (errno.ENOSPC, errno.EBADF, errno.EIO) else None
        if failed is None:
            _internal()
        if isinstance(failed, BrokenPipeError):
            _silence_stdout()
            _leave(EXIT_BROKEN_PIPE)
        _silence_stdout()
        _leave(EXIT_USAGE, _said("app.stdout_failed", why=failed.strerror or failed))
    except BaseException:
        _internal()
    sys.exit(code)


def script() -> NoReturn:
    """The console script and `python -m hauloc_cli`: `main`, then, once every stream is
    flushed and every exit handler has run, the process ends without freeing what it made
    one object at a time (a million figures take about 0.4 s to free; docs/performance.md).
    Tests call `main`, which leaves as any Python function does."""
    try:
        main()
    except SystemExit as exc:
        if exc.code is not None and not isinstance(exc.code, int):
            raise
        _quick_exit(exc.code or 0)


def _quick_exit(code: int) -> NoReturn:
    """What Python does at exit that anyone can see (threads joined, exit handlers run,
    stdout and stderr flushed), then `os._exit`: not the teardown of every object."""
    import atexit
    import threading

    threading._shutdown()  # type: ignore[attr-defined]
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        try:
            if stream is not None:
                stream.flush()
        except (OSError, ValueError):
            sys.exit(code)  # let Python report it, as it would have
    os._exit(code)


def _said(key: str, **args: object) -> str:
    """A line of the program's own, in the run's language: --lang as typed on the command
    line, else HAULOC_LANG, else the locale (English when none says, or all else failed)."""
    try:
        from hauloc_cli.cli import common

        argv = sys.argv[1:]
        asked = next((a.split("=", 1)[1] for a in argv if a.startswith("--lang=")), None)
        if asked is None and "--lang" in argv[:-1]:
            asked = argv[argv.index("--lang") + 1]
        return common.say(common.error_language(asked), key, **args)
    except Exception:  # the line must be said whatever is broken
        from hauloc_cli.vocab.messages import MESSAGES

        return MESSAGES["en"][key].format(**args)


def _internal() -> NoReturn:
    traceback.print_exc()
    typer.echo(_said("app.internal", version=__version__), err=True)
    sys.exit(EXIT_INTERNAL)
