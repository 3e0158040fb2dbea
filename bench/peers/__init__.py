"""The peers hauloc is compared with (frictionless, Soda Core with DuckDB, pandera): the
versions pinned, each one's virtualenv under bench/, and what each is given to check the
actuals with (unit, target, period and value): a Table Schema for frictionless (schema.json),
SodaCL checks and a DuckDB data source for Soda Core (soda_view.py), a pandera schema
(f_pandera.py)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from bench.data import ROOT

HERE = Path(__file__).resolve().parent

# Each peer's virtualenv and what is installed into it (the versions the numbers were taken
# with; the bench makes the virtualenv again when what it holds differs).
PEERS = {
    "frictionless": ["frictionless==5.21.0"],
    "soda": ["soda-core-duckdb==3.5.6", "soda-core==3.5.6", "duckdb==1.0.0"],
    "pandera": ["pandera[pandas]==0.35.0", "pandas==3.1.1", "numpy==2.4.6"],
}

# The fault each SodaCL check finds.
SODA_CHECKS = {
    "duplicate_count(unit, target, period) = 0": "duplicate",
    "missing_count(unit) = 0": None,
    "missing_count(target) = 0": None,
    "missing_count(period) = 0": "period-missing",
    "missing_count(value) = 0": "value-missing",
    "invalid_count(period) = 0": "period-format",
    "invalid_count(value) = 0": "value-number",
}
SODA_VALID = {"invalid_count(period) = 0": "valid regex: '^\\d{4}-Q[1-4]$'",
              "invalid_count(value) = 0": "valid format: decimal"}



def write(folder: Path) -> dict[str, Path]:
    """The peers' programs and files, written into the bench's work folder."""
    files = {
        "f_pandera.py": (HERE / "f_pandera.py").read_text(encoding="utf-8"),
        "soda_view.py": (HERE / "soda_view.py").read_text(encoding="utf-8"),
        "schema.json": (HERE / "schema.json").read_text(encoding="utf-8"),
        "checks.yml": "checks for actuals:\n" + "".join(
            f"  - {c}" + (f":\n      {SODA_VALID[c]}\n" if c in SODA_VALID else "\n")
            for c in SODA_CHECKS),
        # Soda Core sends usage statistics unless told not to; its HOME is this folder.
        "home/.soda/config.yml": "send_anonymous_usage_stats: false\n",
    }
    paths = {}
    for name, text in files.items():
        paths[name] = folder / name
        paths[name].parent.mkdir(parents=True, exist_ok=True)
        paths[name].write_text(text, encoding="utf-8")
    return paths


@dataclass
class Peer:
    name: str
    venv: Path
    versions: dict[str, str]

    def bin(self, script: str) -> str:
        return str(self.venv / "bin" / script)


def _installed(python: Path, dists: Sequence[str]) -> dict[str, str]:
    code = ("import json, sys\nfrom importlib.metadata import version\nout = {}\n"
            "for d in sys.argv[1:]:\n    try: out[d] = version(d)\n"
            "    except Exception: out[d] = ''\nprint(json.dumps(out))")
    out = subprocess.run([str(python), "-c", code, *dists], capture_output=True, text=True)
    return json.loads(out.stdout) if out.returncode == 0 else {}


def peer(name: str) -> tuple[Peer | None, str]:
    """The peer's virtualenv under bench/, made (again) unless it holds the pinned versions;
    or (None, why not)."""
    venv = ROOT / "bench" / f".venv-{name}"
    python = venv / "bin" / "python"
    pins = dict(re.sub(r"\[.*\]", "", p).split("==") for p in PEERS[name])
    found = _installed(python, list(pins)) if python.is_file() else {}
    if found != pins:
        print(f"bench: installing {', '.join(PEERS[name])} into {venv}", flush=True)
        try:
            subprocess.run([sys.executable, "-m", "venv", "--clear", str(venv)], check=True)
            subprocess.run([str(python), "-m", "pip", "install", "-q", *PEERS[name]],
                           check=True)
        except (subprocess.CalledProcessError, OSError) as exc:
            return None, f"{name} could not be installed ({exc})"
        found = _installed(python, list(pins))
        if found != pins:
            return None, f"{name}'s virtualenv holds {found}, not {pins}"
    return Peer(name, venv, found), ", ".join(f"{k} {v}" for k, v in found.items())


def get_peers(skip: bool) -> tuple[dict[str, Peer], dict[str, str]]:
    """Each peer found or installed, and its versions or why it is missing."""
    if skip:
        return {}, dict.fromkeys(PEERS, "skipped (--no-peers)")
    found, notes = {}, {}
    for name in PEERS:
        p, notes[name] = peer(name)
        if p is not None:
            found[name] = p
    return found, notes
