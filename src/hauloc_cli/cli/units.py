"""What commands do with units besides judging (the pipeline, core/run.py, judges): the
targets × units matrix, the template's rows per unit, and one template file per unit.

Not a command.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from hauloc_cli.model.periods import Period
    from hauloc_cli.model.plan import Plan
    from hauloc_cli.model.units import Units
    from hauloc_cli.rules.rollup import UnitsReport
    from hauloc_cli.views.template import TemplateRow


def matrix(units: UnitsReport | None, fmt: str, lang: str, width: int) -> str:
    """`--by-unit`: the targets × units matrix in `fmt`."""
    from hauloc_cli.errors import UsageError
    from hauloc_cli.render import MATRIX_FORMATS, Options, render_as

    if units is None:
        from hauloc_cli.vocab.messages import text

        raise UsageError(text("option.by_unit_needs_units"))
    return render_as(MATRIX_FORMATS, fmt, units, Options(lang=lang, width=width))


def template_rows(plan: Plan, units: Units | None, periods: Sequence[Period] | None
                  ) -> list[TemplateRow]:
    """The template's rows: per unit when a units tree is in effect, else per target."""
    from hauloc_cli.inputs.units_file import plan_unit
    from hauloc_cli.views.template import template_rows as plain_rows
    from hauloc_cli.views.template import unit_template_rows

    if units is None:
        return plain_rows(plan, periods)
    return unit_template_rows(plan, units, plan_unit(plan, units), periods)


def write_split(rows: Sequence[TemplateRow], folder: Path, fmt: str, force: bool = False,
                lang: str = "en") -> None:
    """`template --split DIR`: one file per unit, DIR/UNIT.csv (or .xlsx), written atomically.
    A file that is there already (an office may have filled it in) is written over only with
    `force`; without it nothing is written and the files are named (exit 2). All the files
    are written, or none (`output.write_all`)."""
    from hauloc_cli.cli.output import write_all
    from hauloc_cli.errors import UsageError
    from hauloc_cli.render import TEMPLATE_FORMATS, Options, render_file

    if not rows or rows[0].unit is None:
        raise UsageError("--split needs a units file: --units FILE, or units: in the plan")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UsageError(f"--split: cannot make the folder {folder} ({exc.strerror})") from None
    by_unit: dict[str, list[TemplateRow]] = {}
    for row in rows:
        by_unit.setdefault(row.unit or "", []).append(row)
    try:
        write_all({folder / f"{unit}.{fmt}": _file(render_file(TEMPLATE_FORMATS, fmt, mine,
                                                               Options(lang=lang)))
                   for unit, mine in by_unit.items()}, replace=force)
    except UsageError as exc:
        raise UsageError(f"--split: {exc}") from None


def _file(data: str | bytes) -> bytes:
    """A template as a file's bytes: a CSV with a byte-order mark, so Excel reads it as UTF-8."""
    return data if isinstance(data, bytes) else ("\ufeff" + data).encode()
