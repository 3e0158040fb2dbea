"""Reading a units file: YAML like a plan, or a table (CSV, .xlsx) with one unit a row.

`load_units(path)` returns the `Units` tree, or raises `InputError` naming the file, the place
(line and column in YAML and CSV, `Sheet1!C7` in a workbook) and the key of every problem.
A table has the columns `id`, `name`, `parent`, `kind` and any number of weight columns
(`population`, `rural_population`, …); `name_en` and `source` are read too.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from hauloc_cli.errors import Code, InputError, Message, Problem
from hauloc_cli.inputs.actuals.unit_rows import did_you_mean_unit
from hauloc_cli.inputs.files.table import RawTable, cell_text, column_name, csv_table
from hauloc_cli.inputs.files.text import (
    DEFAULT_MAX_SIZE,
    ZIP_MAGIC,
    check_readable,
    choose_encoding,
    decode_problem,
    head,
    open_text,
)
from hauloc_cli.inputs.files.yaml import load_yaml
from hauloc_cli.inputs.plan_file import describe, load_model
from hauloc_cli.model.plan import Plan
from hauloc_cli.model.units import Unit, Units
from hauloc_cli.vocab.messages import text
from hauloc_cli.vocab.messages import text as message

TABLE_SUFFIXES = (".csv", ".tsv", ".txt")
WORKBOOK_SUFFIXES = (".xlsx", ".xlsm")
TEXT_COLUMNS = ("id", "name", "name_en", "parent", "kind", "source")
_KEYS = {"": tuple(Units.model_fields), "units": tuple(Unit.model_fields)}


def load_units(path: Path, max_size: int | None = None) -> Units:
    """Read and validate a units file; raise InputError with every problem found."""
    size = DEFAULT_MAX_SIZE if max_size is None else max_size
    check_readable(path, size)
    suffix = path.suffix.lower()
    if suffix in WORKBOOK_SUFFIXES or head(path, 4).startswith(ZIP_MAGIC):
        from hauloc_cli.inputs.files.xlsx import xlsx_table

        return _from_table(xlsx_table(path, None, size))
    if suffix in TABLE_SUFFIXES:
        encoding = choose_encoding(path, head(path), None)
        try:
            with open_text(path, encoding, size) as handle:
                return _from_table(csv_table(str(path), handle))
        except UnicodeDecodeError:
            raise InputError([decode_problem(path, encoding)]) from None
    return load_model(path, size, Units, _KEYS,
                      (text("units.not_mapping"), text("units.hint_not_mapping")))


def _from_table(table: RawTable) -> Units:
    """Units from a table: one a row, weights from the number columns."""
    try:
        columns = [column_name(c) for c in table.header]
        missing = [c for c in ("id", "name", "kind") if c not in columns]
        if missing:
            raise InputError([Problem(table.name, table.where(table.header_line, None),
                                      Code.MISSING_COLUMN,
                                      text("units.no_column", columns=", ".join(missing)),
                                      text("units.hint_header"), table.header_line)])
        units: list[dict[str, Any]] = []
        places: list[int] = []
        problems: list[Problem] = []
        end = table.header_line
        for row in _records(table, problems):
            line, end = end + 1, table.line_num()
            if not any(cell_text(c) for c in row):
                continue
            units.append(_row(row, columns, lambda col, msg, line=line: problems.append(  # type: ignore[misc]
                Problem(table.name, table.where(line, col), Code.BAD_NUMBER, msg,
                        text("units.hint_weight"), line))))
            places.append(line)
    finally:
        table.close()
    if problems:
        raise InputError(problems)
    try:
        return Units.model_validate({"units": units})
    except ValidationError as exc:
        raise InputError(_table_problems(exc, table, columns, places)) from None


def _records(table: RawTable, problems: list[Problem]) -> Iterator[Any]:
    """The table's rows; a record the CSV reader cannot split (an unclosed quote, a field over
    its limit) is a problem on its line, and the reading goes on after it."""
    rows = iter(table.rows)
    while True:
        try:
            row = next(rows)
        except StopIteration:
            return
        except table.bad_record as exc:
            line = table.line_num()
            too_long = "field limit" in str(exc)
            problems.append(Problem(
                table.name, table.where(line, None), Code.TOO_LONG if too_long
                else Code.BAD_QUOTING,
                text("row.field_too_long", limit=f"{csv.field_size_limit():,}") if too_long
                else text("row.cannot_split", error=str(exc)),
                text("units.hint_record"), line))
            if len(problems) >= 50:
                return
            continue
        yield row


def _row(row: Any, columns: list[str], bad: Callable[[int, Message], None]) -> dict[str, Any]:
    unit: dict[str, Any] = {"weights": {}}
    for i, col in enumerate(columns):
        raw = row[i] if i < len(row) else ""
        text = cell_text(raw)
        if not col or not text:
            continue
        if col in TEXT_COLUMNS:
            unit[col] = text
            continue
        try:
            unit["weights"][col] = raw if isinstance(raw, float) else float(text)
        except ValueError:
            bad(i + 1, message("units.not_a_number", column=col, text=text))
    return unit


def _table_problems(exc: ValidationError, table: RawTable, columns: list[str],
                    places: list[int]) -> list[Problem]:
    problems = []
    for err in exc.errors(include_url=False):
        loc = list(err["loc"])
        ctx = err.get("ctx") or {}
        if "index" in ctx:
            loc += [ctx["index"], ctx.get("key", "")]
        index = next((p for p in loc if isinstance(p, int)), None)
        keys = [str(p) for p in loc[2:] if isinstance(p, str)]
        key = keys[-1] if keys[:1] == ["weights"] else next(iter(keys), "")
        line = places[index] if index is not None else table.header_line
        col = columns.index(key) + 1 if key in columns else None
        code, message, hint = describe(err, loc, _KEYS)
        problems.append(Problem(table.name, table.where(line, col), code,
                                text("plan.at", path=key, message=message) if key else
                                text("units.row_at", message=message), hint, line))
    return problems


def units_for_plan(plan: Plan, plan_path: Path, units_file: Path | None,
                   max_size: int | None = None) -> Units | None:
    """The units tree in effect: `--units FILE`, else the plan's `units:` (a path relative to
    the plan file), else none. The plan's unit and the units it assigns must be in it."""
    path = units_file
    if path is None and plan.units is not None:
        path = plan_path.parent / plan.units
    if path is None:
        return None
    units = load_units(path, max_size)
    wrong: list[tuple[list[Any], str]] = []
    if plan.plan.unit is not None and plan.plan.unit not in units.by_id:
        wrong.append((["plan", "unit"], plan.plan.unit))
    roots = units.children(None)
    if plan.plan.unit is None and len(roots) != 1:
        raise InputError([Problem(str(plan_path), "", Code.MISSING_KEY,
                                  text("units.several_roots", path=str(path), n=len(roots),
                                       roots=", ".join(roots)),
                                  text("units.hint_several_roots"))])
    for i, target in enumerate(plan.targets):
        if isinstance(target.assign, dict):
            wrong += [(["targets", i, "assign", u], u) for u in target.assign
                      if u not in units.by_id]
    if wrong:
        _, locate = load_yaml(plan_path, max_size)
        locator = locate()
        problems = []
        for loc, unit in wrong:
            line, col = locator.position(loc, key_itself=loc[-1] == unit)
            problems.append(Problem(str(plan_path), f"{line}:{col}", Code.UNKNOWN_UNIT,
                                    text("units.unknown_in", unit=unit, path=str(path)),
                                    did_you_mean_unit(unit, units), line))
        raise InputError(problems)
    return units


_UNITS_KEY = re.compile(r"""^units:[ \t]*("[^"\n]*"|'[^'\n]*'|[^#\n]*?)[ \t]*(?:#.*)?$""",
                        re.MULTILINE)


def units_named(plan_path: Path | None) -> Path | None:
    """The units file a YAML plan names (`units: FILE`, relative to the plan), found by a
    cheap look at its text before anything is loaded, so that no output can replace it; None
    for anything else or anything unreadable (the plan's own loading says what is wrong)."""
    if plan_path is None or plan_path.suffix.lower() not in (".yaml", ".yml"):
        return None
    try:
        with plan_path.open("rb") as handle:
            text = handle.read(DEFAULT_MAX_SIZE).decode("utf-8", "replace")
    except OSError:
        return None
    found = _UNITS_KEY.search(text)
    name = found.group(1).strip("'\"") if found else ""
    return plan_path.parent / name if name else None


def plan_unit(plan: Plan, units: Units) -> str:
    """The unit the plan belongs to: `plan.unit`, else the one root of the tree (checked by
    `units_for_plan`)."""
    return plan.plan.unit or units.children(None)[0]
