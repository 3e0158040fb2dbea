"""How final a figure is, in words (issue 12): what hauloc writes and what it reads back.

The annex's `Loại số liệu` cell is written with `WRITTEN` and read with `READ`; the short
`MARK` follows a figure in text (`12,5 (ước)`) and is not a cell of its own.
"""

from __future__ import annotations

from hauloc_cli.model.figures import FigureStatus

_E, _P, _O = FigureStatus.ESTIMATE, FigureStatus.PRELIMINARY, FigureStatus.OFFICIAL

# A status in a cell of its own: the annex's `Loại số liệu` column.
WRITTEN: dict[str, dict[FigureStatus, str]] = {
    "vi": {_E: "ước tính", _P: "sơ bộ", _O: "chính thức"},
    "en": {_E: "estimate", _P: "preliminary", _O: "official"},
}
# A status after a figure, in brackets: the check table, the brief, the report's text.
MARK: dict[str, dict[FigureStatus, str]] = {
    "vi": {_E: "ước", _P: "sơ bộ", _O: "chính thức"},
    "en": {_E: "est.", _P: "prelim.", _O: "official"},
}
# What a status cell may say, lower case, NFC (tone marks as typed): the words reports use,
# every WRITTEN form among them (tests/vocab/test_figure_status.py).
READ: dict[str, FigureStatus] = {
    "ước": _E, "ước tính": _E, "ước thực hiện": _E, "estimate": _E,
    "sơ bộ": _P, "preliminary": _P,
    "chính thức": _O, "official": _O,
}
