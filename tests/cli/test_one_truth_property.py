"""Issue 19, "How we will know": one truth across every command and output (a property test).

Hypothesis generates a plan (every kind — cumulative, level, annual, milestone — both
directions, ceilings, counts, a milestone's deadline), sometimes a units tree (a root with a few
communes; roll-ups sum, mean, share_meeting, count_meeting, none), figures spread over one to
three files with revisions (`ước` then `chính thức`, or two report dates, the second row in the
same file or another), units that miss a quarter, the plan unit's own rows with its id in the
unit cell or none, and a period to judge that may lie after the data. For every target it
compares the status, the figure and the figure's quarter said by

    check --format json · check --format csv · summary --format markdown ·
    report as xlsx (openpyxl) · report as docx (python-docx)

and, with units, each unit's figure and status in check's JSON, `check --by-unit --format
json` and the workbook's sheet by unit. It also checks that every accepted row of the quarter
judged is accounted for: its figure used, or listed among the revisions of the figure used
(file and line), or named in a warning.

The extractors (tests/cli/outputs.py) map each output's words back to one status key through
the catalogue of vocab/i18n.py, so the test outlives changes of wording.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, field
from pathlib import Path
from tempfile import TemporaryDirectory
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from tests.cli import outputs
from tests.cli.outputs import ACHIEVED_FAMILY, Seen
from tests.cli.support import run

# A property test: hypothesis builds 40 plans and runs every command on each
# (`pytest -m "not slow"` leaves it out).
pytestmark = pytest.mark.slow

YEAR = 2024
QUARTER_END = {1: "03-31", 2: "06-30", 3: "09-30", 4: "12-31"}

# --- what is generated ---------------------------------------------------------------------


@dataclass
class TargetSpec:
    id: str
    kind: str
    direction: str | None
    target: float | None
    unit: str | None
    rollup: str | None = None          # None: no roll-up key (no units tree, or own figures)
    baseline: float | None = None
    deadline: str | None = None
    min_coverage: float | None = None
    yes_no_leaves: bool = False        # share_meeting / count_meeting: leaves report có/không

    @property
    def name(self) -> str:
        return f"Chỉ tiêu {self.id.upper()}"

    @property
    def name_en(self) -> str:
        return f"Target {self.id.upper()}"

    def yaml(self) -> str:
        fields: dict[str, Any] = {"id": self.id, "name": self.name, "name_en": self.name_en,
                                  "kind": self.kind}
        for key in ("direction", "target", "unit", "baseline", "deadline", "rollup",
                    "min_coverage"):
            value = getattr(self, key)
            if value is not None:
                fields[key] = value
        return "  - " + json.dumps(fields, ensure_ascii=False) + "\n"


@dataclass
class Row:
    target: str
    unit: str | None      # None: the plan unit's own row; else a commune's id
    quarter: int
    value: str
    status: str = ""
    reported: str = ""
    unit_cell: str = ""   # what the unit column says (the plan unit: "" or its id)
    file: int = 0
    line: int = 0         # set when written


@dataclass
class Scenario:
    targets: list[TargetSpec]
    communes: list[str]            # empty: no units tree
    units_by_option: bool          # --units FILE rather than `units:` in the plan
    rows: list[Row]
    files: int
    period: int
    lang: str
    paths: list[Path] = field(default_factory=list)

    def describe(self) -> str:
        lines = [f"period {YEAR}-Q{self.period}, lang {self.lang}, "
                 f"units: {self.communes or 'none'}"
                 + (" (--units)" if self.units_by_option and self.communes else "")]
        lines += [t.yaml().rstrip() for t in self.targets]
        for r in self.rows:
            lines.append(f"  f{r.file}.csv:{r.line}: {r.target},Q{r.quarter},{r.value},"
                         f"{r.status},{r.reported},unit={r.unit_cell!r}")
        return "\n".join(lines)


def _num(x: float) -> float | int:
    return int(x) if float(x).is_integer() else round(x, 1)


@st.composite
def target_specs(draw: st.DrawFn, tid: str, units: bool) -> TargetSpec:
    kinds = ["count", "ceiling", "level_up", "level_down", "annual_up", "annual_down",
             "milestone"]
    if units:
        kinds += ["share", "count_meeting", "mean_level"]
    kind = draw(st.sampled_from(kinds))
    sums = st.sampled_from(["sum", None]) if units else st.none()
    if kind == "count":
        return TargetSpec(tid, "cumulative", "at_least", draw(st.integers(2, 12)), "products",
                          rollup=draw(sums))
    if kind == "ceiling":
        return TargetSpec(tid, "cumulative", "at_most", draw(st.integers(1, 6)), "vụ",
                          rollup=draw(sums))
    if kind == "level_up":
        target = draw(st.integers(70, 100))
        baseline = draw(st.one_of(st.none(), st.integers(40, target - 5)))
        return TargetSpec(tid, "level", "at_least", target, "%", baseline=baseline)
    if kind == "level_down":
        ceiling = _num(draw(st.integers(10, 30)) / 10)
        return TargetSpec(tid, "level", "at_most", ceiling, "%",
                          baseline=_num(ceiling + draw(st.integers(5, 30)) / 10))
    if kind == "annual_up":
        return TargetSpec(tid, "annual", "at_least", draw(st.integers(8, 12)), "%")
    if kind == "annual_down":
        return TargetSpec(tid, "annual", "at_most", draw(st.integers(10, 20)), "%")
    if kind == "milestone":
        q = draw(st.integers(1, 4))
        return TargetSpec(tid, "milestone", None, None, None,
                          deadline=f"{YEAR}-{QUARTER_END[q]}")
    coverage = draw(st.sampled_from([None, 0.5]))
    if kind == "share":
        return TargetSpec(tid, "level", "at_least", draw(st.sampled_from([50, 60, 100])), "%",
                          rollup="share_meeting", min_coverage=coverage, yes_no_leaves=True)
    if kind == "count_meeting":
        return TargetSpec(tid, "cumulative", "at_least", draw(st.integers(1, 3)), "communes",
                          rollup="count_meeting", min_coverage=coverage, yes_no_leaves=True)
    target = draw(st.integers(70, 95))
    return TargetSpec(tid, "level", "at_least", target, "%", rollup="mean",
                      min_coverage=coverage)


def _values(draw: st.DrawFn, spec: TargetSpec, quarters: list[int], leaf: bool) -> list[str]:
    """One figure per quarter, as a report would give them (year to date)."""
    n = len(quarters)
    if spec.kind == "milestone" or (leaf and spec.yes_no_leaves):
        flags = draw(st.lists(st.booleans(), min_size=n, max_size=n))
        if spec.kind == "milestone":  # once done, done
            flags = [any(flags[: i + 1]) for i in range(n)]
        return ["có" if f else "không" for f in flags]
    if spec.kind == "cumulative":
        top = 4 if leaf else int((spec.target or 1) * 1.5) + 1
        steps = draw(st.lists(st.integers(0, top), min_size=n, max_size=n))
        return [str(v) for v in sorted(steps)]
    assert spec.target is not None
    t = float(spec.target)
    if spec.unit == "%" and spec.direction == "at_most" and spec.kind == "level":
        low, high = 1.0, float(spec.baseline or t * 2) + 1
    elif spec.kind == "annual":
        low, high = t * 0.5, t * 1.4
    else:
        low, high = max(1.0, t * 0.6), min(100.0, t * 1.1)
    tenths = st.integers(int(low * 10), int(high * 10))
    return [str(_num(v / 10)) for v in draw(st.lists(tenths, min_size=n, max_size=n))]


@st.composite
def scenarios(draw: st.DrawFn, revisions_across_files: bool = True) -> Scenario:
    """`revisions_across_files=False` keeps both rows of a revision in one file (today's code
    refuses the pair as `duplicate-row` otherwise, which hides every other finding)."""
    with_units = draw(st.booleans())
    communes = [f"x{i}" for i in range(1, draw(st.integers(2, 4)) + 1)] if with_units else []
    specs = [draw(target_specs(f"t{i}", with_units))
             for i in range(1, draw(st.integers(1, 4)) + 1)]
    last = draw(st.integers(1, 4))                   # the latest quarter of the data
    files = draw(st.integers(1, 3))
    rows: list[Row] = []
    for spec in specs:
        reporters: list[str | None] = []
        if spec.rollup is None or draw(st.booleans()):
            reporters.append(None)                   # the plan unit's own figure
        if spec.rollup is not None:
            reporters += communes
        for unit in reporters:
            quarters = [q for q in range(1, last + 1)
                        if draw(st.integers(0, 4)) > 0]   # a unit may miss a quarter
            leaf = unit is not None
            for q, value in zip(quarters, _values(draw, spec, quarters, leaf), strict=True):
                unit_cell = unit or (draw(st.sampled_from(["", "p"])) if communes else "")
                revision = draw(st.sampled_from([None] * 4 + ["status", "date"]))
                file = draw(st.integers(0, files - 1))
                if revision is not None:
                    earlier = _other(value)
                    first, second = (("ước", "chính thức") if revision == "status"
                                     else ("", ""))
                    month = f"{YEAR}-{3 * q:02d}"
                    dates = (("", "") if revision == "status"
                             else (f"{month}-05", f"{month}-28"))
                    rows.append(Row(spec.id, unit, q, earlier, first, dates[0], unit_cell,
                                    file))
                    other = draw(st.integers(0, files - 1)) if revisions_across_files else file
                    rows.append(Row(spec.id, unit, q, value, second, dates[1], unit_cell,
                                    other))
                else:
                    rows.append(Row(spec.id, unit, q, value, "", "", unit_cell, file))
    assume(rows)  # a file with a header and no rows is refused (empty-file)
    period = draw(st.integers(1, 4))
    return Scenario(specs, communes, draw(st.booleans()), rows, files, period,
                    draw(st.sampled_from(["vi", "en"])))


def _other(value: str) -> str:
    """A different figure, as the estimate a later report revised."""
    if value in ("có", "không"):
        return "không" if value == "có" else "có"
    x = float(value)
    return str(_num(x + 1 if x < 1 else x - 1 if x >= 2 else x + 0.5))


# --- writing the files ---------------------------------------------------------------------

def write_scenario(s: Scenario, folder: Path) -> list[object]:
    """The plan, the units file and the actuals files; the arguments they need."""
    plan = f"plan: {{id: p, name: Huyện P, name_en: District P, year: {YEAR}}}\n"
    if s.communes and not s.units_by_option:
        plan += "units: units.yaml\n"
    plan += "targets:\n" + "".join(t.yaml() for t in s.targets)
    (folder / "plan.yaml").write_text(plan, encoding="utf-8")
    args: list[object] = ["--targets", folder / "plan.yaml"]
    if s.communes:
        units = "units:\n  - {id: p, name: Huyện P, kind: district}\n" + "".join(
            f"  - {{id: {c}, name: Xã {c.upper()}, kind: commune, parent: p}}\n"
            for c in s.communes)
        (folder / "units.yaml").write_text(units, encoding="utf-8")
        if s.units_by_option:
            args += ["--units", folder / "units.yaml"]
    header = "target,period,value,status,reported" + (",unit" if s.communes else "")
    lines: dict[int, list[str]] = {i: [header] for i in range(s.files)}
    for r in s.rows:
        cells = [r.target, f"{YEAR}-Q{r.quarter}", r.value, r.status, r.reported]
        if s.communes:
            cells.append(r.unit_cell)
        lines[r.file].append(",".join(cells))
        r.line = len(lines[r.file])
    s.paths = []
    for i, text in lines.items():
        if len(text) > 1:
            path = folder / f"f{i}.csv"
            path.write_text("\n".join(text) + "\n", encoding="utf-8")
            s.paths.append(path)
    return [*args, *s.paths, "--period", f"{YEAR}-Q{s.period}"]


# --- comparing ------------------------------------------------------------------------------

def same_value(a: Any, b: Any) -> bool:
    if a is None or b is None or isinstance(a, bool) or isinstance(b, bool):
        return a == b and type(a) is type(b)
    # the brief and the Word annex print at most 2 decimals
    return math.isclose(float(a), float(b), abs_tol=0.006)


def same_status(a: str | None, b: str | None) -> bool:
    """`Đạt` is the word of achieved and of the year-end class met: one family."""
    if a in ACHIEVED_FAMILY and b in ACHIEVED_FAMILY:
        return a == b or "achieved" in (a, b)
    return a == b


def compare(seen: dict[str, dict[str, Seen]], targets: list[TargetSpec]) -> list[str]:
    problems = []
    reference_name = "check json"
    reference = seen[reference_name]
    for spec in targets:
        ref = reference.get(spec.id)
        for name, outcome in seen.items():
            if name == reference_name:
                continue
            got = outcome.get(spec.id)
            if ref is None or got is None:
                problems.append(f"{spec.id}: {name} has no row (check json: {ref})")
                continue
            for what, ok in (("status", same_status(ref.status, got.status)),
                             ("figure", same_value(ref.value, got.value)),
                             ("period", ref.period == got.period)):
                if not ok:
                    problems.append(f"{spec.id} {what}: check json {_show(ref)} but "
                                    f"{name} {_show(got)}")
    return problems


def _show(s: Seen) -> str:
    period = f"Q{s.period}" if s.period else "-"
    return f"({s.status}, {s.value!r}, {period})"


def compare_units(check_json: str, by_unit: str | None, xlsx_units: dict[Any, Seen],
                  s: Scenario) -> list[str]:
    problems = []
    from_check = outputs.units_of_check_json(check_json)
    if by_unit is not None:
        from_by_unit = outputs.by_unit_json(by_unit)
        for key in sorted(set(from_check) | set(from_by_unit)):
            a, b = from_check.get(key), from_by_unit.get(key)
            if a is None or b is None or not (same_value(_plain(a[0]), _plain(b[0]))
                                              and a[1:] == b[1:]):
                problems.append(f"{key[0]}/{key[1]}: check json units {a} but "
                                f"--by-unit json {b}")
    for key, (actual, status, reported) in sorted(from_check.items()):
        got = xlsx_units.get(key)
        if got is None:
            problems.append(f"{key[0]}/{key[1]}: check json units ({actual}, {status}) but "
                            "the workbook's sheet by unit has no row")
            continue
        # a unit that sent nothing is said "not reported" (no data) where JSON has no status
        expected = "no_data" if status is None and actual is None and not reported else status
        if not same_status(expected, got.status):
            problems.append(f"{key[0]}/{key[1]} status: check json units {status} but "
                            f"xlsx by unit {_show(got)}")
        if reported and not same_value(_plain(actual), got.value):
            problems.append(f"{key[0]}/{key[1]} figure: check json units {actual} but "
                            f"xlsx by unit {_show(got)}")
    return problems


def _plain(x: Any) -> Any:
    return x if x is None or isinstance(x, bool) else float(x)


def _row_value(r: Row) -> Any:
    return {"có": True, "không": False}.get(r.value, None) if r.value in ("có", "không") \
        else float(r.value)


def accounted(s: Scenario, check_json: str, warnings: str) -> list[str]:
    """Every row of the quarter judged is used, a revision of the figure used, or warned of."""
    body = json.loads(check_json)
    by_id = {t["id"]: t for t in body["targets"]}
    revised: set[tuple[str, int]] = set()

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            if node.get("line") is not None and node.get("file"):
                revised.add((Path(str(node["file"])).name, int(node["line"])))
            for v in node.values():
                walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)

    walk(body)
    text = warnings + json.dumps(body.get("warnings", []), ensure_ascii=False)
    problems = []
    for r in s.rows:
        if r.quarter != s.period:
            continue
        t = by_id[r.target]
        value = _row_value(r)
        if r.unit is None:
            used = (t["as_of"] == f"{YEAR}-Q{r.quarter}"
                    and same_value(value, _plain(t["actual"])))
        else:
            used = any(u["unit"] == r.unit and u["reported"]
                       and same_value(value, _plain(u["actual"])) for u in t.get("units") or [])
        name = f"f{r.file}.csv"
        if used or (name, r.line) in revised or re.search(
                rf"{re.escape(name)}:{r.line}\b", text):
            continue
        problems.append(f"row {name}:{r.line} ({r.target}, unit {r.unit_cell or '(none)'}, "
                        f"Q{r.quarter}, {r.value} {r.status} {r.reported}) is not used, not a "
                        "listed revision and not named in a warning")
    return problems


# --- running --------------------------------------------------------------------------------

def discrepancies(s: Scenario) -> list[str]:
    with TemporaryDirectory() as tmp:
        folder = Path(tmp)
        args = write_scenario(s, folder)
        names = {t.id: (t.name if s.lang == "vi" else t.name_en) for t in s.targets}
        seen: dict[str, dict[str, Seen]] = {}
        checked = run("check", *args, "--format", "json")
        if checked.code not in (0, 1):
            return [f"check exit {checked.code}: {checked.err.strip()[:400]}"]
        seen["check json"] = outputs.check_json(checked.out)
        problems = accounted(s, checked.out, checked.err)
        as_csv = run("check", *args, "--format", "csv")
        seen["check csv"] = outputs.check_csv(as_csv.out)
        brief = run("summary", *args, "--format", "markdown", "--lang", s.lang)
        assert brief.code in (0, 1), brief.err
        seen["summary md"] = outputs.summary_markdown(brief.out, names, s.lang, s.period)
        xlsx, docx = folder / "annex.xlsx", folder / "annex.docx"
        for path in (xlsx, docx):
            made = run("report", *args, "--lang", s.lang, "--date", f"{YEAR}-12-31",
                       "-o", path)
            assert made.code in (0, 1), made.err
        shown_units = {c: f"Xã {c.upper()}" for c in s.communes}
        seen["report xlsx"], xlsx_units = outputs.report_xlsx(xlsx, s.lang, s.period, names,
                                                              shown_units)
        seen["report docx"] = outputs.report_docx(docx, names, s.lang, s.period)
        problems += compare(seen, s.targets)
        if s.communes:
            by_unit = run("check", *args, "--by-unit", "--format", "json")
            assert by_unit.code in (0, 1), by_unit.err
            problems += compare_units(checked.out, by_unit.out, xlsx_units, s)
        return problems


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(scenarios())
def test_every_output_says_the_same_of_every_target(scenario: Scenario) -> None:
    problems = discrepancies(scenario)
    assert not problems, ("\n".join(problems) + "\n--- scenario ---\n" + scenario.describe())
