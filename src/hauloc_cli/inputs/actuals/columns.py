"""The columnar path: a large long-format CSV file checked in columns (the `fast` extra,
polars), for the rows it can vouch for exactly; every other row goes to the row checker
(`long.py`), which words every problem.

What is vouched for in columns, row by row: the unit cell is a unit's id as written in the
units file (not the plan's own unit), the target cell a target's id whose figures the row
checker reads inline (not a milestone, no assignment of the unit's own), the period cell one
the period reader reads as a year to date of the plan's year, a quarter's or a month's (each
distinct spelling read once by the same reader), and the value a plain number
(`values.PLAIN`) within the range no typo warning concerns (`values.quiet`). Such a row is
exactly a figure the row checker would keep without a word. Duplicates are looked for over
every figure, vouched or not.

The path is taken only when line numbers are exact (every record one line: no quote, no
blank line, no lone carriage return, no NUL) and when it cannot change what the row path says:
a file with a problem, a duplicate, a column of marks (status, reported, last year) or a unit
column's absence is left to the row path, which reads it again from the start and words it.
The figures are filed in the row path's order (units, targets and periods as first met), so
that every output is the same bytes.
"""

from __future__ import annotations

import csv
import itertools
import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from hauloc_cli.inputs.actuals.values import PLAIN
from hauloc_cli.inputs.files.table import RawTable, cell_text
from hauloc_cli.inputs.files.text import read_bytes
from hauloc_cli.model.figures import Figure
from hauloc_cli.model.periods import Period
from hauloc_cli.model.plan import unit_target

if TYPE_CHECKING:
    from hauloc_cli.inputs.actuals.long import ByTarget, _Checker

# Files of at least this many bytes take the columnar path when polars is installed (below it
# importing polars costs more than it saves: docs/performance.md). $HAULOC_COLUMNS: `off`
# never, `on` at any size (the equivalence test), unset or `auto` by size.
MIN_BYTES = 4_000_000
_PLAIN = PLAIN.pattern


def wanted(path: Path | None, environ: os._Environ[str] | dict[str, str] = os.environ) -> bool:
    """Whether to try the columnar path on `path` (a CSV file on disk)."""
    if path is None:
        return False
    setting = environ.get("HAULOC_COLUMNS", "auto").strip().lower()
    if setting == "off":
        return False
    try:
        return setting == "on" or path.stat().st_size >= MIN_BYTES
    except OSError:
        return False


def engine() -> Any:
    """polars, or None when the `fast` extra is not installed."""
    try:
        import polars
    except ImportError:
        return None
    return polars


def _one_line_records(data: bytes) -> bool:
    """Every record is one line, so that the n-th data row is on the header's line + n."""
    return (b'"' not in data and b"\x00" not in data and b"\n\n" not in data
            and b"\n\r\n" not in data and data.count(b"\r") == data.count(b"\r\n"))


def read(checker: _Checker, path: Path, columns: tuple[int, int, int, int],
         delimiter: str) -> int | None:
    """Check `path`'s rows into `checker` (its figures filed as the row path files them);
    the data rows counted. None when the row path must read the file (from a new checker:
    this one may have seen some rows)."""
    from hauloc_cli.inputs.actuals.long import _rows

    if (checker.units is None or checker.i_unit is None or checker.marks
            or checker.decimal_comma or checker.problems.kept or len(delimiter) != 1):
        return None
    pl = engine()
    frame = None if pl is None else _frame(pl, path, checker.table.header_line,
                                           columns[3], delimiter)
    if frame is None:
        return None
    ids, frame = _vouch(checker, pl, frame, columns)
    good = frame.filter(pl.col("ok")).select(["u", "t", "p", "value", "line"])
    # Every other row to the row checker, as the cells csv gives them (no quotes: the same
    # split), each on its own line.
    handed = frame.filter(~pl.col("ok")).select(
        ["line", *(f"c{i}" for i in range(columns[3]))]).rows()
    del frame
    count = good.height
    if handed:
        count += _hand(checker, handed, columns, _rows)
        if checker.problems.kept:
            return None  # the row path reads the file again and words every problem
    return None if _file(checker, pl, good, ids) is None else count


