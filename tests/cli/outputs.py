"""One small extractor per output of hauloc: what each says about each target.

Every extractor returns `{target_id: Seen(status, value, period)}`:
- `status` is one status key of the catalogue (`achieved`, `on_track`, `at_risk`,
  `off_track`, `missed`, `no_data`, and the year-end classes `exceeded`, `met`), found from the
  words of `hauloc_cli.vocab.i18n.CATALOGUE` in either language, not from strings written here;
- `value` is the figure shown (a float, True/False for done/not done, None when none is shown);
- `period` the quarter that figure is of (1-4): the quarter judged unless the output marks it
  older (`1 (Q1)`, `(số liệu quý I: 1)`, `as_of` in JSON and CSV); None with no figure.

Used by tests/cli/test_one_truth_property.py (issue 19).
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hauloc_cli.model.figures import FigureStatus
from hauloc_cli.model.periods import Period
from hauloc_cli.vocab import annex_columns as annex_model
from hauloc_cli.vocab import figure_status, periods
from hauloc_cli.vocab.i18n import CATALOGUE, LANGUAGES

STATUS_KEYS = ("achieved", "on_track", "at_risk", "off_track", "missed", "no_data",
               "exceeded", "met")
# The catalogue gives "Đạt" to achieved and to the year-end class met: they are one family.
ACHIEVED_FAMILY = frozenset({"achieved", "met", "exceeded"})


@dataclass(frozen=True)
class Seen:
    status: str | None
    value: float | bool | None
    period: int | None


# --- words from the catalogue -------------------------------------------------------------

def _status_words() -> list[tuple[str, str]]:
    """(word, key) for every status word of every language, longest word first."""
    pairs: dict[str, str] = {}
    for lang in LANGUAGES:
        for key in STATUS_KEYS:
            word = CATALOGUE[lang].get(key)
            if word:
                # "Đạt" is achieved and met: keep the key that exists before the year end.
                pairs.setdefault(word.casefold(), key)
        # a unit that sent no figure ("Chưa báo cáo" / "Not reported") has no data
        pairs.setdefault(CATALOGUE[lang]["not_reported"].casefold(), "no_data")
    return sorted(pairs.items(), key=lambda kv: -len(kv[0]))


STATUS_WORDS = _status_words()
DONE_WORDS = sorted(((CATALOGUE[lang][key].casefold(), key == "done")
                     for lang in LANGUAGES for key in ("done", "not_done")),
                    key=lambda kv: -len(kv[0]))
FIGURE_MARKS = sorted({figure_status.mark(s, lang) for lang in LANGUAGES for s in FigureStatus},
                      key=len, reverse=True)


def _period_words() -> dict[str, int]:
    words: dict[str, int] = {}
    for lang in LANGUAGES:
        for q in range(1, 5):
            p = Period.at_quarter(2000, q)
            for w in (periods.words(p, lang), periods.heading(p, lang)):
                words[w.casefold()] = q
    return words


PERIOD_WORDS = _period_words()


def _as_of_pattern() -> re.Pattern[str]:
    """`(số liệu 6 tháng)`, `(as of Q2: 6)`: built from the catalogue's `brief.as_of`."""
    heads = []
    for lang in LANGUAGES:
        before, _, after = CATALOGUE[lang]["brief.as_of"].partition("{period}")
        heads.append(re.escape(before) + r"(?P<p" + lang + r">[^:)]+?)" + re.escape(after))
    return re.compile(r"\((?:" + "|".join(heads) + r")(?::\s*(?P<fig>[^)]*))?\)", re.I)


AS_OF = _as_of_pattern()


def status_of(text: str | None) -> str | None:
    """The status key a cell starts with (after any symbol), else None."""
    if not text:
        return None
    body = text.strip().lstrip("✔●▲✖?★ ").strip().casefold()
    for word, key in STATUS_WORDS:
        if body.startswith(word):
            return key
    return None


