"""`hauloc plan import`: a draft plan read from a resolution (its annex table or its text)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from hauloc_cli.cli import common
from hauloc_cli.cli import options as opt

plan_app = typer.Typer(
    help="Plans: draft one from the resolution that sets the targets.",
    no_args_is_help=True, rich_markup_mode=None)


@plan_app.command("import")
@common.exits
def import_resolution(
    resolution: Annotated[Path, typer.Argument(
        help="The resolution: its annex table (.xlsx, .ods, .csv, or a table in a .docx) or "
        "its text (.docx, .txt).", dir_okay=False, show_default=False)],
    output: opt.OutputOpt = None,
    year: Annotated[int | None, typer.Option(
        "--year", min=1900, max=9999, help="The plan's year. Default: the one the "
        "resolution names (Kế hoạch năm 2026, năm 2026).", show_default=False)] = None,
    plan_id: Annotated[str | None, typer.Option(
        "--id", help="The plan's id. Default: the resolution file's name.",
        show_default=False)] = None,
    force: Annotated[bool, typer.Option(
        "--force", help="Write over an existing --output file (never over the resolution).")
    ] = False,
    encoding: opt.EncodingOpt = None,
    max_size: opt.MaxSizeOpt = opt.MAX_SIZE_MB,
) -> None:
    """Draft a plan from a resolution: one target per target it states, to check by hand."""
    common.check_output(output, (resolution,), force=force)
    from hauloc_cli.core.project import refused_warnings
    from hauloc_cli.inputs.files.text import MB
    from hauloc_cli.inputs.resolution.read import read_resolution
    from hauloc_cli.render.draft import render_draft
    lang = common.error_language(None)
    draft = read_resolution(resolution, year, int(max_size * MB), encoding)
    common.warn(refused_warnings(draft), lang)
    common.emit(render_draft(draft, plan_id), output)
    typer.echo(common.say(lang, "import.summary", read=len(draft.read),
                          refused=len(draft.refused)), err=True)
