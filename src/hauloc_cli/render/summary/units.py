"""The units' sections of the meeting brief — "Units behind" and "Not reported" — in the
brief's three formats; each brief renderer puts them after its own sections (the view carries
them: `Brief.units`)."""

from __future__ import annotations

import textwrap
from html import escape as html_escape

from hauloc_cli.render.cells import number, target_name
from hauloc_cli.render.check.markdown import escape
from hauloc_cli.rules.rollup import UnitsReport
from hauloc_cli.views.units_brief import not_reported, units_behind
from hauloc_cli.vocab.i18n import SYMBOLS, label


def sections(units: UnitsReport, lang: str) -> list[tuple[str, list[str]]]:
    """The two sections as (heading, lines), the lines without markup."""
    off = SYMBOLS["off_track"]
    behind = [f"{target_name(b.target, lang)}: " + ", ".join(
        f"{off} {name} {number(_actual(r.actual), b.target.measure, lang)}"
        for name, r in b.units) for b in units_behind(units)]
    words = {key: label(lang, f"units.{key}") for key in
             ("behind", "behind_none", "missing", "missing_none", "carried")}
    missing = [f"{target_name(m.target, lang)} ({len(m.units)}/{m.expected}): " + ", ".join(
        f"{name} ({words['carried']})" if name in m.carried else name for name in m.units)
        for m in not_reported(units)]
    return [(words["behind"], behind or [words["behind_none"]]),
            (words["missing"], missing or [words["missing_none"]])]


def _actual(value: object) -> float | None:
    return None if value is None or isinstance(value, bool) else float(value)  # type: ignore[arg-type]


def as_text(units: UnitsReport, lang: str, width: int) -> str:
    out: list[str] = []
    for heading, lines in sections(units, lang):
        out += ["", heading.upper()]
        out += [textwrap.fill(line, width, subsequent_indent="  ", break_on_hyphens=False)
                for line in lines]
    return "\n".join(out) + "\n"


def as_markdown(units: UnitsReport, lang: str) -> str:
    out: list[str] = []
    for heading, lines in sections(units, lang):
        out += ["", f"## {heading}", "", *(f"- {escape(line)}" for line in lines)]
    return "\n".join(out) + "\n"


def as_html(units: UnitsReport, lang: str) -> str:
    return "".join(f"<section><h2>{html_escape(heading)}</h2><ul>"
                   + "".join(f"<li>{html_escape(line)}</li>" for line in lines)
                   + "</ul></section>" for heading, lines in sections(units, lang))

