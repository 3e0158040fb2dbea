"""Renderers: pure functions from results to text, one module per format behind one interface,
and the words they speak in (`reasons.py`; the catalogue is `vocab/i18n.py`). Only this
package imports rich.

Every format module has `render(subject, options) -> str` (a file format's, such as xlsx,
returns bytes); `render_as` picks the module by format name and imports it only then, so JSON
never loads rich; `render_file` does the same for formats that may be bytes.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from hauloc_cli.errors import Problem
    from hauloc_cli.rules.rollup import UnitsReport
    from hauloc_cli.rules.status import Status

# Format name → module, for each kind of thing rendered.
CHECK_FORMATS = {"table": "check.table", "json": "check.json", "csv": "check.csv",
                 "markdown": "check.markdown"}
# check --by-unit: the targets × units matrix.
MATRIX_FORMATS = {fmt: f"matrix.{fmt}" for fmt in ("table", "markdown", "csv", "json")}
BRIEF_FORMATS = {"table": "summary.text", "markdown": "summary.markdown",
                 "html": "summary.html"}
PLAN_FORMATS = {"table": "targets.table", "json": "targets.json"}
# The official report (hauloc report): the annex table; xlsx and docx render to bytes.
ANNEX_FORMATS = {fmt: f"report.{fmt}" for fmt in ("xlsx", "docx", "html", "markdown")}
# The data-entry template (hauloc template): rows to fill in; the workbook is bytes.
TEMPLATE_FORMATS = {fmt: f"template.{fmt}" for fmt in ("csv", "xlsx")}
# What hauloc validate found, in a line.
VALIDATE_FORMATS = {"text": "validate"}
BINARY_FORMATS = frozenset({"xlsx", "docx"})
# hauloc term: the term's status.
TERM_FORMATS = {fmt: f"term.{fmt}" for fmt in ("table", "json", "markdown", "html", "docx")}

# What XML 1.0, and so a worksheet or a Word document, cannot hold: control characters (a BEL or
# a NUL typed as an escape in a YAML string), the non-characters U+FFFE and U+FFFF, and lone
# surrogates.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def xml_text(text: str) -> str:
    """`text` with every character a worksheet or a Word document cannot hold shown as the
    replacement character U+FFFD, visibly, rather than failing the whole file."""
    return _NOT_XML.sub("\ufffd", text)


def unwritable(data: object, path: str = "") -> list[str]:
    """Where `data` (a plan or units file as read: mappings, lists, text) holds text that
    `xml_text` must replace: the dotted paths (`targets.2.name`), in order."""
    if isinstance(data, str):
        return [path] if _NOT_XML.search(data) else []
    if isinstance(data, dict):
        items: Iterable[tuple[object, object]] = data.items()
    elif isinstance(data, list | tuple):
        items = enumerate(data)
    else:
        return []
    return [found for key, value in items
            for found in unwritable(value, f"{path}.{key}" if path else str(key))]


@dataclass(frozen=True)
class Options:
    """What every product's renderer is given: the language, and how text for people is laid
    out. A product with options of its own has its own class below."""

    lang: str = "en"
    width: int = 80  # text formats for people
    color: bool = False


@dataclass(frozen=True)
class CheckOptions(Options):
    """hauloc check's results (CHECK_FORMATS)."""

    only: frozenset[Status] | None = None  # table and markdown: only these (--quiet)
    warnings: tuple[Problem, ...] = ()  # json: the input's warnings
    units: UnitsReport | None = None  # json, csv: coverage and the units' figures


@dataclass(frozen=True)
class BriefOptions(Options):
    """The meeting brief (BRIEF_FORMATS)."""

    source_file: str = ""  # html: the actuals file named in the footer


@dataclass(frozen=True)
class TermOptions(Options):
    """hauloc term's status (TERM_FORMATS)."""

    warnings: tuple[Problem, ...] = ()  # json: the input's warnings


def render_as(formats: Mapping[str, str], fmt: str, subject: Any, options: Options) -> str:
    """`subject` in the format `fmt` of `formats` (CHECK_FORMATS, BRIEF_FORMATS…), as text."""
    text = render_file(formats, fmt, subject, options)
    assert isinstance(text, str)  # render_file checks it: only BINARY_FORMATS give bytes
    return text


def render_file(formats: Mapping[str, str], fmt: str, subject: Any, options: Options
                ) -> str | bytes:
    """`subject` in the format `fmt`: bytes for the file formats (BINARY_FORMATS: xlsx,
    docx), text for the others."""
    module = importlib.import_module(f"{__name__}.{formats[fmt]}")
    data: str | bytes = module.render(subject, options)
    if isinstance(data, bytes) is not (fmt in BINARY_FORMATS):
        raise TypeError(f"the {fmt} renderer returned {type(data).__name__}")
    return data
