"""Reading an actuals file (CSV or text export, or an .xlsx or .ods workbook) into checked
figures.

A file is first read as a table of cells (`inputs/files/`: `table.py` for CSV, `xlsx.py` and
`ods.py` for workbooks), then the row checker (`long.py`, or `annex.py` for the offices'
table) gives every row its meaning against the plan.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from hauloc_cli.errors import Code, InputError, Message, Problem, UsageError
from hauloc_cli.inputs.actuals.long import Actuals, parse_table
from hauloc_cli.inputs.files.table import (
    HEADER_SEARCH_ROWS,
    RawTable,
    canonical_column,
    csv_table,
)
from hauloc_cli.inputs.files.text import (
    DEFAULT_MAX_SIZE,
    PDF_MAGIC,
    XLS_MAGIC,
    ZIP_MAGIC,
    check_readable,
    choose_encoding,
    decode_problem,
    file_kind,
    head,
    open_text,
)
from hauloc_cli.model.figures import Figure, Figures
from hauloc_cli.model.periods import Period
from hauloc_cli.model.plan import Plan
from hauloc_cli.model.units import Units
from hauloc_cli.vocab import columns
from hauloc_cli.vocab.messages import text

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm")
ODS_SUFFIX = ".ods"
ODS_MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"

__all__ = ["Actuals", "NotActuals", "ReadOptions", "read_actuals", "with_last_year"]


@dataclass(frozen=True)
class ReadOptions:
    """How to read an actuals file (the CLI checks the values: `cli/options.py`)."""

    encoding: str | None = None  # None: UTF-8, or what a byte-order mark says
    delimiter: str | None = None  # None: detect , ; or tab from the header
    sheet: str | None = None  # None: the first sheet of a workbook
    decimal_comma: bool = False
    max_errors: int = 50
    max_size: int = DEFAULT_MAX_SIZE  # bytes
    units_file: Path | None = None  # --units
    units: Units | None = None  # the units tree in effect: a `unit` column is read
    period: Period | None = None  # --period: the period of an annex table that names none
    # Whether an annex table naming another period than `period` is a usage error (one file
    # read); with several files, --period is only the quarter judged.
    period_must_match: bool = True
    # Read only the plan's own targets (`hauloc term`: a year's file holds more targets than
    # the term): the rows of others are named in one warning, not refused.
    only_plan_targets: bool = False


class NotActuals(InputError):
    """The file is no table of figures: none of its first rows names the columns target,
    period or value (in any of their names), and it is not an annex table. Named on the
    command line it is an error like any other; found in a folder it is skipped
    (`sources.py`)."""


def read_actuals(path: Path, plan: Plan, options: ReadOptions | None = None) -> Actuals:
    """Read an actuals file and check it against the plan. Raises InputError listing every
    problem, UsageError for options that do not apply to the file."""
    opts = options or ReadOptions()
    check_readable(path, opts.max_size)
    start = head(path)
    name = str(path)
    ods = path.suffix.lower() == ODS_SUFFIX or ODS_MIMETYPE in start[:100]
    if start.startswith(ZIP_MAGIC) and not ods:
        kind = file_kind(path, start)
        if kind is not None and kind.key in ("kind.docx", "kind.odt", "kind.zip"):
            raise InputError([Problem(name, "", Code.UNSUPPORTED_FORMAT,
                                      text("actuals.not_a_table", kind=kind),
                                      text("actuals.hint_document"))])
    if ods or path.suffix.lower() in WORKBOOK_SUFFIXES or start.startswith(ZIP_MAGIC):
        if opts.encoding or opts.delimiter:
            raise UsageError(text("option.csv_only", path=str(path)))
        try:
            return _parse(_workbook(path, ods, opts), plan, opts)
        except NotActuals as exc:
            _figures_meant(exc, lambda: _workbook(path, ods, opts))
            raise
    if start.startswith(XLS_MAGIC):
        raise InputError([Problem(name, "", Code.UNSUPPORTED_FORMAT,
                                  text("actuals.xls"), text("actuals.hint_xls"))])
    if start.startswith(PDF_MAGIC):
        raise InputError([Problem(name, "", Code.UNSUPPORTED_FORMAT,
                                  text("actuals.not_a_table", kind=text("kind.pdf")),
                                  text("actuals.hint_pdf"))])
    if opts.sheet is not None:
        raise UsageError(text("option.sheet_only", path=str(path)))
    encoding = choose_encoding(path, start, opts.encoding)
    try:
        with open_text(path, encoding) as handle:
            try:
                return _parse(csv_table(name, handle, opts.delimiter), plan, opts,
                              path if encoding in ("utf-8", "utf-8-sig") else None)
            except UnicodeDecodeError:
                raise InputError([decode_problem(path, encoding)]) from None
    except NotActuals as exc:
        with open_text(path, encoding) as handle:
            _figures_meant(exc, lambda: csv_table(name, handle, opts.delimiter))
        raise


def _figures_meant(exc: NotActuals, table: Callable[[], RawTable]) -> None:
    """A file taken for no table of figures by its header, read again from its start: if one
    of its first rows names target, period or value after all, it is meant as figures, and
    its problems are errors (InputError, not NotActuals)."""
    again = table()
    try:
        if _first_rows_name_a_column(again):
            raise InputError(exc.problems, exc.more) from None
    finally:
        again.close()


def _workbook(path: Path, ods: bool, opts: ReadOptions) -> RawTable:
    """An .xlsx or .ods workbook's table; each reader is imported only when it is needed."""
    from hauloc_cli.inputs.actuals.annex.header import looks_like_annex

    if ods:
        from hauloc_cli.inputs.files.ods import ods_table

        return ods_table(path, opts.sheet, opts.max_size, looks_like_annex)
    from hauloc_cli.inputs.files.xlsx import xlsx_table

    return xlsx_table(path, opts.sheet, opts.max_size, looks_like_annex)


