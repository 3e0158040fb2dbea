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
    period: Annotated[str | None, typer.Option(
        "--period", "-p", help="The period of an annex table's figures when its headings and "
        "title name none, e.g. 2024-Q3.", show_default=False)] = None,
    *,
    options: ReadOptions,
) -> None:
    """Check the plan, and an actuals file if given, and say what was found (exit 0 or 3)."""
    language = common.language(lang)
    from hauloc_cli.core.run import Request, load, load_plan, load_units
    from hauloc_cli.render.validate import describe

    if actuals is None:
        plan = load_plan(targets, options.max_size)
        load_units(plan, targets, options.units_file, options.max_size)
        typer.echo(describe(plan, lang=language))
        return
    loaded = load(Request((actuals,), targets, period, options))
    plan, data = loaded.plan, loaded.data
    common.warn(data.warnings)
    year = plan.plan.year  # last year's figures (compare_last_year) are not quarters judged
    periods = sorted({p for f in (data.figures, *data.by_unit.values()) for p in f.periods
                      if p.year == year})
    typer.echo(describe(plan, data.rows, periods, language, data.sheet))
