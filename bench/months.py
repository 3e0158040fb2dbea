"""Months at scale (issue 22): the province file month by month — 166 communes × 30 targets ×
11 months, about 55,000 rows — read and judged by `hauloc check` within 1.2× the time per row
of the quarterly province file (166 × 30 × 4), measured side by side in rotating rounds.

    python -m bench.months            # 15 rounds after 2 warm-ups
    python -m bench.months --quick    # 5 rounds after 1 warm-up

The full run (`python -m bench`) measures the same pair and reports the budget with the others.

Both files are of the one seeded plan and units tree (`data.generate_units("province")`);
the monthly file gives every commune's year-to-date figure at the end of each month, January
to November (`2024-01` … `2024-11`), one in 200 left out as in the quarterly file. Exits 1
when the budget is not kept.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from bench.cases import hauloc_check
from bench.data import SEED, UNIT_SIZES, YEAR, data_rows, generate_units
from bench.timing import Cmd, Command, Group, child_env, hauloc_command, measure

MONTHS = 11  # the December meeting's file: "11 tháng"
BUDGET = 1.2  # time per row, monthly file over quarterly file


def _monthly(kind: str, count: bool, top: float, rng: random.Random) -> list[float]:
    """One commune's year-to-date figures at the end of each month, January to November."""
    if kind == "level":
        start = rng.uniform(40, 95)
        return [min(100.0, start + m * rng.uniform(0, 1)) for m in range(1, MONTHS + 1)]
    if count:
        done = rng.randint(1, 24)  # the month the commune meets it; after November: not yet
        return [1.0 if m >= done else 0.0 for m in range(1, MONTHS + 1)]
    return [top * rng.uniform(0.03, 0.1) * m for m in range(1, MONTHS + 1)]


def generate_monthly(plan: Path, folder: Path, rng: random.Random) -> Path:
    """`actuals_province_monthly.csv`: every commune's figure of every target of `plan` at the
    end of each month, January to November."""
    text = plan.read_text(encoding="utf-8")
    targets = [line.split(": ", 1)[1] for line in text.splitlines()
               if line.startswith("  - id: ")]
    kinds = [line.split(": ", 1)[1] for line in text.splitlines()
             if line.startswith("    kind: ")]
    communes = UNIT_SIZES["province"][0]
    rows = ["unit,target,period,value"]
    for tid, kind in zip(targets, kinds, strict=True):
        top = 100.0 if kind == "level" else 50.0
        for i in range(communes):
            figures = _monthly(kind, tid.endswith("count_meeting"), top, rng)
            rows += [f"x{i:04d},{tid},{YEAR}-{m:02d},{v:.2f}"
                     for m, v in enumerate(figures, 1) if rng.random() >= 0.005]
    path = folder / "actuals_province_monthly.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def cases(h: Command, plan: Path, quarterly: Path, monthly: Path) -> list[Cmd]:
    """The monthly and the quarterly province file, each checked with the units tree."""
    n = UNIT_SIZES["province"][2]
    return [hauloc_check(h, monthly, plan, n, key="monthly"),
            hauloc_check(h, quarterly, plan, n, key="quarterly")]


def per_row_ratio(group: Group, rows: dict[str, int]) -> float:
    """The monthly file's time per row over the quarterly file's (median of the rounds)."""
    return group.ratio("monthly", "quarterly") * rows["quarterly"] / rows["monthly"]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.months", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="5 rounds after 1 warm-up")
    args = parser.parse_args(argv)
    rounds, warmups = (5, 1) if args.quick else (15, 2)
    h, env = hauloc_command(), child_env()
    with tempfile.TemporaryDirectory(prefix="hauloc-bench-months-") as tmp:
        work = Path(tmp)
        _, plan, quarterly = generate_units("province", work, random.Random(SEED))
        monthly = generate_monthly(plan, work, random.Random(SEED))
        rows = {"quarterly": data_rows(quarterly), "monthly": data_rows(monthly)}
        group = measure("months", cases(h, plan, quarterly, monthly), work, env, rounds,
                        warmups)
    ratio = per_row_ratio(group, rows)
    for key in ("quarterly", "monthly"):
        seconds = group.median(key)
        print(f"{key}: {rows[key]:,} rows, {seconds * 1000:,.0f} ms, "
              f"{seconds / rows[key] * 1e6:.1f} µs per row")
    kept = ratio <= BUDGET
    print(f"time per row, monthly / quarterly: {ratio:.2f}x (budget {BUDGET}x): "
          f"{'kept' if kept else 'NOT KEPT'}")
    return 0 if kept else 1


if __name__ == "__main__":
    sys.exit(main())
