"""The data-entry template as a workbook with checks on the value cells (`--format xlsx`);
openpyxl is imported only when one is written."""

from __future__ import annotations

import io
import math
from collections.abc import Sequence
from typing import Any

from hauloc_cli.model.plan import default_range
from hauloc_cli.render import Options
from hauloc_cli.render.template import (
    MILESTONE_WORDS,
    guide,
    header,
    row_cells,
    tidy,
    written,
)
from hauloc_cli.views.template import TemplateRow
from hauloc_cli.vocab.i18n import label

# Column widths in characters: wide enough for the Vietnamese names of the bundled plan.
_MIN_WIDTH = {"target": 14, "period": 10, "value": 12, "note": 30, "source": 30}
_MAX_WIDTH = 60


def render(rows: Sequence[TemplateRow], options: Options) -> bytes:
    """The template as an Excel workbook (openpyxl is imported only here)."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    from hauloc_cli.render import xml_text

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = label(options.lang, "template.sheet")
    names = header(rows)
    units = bool(rows) and rows[0].unit is not None
    ws.append(written(names, units, options.lang))
    for cell in ws[1]:
        cell.font = Font(bold=True)
    ws.freeze_panes = "A2"

    value_col = get_column_letter(names.index("value") + 1)
    yes_no = DataValidation(type="list", formula1='"{}"'.format(",".join(MILESTONE_WORDS)),
                            allow_blank=True, showErrorMessage=True,
                            errorTitle="có / không", error="Chọn có hoặc không.")
    yes_no.promptTitle = "Đã đạt chưa?"
    yes_no.prompt = "có = đã đạt, không = chưa đạt"
    yes_no.showInputMessage = True
    numbers: dict[tuple[float, float] | None, DataValidation] = {}
    for line, row in enumerate(rows, start=2):
        cells = row_cells(row, options.lang).values()  # xml_text: U+FFFD, visibly
        ws.append([tidy(v) if isinstance(v, float) else xml_text(v) if isinstance(v, str)
                   else v for v in cells])
        ref = f"{value_col}{line}"
        ws[ref].number_format = "General"
        if row.target.kind == "milestone":
            yes_no.add(ref)
            continue
        bounds = default_range(row.target)
        if bounds not in numbers:
            numbers[bounds] = _number_validation(bounds)
        numbers[bounds].add(ref)
    for validation in (yes_no, *numbers.values()):
        if validation.sqref:
            ws.add_data_validation(validation)

    for i, column in enumerate(names, start=1):
        longest = max((len(str(c.value)) for c in ws[get_column_letter(i)] if c.value is not None),
                      default=0)
        width = max(longest + 2, _MIN_WIDTH.get(column, 0))
        ws.column_dimensions[get_column_letter(i)].width = min(width, _MAX_WIDTH)

    _guide(wb, names, units, options.lang)
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def _guide(wb: Any, names: Sequence[str], units: bool, lang: str) -> None:
    """The guide sheet, after the data: each column and what to write in it."""
    from openpyxl.styles import Alignment, Font

    from hauloc_cli.vocab.messages import text

    ws = wb.create_sheet(label(lang, "template.guide"))
    ws.append([text("template.guide.column").render(lang),
               text("template.guide.what").render(lang)])
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for line in guide(names, units, lang):
        ws.append(list(line))
    ws.append([])
    ws.append(["", text("template.guide.after").render(lang)])
    ws.column_dimensions["A"].width = 16
    ws.column_dimensions["B"].width = 90
    for row in ws.iter_rows(min_row=2):
        row[1].alignment = Alignment(wrap_text=True, vertical="top")


def _number_validation(bounds: tuple[float, float] | None) -> Any:
    """Excel's check on a value cell: the same bounds `check` applies when it reads the file."""
    from openpyxl.worksheet.datavalidation import DataValidation

    low, high = bounds or (-math.inf, math.inf)
    lo = "-1E+307" if math.isinf(low) else str(tidy(low))
    hi = "1E+307" if math.isinf(high) else str(tidy(high))
    if math.isfinite(low) and math.isfinite(high):
        error = f"Nhập một số từ {lo} đến {hi}."
    elif math.isfinite(low):
        error = f"Nhập một số từ {lo} trở lên."
    else:
        error = "Nhập một số, ví dụ 12,5."
    return DataValidation(type="decimal", operator="between", formula1=lo, formula2=hi,
                          allow_blank=True, showErrorMessage=True, errorTitle="Số", error=error)
