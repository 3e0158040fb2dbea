"""`hauloc validate`: check the plan, and an actuals file if given, and say what was found."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from hauloc_cli.cli import common
from hauloc_cli.cli import options as opt


@common.exits
def validate(
    actuals: Annotated[list[Path] | None, typer.Argument(
        help="Quarterly actuals to check as well: CSV or Excel (.xlsx) files, or folders of "
        "them, read exactly as check reads them.", show_default=False,
        metavar="ACTUALS")] = None,
    targets: opt.TargetsOpt = None,
    lang: opt.LangOpt = None,
    period: Annotated[str | None, typer.Option(
        "--period", "-p", help="The period of an annex table's figures when its headings and "
        "title name none, e.g. 2024-Q3.", show_default=False)] = None,
    encoding: opt.EncodingOpt = None,
    delimiter: opt.DelimiterOpt = None,
    sheet: opt.SheetOpt = None,
    decimal_comma: opt.DecimalCommaOpt = False,
    max_errors: opt.MaxErrorsOpt = opt.MAX_ERRORS,
    max_size: opt.MaxSizeOpt = opt.MAX_SIZE_MB,
    units_file: opt.UnitsOpt = None,
) -> None:
    """Check the plan, and actuals files or folders if given, and say what was found (exit 0
    or 3)."""
    options = opt.make_read_options(encoding, delimiter, sheet, decimal_comma, max_errors,
                                    max_size, units_file)
    language = common.language(lang)
    from hauloc_cli.core.run import Request, load, load_plan, load_units
    from hauloc_cli.render import VALIDATE_FORMATS, Options, render_as
    from hauloc_cli.render.validate import Checked

    def say(found: Checked) -> None:
        typer.echo(render_as(VALIDATE_FORMATS, "text", found, Options(lang=language)))

    if not actuals:
        plan = load_plan(targets, options.max_size)
        load_units(plan, targets, options.units_file, options.max_size)
        say(Checked(plan))
        return
    loaded = load(Request(tuple(actuals), targets, period, options))
    plan, data = loaded.plan, loaded.data
    common.warn(data.warnings, language)
    year = plan.plan.year  # last year's figures (compare_last_year) are not quarters judged
    periods = sorted({p for f in (data.figures, *data.by_unit.values()) for p in f.periods
                      if p.year == year})
    say(Checked(plan, data.rows, periods, data.sheet))