def period_of(words: str) -> int | None:
    return PERIOD_WORDS.get(words.strip().casefold())


_NUMBER = {"en": re.compile(r"^[-−]?\d{1,3}(?:,\d{3})*(?:\.\d+)?|^[-−]?\d+(?:\.\d+)?"),
           "vi": re.compile(r"^[-−]?\d{1,3}(?:\.\d{3})*(?:,\d+)?|^[-−]?\d+(?:,\d+)?")}


def figure_of(text: str | None, lang: str) -> float | bool | None:
    """The figure a cell starts with: `10,9% (ước)`, `1.234,5`, `đã đạt`, `not done`."""
    if text is None:
        return None
    body = text.strip()
    for mark in FIGURE_MARKS:
        if body.casefold().startswith(mark.casefold() + " "):
            body = body[len(mark) + 1:]
    folded = body.casefold()
    for word, done in DONE_WORDS:
        if folded.startswith(word) and (len(folded) == len(word)
                                        or not folded[len(word)].isalpha()):
            return done
    m = _NUMBER[lang].match(body)
    if not m:
        return None
    number = m.group(0).replace("−", "-")
    number = (number.replace(".", "").replace(",", ".") if lang == "vi"
              else number.replace(",", ""))
    return float(number)


def _quarter(text: str | None) -> int | None:
    return int(text[-1]) if text else None


# --- check --format json / csv ------------------------------------------------------------

def check_json(text: str) -> dict[str, Seen]:
    out = {}
    for t in json.loads(text)["targets"]:
        status = t.get("verdict") or t["status"]
        actual = t["actual"]
        out[t["id"]] = Seen(status, actual if actual is None or isinstance(actual, bool)
                            else float(actual), _quarter(t["as_of"]))
    return out


def check_csv(text: str) -> dict[str, Seen]:
    out = {}
    for row in csv.DictReader(io.StringIO(text)):
        status = row.get("verdict") or row["status"]
        actual: float | bool | None
        raw = row["actual"]
        actual = (None if raw == "" else True if raw == "yes" else False if raw == "no"
                  else float(raw))
        out[row["id"]] = Seen(status, actual, _quarter(row["as_of"]))
    return out


def units_of_check_json(text: str) -> dict[tuple[str, str], tuple[Any, str | None, bool]]:
    """(target, unit) → (actual, verdict, reported) from check JSON's `units` lists: the
    verdict (the year-end class at the final period), as `by_unit_json` reads it."""
    return {(t["id"], u["unit"]): (u["actual"], u["verdict"], u["reported"])
            for t in json.loads(text)["targets"] for u in t.get("units") or []}


def by_unit_json(text: str) -> dict[tuple[str, str], tuple[Any, str | None, bool]]:
    return {(r["target"], r["unit"]): (r["actual"], r.get("verdict") or r["status"],
                                       r["reported"])
            for r in json.loads(text)["units"]}


# --- the brief: summary --format markdown ---------------------------------------------------

def summary_markdown(text: str, names: dict[str, str], lang: str, period: int
                     ) -> dict[str, Seen]:
    """`names`: target id → the name the brief shows. Reads the rows of the brief's tables:
    `| name | ✔ Đạt | 6 / 12 trường (số liệu 6 tháng) · cần đạt 6 | … |`."""
    by_name = {name: tid for tid, name in names.items()}
    out: dict[str, Seen] = {}
    for line in text.splitlines():
        if not line.startswith("|"):
            continue
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) < 3 or cells[0] not in by_name:
            continue
        out[by_name[cells[0]]] = _seen(cells[1], cells[2], None, lang, period)
    return out


