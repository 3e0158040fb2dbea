"""Matching the rows of an annex table to the plan's targets (and units) by name.

A name matches a target's `name`, `name_en` or one of its `aliases:` once both are made keys:
NFC, any case, without spaces (`Văn hóa-Xã hội` is `Văn hóa - Xã hội`), the tone mark of
`oa`/`oe`/`uy` on either vowel (`hoá` is `hóa`), dashes as `-`, and without a leading bullet or
number (`- `, `1.`, `a)`) or a trailing `:`. A name with a trailing part in parentheses, such as
the unit (`Thu nhập bình quân đầu người (triệu đồng)`), matches when it matches without it.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable

from hauloc_cli.errors import Message
from hauloc_cli.inputs.files.table import nfc
from hauloc_cli.model.plan import Target
from hauloc_cli.model.units import Units
from hauloc_cli.vocab.messages import text as message

_TONE_ON_SECOND = re.compile("([oO][aAeE]|[uU][yY])([\u0300\u0301\u0303\u0309\u0323])")
_LEADING = re.compile(r"^(?:[-+•*–]+|\d+(?:\.\d+)*[.)]|[a-zđ][.)])\s*")
_TRAILING_PART = re.compile(r"\([^()]*\)$")
_DASHES = str.maketrans({"–": "-", "—": "-", "‐": "-", "−": "-"})


def name_key(text: str) -> str:
    """A name as it is compared: see the module's description."""
    folded = nfc(text).casefold().translate(_DASHES).strip()
    decomposed = unicodedata.normalize("NFD", folded)
    # the tone mark of oa, oe, uy on the first vowel: hoá → hóa, thuỷ → thủy
    decomposed = _TONE_ON_SECOND.sub(lambda m: m.group(1)[0] + m.group(2) + m.group(1)[1],
                                     decomposed)
    folded = _LEADING.sub("", unicodedata.normalize("NFC", decomposed))
    return "".join(folded.split()).rstrip(":.*")


def _bare(key: str) -> str:
    return _TRAILING_PART.sub("", key)


class Names:
    """The names a plan's targets go by, and the target a name means."""

    def __init__(self, targets: Iterable[Target]) -> None:
        self.exact: dict[str, list[str]] = {}
        self.bare: dict[str, list[str]] = {}
        self.labels: dict[str, tuple[str, str]] = {}  # key → (a name as written, target id)
        self.ids: dict[str, str] = {}
        for target in targets:
            self.ids[target.id.lower()] = target.id
            for name in (target.name, target.name_en, *target.aliases):
                if not name:
                    continue
                key = name_key(name)
                for index, k in ((self.exact, key), (self.bare, _bare(key))):
                    found = index.setdefault(k, [])
                    if target.id not in found:
                        found.append(target.id)
                self.labels.setdefault(key, (name, target.id))

    def match(self, text: str) -> list[str]:
        """The ids of the targets `text` names: none, one, or several (the same name)."""
        key = name_key(text)
        if text.strip().lower() in self.ids:
            return [self.ids[text.strip().lower()]]
        return self.exact.get(key) or self.bare.get(_bare(key)) or []

    def suggest(self, text: str, id_where: Message | None = None) -> Message:
        """'did you mean …' for a name that matches no target; `id_where` says where else the
        target's id may be written."""
        close = difflib.get_close_matches(name_key(text), list(self.labels), n=1, cutoff=0.6)
        if not close:
            return message("target.hint_name_as_plan",
                           id_where=id_where or message("target.hint_id_where_annex"))
        name, target_id = self.labels[close[0]]
        return message("target.hint_did_you_mean_name", name=name, id=target_id,
                       text=text.strip())


def unit_by_name(text: str, units: Units) -> str | None:
    """The id of the unit a cell names, by its id or its name (compared as `name_key`)."""
    if text in units.by_id:
        return text
    key = name_key(text)
    for unit in units.units:
        names = (unit.name, unit.name_en or "")
        if key in map(name_key, names) or unit.id.lower() == text.lower():
            return unit.id
    return None
