"""What the outputs must show: the first round of every comparison is checked (every target
judged, every row read), and what each tool reports on the file with seeded faults is read,
fault by fault."""

from __future__ import annotations

import json
import re
from pathlib import Path

from bench.data import FAULTS
from bench.peers import SODA_CHECKS
from bench.timing import Cmd, Verify, run_once

# --------------------------------------------------------------------------------------------
# What the first round's outputs must show
# --------------------------------------------------------------------------------------------


def judged(n: int, units: bool) -> Verify:
    """hauloc's JSON judges all n targets of the plan (and rolls some up)."""
    def verify(out: str) -> str | None:
        targets = json.loads(out)["targets"]
        if len(targets) != n:
            return f"judged {len(targets)} targets, not {n}"
        if units and not any(t.get("coverage") for t in targets):
            return "rolled nothing up"
        return None
    return verify


def f_json_read(n: int, rows: int) -> Verify:
    def verify(out: str) -> str | None:
        doc = json.loads(out)
        if (len(doc["targets"]), len(doc["rows"])) != (n, rows + 1):
            return f"read {len(doc['targets'])} targets and {len(doc['rows'])} rows"
        return None
    return verify


def f_units_read(n: int) -> Verify:
    def verify(out: str) -> str | None:
        got = len(json.loads(out))
        return None if got == 4 * n else f"rolled up {got} figures, not {4 * n}"
    return verify


def frictionless_read(rows: int) -> Verify:
    """Valid, and every row read (`--limit-errors 0` lifts its limit of 1,000 errors)."""
    def verify(out: str) -> str | None:
        doc = json.loads(out)
        got = doc["tasks"][0]["stats"]["rows"]
        return None if doc["valid"] and got == rows else f"valid {doc['valid']}, {got} rows"
    return verify


def soda_passed(out: str) -> str | None:
    n = len(SODA_CHECKS)
    return None if f"{n}/{n} checks PASSED" in out else f"not all checks passed:\n{out[-1500:]}"


def pandera_read(rows: int) -> Verify:
    def verify(out: str) -> str | None:
        doc = json.loads(out)
        ok = doc["rows"] == rows and not doc["failures"]
        return None if ok else f"{doc['rows']} rows, {len(doc['failures'])} failures"
    return verify


# --------------------------------------------------------------------------------------------
# The seeded file: what each tool reports
# --------------------------------------------------------------------------------------------


def hauloc_found(err: str, name: str) -> list[tuple[int, str]]:
    """(line, code) of each problem hauloc lists on stderr as FILE:LINE[:COL]: [code] …"""
    pattern = re.compile(rf"^{re.escape(name)}:(\d+)(?::\d+)?: \[([a-z-]+)\]", re.M)
    return [(int(line), code) for line, code in pattern.findall(err)]


def frictionless_found(out: str) -> list[tuple[int, str]]:
    doc = json.loads(out)
    return [(e.get("rowNumber", 0), e["type"]) for task in doc["tasks"] for e in task["errors"]]


def pandera_found(out: str) -> list[tuple[int, str]]:
    """(line, "columns: check") of each failure case (a check on several columns once)."""
    columns: dict[tuple[int, str], list[str]] = {}
    for f in json.loads(out)["failures"]:
        columns.setdefault((f["line"] or 0, f["check"]), []).append(f["column"])
    return [(line, f"{', '.join(sorted(cs))}: {check}") for (line, check), cs in columns.items()]


def soda_found(out: str) -> dict[str, str]:
    """The failed SodaCL checks and their values, from `soda scan`'s summary."""
    failed: dict[str, str] = {}
    check = None
    for line in out.splitlines():
        text = re.sub(r"^\[\d\d:\d\d:\d\d\]\s*", "", line).strip()
        if text.endswith("[FAILED]"):
            check = text.removesuffix("[FAILED]").strip()
            failed[check] = "?"
        elif check and text.startswith("check_value:"):
            failed[check] = text.split(":", 1)[1].strip()
            check = None
    return failed


def by_line(found: list[tuple[int, str]], at: dict[str, int]) -> tuple[dict[str, str], int]:
    """What a tool reported on each seeded line, and how many reports fall on other lines."""
    cells = {k: ", ".join(sorted({f"`{what}`" for line, what in found if line == n})) or "—"
             for k, n in at.items()}
    return cells, sum(1 for line, _ in found if line not in at.values())


def soda_cells(out: str) -> tuple[dict[str, str], int]:
    failed = soda_found(out)
    cells = {k: "—" for k, _ in FAULTS}
    for check, value in failed.items():
        fault = SODA_CHECKS.get(check)
        if fault:
            cells[fault] = f"`{check.split(' = ')[0]}` = {value}"
    return cells, sum(1 for c in failed if not SODA_CHECKS.get(c))


Seeded = dict[str, tuple[dict[str, str], int]]


def run_seeded(tools: dict[str, Cmd], cwd: Path, env: dict[str, str], name: str,
               at: dict[str, int]) -> Seeded:
    """Each tool once on the seeded file: per fault what it says, and its other reports."""
    seen: Seeded = {}
    for tool, cmd in tools.items():
        run_once(cmd, cwd, env)
        out = (cwd / "out" / cmd.key).read_text(encoding="utf-8")
        if tool == "soda":
            seen[tool] = soda_cells(out)
            continue
        if tool == "hauloc":
            found = hauloc_found(Path(f"{cwd / 'out' / cmd.key}.err").read_text("utf-8"), name)
        else:
            found = (frictionless_found if tool == "frictionless" else pandera_found)(out)
        seen[tool] = by_line(found, at)
    return seen
