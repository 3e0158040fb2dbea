"""The options commands share, declared once as `Annotated` types.

The input options (how to read an actuals file) are seven plain parameters of each command
that reads actuals (`EncodingOpt` … `UnitsOpt`, declared last); the command's first line makes
them one `ReadOptions` with `make_read_options`, which also refuses a value that cannot apply.
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from hauloc_cli.errors import UsageError

if TYPE_CHECKING:
    from hauloc_cli.inputs.actuals.read import ReadOptions


def plan_setting(ctx: typer.Context, value: Path | None) -> Path | None:
    from hauloc_cli.cli import project

    return project.plan(value, ctx.params.get("lang"))


def units_setting(value: Path | None) -> Path | None:
    from hauloc_cli.cli import project

    return project.units(value)


def lang_setting(value: str | None) -> str | None:
    from hauloc_cli.cli import project

    return project.lang(value)


class FailOn(str, Enum):
    off_track = "off-track"
    at_risk = "at-risk"
    never = "never"


class Color(str, Enum):
    auto = "auto"
    always = "always"
    never = "never"


ActualsArg = Annotated[
    list[Path],
    typer.Argument(help="Quarterly actuals: CSV or Excel (.xlsx) files, or folders of them "
                   "(one file per unit is fine).", show_default=False, metavar="ACTUALS..."),
]
LastYearOpt = Annotated[
    Path | None,
    typer.Option("--last-year", help="Actuals of the year before the plan's (CSV or .xlsx), "
                 "to compare every target with the same period last year.", dir_okay=False,
                 show_default=False),
]
TargetsOpt = Annotated[
    Path | None,
    typer.Option("--targets", "-t", help="Plan file (YAML). Default: $HAULOC_PLAN, else the "
                 "plan of the nearest hauloc.toml, else the example plan shipped with hauloc.",
                 dir_okay=False, show_default=False, callback=plan_setting),
]
PeriodOpt = Annotated[
    str | None,
    typer.Option("--period", "-p", help="Period to judge, e.g. 2024-Q2, 2024-10, "
                 "'10 tháng' (any spelling a file takes). Default: the latest period in the "
                 "file. Also the period of an annex "
                 "table's figures when its headings and title name none.", show_default=False),
]
FailOnOpt = Annotated[
    FailOn,
    typer.Option("--fail-on", help="Exit 1 when a target is at or below this status."),
]
LangOpt = Annotated[
    str | None,
    typer.Option("--lang", help="vi or en. Default: $HAULOC_LANG, else the lang of the "
                 "nearest hauloc.toml, else vi in a Vietnamese locale, else en.",
                 show_default=False, callback=lang_setting,
                 is_eager=True),  # before --targets, whose notice is in the language asked
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

# How to read input files: every command that reads actuals declares these seven options
# last, in this order, and builds one `ReadOptions` of them with `make_read_options`.
MAX_ERRORS = 50
MAX_SIZE_MB = 100

EncodingOpt = Annotated[
    str | None,
    typer.Option("--encoding", help="Encoding of a CSV file, e.g. cp1258 (Vietnamese "
                 "Windows). Default: UTF-8, or what the file's byte-order mark says.",
                 show_default=False),
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
    typer.Option("--decimal-comma", help="Numbers are written the Vietnamese way, "
                 "1.234,5: ',' is the decimal separator and '.' groups thousands."),
]
MaxErrorsOpt = Annotated[
    int,
    typer.Option("--max-errors", min=1, help="Show at most this many problems of a file."),
]
MaxSizeOpt = Annotated[
    float,
    typer.Option("--max-size", min=0.001, help="Refuse input files larger than this (MB)."),
]
UnitsOpt = Annotated[
    Path | None,
    typer.Option("--units", help="Units file (YAML, CSV or .xlsx): the units that report "
                 "and their tree. Default: $HAULOC_UNITS, else the units of the nearest "
                 "hauloc.toml, else the plan's 'units:', else none.",
                 dir_okay=False, show_default=False, callback=units_setting),
]


def make_read_options(encoding: str | None = None, delimiter: str | None = None,
                      sheet: str | None = None, decimal_comma: bool = False,
                      max_errors: int = MAX_ERRORS, max_size: float = MAX_SIZE_MB,
                      units_file: Path | None = None) -> ReadOptions:
    """The input options as one value; an option that cannot apply is a usage error."""
    from hauloc_cli.inputs.actuals.read import ReadOptions
    from hauloc_cli.inputs.files.table import DELIMITERS
    from hauloc_cli.inputs.files.text import MB, encoding_name

    if encoding is not None:
        encoding_name(encoding)
    from hauloc_cli.vocab.messages import text

    if delimiter is not None and delimiter not in DELIMITERS:
        raise UsageError(text("option.delimiter", delimiter=delimiter))
    if max_errors < 1:
        raise UsageError(text("option.max_errors"))
    if max_size <= 0:
        raise UsageError(text("option.max_size"))
    return ReadOptions(encoding=encoding, delimiter=delimiter, sheet=sheet,
                       decimal_comma=decimal_comma, max_errors=max_errors,
                       max_size=int(max_size * MB), units_file=units_file)
