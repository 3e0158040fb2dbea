"""What a report says about a figure besides its value: how final it is, the date it was
reported, and the figure of the same period last year (issue 12).

Each reader gives the value, or (code, message, hint) saying why the cell is not one; the row
checker (`long.py`) says where. Only rows of a file with one of these columns come here, so the
common file (without them) pays nothing.
"""

from __future__ import annotations

import re
from datetime import date

from hauloc_cli.errors import Code
from hauloc_cli.inputs.actuals.values import Refusal
from hauloc_cli.inputs.files.table import Cell, cell_text
from hauloc_cli.model.figures import FigureStatus
from hauloc_cli.vocab import figure_status
from hauloc_cli.vocab.messages import text as message

_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[T ]00:00(?::00)?)?")
_DMY = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")


def read_status(raw: Cell) -> FigureStatus | None | Refusal:
    """The status a cell names; None when the cell is empty (the figure is unmarked)."""
    text = " ".join(cell_text(raw).lower().split())
    if not text:
        return None
    found = figure_status.READ.get(text)
    if found is not None:
        return found
    return (Code.BAD_VALUE, message("marks.not_a_status", text=cell_text(raw)),
            message("marks.hint_status", words=", ".join(figure_status.READ)))


def read_reported(raw: Cell) -> date | None | Refusal:
    """The date a cell gives, as ISO (2024-10-05) or as dd/mm/yyyy (05/10/2024); None when
    the cell is empty."""
    text = cell_text(raw)
    if not text:
        return None
    iso, dmy = _ISO.fullmatch(text), _DMY.fullmatch(text)
    try:
        if iso:
            return date(int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
        if dmy:
            return date(int(dmy.group(3)), int(dmy.group(2)), int(dmy.group(1)))
    except ValueError:
        return (Code.BAD_DATE, message("marks.not_a_day", text=text),
                message("marks.hint_day"))
    return (Code.BAD_DATE, message("marks.not_a_date", text=text), message("marks.hint_date"))
