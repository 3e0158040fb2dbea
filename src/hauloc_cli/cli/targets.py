"""`hauloc targets`: list the targets of the plan."""

from __future__ import annotations

import sys
from enum import Enum
from typing import Annotated

import typer

from hauloc_cli.cli import common
from hauloc_cli.cli.options import Color, ColorOpt, LangOpt, TargetsOpt


class ListFormat(str, Enum):
    table = "table"
    json = "json"


@common.exits
def list_targets(
    targets: TargetsOpt = None,
    fmt: Annotated[ListFormat, typer.Option("--format", "-f", help="Output format.")
                   ] = ListFormat.table,
    lang: LangOpt = None,
    color: ColorOpt = Color.auto,
) -> None:
    """List the targets of the plan."""
    language = common.language(lang)
    from hauloc_cli.core.run import load_plan

    plan = load_plan(targets)
    from hauloc_cli.render import PLAN_FORMATS, Options, render_as

    use_color, width = common.terminal(color)
    sys.stdout.write(render_as(PLAN_FORMATS, fmt.value, plan,
                               Options(lang=language, width=width, color=use_color)))
