"""The report: docs/performance.md (the machine, the versions, each comparison's table, what
each tool said of the seeded faults) and the budgets of issue 14, each a verdict."""

from __future__ import annotations

import argparse
import os
import platform
import re
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

from bench import months
from bench.checks import Seeded
from bench.data import FAULTS, ROOT
from bench.timing import Group, ms

DOC = ROOT / "docs" / "performance.md"
# Everything below this line of docs/performance.md is written by hand and kept on rerun.
NOTES_MARK = "<!-- Notes below this line are kept when `python -m bench` rewrites the file. -->"

# The budgets of issue 14.
BUDGET_START = 1.1  # hauloc --help / check --format json / check (table) against their floors
BUDGET_1000 = 1.3  # 1,000 targets against F-json(1,000), time and peak memory
BUDGET_PROVINCE = 1.5  # the province with units against F-units, time
BUDGET_FRICTIONLESS = 2.0  # national: frictionless's time over hauloc's, at least
BUDGET_NATIONAL_MIB = 400  # national: hauloc's peak memory, at most
BUDGET_LINEAR = 12.0  # hauloc's time at 400,000 rows over its time at 40,000, at most
# The budgets of issue 26 at 1,000,000 rows, with the `fast` extra: hauloc's time over Soda
# Core's at most, pandera's over hauloc's at least, hauloc's peak memory over Soda's at most;
# the default install (the row path alone): its time over Soda's, at most.
BUDGET_SODA = 0.8
BUDGET_PANDERA = 2.0
BUDGET_SODA_MEMORY = 1.0
BUDGET_SODA_ROWS = 2.5
# 3,000,000 rows with the extra: its time over the 1,000,000-row file's, its peak, at most.
BUDGET_TRIPLE = 3.3
BUDGET_TRIPLE_MIB = 1536


def defines_fast(pyproject: Path) -> bool:
    """Whether the source tree's pyproject.toml has a `fast` extra (an install made before it
    was added does not know of it). Read by lines: tomllib is not in Python 3.10."""
    try:
        lines = pyproject.read_text(encoding="utf-8").splitlines()
    except OSError:
        return False
    section = ""
    for line in lines:
        if re.match(r"\[[^\]]+\]\s*(#.*)?$", line):
            section = line.split("]")[0].strip("[ ")
        elif section == "project.optional-dependencies" and re.match(r"\s*\"?fast\"?\s*=",
                                                                       line):
            return True
    return False


