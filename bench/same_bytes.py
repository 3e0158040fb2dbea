"""The same bytes on every supported Python: `hauloc check --format json` of the bench's
national file (3,321 communes in 34 provinces, ~400,000 rows, every kind of roll-up) under
each Python given, compared byte for byte.

    python bench/same_bytes.py PYTHON [PYTHON ...]

Each PYTHON is an interpreter with hauloc installed (a virtualenv's bin/python). The roll-up's
sums and means are exact (math.fsum), so Python 3.12's compensated `sum()` cannot change a
figure; before, 769 of 2,354 figures of this file differed between 3.11 and 3.12. Exit 0 when
every output is the same, 1 when not (the first differing lines are printed).
"""

from __future__ import annotations

import random
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run as a file, not with -m
from bench.data import SEED, generate_units  # noqa: E402


def main(pythons: list[str]) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        _, plan, actuals = generate_units("national", folder, random.Random(SEED))
        outputs = {}
        for python in (str(Path(p).absolute()) for p in pythons):
            done = subprocess.run(
                [python, "-m", "hauloc_cli", "check", actuals.name, "--targets", plan.name,
                 "--format", "json", "--fail-on", "never"],
                cwd=folder, capture_output=True, check=False)
            if done.returncode != 0:
                print(f"{python}: exit {done.returncode}\n{done.stderr.decode()}")
                return 1
            version = subprocess.run([python, "--version"], capture_output=True, text=True,
                                     check=True).stdout.strip()
            outputs[f"{python} ({version})"] = done.stdout
    (first, text), *others = outputs.items()
    same = True
    for name, other in others:
        if other == text:
            continue
        same = False
        a, b = text.decode().splitlines(), other.decode().splitlines()
        differ = [i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y]
        print(f"{name} differs from {first} on {len(differ)} lines, first: line {differ[0] + 1}")
        print(f"  {a[differ[0]][:200]}\n  {b[differ[0]][:200]}")
    if same:
        print(f"the same {len(text):,} bytes from " + ", ".join(outputs))
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
