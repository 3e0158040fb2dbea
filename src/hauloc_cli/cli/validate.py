"""`hauloc validate`: check the plan, and an actuals file if given, and say what was found."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from hauloc_cli.cli import common
from hauloc_cli.cli.options import LangOpt, TargetsOpt, read_options

if TYPE_CHECKING:
    from hauloc_cli.inputs.actuals import ReadOptions


@common.exits
@read_options
def validate(
    actuals: Annotated[Path | None, typer.Argument(
        help="Quarterly actuals (CSV or .xlsx) to check as well.", dir_okay=False,
        show_default=False)] = None,
    targets: TargetsOpt = None,
    lang: LangOpt = None,
    *,
    options: ReadOptions,
) -> None:
    """Check the plan, and an actuals file if given, and say what was found (exit 0 or 3)."""
    language = common.language(lang)
    plan = common.load_plan(targets, options.max_size)
    from hauloc_cli.inputs.actuals import read_actuals
    from hauloc_cli.render.validate import describe

    if actuals is None:
        typer.echo(describe(plan, lang=language))
        return
    data = read_actuals(actuals, plan, options)
    common.warn(data.warnings)
    year = plan.plan.year  # last year's figures (compare_last_year) are not quarters judged
    typer.echo(describe(plan, data.rows, [p for p in data.figures.periods if p.year == year],
                        language))
