"""How final a figure is, in words (issue 12): what hauloc writes and what it reads back.

The words written are the catalogue's (`fs.*`, vocab/i18n.py): `written` for a cell of its own
(the annex's `Loại số liệu`), `mark` after a figure in text (`12,5 (ước)`). `READ` is every
word a status cell may say; every written word is among them (tests/vocab/).
"""

from __future__ import annotations

from hauloc_cli.model.figures import FigureStatus
from hauloc_cli.vocab.i18n import label

_E, _P, _O = FigureStatus.ESTIMATE, FigureStatus.PRELIMINARY, FigureStatus.OFFICIAL

# What a status cell may say, lower case, NFC (tone marks as typed).
READ: dict[str, FigureStatus] = {
    "ước": _E, "ước tính": _E, "ước thực hiện": _E, "estimate": _E,
    "sơ bộ": _P, "preliminary": _P,
    "chính thức": _O, "official": _O,
}


def written(status: FigureStatus, lang: str) -> str:
    """The status in a cell of its own: `ước tính`, `sơ bộ`, `chính thức`."""
    return label(lang, f"fs.{status.value}.cell")


def mark(status: FigureStatus, lang: str) -> str:
    """The status after a figure: `ước` / `est.`."""
    return label(lang, f"fs.{status.value}")