def with_last_year(actuals: Actuals, path: Path, plan: Plan, options: ReadOptions | None = None
                   ) -> Actuals:
    """`actuals` and the figures of `path`, a file of the year before the plan's
    (--last-year), read against the same targets; a figure of both files for the same target
    and period that neither revises is a duplicate-row naming both places."""
    year = plan.plan.year - 1
    earlier = plan.model_copy(update={"plan": plan.plan.model_copy(update={"year": year})})
    if options is not None and options.period is not None:
        options = replace(options, period=options.period.same_last_year())
    last = read_actuals(path, earlier, options)
    by_target: dict[str, dict[Period, Figure]] = {}
    for figure in last.figures:  # not the file's own last_year column: that is year − 2
        if figure.period.year == year:
            by_target.setdefault(figure.target, {})[figure.period] = figure
    replaced = {k: v for k, v in last.figures.revised.items() if k[1].year == year}
    figures, clashes = actuals.figures.merged(Figures.indexed(by_target, replaced))
    if clashes:
        raise InputError([duplicate(f, other) for f, other in clashes])
    return replace(actuals, figures=figures, warnings=actuals.warnings + last.warnings)


def duplicate(figure: Figure, first: Figure) -> Problem:
    """Two figures for the same target, unit and period that neither revises."""
    of: Message = (text("what.of_unit", target=figure.target, unit=figure.unit)
                   if figure.unit else figure.target)
    return Problem(
        figure.file, str(figure.line or ""), Code.DUPLICATE_ROW,
        text("row.duplicate", what=of, period=figure.period, where=first.place),
        text("row.hint_keep_one_or_revision"), figure.line)


def _parse(table: RawTable, plan: Plan, opts: ReadOptions, source: Path | None = None
           ) -> Actuals:
    try:
        names = [canonical_column(c) for c in table.header]
        if not all(c in names for c in columns.REQUIRED):
            # no target, period and value columns: an annex table (the wide layout)?
            from hauloc_cli.inputs.actuals.annex.reader import WideOptions, read_wide

            wide = read_wide(table, plan, WideOptions(opts.decimal_comma, opts.max_errors,
                                                      opts.units, opts.period,
                                                      opts.period_must_match,
                                                      opts.only_plan_targets))
            if wide is not None:
                return wide
            if not any(c in names for c in columns.REQUIRED):
                try:
                    return parse_table(table, plan, decimal_comma=opts.decimal_comma,
                                       max_errors=opts.max_errors, units=opts.units,
                                       only_plan_targets=opts.only_plan_targets,
                                       source=source)
                except InputError as exc:
                    raise NotActuals(exc.problems, exc.more) from None
        return parse_table(table, plan, decimal_comma=opts.decimal_comma,
                           max_errors=opts.max_errors, units=opts.units,
                           only_plan_targets=opts.only_plan_targets, source=source)
    finally:
        table.close()


def _first_rows_name_a_column(table: RawTable) -> bool:
    """Whether the header or one of the rows after it, among the first the header is looked
    for in, names target, period or value (in any of their names): a table meant as figures.
    `table` is fresh: its rows are read."""
    if any(canonical_column(c) in columns.REQUIRED for c in table.header):
        return True
    rows = iter(table.rows)
    for _ in range(HEADER_SEARCH_ROWS):
        try:
            cells = next(rows)
        except StopIteration:
            return False
        except table.bad_record:
            continue
        if any(isinstance(c, str) and canonical_column(c) in columns.REQUIRED for c in cells):
            return True
    return False


def names_no_columns(path: Path) -> bool:
    """Whether a text file that is not valid UTF-8 is no table of figures either: read as
    Windows-1258 (what Notepad saves on Vietnamese Windows), bytes it has no letter for
    replaced, none of its first rows names target, period or value. Notes saved that way
    beside the figures are then skipped, not refused."""
    import io

    text = head(path, 1 << 16).decode("cp1258", "replace")
    try:
        table = csv_table(str(path), io.StringIO(text))
    except InputError:
        return False
    try:
        return not _first_rows_name_a_column(table)
    finally:
        table.close()