def _seen(status_cell: str | None, value_cell: Any, assessment: str | None, lang: str,
          period: int) -> Seen:
    """One row of a brief or an annex: the status cell, the value cell, and (annex) the
    assessment, where an older figure stands: `Đạt (số liệu quý I: 1)`."""
    status = status_of(status_cell)
    value: float | bool | None
    if isinstance(value_cell, int | float) and not isinstance(value_cell, bool):
        value = float(value_cell)
    else:
        value = figure_of(value_cell or None, lang)
    older = AS_OF.search(" ".join(filter(None, [status_cell, str(value_cell or "")])))
    if older is not None:
        words = older.group("pvi") or older.group("pen")
        q = period_of(words)
        if older.group("fig") is not None and value is None:
            value = figure_of(older.group("fig"), lang)
        return Seen(status, value, q if value is not None else None)
    return Seen(status, value, period if value is not None else None)


# --- the annex: report as xlsx and docx -----------------------------------------------------

def _columns(headings: list[Any]) -> dict[str, int]:
    """Which column holds what, from the header row (either language), by the headings of
    `hauloc_cli.vocab.annex_columns`: the longest heading (or heading's start, before `{period}`)
    that a cell matches names its column."""
    cols: dict[str, int] = {}
    for i, h in enumerate(headings):
        if not isinstance(h, str):
            continue
        found: tuple[int, str] | None = None
        for column in (*annex_model.COLUMNS, annex_model.ESTIMATE_VALUE):
            for template in (column.vi, column.en):
                head = template.split("{")[0]
                fits = h.strip().startswith(head) if "{" in template else h.strip() == head
                if fits and (found is None or len(head) > found[0]):
                    found = (len(head), column.key)
        if found is not None:
            cols.setdefault(found[1], i)
    return cols


def _header_row(rows: list[list[Any]]) -> int:
    for i, row in enumerate(rows):
        cols = _columns(row)
        if "assessment" in cols and "value" in cols:
            return i
    raise AssertionError("no header row with an assessment and a value column")


def _noted(seen: Seen, note: str | None, lang: str) -> Seen:
    """An annex row as its Ghi chú cell qualifies it: `Số liệu quý I` (the value cell's
    figure is of Q1), `Số liệu quý I: 0` (no figure of the period; Q1's shown for reference),
    among other marks joined by `; ` (`Ước tính; Số liệu quý I`)."""
    for part in (note or "").split(";"):
        older = NOTE_AS_OF.fullmatch(part.strip())
        if older is None:
            continue
        q = period_of(older.group("pvi") or older.group("pen"))
        value = seen.value
        if older.group("fig") is not None and value is None:
            value = figure_of(older.group("fig"), lang)
        return Seen(seen.status, value, q if value is not None else None)
    return seen


def _note_as_of() -> re.Pattern[str]:
    """The Ghi chú form of `brief.as_of`, without parentheses: `Số liệu quý I`, `As of Q2: 5`."""
    heads = []
    for lang in LANGUAGES:
        before, _, after = CATALOGUE[lang]["brief.as_of"].partition("{period}")
        heads.append(re.escape(before) + r"(?P<p" + lang + r">[^:;]+?)" + re.escape(after))
    return re.compile(r"(?:" + "|".join(heads) + r")(?::\s*(?P<fig>.*))?", re.I)


NOTE_AS_OF = _note_as_of()


def report_xlsx(path: Path, lang: str, period: int, names: dict[str, str] | None = None,
                units: dict[str, str] | None = None
                ) -> tuple[dict[str, Seen], dict[tuple[str, str], Seen]]:
    """The annex sheet by target code, and the sheet by unit by (target, unit): `names`
    (target id → the name shown) and `units` (unit id → the name shown) match its columns
    and rows."""
    import openpyxl

    book = openpyxl.load_workbook(path)
    sheets = book.worksheets
    annex = _annex_rows([list(r) for r in sheets[0].iter_rows(values_only=True)], lang, period,
                        key=lambda cols, row: row[cols["code"]])
    by_unit: dict[tuple[str, str], Seen] = {}
    if len(sheets) > 1:
        assert names is not None and units is not None
        by_unit = unit_sheet([list(r) for r in sheets[1].iter_rows(values_only=True)],
                             names, units, lang, period)
    return annex, by_unit