def _frame(pl: Any, path: Path, header_line: int, width: int, delimiter: str) -> Any:
    """The data rows below the header as a frame of text columns c0, c1, … and their line
    numbers (`line`); None when a record is not one line or cannot be split as csv would."""
    data = read_bytes(path)
    if data.startswith(b"\xef\xbb\xbf") or not _one_line_records(data):
        return None
    start = 0
    for _ in range(header_line):
        start = data.find(b"\n", start) + 1
        if start == 0:
            return None
    names = [f"c{i}" for i in range(width)]
    try:
        frame = pl.read_csv(data[start:], has_header=False, separator=delimiter,
                            quote_char=None, schema=dict.fromkeys(names, pl.String),
                            empty_string_is_null=False, raise_if_empty=False)
    except Exception:  # a record the engine cannot split (more fields than the header)
        return None
    limit = csv.field_size_limit()
    if frame.height == 0 or max((frame[c].str.len_bytes().max() or 0) for c in names) > limit:
        return None  # the row path reports a field over csv's limit
    return frame.with_row_index("line", offset=header_line + 1)


def _vouch(checker: _Checker, pl: Any, frame: Any, columns: tuple[int, int, int, int]
           ) -> tuple[tuple[list[str], list[str], list[Period]], Any]:
    """The ids and periods vouched for, and `frame` with each row's unit, target and
    period as their index there (`u`, `t`, `p`), its `value`, and whether it is vouched
    for (`ok`)."""
    i_target, i_period, i_value, _ = columns
    assert checker.units is not None and checker.i_unit is not None
    cu, ct, cp, cv = (f"c{i}" for i in (checker.i_unit, i_target, i_period, i_value))
    year = checker.plan.plan.year
    periods: list[Period] = []  # each distinct spelling read once, by the row checker's reader
    spelled: dict[str, int] = {}
    distinct = frame[cp].unique()
    for raw in distinct.to_list() if distinct.len() <= 1000 else ():
        found = checker.period(raw)
        if type(found) is Period and found.year == year:
            if found not in periods:
                periods.append(found)
            spelled[raw] = periods.index(found)
    unit_ids = [u.id for u in checker.units.units
                if u.id and u.id != checker.own_unit and cell_text(u.id) == u.id]
    ranges = []  # each target's quiet range as units without an assignment of their own see it
    for target in checker.plan.targets if unit_ids else ():
        if cell_text(target.id) != target.id or isinstance(target.assign, dict):
            continue
        check = checker._check(unit_target(target, unit_ids[0]), target.id, None)
        if check.inline:
            ranges.append((target.id, check.quiet_lo, check.quiet_hi))
    targets = [r[0] for r in ranges]
    vouch = pl.DataFrame({ct: targets, "t": list(range(len(targets))),
                          "qlo": [r[1] for r in ranges], "qhi": [r[2] for r in ranges]},
                         schema={ct: pl.String, "t": pl.Int32, "qlo": pl.Float64,
                                 "qhi": pl.Float64})
    frame = frame.join(vouch, on=ct, how="left", maintain_order="left").with_columns(
        u=pl.col(cu).replace_strict(unit_ids, list(range(len(unit_ids))), default=None,
                                    return_dtype=pl.Int32),
        p=pl.col(cp).replace_strict(spelled, default=None, return_dtype=pl.Int32),
        value=pl.col(cv).cast(pl.Float64, strict=False))
    ok = (pl.col("u").is_not_null() & pl.col("t").is_not_null() & pl.col("p").is_not_null()
          & pl.col(cv).str.contains(f"^(?:{_PLAIN})$") & (pl.col("value") >= pl.col("qlo"))
          & (pl.col("value") <= pl.col("qhi"))).fill_null(False)
    return (unit_ids, targets, periods), frame.with_columns(ok=ok)


