"""The Typer app: the commands registered, `--version`, and the console script's entry point."""

from __future__ import annotations

import sys
import traceback
from typing import Annotated, NoReturn

import typer

from hauloc_cli import __version__
from hauloc_cli.cli import check, report, schema, summary, targets, template, validate
from hauloc_cli.errors import EXIT_INTERNAL

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
    from hauloc_cli.cli.output import forget
    from hauloc_cli.inputs.textio import forget_inputs

    forget()  # a new run: no input read, no output expected yet
    forget_inputs()


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