def hauloc_install(pyproject: Path = ROOT / "pyproject.toml") -> tuple[str, str]:
    """How hauloc is installed here: a short name (`hauloc` or `hauloc[fast]`) and a line."""
    try:
        dist = metadata.distribution("hauloc")
    except metadata.PackageNotFoundError:
        return "hauloc", "hauloc is not installed as a distribution (run from the source tree)"
    extras = dist.metadata.get_all("Provides-Extra") or []
    if "fast" not in extras:
        return "hauloc", f"hauloc {dist.version}, default install (" + (
            "pyproject.toml defines a `fast` extra that this install predates: "
            "`pip install -e '.[fast]'` to use it)" if defines_fast(pyproject)
            else "it has no `fast` extra)")
    wanted = [r for r in dist.requires or [] if re.search(r"extra\s*==\s*['\"]fast['\"]", r)]
    found, missing = {}, []
    for req in wanted:
        name = re.split(r"[^A-Za-z0-9_.\-]", req, maxsplit=1)[0]
        try:
            found[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            missing.append(name)
    if missing or not wanted:
        return "hauloc", (f"hauloc {dist.version}, default install: its `fast` extra is not "
                          f"installed (missing: {', '.join(missing) or 'nothing listed'})")
    return "hauloc[fast]", (f"hauloc {dist.version} with its `fast` extra ("
                            + ", ".join(f"{k} {v}" for k, v in found.items()) + ")")


def versions() -> dict[str, str]:
    found = {}
    for dist in ("typer", "pydantic", "pydantic-core", "pyyaml", "rich"):
        try:
            found[dist] = metadata.version(dist)
        except metadata.PackageNotFoundError:
            found[dist] = "not installed"
    try:
        import yaml

        found["pyyaml"] += " (C loader)" if hasattr(yaml, "CSafeLoader") else " (no C loader)"
    except ImportError:
        pass
    return found


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        kib = int(Path("/proc/meminfo").read_text().split()[1])
        mem = f", {kib / 1024 / 1024:.1f} GiB RAM"
    except (OSError, ValueError, IndexError):
        pass
    return f"{cpu}, {os.cpu_count()} CPUs{mem}; {platform.platform()}"


def load() -> str:
    try:
        return " / ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "unknown"


def mib(kib: float) -> str:
    return f"{kib / 1024:,.1f} MiB"


def verdict(ok: bool | None) -> str:
    return "not measured" if ok is None else "pass" if ok else "**FAIL**"


@dataclass
class Bench:
    """What one run measured, and how."""
    groups: dict[str, Group]
    rows: dict[str, int]  # data rows of each generated actuals file
    peers: dict[str, str]  # each peer's versions, or why it is missing
    seeded: Seeded
    seeded_at: dict[str, int]
    install: tuple[str, str]
    args: argparse.Namespace
    started: str
    loads: list[str] = field(default_factory=list)
    elapsed: float = 0.0


def header(b: Bench) -> list[str]:
    a = b.args
    return [
        "# Performance", "",
        "Written by `python -m bench`" + (" --quick (NOT a full run)" if a.quick else "")
        + f" on {b.started}, in {b.elapsed / 60:.1f} minutes. Rerun it to refresh this file; "
        "the method is described in `bench/__init__.py` and in the notes below.", "",
        f"- Machine: {machine()}",
        f"- Load average (1/5/15 min) at the start / end: {b.loads[0]}; {b.loads[-1]}",
        f"- Python {platform.python_version()} ({platform.python_implementation()})",
        f"- {b.install[1]}; " + ", ".join(f"{k} {v}" for k, v in versions().items()),
        "- Peers, each in its own virtualenv: "
        + "; ".join(f"{k}: {v}" for k, v in b.peers.items()),
        f"- Rounds: {a.rounds} after {a.warmups} warm-ups for the small inputs, "
        f"{a.big_rounds} after {a.big_warmups} for the files of 400,000 rows and more; the "
        "commands of a comparison take turns going first; a ratio is the median of the "
        "per-round ratios. Peak memory is each child's own `ru_maxrss` (from `os.wait4` in a "
        "small timer process, so that the bench's own memory is not counted).",
    ]


def vs_floor(b: Bench, title: str, key: str, floor: str, rows: int) -> list[str]:
    g = b.groups[key]
    return [
        "", title, "",
        "| rows | time ratio | hauloc | floor | memory ratio | hauloc peak | floor peak |",
        "|---:|---:|---:|---:|---:|---:|---:|",
        f"| {rows:,} | {g.ratio('hauloc', floor):.2f}x | {ms(g.median('hauloc'))} | "
        f"{ms(g.median(floor))} | {g.mem_ratio('hauloc', floor):.2f}x | "
        f"{mib(g.peak('hauloc'))} | {mib(g.peak(floor))} |",
    ]


def side_by_side(b: Bench, title: str, key: str, intro: str) -> list[str]:
    if key not in b.groups:
        return ["", title, "", "Not measured: " + intro]
    g = b.groups[key]
    out = ["", title, "", intro, "",
           "| command | rows | median time | time over hauloc's | peak memory |",
           "|---|---:|---:|---:|---:|"]
    for k, c in g.cmds.items():
        out.append(f"| `{c.label}` | {c.rows:,} | {ms(g.median(k))} | "
                   f"{g.ratio(k, 'hauloc'):.2f}x | {mib(g.peak(k))} |")
    return out


def months_table(b: Bench) -> list[str]:
    title = ("## Months: the province file month by month (166 × 30 × 11) against its "
             "quarterly file (166 × 30 × 4)")
    if "months" not in b.groups:
        return ["", title, "", "Not measured."]
    g = b.groups["months"]
    rows = {"monthly": b.rows["monthly"], "quarterly": b.rows["province"]}
    out = ["", title, "", "The two take turns in each round (`python -m bench.months` runs "
           "them alone).", "", "| file | rows | median time | time per row |",
           "|---|---:|---:|---:|"]
    for key in ("monthly", "quarterly"):
        t = g.median(key)
        out.append(f"| {key} | {rows[key]:,} | {ms(t)} | {t / rows[key] * 1e6:.1f} µs |")
    return out


def seeded_table(b: Bench) -> list[str]:
    tools = list(b.seeded)
    names = {"hauloc": "hauloc", "frictionless": "frictionless", "soda": "Soda Core",
             "pandera": "pandera"}
    out = ["", "## Seeded bad rows: what each tool reports", "",
           f"A copy of the province file ({b.rows['seeded']:,} rows) with five rows "
           "overwritten; each tool was run once on it as it is timed above.", "",
           "| fault | line | " + " | ".join(names[t] for t in tools) + " |",
           "|---|---:|" + "---|" * len(tools)]
    for key, what in FAULTS:
        out.append(f"| {what} | {b.seeded_at[key]:,} | "
                   + " | ".join(b.seeded[t][0][key] for t in tools) + " |")
    out.append("| reports on other lines | | "
               + " | ".join(str(b.seeded[t][1]) for t in tools) + " |")
    return out


def budgets(b: Bench) -> list[tuple[str, bool | None]]:
    g, out = b.groups, list[tuple[str, bool | None]]()
    for key, floor in (("help", "F-help"), ("json", "F-json"), ("table", "F-table")):
        r = g[key].ratio("hauloc", floor)
        out.append((f"`{g[key].cmds['hauloc'].label}` ≤ {BUDGET_START}× {floor}: {r:.2f}×",
                    r <= BUDGET_START))
    s = g["scale"]
    for what, r in (("time", s.ratio("hauloc", "F-json")),
                    ("peak memory", s.mem_ratio("hauloc", "F-json"))):
        out.append((f"1,000 targets, {what} ≤ {BUDGET_1000}× F-json(1,000): {r:.2f}×",
                    r <= BUDGET_1000))
    r = g["province"].ratio("hauloc", "F-units")
    out.append((f"province, time ≤ {BUDGET_PROVINCE}× F-units: {r:.2f}×", r <= BUDGET_PROVINCE))
    n = g["national"]
    out.append(_speedup(n, "frictionless", BUDGET_FRICTIONLESS, "national"))
    peak = n.peak("hauloc") / 1024
    out.append((f"national, hauloc's peak memory ≤ {BUDGET_NATIONAL_MIB} MiB: {peak:,.0f} MiB",
                peak <= BUDGET_NATIONAL_MIB))
    r = n.ratio("hauloc", "linear")
    out.append((f"linear: {n.cmds['hauloc'].rows:,} rows ≤ {BUDGET_LINEAR:g}× the time of "
                f"{n.cmds['linear'].rows:,}: {r:.2f}×", r <= BUDGET_LINEAR))
    out.append(months_budget(b))
    return out + million_budgets(b)


def months_budget(b: Bench) -> tuple[str, bool | None]:
    """Issue 22: the monthly province file's time per row over the quarterly one's."""
    g = b.groups.get("months")
    what = f"months: time per row of the monthly province file ≤ {months.BUDGET}× the quarterly's"
    if g is None:
        return f"{what}: not measured", None
    r = months.per_row_ratio(g, {"monthly": b.rows["monthly"], "quarterly": b.rows["province"]})
    return f"{what}: {r:.2f}×", r <= months.BUDGET


def _at_most(g: Group | None, a: str, b: str, most: float, what: str,
             memory: bool = False) -> tuple[str, bool | None]:
    """`a`'s time (or peak memory) over `b`'s at most `most`; not measured without both."""
    if g is None or a not in g.runs or b not in g.runs:
        return f"{what} ≤ {most}×: not measured", None
    r = g.mem_ratio(a, b) if memory else g.ratio(a, b)
    return f"{what} ≤ {most}×: {r:.2f}×", r <= most


def million_budgets(b: Bench) -> list[tuple[str, bool | None]]:
    """Issue 26's budgets: with the `fast` extra (not measured without it) and the default
    install (the row path: `hauloc-rows` beside the extra, else hauloc itself)."""
    m, fast = b.groups.get("million"), b.install[0] == "hauloc[fast]"
    with_extra = m if fast else None
    rows = "hauloc-rows" if fast else "hauloc"
    out = [_at_most(with_extra, "hauloc", "soda", BUDGET_SODA,
                    "1,000,000 rows, hauloc[fast], time over Soda Core's"),
           _speedup(with_extra, "pandera", BUDGET_PANDERA, "1,000,000 rows, hauloc[fast]"),
           _at_most(with_extra, "hauloc", "soda", BUDGET_SODA_MEMORY,
                    "1,000,000 rows, hauloc[fast], peak memory over Soda Core's", memory=True),
           _at_most(m, rows, "soda", BUDGET_SODA_ROWS,
                    "1,000,000 rows, default install (row path), time over Soda Core's")]
    t = b.groups.get("triple")
    if t is None or not fast:
        out.append((f"3,000,000 rows, hauloc[fast]: ≤ {BUDGET_TRIPLE}× the 1,000,000-row "
                    f"time, peak ≤ {BUDGET_TRIPLE_MIB:,} MiB: not measured", None))
        return out
    out.append(_at_most(t, "hauloc", "million", BUDGET_TRIPLE,
                        "3,000,000 rows, hauloc[fast], time over the 1,000,000-row file's"))
    peak = t.peak("hauloc") / 1024
    out.append((f"3,000,000 rows, hauloc[fast], peak memory ≤ {BUDGET_TRIPLE_MIB:,} MiB: "
                f"{peak:,.0f} MiB", peak <= BUDGET_TRIPLE_MIB))
    return out


def _speedup(g: Group | None, peer: str, least: float, what: str) -> tuple[str, bool | None]:
    if g is None or peer not in g.runs:
        return f"{what}: ≥ {least}× faster than {peer}", None
    r = g.ratio(peer, "hauloc")
    return f"{what}: ≥ {least}× faster than {peer}: {r:.2f}×", r >= least


def report(b: Bench) -> tuple[str, list[tuple[str, bool | None]]]:
    """The Markdown of docs/performance.md (without the kept notes) and the budget verdicts."""
    g = b.groups
    out = header(b) + [
        "", "## Start-up and the example", "",
        "| # | command | floor | ratio | hauloc (median) | floor (median) |",
        "|---|---|---|---:|---:|---:|",
    ]
    for i, (key, floor) in enumerate((("help", "F-help"), ("json", "F-json"),
                                      ("table", "F-table")), 1):
        p = g[key]
        out.append(f"| {i} | `{p.cmds['hauloc'].label}` | {floor} | "
                   f"{p.ratio('hauloc', floor):.2f}x | {ms(p.median('hauloc'))} | "
                   f"{ms(p.median(floor))} |")
    out += vs_floor(b, "## 1,000 targets × 4 quarters: `hauloc check --format json` against "
                    "F-json(1,000), F-json's program on the same files", "scale", "F-json",
                    b.rows["scale"])
    out += vs_floor(b, "## Province: 166 communes, 30 rolled-up targets, units file, JSON "
                    "out, against F-units", "province", "F-units", b.rows["province"])
    out += side_by_side(b, "## National: 3,321 communes against `frictionless validate`; "
                        "linear from 40,000 rows", "national", NATIONAL_INTRO)
    out += side_by_side(b, "## 1,000,000 rows: against Soda Core (DuckDB) and pandera",
                        "million", MILLION_INTRO)
    out += side_by_side(b, "## 3,000,000 rows, once per run: against 1,000,000", "triple",
                        TRIPLE_INTRO)
    out += months_table(b)
    if b.seeded:
        out += seeded_table(b)
    verdicts = budgets(b)
    out += ["", "## Budgets (issues 14 and 26)", ""]
    out += [f"- {verdict(ok)}: {text}" for text, ok in verdicts]
    return "\n".join(out) + "\n", verdicts


NATIONAL_INTRO = (
    "The three commands take turns in each round: hauloc on the national file, frictionless "
    "on the same file (`frictionless validate --schema schema.json --limit-errors 0 --json`: "
    "unit, target and period required strings with patterns, value a required number, "
    "primary key unit + target + period; its JSON says it read every row), and hauloc on "
    "the 40,000-row file of 333 communes made the same way.")
MILLION_INTRO = (
    "The nation's 3,321 communes with 76 targets. Soda Core runs `soda scan` with SodaCL "
    "checks (duplicate_count of unit + target + period, missing_count of each column, "
    "invalid_count of period against `^\\d{4}-Q[1-4]$` and of value against the format "
    "`decimal`) on a DuckDB data source whose `actuals` is a view over the CSV, every column "
    "read as text (the view holds no rows: each scan reads the file). pandera validates a "
    "pandas frame read with every column as text: the same patterns, value coerced to "
    "float, no missing values, unique unit + target + period, `lazy=True` (all failures).")


TRIPLE_INTRO = (
    "The nation's 3,321 communes with 228 targets, four quarters each (the size of a year of "
    "monthly national figures), and the 1,000,000-row file, each run once.")


def write_doc(text: str, path: Path) -> None:
    kept = ""
    if path.is_file():
        old = path.read_text(encoding="utf-8")
        if NOTES_MARK in old:
            kept = old[old.index(NOTES_MARK) + len(NOTES_MARK):]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text + "\n" + NOTES_MARK + (kept or "\n"), encoding="utf-8")