def _hand(checker: _Checker, handed: list[tuple[Any, ...]], columns: tuple[int, int, int, int],
          rows: Any) -> int:
    """The rows not vouched for, through the row checker's own loop; the rows it counted."""
    lines = [r[0] for r in handed]
    at = [lines[0] - 1]
    following = [*(n - 1 for n in lines[1:]), lines[-1]]

    def cells() -> Any:
        for i, row in enumerate(handed):
            at[0] = following[i]  # the line_num() after reading row i: the next one starts after
            yield list(row[1:])

    table = checker.table
    checker.table = RawTable(table.name, table.header, table.header_line, cells(),
                             lambda: at[0], table.where)
    state: list[int] = [lines[0] - 1, 0]
    try:
        rows(checker, columns, state)
    finally:
        checker.table = table
    return state[1]


def _file(checker: _Checker, pl: Any, good: Any,
          ids: tuple[Sequence[str], Sequence[str], Sequence[Period]]) -> bool | None:
    """File the vouched figures and the row checker's into `checker.by_unit` in the row
    path's order (units, targets, periods as first met); None on a duplicate."""
    unit_ids, target_ids, periods = ids
    handed = [f for by_target in checker.by_unit.values() for by_p in by_target.values()
              for f in by_p.values()]
    if handed:
        keys = pl.concat([good.select([
            pl.col("u").replace_strict(list(range(len(unit_ids))), unit_ids,
                                       return_dtype=pl.String),
            pl.col("t").replace_strict(list(range(len(target_ids))), target_ids,
                                       return_dtype=pl.String),
            pl.col("p").replace_strict(list(range(len(periods))),
                                       [p.year * 100 + p.month for p in periods],
                                       return_dtype=pl.Int64)]), pl.DataFrame(
            {"u": [f.unit for f in handed], "t": [f.target for f in handed],
             "p": [f.period.year * 100 + f.period.month for f in handed]},
            schema={"u": pl.String, "t": pl.String, "p": pl.Int64})])
        if keys.is_duplicated().any():
            return None  # the row path names the first of each pair
        del keys
    # One number per unit, target and period (and one per unit and target: `k`).
    good = good.with_columns(k=pl.col("u").cast(pl.Int64) * len(target_ids) + pl.col("t"))
    if (good["k"] * len(periods) + good["p"]).n_unique() < good.height:
        return None  # a duplicate: the row path names the first of each pair
    name, new = checker.table.name, tuple.__new__
    if handed:  # in line order, as the row path meets them
        made = [new(Figure, (target_ids[t], periods[p], v, unit_ids[u], None, None, name, n,
                             "", "")) for u, t, p, v, n, _ in good.iter_rows()]
        made += handed
        made.sort(key=lambda f: f.line or 0)
        by_unit: dict[str, ByTarget] = {}
        for f in made:
            by_target = by_unit.get(f.unit) or by_unit.setdefault(f.unit, {})  # type: ignore[arg-type]
            (by_target.get(f.target) or by_target.setdefault(f.target, {}))[f.period] = f
        checker.by_unit = by_unit
        return True
    # Only vouched figures: grouped by unit, then target, each in the order first met, and
    # within a group by line; one dict per group.
    good = good.with_columns(uf=pl.col("line").min().over("u"),
                             kf=pl.col("line").min().over("k")).sort(["uf", "kf", "line"])
    runs = good["k"].rle()
    groups = zip(runs.struct.field("value").to_list(), runs.struct.field("len").to_list(),
                 strict=True)
    pers = list(map(periods.__getitem__, good["p"].to_list()))
    nothing, blank = itertools.repeat(None), itertools.repeat("")
    made = list(map(new, itertools.repeat(Figure), zip(
        map(target_ids.__getitem__, good["t"].to_list()), pers, good["value"].to_list(),
        map(unit_ids.__getitem__, good["u"].to_list()), nothing, nothing,
        itertools.repeat(name), good["line"].to_list(), blank, blank)))
    del good
    by_unit, at = {}, 0
    for k, n in groups:
        u, t = divmod(k, len(target_ids))
        by_target = by_unit.get(unit_ids[u]) or by_unit.setdefault(unit_ids[u], {})
        by_target[target_ids[t]] = dict(zip(pers[at:at + n], made[at:at + n], strict=True))
        at += n
    checker.by_unit = by_unit
    return True
