"""What was read of a resolution: its groups and its stated targets, each read or refused,
with where it stands in the file and its own words."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field

from hauloc_cli.inputs.resolution.phrases import Reading, Refused


@dataclass(frozen=True)
class Group:
    """A group heading of the resolution (`I. KINH TẾ`): its id and its name as written."""

    id: str
    name: str


@dataclass(frozen=True)
class Stated:
    """One stated target: where it is (`12`, a line; `table 1, row 5`), its words, the group
    it stands under, and what was read of it (an id when read)."""

    where: str
    line: int | None
    words: str
    group: str | None
    reading: Reading | Refused
    id: str | None = None


@dataclass
class Found:
    """What a resolution's text or table says: its targets (read or refused), its groups, and
    how many targets it declares (`đề ra 27 chỉ tiêu`)."""

    stated: list[Stated] = field(default_factory=list)
    groups: list[Group] = field(default_factory=list)
    declared: int | None = None

    def add_group(self, name: str) -> str:
        """Declare a group heading; its id (the slug of its name, unique)."""
        ids = unique_ids([*(g.name for g in self.groups), name], "group")
        self.groups.append(Group(ids[-1], name))
        return ids[-1]


@dataclass
class Draft(Found):
    """A resolution's targets, as read, with the file and the plan's year."""

    file: str = ""
    year: int = 0

    @property
    def read(self) -> list[Stated]:
        return [s for s in self.stated if isinstance(s.reading, Reading)]

    @property
    def refused(self) -> list[Stated]:
        return [s for s in self.stated if isinstance(s.reading, Refused)]


_NUMBERED = re.compile(r"^(?:[IVXLivxl]+|[a-zđA-ZĐ]|\d{1,2})\s*[.)/-]\s+")
_GROUP_WORDS = re.compile(
    r"^(?:(?:các|nhóm)\s+)*(?:chỉ tiêu(?:\s+chủ yếu)?|lĩnh vực)?\s*(?:về|thuộc)?\s+",
    re.IGNORECASE)


def group_name(heading: str) -> str:
    """A group heading's name: `I. CÁC CHỈ TIÊU VỀ KINH TẾ` → `Kinh tế`, `a) Về văn hóa - xã
    hội:` → `Văn hóa - xã hội`; empty when it names no group (`Các chỉ tiêu chủ yếu`)."""
    name = _NUMBERED.sub("", " ".join(heading.split())).strip(" :.")
    name = _GROUP_WORDS.sub("", name + " ").strip(" :.")
    if name.lower() in ("chủ yếu", ""):
        return ""
    return name[0].upper() + (name[1:].lower() if name.isupper() else name[1:])


LONGEST_ID = 48


def slug(text: str, sep: str = "_") -> str:
    """`Tốc độ tăng trưởng` → `toc_do_tang_truong`: ASCII, lower case, words joined by `sep`,
    at most LONGEST_ID characters (cut between words)."""
    bare = unicodedata.normalize("NFD", text.lower().replace("đ", "d"))
    ascii_text = "".join(c for c in bare if not unicodedata.combining(c)).encode(
        "ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_text)
    out = ""
    for word in words:
        longer = f"{out}{sep}{word}" if out else word
        if len(longer) > LONGEST_ID:
            break
        out = longer
    return out or (words[0][:LONGEST_ID] if words else "")


def unique_ids(names: Iterable[str], fallback: str) -> list[str]:
    """An id for each name: its slug, `_2`, `_3` … after one already taken; `fallback_N`
    for a name with no letter or digit."""
    taken: set[str] = set()
    ids = []
    for n, name in enumerate(names, start=1):
        base = slug(name) or f"{fallback}_{n}"
        found, k = base, 1
        while found in taken:
            k += 1
            found = f"{base}_{k}"
        taken.add(found)
        ids.append(found)
    return ids