def _annex_rows(rows: list[list[Any]], lang: str, period: int, key: Any) -> dict[Any, Seen]:
    start = _header_row(rows)
    cols = _columns(rows[start])
    out: dict[Any, Seen] = {}
    for row in rows[start + 1:]:
        k = key(cols, row)
        if not k or (isinstance(k, tuple) and not all(k)):
            continue
        seen = _seen(row[cols["assessment"]], row[cols["value"]], None, lang, period)
        out[k] = _noted(seen, row[cols["note"]] if "note" in cols else None, lang)
    return out


_NUMBERED = re.compile(r"\((\d+)\) (.*)")
NOT_SENT = "—"


def unit_sheet(rows: list[list[Any]], names: dict[str, str], units: dict[str, str],
               lang: str, period: int) -> dict[tuple[str, str], Seen]:
    """The sheet by unit: a row per unit (by its name), a column `(n) name (measure)` per
    target and, where units are judged, `Đánh giá (n)` after it. A cell `—` is a unit that
    sent nothing (no data); `5 (quý I)` a figure of an earlier quarter standing in."""
    start = next(i for i, row in enumerate(rows) if "unit" in _columns(row))
    header = rows[start]
    unit_col = _columns(header)["unit"]
    targets: dict[int, str] = {}  # value column → target id
    judged: dict[str, int] = {}  # target id → its assessment column
    numbers: dict[str, str] = {}  # '(n)' → target id
    for col, heading in enumerate(header):
        m = _NUMBERED.fullmatch(str(heading or ""))
        if m is None:
            continue
        found = [tid for tid, name in names.items()
                 if m.group(2) == name or m.group(2).startswith(name + " (")]
        assert len(found) == 1, (heading, names)
        targets[col], numbers[m.group(1)] = found[0], found[0]
    for col, heading in enumerate(header):
        m = re.fullmatch(r".* \((\d+)\)", str(heading or ""))
        if m and col not in targets and m.group(1) in numbers:
            judged[numbers[m.group(1)]] = col
    by_name = {name: uid for uid, name in units.items()}
    out: dict[tuple[str, str], Seen] = {}
    for row in rows[start + 1:]:
        uid = by_name.get(str(row[unit_col] or "").strip())
        if uid is None:
            continue  # the total rows
        for col, tid in targets.items():
            cell = row[col]
            status = status_of(row[judged[tid]]) if tid in judged else None
            if cell == NOT_SENT:
                out[(tid, uid)] = Seen(status or "no_data", None, None)
                continue
            value: float | bool | None
            q = period
            if isinstance(cell, int | float) and not isinstance(cell, bool):
                value = float(cell)
            else:
                text = str(cell or "")
                older = re.fullmatch(r"(.*) \(([^()]*)\)", text)
                if older is not None and period_of(older.group(2)) is not None:
                    text, q = older.group(1), period_of(older.group(2)) or period
                value = figure_of(text or None, lang)
            out[(tid, uid)] = Seen(status, value, q if value is not None else None)
    return out


def report_docx(path: Path, names: dict[str, str], lang: str, period: int) -> dict[str, Seen]:
    """The annex table of the Word document (no codes: its rows are matched by name)."""
    import docx

    document = docx.Document(str(path))
    by_name = {name: tid for tid, name in names.items()}
    for table in document.tables:
        rows = [[c.text for c in r.cells] for r in table.rows]
        if not rows:
            continue
        cols = _columns(rows[0])
        if not {"assessment", "value", "name"} <= set(cols):
            continue
        out = {}
        for row in rows[1:]:
            tid = by_name.get(row[cols["name"]].strip())
            if tid is not None:
                seen = _seen(row[cols["assessment"]], row[cols["value"]], None, lang, period)
                out[tid] = _noted(seen, row[cols["note"]] if "note" in cols else None, lang)
        return out
    raise AssertionError("no annex table in the Word document")
