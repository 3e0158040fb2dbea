"""The sentence reader: the targets a resolution's text states, as sentences or bullets.

The target list is where the text names its targets (`đề ra 27 chỉ tiêu …; phấn đấu …`,
`Các chỉ tiêu chủ yếu:`): the clauses after that mention, and the lines after it that are
bullets, group headings (`I. KINH TẾ`, `a) Về văn hóa - xã hội:`) or sentences with a figure,
up to the first line that is none of these, or that turns to tasks (`nhiệm vụ, giải pháp`).
Outside it, only a clause with `phấn đấu` and a figure or deadline is a target (a deadline
said in passing). Each clause is split at commas between figures (`có thêm 1 xã NTM kiểu
mẫu, 2 xã NTM nâng cao`), and read by `phrases.py`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from hauloc_cli.inputs.resolution.draft import Found, Stated, group_name
from hauloc_cli.inputs.resolution.phrases import has_figure, read_sentence

# Where the text names its targets: `27 chỉ tiêu`, `các chỉ tiêu chủ yếu`, `Chỉ tiêu:`.
_MENTION = re.compile(r"\b(?:\d{1,3}|các|những|nhóm)\s+chỉ tiêu\b|\bchỉ tiêu(?:\s+chủ yếu)?\s*:",
                      re.IGNORECASE)
_DECLARED = re.compile(r"\b(\d{1,3})\s+chỉ tiêu\b", re.IGNORECASE)
_TASKS = re.compile(r"\bnhiệm vụ(?:,| và)\s*giải pháp|\bgiải pháp chủ yếu|\btổ chức thực hiện",
                    re.IGNORECASE)
_BULLET = re.compile(r"^\s*(?:[-+•*–]|\d+[.)]|[a-zđ][.)])\s+")
_HEADING = re.compile(r"^(?P<number>[IVXL]+|[a-zđA-ZĐ]|\d{1,2})\s*[.)/-]\s+(?P<name>.+)$")
_ROMAN = re.compile(r"[IVXL]+")
_UPPER = "A-ZĐÁÀẢÃẠĂẮẰẲẴẶÂẤẦẨẪẬÉÈẺẼẸÊẾỀỂỄỆÍÌỈĨỊÓÒỎÕỌÔỐỒỔỖỘƠỚỜỞỠỢÚÙỦŨỤƯỨỪỬỮỰÝỲỶỸỴ"
_CLAUSES = re.compile(rf"\s*;\s*|(?<=[.!?…])\s+(?=[{_UPPER}])|:\s+")
_STRIVE = re.compile(r"\bphấn đấu\b", re.IGNORECASE)


def read_sentences(lines: Sequence[tuple[int, str]], year: int, where: str = "{}") -> Found:
    """The targets stated in `lines` (line number, text); `where` names a line's place
    (`{}`: the number itself)."""
    found = Found()
    listing = False
    group: str | None = None
    for line, raw in lines:
        text = " ".join(raw.split())
        if not text:
            continue
        place = where.format(line)
        mention = _MENTION.search(text)
        if _TASKS.search(text):
            listing = False  # the text turns to tasks and measures
        elif mention is not None:
            if found.declared is None and (count := _DECLARED.search(text)):
                found.declared = int(count.group(1))
            listing = True
            heading = _group(text)
            if heading is not None:
                group = found.add_group(heading)
            else:
                _read(found, place, line, _after(text, mention.end()), year, group)
            continue
        elif listing:
            heading = _group(text)
            if heading is not None:
                group = found.add_group(heading)
                continue
            if _BULLET.match(text) or has_figure(text):
                _read(found, place, line, _clauses(text), year, group)
                continue
            listing = False
        strive = [c for c in _clauses(text) if _STRIVE.search(c) and has_figure(c)]
        _read(found, place, line, strive, year, None)
    return found


def _after(text: str, end: int) -> list[str]:
    """The clauses of a line after the one that names the targets."""
    clauses = _clauses(text)
    at = 0
    for n, clause in enumerate(clauses):
        at = text.find(clause, at) + len(clause)
        if at >= end:
            return clauses[n + 1:]
    return []


def _clauses(text: str) -> list[str]:
    return [c for c in _CLAUSES.split(text) if c.strip(" .;,…")]


def _group(text: str) -> str | None:
    """A group heading's name (`I. KINH TẾ` → `Kinh tế`, `a) Về văn hóa - xã hội:`), or
    None: a heading is numbered in Roman numerals, or numbered and ends with a colon, and
    gives no figure."""
    m = _HEADING.match(text)
    if m is None or has_figure(m.group("name")):
        return None
    if not (_ROMAN.fullmatch(m.group("number")) or text.endswith(":")):
        return None
    return group_name(text) or None


def _read(found: Found, place: str, line: int, clauses: Sequence[str], year: int,
          group: str | None) -> None:
    for statement in _statements(clauses):
        found.stated.append(Stated(place, line, statement, group,
                                   read_sentence(statement, year)))


def _statements(clauses: Sequence[str]) -> Iterator[str]:
    """The statements of clauses: each from `phấn đấu` on when it says so, split at commas
    between parts that each give a figure; `N chỉ tiêu` (the count declared) is none."""
    for clause in clauses:
        strive = _STRIVE.search(clause)
        if strive is not None:
            clause = clause[strive.start():]
        parts: list[str] = []
        figured = False
        for part in clause.split(", "):
            if parts and figured and has_figure(part):
                yield _clean(", ".join(parts))
                parts, figured = [], False
            parts.append(part)
            figured = figured or has_figure(part)
        statement = _clean(", ".join(parts))
        if statement and not _DECLARED.search(statement):
            yield statement


def _clean(words: str) -> str:
    return _BULLET.sub("", words).strip(" .;,…")
