"""`python -m bench`: the full run (10-15 minutes), which writes docs/performance.md;
`python -m bench --quick`: fewer rounds, the report printed only. The method: bench/__init__.py."""

from __future__ import annotations

import argparse
import datetime as dt
import random
import shutil
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from bench import floors, months, peers
from bench.cases import big_cases, seeded_tools, small_cases, triple_cases
from bench.checks import run_seeded
from bench.data import EXAMPLE, SEED, data_rows, make_data, seed_faults
from bench.report import DOC, Bench, hauloc_install, load, report, write_doc
from bench.timing import child_env, hauloc_command, measure

DESCRIPTION = "The hauloc benchmark: the budgets of issue 14, each a ratio measured side by side."


def parse(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench", description=DESCRIPTION)
    parser.add_argument("--quick", action="store_true",
                        help="5 rounds after 1 warm-up for the small inputs, 1 round and no "
                             "warm-up for the big files (a few minutes)")
    parser.add_argument("--no-peers", action="store_true",
                        help="skip frictionless, Soda Core and pandera")
    parser.add_argument("--out", type=Path, default=None,
                        help="where to write the report (default docs/performance.md; "
                             "--quick prints it only, unless --out is given)")
    parser.add_argument("--data", type=Path, default=None, metavar="DIR",
                        help="only write the generated plans and actuals to DIR and stop "
                             "(for profiling)")
    args = parser.parse_args(argv)
    args.rounds, args.warmups = (5, 1) if args.quick else (15, 2)
    args.big_rounds, args.big_warmups = (1, 0) if args.quick else (5, 1)
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse(argv)
    out_path = args.out or (None if args.quick else DOC)
    if args.data:
        args.data.mkdir(parents=True, exist_ok=True)
        for paths in make_data(args.data).values():
            print("\n".join(str(p) for p in paths))
        return 0
    started = dt.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z")
    t0, loads = time.perf_counter(), [load()]
    found, notes = peers.get_peers(args.no_peers)
    h, env = hauloc_command(), child_env()
    with tempfile.TemporaryDirectory(prefix="hauloc-bench-") as tmp:
        work = Path(tmp)
        floors.write(work)
        peers.write(work)
        shutil.copy(EXAMPLE, work / EXAMPLE.name)
        data = make_data(work)
        _, plan, quarterly = data["province"]
        monthly = months.generate_monthly(plan, work, random.Random(SEED))
        at = seed_faults(data["province"][2], work / "actuals_seeded.csv")
        install = hauloc_install()
        small = small_cases(h, data)
        big = big_cases(h, found, work, data, install[0] == "hauloc[fast]")
        tools = seeded_tools(h, found, work, work / "actuals_seeded.csv", data["province"][1])
        print(f"bench: {' '.join(h)}; data in {work}", flush=True)
        groups = {k: measure(k, cmds, work, env, args.rounds, args.warmups)
                  for k, cmds in small.items()}
        groups.update({k: measure(k, cmds, work, env, args.big_rounds, args.big_warmups)
                       for k, cmds in big.items()})
        groups["months"] = measure("months", months.cases(h, plan, quarterly, monthly), work,
                                   env, args.rounds, args.warmups)
        groups.update({k: measure(k, cmds, work, env, 1, 0)  # once per run
                       for k, cmds in triple_cases(h, data).items()})
        seen = run_seeded(tools, work, env, "actuals_seeded.csv", at)
        rows = {"scale": data_rows(data["scale"][1]),
                "province": data_rows(quarterly), "monthly": data_rows(monthly),
                "seeded": data_rows(work / "actuals_seeded.csv")}
    loads.append(load())
    b = Bench(groups, rows, notes, seen, at, install, args, started, loads,
              time.perf_counter() - t0)
    text, verdicts = report(b)
    print()
    print(text)
    if out_path is not None:
        write_doc(text, out_path)
        print(f"bench: wrote {out_path}")
    return 0 if all(ok for _, ok in verdicts) else 1


if __name__ == "__main__":
    sys.exit(main())
